/** The cache-mount section of the job summary, as Markdown. Pure. */
import { escapeCell } from './markdown.js'
import type { CacheMountReport } from '../cache-mounts/types.js'
import { formatBytes } from '../size/units.js'

/**
 * One row per persisted cache: restore outcome (hit / partial / miss / warm), what was restored,
 * save outcome and size, and the time of each phase (store transfer + helper build). Skipped and
 * failed mounts get a note under the table. Empty string when there are no reports.
 */
export function renderCacheMountSummary(reports: CacheMountReport[], opts: { store?: string } = {}): string {
  if (reports.length === 0) return ''
  const rows = new Map<string, { restore?: CacheMountReport; save?: CacheMountReport }>()
  for (const r of reports) {
    const k = r.keys?.prefix ?? `${r.id}|${r.lines.join(',')}`
    const row = rows.get(k) ?? {}
    row[r.phase] = r
    rows.set(k, row)
  }
  const out = ['### Cache mounts', '']
  if (opts.store) out.push(`Store: ${opts.store}.`, '')
  out.push('| Cache mount | Restore | Restored | Restore time | Save | Saved | Save time |')
  out.push('|---|---|---|---:|---|---|---:|')
  const notes: string[] = []
  for (const { restore, save } of rows.values()) {
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
  return `${formatBytes(r.bytes)} (${r.files} files)`
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
