/** Terminal rendering of a pipeline result (pure: result in, text out). */
import type { ContentsDelta } from '../size/contents-delta.js'
import { cacheMountTerminalLines } from '../report/cache-mounts.js'
import { FULL, type RenderLimits } from '../report/markdown.js'
import type { RunReport } from '../report/run-report.js'
import { formatDuration } from '../report/summary.js'
import { counted, formatBytes, formatDelta, formatPercent } from '../size/units.js'
import { type PipelineResult } from '../result.js'
import { evidencePath } from '../audit/evidence-path.js'

export interface Style {
  bold: (s: string) => string
  dim: (s: string) => string
  red: (s: string) => string
  green: (s: string) => string
  yellow: (s: string) => string
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`
export const COLORS: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) }
export const PLAIN: Style = { bold: s => s, dim: s => s, red: s => s, green: s => s, yellow: s => s }

// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length

/**
 * Left-aligned text table; columns sized to their widest cell. A cell holding line breaks spans as
 * many terminal lines (the other cells of its row stay on the first).
 */
export function table(rows: string[][], style: Style, rightAlign: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.flatMap(r => (r[c] ?? '').split('\n').map(visible))))
  return rows
    .flatMap((r, i) => {
      const cells = r.map(cell => cell.split('\n'))
      const height = Math.max(...cells.map(c => c.length))
      return Array.from({ length: height }, (_, k) => {
        const line = cells
          .map((lines, c) => {
            const cell = lines[k] ?? ''
            const pad = ' '.repeat(widths[c] - visible(cell))
            return rightAlign.includes(c) ? pad + cell : cell + pad
          })
          .join('  ')
          .trimEnd()
        return i === 0 ? style.bold(line) : line
      })
    })
    .join('\n')
}

/** Break `text` into lines of at most `width` characters at blanks (a longer word gets its own line). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

const SEV = { error: 'red', warning: 'yellow', notice: 'dim' } as const

/** Terminal columns the findings table may use when the terminal does not say. */
export const DEFAULT_COLUMNS = 120

export function renderTerminal(r: PipelineResult, report: RunReport, s: Style, columns = DEFAULT_COLUMNS, all = false): string {
  const out: string[] = []
  const mark = { ok: s.green('ok'), failed: s.red('FAILED'), skipped: s.dim('skipped') }
  out.push('', s.bold(`Stagecraft: ${report.dockerfile} → ${r.runnerStage}`), '')
  out.push(table([['phase', 'outcome', 'time'], ...r.phases.map(p => [p.name, mark[p.outcome], formatDuration(p.durationMs)])], s, [2]))
  for (const p of r.phases) if (p.outcome !== 'ok' && p.reason) out.push(s.dim(`  ${p.name}: ${p.reason}`))
  out.push('')
  const test =
    r.testResult === 'skipped'
      ? s.dim('skipped (no --test-target)')
      : r.testResult === 'passed'
        ? s.green(`${r.testStage} passed`)
        : s.red(`${r.testStage} FAILED`)
  out.push(`test stage  ${test}`)
  if (r.image) {
    out.push(`image       ${r.image.imageId}${report.image?.user !== undefined ? `  (user: ${report.image.user || 'root'})` : ''}`)
    if (r.image.tags.length) out.push(`tags        ${r.image.tags.join(', ')}`)
    if (r.image.digest) out.push(`digest      ${r.image.digest}`)
  }
  if (report.part)
    out.push(
      `part        ${report.part.platforms.map(p => p.platform).join(', ')} of ${report.part.name}, ${report.part.digest ? 'pushed by digest (not tagged: the merge tags it)' : 'nothing pushed (the part failed)'}`
    )
  if (r.size) {
    const d = r.delta
    const delta = d
      ? `  ${(d.bytes > d.baseBytes ? s.red : s.green)(`${formatDelta(d.bytes - d.baseBytes)} (${formatPercent(d.percent)})`)} vs ${d.baseline.description}`
      : ''
    out.push(`size        ${formatBytes(r.size.bytes)} (${formatBytes(r.size.compressedBytes)} compressed), ${counted(r.size.layerCount, 'layer')}${delta}`)
    if (!d && r.baseline?.note) out.push(s.dim(`baseline    ${r.baseline.note}`))
  }
  if ((r.platforms?.length ?? 0) > 1) {
    for (const p of r.platforms!) {
      const d = p.delta ? `  ${formatDelta(p.delta.bytes - p.delta.baseBytes)} (${formatPercent(p.delta.percent)})` : ''
      const audit = p.audit.failing
        ? s.red(`${p.audit.failing} failing`)
        : s.green(p.audit.findings.length ? `${p.audit.findings.length} below fail-on` : 'clean')
      out.push(`  ${p.platform.padEnd(16)} ${formatBytes(p.size.bytes)} (${formatBytes(p.size.compressedBytes)} compressed)${d}, audit ${audit}`)
    }
  }
  if (report.cacheMounts?.length) {
    const [first, ...rest] = cacheMountTerminalLines(report.cacheMounts)
    out.push(`cache mounts ${first}`, ...rest.map(l => `             ${l}`))
  }
  for (const b of r.budgets) out.push(s.red(`budget      ${b.message}`))
  if (r.checks) {
    out.push(
      `checks      ${r.checks.length === 0 ? s.green('no build check warnings') : `${r.checks.length} build check finding${r.checks.length === 1 ? '' : 's'}`}`
    )
    for (const c of r.checks) out.push(`  ${s[SEV[c.severity]](c.severity)} ${c.file ?? report.dockerfile}:${c.line ?? 1} ${c.rule} ${c.message}`)
  }
  if (r.audit) {
    const f = r.audit.findings
    out.push(
      `audit       ${f.length === 0 ? s.green('clean') : `${f.length} finding${f.length === 1 ? '' : 's'}, ${r.audit.failing} failing`}${r.audit.allowed.length ? `, ${r.audit.allowed.length} allowed` : ''}`
    )
    if (f.length) {
      out.push('')
      const rows = f.map(x => [
        s[SEV[x.severity]](x.severity),
        x.rule,
        x.platform ?? '',
        x.evidence.line ? String(x.evidence.line) : '',
        shorten(evidencePath(x.evidence) ?? '', 48),
        x.evidence.bytes ? formatBytes(x.evidence.bytes) : '',
        x.message
      ])
      // The finding column takes what the others leave; its text wraps, never cut (the fix is at the end).
      const head = ['severity', 'rule', 'platform', 'line', 'path', 'bytes', 'finding']
      const used = head.slice(0, -1).reduce((n, h, c) => n + Math.max(visible(h), ...rows.map(r => visible(r[c]))) + 2, 0)
      const width = Math.max(40, columns - used)
      out.push(table([head, ...rows.map(r => [...r.slice(0, -1), wrapText(r[r.length - 1], width)])], s, [3, 5]))
    }
    for (const p of r.audit.unusedAllow ?? []) out.push(s.yellow(`warning: audit-allow pattern "${p}" matched no finding (a typo, or no longer needed)`))
  }
  if (r.delta) {
    const changed = r.delta.layers.filter(l => l.status !== 'same')
    if (changed.length) {
      out.push('', s.bold('layer changes against the baseline'))
      out.push(
        table(
          [
            ['line', 'instruction', 'size', 'delta'],
            ...changed.map(l => [
              l.line ? String(l.line) : '',
              shorten(l.instruction.replace(/\s+# buildkit$/, ''), 70),
              formatBytes(l.bytes),
              formatDelta(l.delta)
            ])
          ],
          s,
          [0, 2, 3]
        )
      )
    }
  }
  if (r.delta?.contents) out.push(...contentsLines(r.delta.contents, s, all ? undefined : FULL))
  else if (r.delta?.contentsNote) out.push('', s.dim(`no file or package delta: ${r.delta.contentsNote}`))
  for (const w of r.warnings) out.push(s.yellow(`warning: ${w}`))
  out.push(...logTail(r, s))
  out.push('', report.verdict.passed ? s.green('✓ passed') : s.red(`✗ ${report.verdict.reasons.join('\n✗ ')}`), '')
  return out.join('\n')
}

/** The failing build's log tail, framed; the CLI writes the same lines to stderr with --json/--markdown. */
export function logTail(r: Pick<PipelineResult, 'failedLogTail'>, s: Style): string[] {
  if (!r.failedLogTail?.length) return []
  return ['', s.dim(`--- last ${r.failedLogTail.length} lines of the failing build ---`), ...r.failedLogTail, s.dim('---')]
}

function shorten(x: string, n: number): string {
  return x.length <= n ? x : `${x.slice(0, n - 1)}…`
}

const STATUS_STYLE = { grown: 'red', added: 'red', shrunk: 'green', removed: 'green' } as const

/**
 * The directories and packages that changed, capped as the PR comment caps them so the verdict
 * and the biggest changes fit on one screen (`limits` undefined: every row, for --verbose).
 */
function contentsLines(c: ContentsDelta, s: Style, limits?: Pick<RenderLimits, 'paths' | 'packages'>): string[] {
  const out: string[] = []
  const paths = limits ? c.paths.slice(0, limits.paths) : c.paths
  const packages = limits ? c.packages.slice(0, limits.packages) : c.packages
  if (c.paths.length) {
    out.push('', s.bold('paths that changed against the baseline'))
    out.push(
      table(
        [
          ['path', 'change', 'before', 'after', 'delta', 'line'],
          ...paths.map(p => [
            `${p.path}${p.rest ? ' (other files)' : ''}`,
            s[STATUS_STYLE[p.status]](p.status),
            p.before ? formatBytes(p.before) : '-',
            p.after ? formatBytes(p.after) : '-',
            formatDelta(p.delta),
            p.line ? String(p.line) : ''
          ])
        ],
        s,
        [2, 3, 4, 5]
      )
    )
    const note = moreNote(c.paths.length - paths.length, c.omitted?.paths ?? 0)
    if (note) out.push(s.dim(note))
  }
  if (c.packages.length) {
    out.push('', s.bold('packages that changed against the baseline'))
    for (const p of packages) {
      const mark = { added: '+', removed: '-', upgraded: '↑', downgraded: '↓' }[p.status]
      const version = p.status === 'added' ? p.after : p.status === 'removed' ? p.before : `${p.before} → ${p.after}`
      const deps = p.with?.length
        ? ` and ${p.with.length} ${p.with.length === 1 ? 'dependency' : 'dependencies'}${p.withBytes ? ` (${formatDelta(p.withBytes)})` : ''}: ${p.with.join(', ')}`
        : ''
      out.push(`  ${mark} ${p.name} ${version} [${p.manager}] (${formatDelta(p.delta)})${deps}`)
    }
    const note = moreNote(c.packages.length - packages.length, c.omitted?.packages ?? 0)
    if (note) out.push(s.dim(note))
  }
  return out
}

/** `…N more` under a capped list: `cut` rows --verbose would show, `omitted` ones only the JSON report has. */
function moreNote(cut: number, omitted: number): string | undefined {
  if (cut + omitted === 0) return undefined
  return `  …${cut + omitted} more in the JSON report (--json)${cut ? `; --verbose shows ${cut === cut + omitted ? 'them' : `${cut} of them`}` : ''}`
}
