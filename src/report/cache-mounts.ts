/** The cache-mount section of the job summary, as Markdown. Pure. */
import { escapeCell } from './markdown.js'
import type { CacheMountReport, RestoreOutcome, SaveOutcome } from '../cache-mounts/types.js'
import { counted, formatBytes } from '../size/units.js'

/**
 * One row per persisted cache: restore outcome (hit / partial / miss / warm), what was restored,
 * save outcome and size, and the time of each phase (store transfer + helper build). Skipped and
 * failed mounts get a note under the table. Empty string when there are no reports.
 */
export function renderCacheMountSummary(reports: CacheMountReport[], opts: { store?: string } = {}): string {
  if (reports.length === 0) return ''
  const rows = pairPhases(reports)
  const out = ['### Cache mounts', '']
  if (opts.store) out.push(`Store: ${opts.store}.`, '')
  out.push('| Cache mount | Restore | Restored | Restore time | Save | Saved | Save time |')
  out.push('|---|---|---|---:|---|---|---:|')
  const notes: string[] = []
  for (const { restore, save } of rows) {
    const any = (restore ?? save)!
    const name = mountName(any)
    out.push(
      `| ${name} | ${label(restore)} | ${restore && restored(restore) ? size(restore) : '—'} | ${time(restore)} ` +
        `| ${label(save)} | ${save?.outcome === 'saved' ? size(save) : '—'} | ${time(save)} |`
    )
    for (const r of [restore, save]) if (r?.message) notes.push(`- ${name} (${r.phase}): ${escapeCell(r.message)}`)
  }
  if (notes.length) out.push('', ...notes)
  return out.join('\n') + '\n'
}

const LABELS: Record<string, string> = {
  hit: 'hit',
  partial: 'partial hit (older key)',
  miss: 'miss',
  warm: 'already in builder',
  saved: 'saved',
  unchanged: 'unchanged, not saved',
  empty: 'empty, not saved',
  exists: 'already stored',
  skipped: 'skipped',
  failed: '⚠️ failed'
}

function label(r?: CacheMountReport): string {
  return r ? (LABELS[r.outcome] ?? r.outcome) : '—'
}

function restored(r: CacheMountReport): boolean {
  return r.outcome === 'hit' || r.outcome === 'partial' || r.outcome === 'warm'
}

function size(r: CacheMountReport): string {
  return `${formatBytes(r.bytes)} (${counted(r.files, 'file')})`
}

function time(r?: CacheMountReport): string {
  if (!r || r.outcome === 'skipped') return '—'
  return `${((r.storeMs + r.buildMs) / 1000).toFixed(1)} s`
}

function mountName(r: CacheMountReport): string {
  const targets = r.targets.filter(t => t.replace(/\/+$/, '') !== r.id)
  const name = targets.length ? `\`${r.id}\` → ${targets.map(t => `\`${t}\``).join(', ')}` : `\`${r.id}\``
  return escapeCell(`${name} (line ${r.lines.join(', ')})`)
}

/** Each cache's restore and save reports, paired (one cache may have only one of them). */
function pairPhases(reports: CacheMountReport[]): { restore?: CacheMountReport; save?: CacheMountReport }[] {
  const rows = new Map<string, { restore?: CacheMountReport; save?: CacheMountReport }>()
  for (const r of reports) {
    const k = r.keys?.prefix ?? `${r.id}|${r.lines.join(',')}`
    const row = rows.get(k) ?? {}
    row[r.phase] = r
    rows.set(k, row)
  }
  return [...rows.values()]
}

/** One persisted cache in the JSON report and the terminal: what restore found, what save did. */
export interface CacheMountLine {
  /** BuildKit's cache id, its targets and Dockerfile lines. */
  id: string
  targets: string[]
  lines: number[]
  restore?: RestoreOutcome
  save?: SaveOutcome
  /** Bytes and regular files restored into the mount (hit, partial, warm). */
  restored?: { bytes: number; files: number }
  /** Bytes and regular files saved to the store. */
  saved?: { bytes: number; files: number }
  /** Why a phase skipped or failed. */
  messages?: string[]
}

/** The caches of a run, one line each (restore and save paired). Pure. */
export function cacheMountLines(reports: CacheMountReport[]): CacheMountLine[] {
  return pairPhases(reports).map(({ restore, save }) => {
    const any = (restore ?? save)!
    const messages = [restore?.message, save?.message].filter((m): m is string => Boolean(m))
    return {
      id: any.id,
      targets: any.targets,
      lines: any.lines,
      ...(restore ? { restore: restore.outcome as RestoreOutcome } : {}),
      ...(save ? { save: save.outcome as SaveOutcome } : {}),
      ...(restore && restored(restore) ? { restored: { bytes: restore.bytes, files: restore.files } } : {}),
      ...(save?.outcome === 'saved' ? { saved: { bytes: save.bytes, files: save.files } } : {}),
      ...(messages.length ? { messages } : {})
    }
  })
}

/** One terminal line per cache: `pkg-cache  restore: hit (3 files, 1.2 kB), save: unchanged, not saved`. */
export function cacheMountTerminalLines(lines: CacheMountLine[]): string[] {
  return lines.map(l => {
    const amount = (a?: { bytes: number; files: number }) => (a ? ` (${counted(a.files, 'file')}, ${formatBytes(a.bytes)})` : '')
    const restore = l.restore ? `restore: ${LABELS[l.restore] ?? l.restore}${amount(l.restored)}` : undefined
    const save = l.save ? `save: ${LABELS[l.save] ?? l.save}${amount(l.saved)}` : undefined
    return `${l.id}  ${[restore, save].filter(Boolean).join(', ')}${l.messages?.length ? `: ${l.messages.join('; ')}` : ''}`
  })
}
