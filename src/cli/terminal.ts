/** Terminal rendering of a pipeline result (pure: result in, text out). */
import type { PipelineResult } from '../pipeline.js'
import { formatDuration } from '../report/summary.js'

export interface Style {
  bold(s: string): string
  dim(s: string): string
  red(s: string): string
  green(s: string): string
  yellow(s: string): string
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`
export const COLORS: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) }
export const PLAIN: Style = { bold: s => s, dim: s => s, red: s => s, green: s => s, yellow: s => s }

/** Left-aligned text table; columns sized to their widest cell. */
export function table(rows: string[][], style: Style, rightAlign: number[] = []): string {
  // eslint-disable-next-line no-control-regex
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => visible(r[c] ?? ''))))
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c] - visible(cell))
          return rightAlign.includes(c) ? pad + cell : cell + pad
        })
        .join('  ')
        .trimEnd()
      return i === 0 ? style.bold(line) : line
    })
    .join('\n')
}

export function renderTerminal(r: PipelineResult, dockerfile: string, s: Style): string {
  const out: string[] = []
  const mark = { ok: s.green('ok'), failed: s.red('FAILED'), skipped: s.dim('skipped') }
  out.push('', s.bold(`Stagecraft: ${dockerfile} → ${r.runnerStage}`), '')
  out.push(table([['phase', 'outcome', 'time'], ...r.phases.map(p => [p.name, mark[p.outcome], formatDuration(p.durationMs)])], s, [2]))
  out.push('')
  const test =
    r.testResult === 'skipped' ? s.dim('skipped (no --test-target)') : r.testResult === 'passed' ? s.green(`${r.testStage} passed`) : s.red(`${r.testStage} FAILED`)
  out.push(`test stage  ${test}`)
  if (r.image) {
    out.push(`image       ${r.image.imageId}`)
    if (r.image.tags.length) out.push(`tags        ${r.image.tags.join(', ')}`)
    if (r.image.digest) out.push(`digest      ${r.image.digest}`)
  }
  for (const w of r.warnings) out.push(s.yellow(`warning: ${w}`))
  if (r.failedLogTail?.length) {
    out.push('', s.dim(`--- last ${r.failedLogTail.length} lines of the failing build ---`), ...r.failedLogTail, s.dim('---'))
  }
  out.push('', r.failure ? s.red(`✗ ${r.failure}`) : s.green('✓ passed'), '')
  return out.join('\n')
}
