/**
 * The report as Markdown (pure): the PR comment and the top of the job summary are the same
 * text, so what a reviewer sees on the PR is what the run's summary says.
 */
import type { Finding } from '../audit/types.js'
import { formatBytes, formatDelta, formatPercent } from '../size/units.js'
import type { LayerDelta } from '../size/model.js'
import { escapeCell } from './cells.js'
import { compositionSection, largestPlatform, packagesSection, pathsSection, trendSection, wastedSection } from './contents-markdown.js'
import type { RunReport } from './run-report.js'
import { evidencePath } from '../audit/evidence-path.js'

const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

export { escapeCell }

/** Row limits of the comment's sections. */
export interface RenderLimits {
  findings: number
  layers: number
  paths: number
  packages: number
  wasted: number
  chart: boolean
}

/** The comment's row limits when it fits whole; the terminal report caps its lists the same way. */
export const FULL: RenderLimits = { findings: 50, layers: 200, paths: 15, packages: 20, wasted: 15, chart: true }

/**
 * When the comment would be too long, sections are cut in this order, one step at a time, until
 * it fits: the wasted-files list, then the layer table, package and path lists, findings, the
 * chart, and finally whole tables. Anything cut is in the JSON report.
 */
const CUTS: Partial<RenderLimits>[] = [
  { wasted: 5 },
  { wasted: 0 },
  { layers: 50 },
  { packages: 10 },
  { paths: 10 },
  { layers: 20 },
  { findings: 20 },
  { packages: 5 },
  { paths: 5 },
  { chart: false },
  { layers: 5, findings: 5 },
  { layers: 0, findings: 0 },
  { packages: 0, paths: 0 }
]

/** GitHub refuses comment bodies over 65,536 characters; this leaves room for the hidden marker line. */
export const COMMENT_BUDGET = 65536 - 1024

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`
}

/** Longest finding text in the comment's table (the JSON report has it whole). */
const MESSAGE_MAX = 500

/**
 * Shorten a finding's message from the middle: its last sentence says what to do, so it is kept
 * whole and the cut (…) falls in the evidence before it.
 */
export function shortenKeepingFix(message: string, max: number): string {
  if (message.length <= max) return message
  const lastStop = message.lastIndexOf('. ', message.length - 2)
  const fix = lastStop >= 0 ? message.slice(lastStop + 2) : ''
  if (!fix || fix.length > max / 2) return shorten(message, max)
  return `${message.slice(0, max - fix.length - 2).trimEnd()}… ${fix}`
}

function direction(delta: number): string {
  return delta > 0 ? '📈' : delta < 0 ? '📉' : '➖'
}

function sizeLine(r: RunReport): string {
  if (!r.size) return '—'
  const s = r.size
  const largest = (r.platforms?.length ?? 0) > 1 && r.image?.platform ? ` (largest platform: \`${r.image.platform}\`)` : ''
  const compressed = `${formatBytes(s.compressedBytes)} compressed${s.compressedFrom === 'gzip-estimate' ? ' (estimated)' : ''}`
  if (!r.delta) return `**${formatBytes(s.bytes)}**${largest} (${compressed})`
  const d = r.delta
  const grew = d.bytes - d.baseBytes
  const cgrew = d.compressedBytes - d.baseCompressedBytes
  return (
    `**${formatBytes(s.bytes)}**${largest} ${direction(grew)} **${formatDelta(grew)} (${formatPercent(d.percent)})** · ` +
    `${compressed} ${formatDelta(cgrew)} (${formatPercent(d.compressedPercent)})`
  )
}

function budgetLine(r: RunReport): string {
  if (r.budgets.length === 0) return '✅ within budget'
  return r.budgets.map(b => `❌ ${escapeCell(b.message)}`).join('<br>')
}

function testLine(r: RunReport): string {
  if (r.test.result === 'skipped') return '⏭️ no test stage'
  return r.test.result === 'passed' ? `✅ \`${r.test.stage}\` passed` : `❌ \`${r.test.stage}\` failed`
}

/** BuildKit's Dockerfile checks, counted by severity. */
function checksLine(checks: NonNullable<RunReport['checks']>): string {
  const n = (sev: string) => checks.filter(c => c.severity === sev).length
  return (['error', 'warning', 'notice'] as const)
    .filter(s => n(s))
    .map(s => `${n(s)} ${s}${n(s) === 1 ? '' : 's'}`)
    .join(', ')
}

function auditLine(r: RunReport): string {
  if (!r.audit) return '—'
  const count = (sev: string) => r.audit!.findings.filter(f => f.severity === sev).length
  const parts = [
    ['error', count('error')],
    ['warning', count('warning')],
    ['notice', count('notice')]
  ]
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`)
  const allowed = r.audit.allowed.length ? ` · ${r.audit.allowed.length} allowed` : ''
  if (r.audit.failing > 0) return `❌ ${parts.join(', ')}${allowed}`
  return parts.length ? `✅ passes (fail-on: ${r.audit.failOn}) · ${parts.join(', ')}${allowed}` : `✅ clean${allowed}`
}

function where(f: Finding, dockerfile: string, multi: boolean): string {
  const e = f.evidence
  const bits: string[] = []
  if (multi && f.platform) bits.push(`**${f.platform}**`)
  const path = evidencePath(e)
  if (path) bits.push(`\`${shorten(path, 60)}\``)
  if (e.line) bits.push(`${dockerfile}:${e.line}`)
  if (e.layer) bits.push(`layer ${e.layer.index}`)
  return bits.join(' · ') || '—'
}

function findingsTable(findings: Finding[], dockerfile: string, max: number, multi: boolean): string[] {
  const rows = findings
    .slice(0, max)
    .map(
      f =>
        `| ${SEVERITY_ICON[f.severity]} ${f.severity} | \`${f.rule}\` | ${escapeCell(where(f, dockerfile, multi))} | ${f.evidence.bytes ? formatBytes(f.evidence.bytes) : ''} | ${escapeCell(shortenKeepingFix(f.message, MESSAGE_MAX))} |`
    )
  const out = ['| Severity | Rule | Where | Bytes | Finding |', '| --- | --- | --- | ---: | --- |', ...rows]
  if (findings.length > max) out.push('', `_…and ${findings.length - max} more in the JSON report._`)
  return out
}

function layerRow(l: { line?: number; instruction: string; bytes: number }, d?: LayerDelta): string {
  const delta = d
    ? d.status === 'added'
      ? `🆕 ${formatDelta(d.delta)}`
      : d.status === 'removed'
        ? `🗑️ ${formatDelta(d.delta)}`
        : d.delta
          ? formatDelta(d.delta)
          : ''
    : ''
  const text = l.instruction.replace(/\s+# buildkit$/, '').trim()
  const what = text ? `\`${escapeCell(shorten(text, 90))}\`` : '_base image layer_'
  return `| ${l.line || ''} | ${what} | ${formatBytes(l.bytes)} | ${delta} |`
}

function layersTable(r: RunReport, max: number): string[] {
  if (!r.size) return []
  let rows: string[] = []
  if (r.delta) {
    // Biggest changes first when the table is cut.
    const shown = r.delta.layers.length > max ? [...r.delta.layers].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, max) : r.delta.layers
    for (const d of r.delta.layers) if (shown.includes(d)) rows.push(layerRow({ line: d.line, instruction: d.instruction, bytes: d.bytes }, d))
  } else {
    const shown = r.size.layers.length > max ? [...r.size.layers].sort((a, b) => b.bytes - a.bytes).slice(0, max) : r.size.layers
    for (const l of r.size.layers) if (shown.includes(l)) rows.push(layerRow(l))
  }
  const cut = (r.delta?.layers.length ?? r.size.layers.length) - rows.length
  if (cut > 0) rows = [...rows, '', `_…${cut} smaller layers in the JSON report._`]
  const wasted = r.size.wastedBytes ? ` · ${formatBytes(r.size.wastedBytes)} wasted by files later layers overwrite or delete` : ''
  return [
    `<details><summary>Layers (${r.size.layerCount}) by Dockerfile instruction${platformOf(r)}${wasted}</summary>`,
    '',
    '| Line | Instruction | Size | Δ |',
    '| ---: | --- | ---: | ---: |',
    ...rows,
    '',
    '</details>'
  ]
}

/** ` of linux/arm64 (the largest platform)` when the image has several platforms. */
function platformOf(r: RunReport): string {
  return (r.platforms?.length ?? 0) > 1 && r.image?.platform ? ` of ${r.image.platform} (the largest platform)` : ''
}

/** One row per platform: size, delta, findings, budget. */
function platformsTable(r: RunReport): string[] {
  const rows = (r.platforms ?? []).map(p => {
    const grew = p.delta ? p.delta.bytes - p.delta.baseBytes : undefined
    const delta = grew === undefined ? '' : `${direction(grew)} ${formatDelta(grew)} (${formatPercent(p.delta!.percent)})`
    const audit = p.failing > 0 ? `❌ ${p.failing} failing` : p.findings > 0 ? `✅ ${p.findings} below fail-on` : '✅ clean'
    const budget = p.budgets.length ? '❌ over' : '✅'
    return `| \`${p.platform}\` | ${formatBytes(p.size.bytes)} | ${delta} | ${formatBytes(p.size.compressedBytes)} | ${audit} | ${budget} |`
  })
  return ['| Platform | Size | Δ | Compressed | Audit | Budget |', '| --- | ---: | ---: | ---: | --- | --- |', ...rows]
}

/**
 * The PR comment / summary body, at most `limit` characters: sections are cut in the CUTS order
 * until it fits. `maxFindings` bounds the findings table.
 */
export function renderReport(r: RunReport, maxFindings = 50, limit = COMMENT_BUDGET): string {
  let limits: RenderLimits = { ...FULL, findings: maxFindings }
  let body = renderWith(r, limits)
  for (const cut of CUTS) {
    if (body.length <= limit) return body
    limits = {
      ...limits,
      ...Object.fromEntries(Object.entries(cut).map(([k, v]) => [k, typeof v === 'number' ? Math.min(v, limits[k as keyof RenderLimits] as number) : v]))
    }
    body = renderWith(r, limits)
  }
  if (body.length <= limit) return body
  const note = '\n\n… _truncated: the full report is in the job summary and the JSON report._\n'
  return body.slice(0, limit - note.length) + note
}

function renderWith(r: RunReport, limits: RenderLimits): string {
  const out: string[] = []
  const verdict = r.verdict.passed ? '✅' : '❌'
  out.push(`### ${verdict} Stagecraft · \`${r.dockerfile}\` → \`${r.target}\``, '')
  out.push('| | |', '| --- | --- |')
  out.push(`| **Size** | ${sizeLine(r)} |`)
  out.push(`| **Budget** | ${budgetLine(r)} |`)
  out.push(`| **Test stage** | ${testLine(r)} |`)
  out.push(`| **Audit** | ${auditLine(r)} |`)
  if (r.checks?.length) out.push(`| **Build checks** | ${checksLine(r.checks)} |`)
  out.push('')
  if (!r.verdict.passed) {
    out.push('**Why this check fails:**', ...r.verdict.reasons.map(x => `- ${escapeCell(x)}`), '')
  }
  for (const p of r.audit?.unusedAllow ?? []) {
    out.push(`> ⚠️ audit-allow pattern \`${escapeCell(p)}\` matched no finding (a typo, or no longer needed).`, '')
  }
  const multi = (r.platforms?.length ?? 0) > 1
  if (multi) out.push(...platformsTable(r), '')
  if (r.audit?.findings.length && limits.findings > 0) out.push(...findingsTable(r.audit.findings, r.dockerfile, limits.findings, multi), '')
  if (r.checks?.length && limits.findings > 0) {
    out.push('| Build check | Line | Finding |', '| --- | --- | --- |')
    for (const c of r.checks.slice(0, limits.findings)) {
      // The rule links its documentation; the message keeps only what is said about this line.
      const rule = c.url ? `[\`${c.rule}\`](${c.url})` : `\`${c.rule}\``
      const message = c.url ? c.message.replace(` (${c.url})`, '') : c.message
      out.push(`| ${c.severity} ${rule} | ${c.line ?? ''} | ${escapeCell(shorten(message, 300))} |`)
    }
    out.push('')
  }
  if (r.delta) {
    out.push(...pathsSection(r.delta, r.dockerfile, limits.paths))
    out.push(...packagesSection(r.delta, limits.packages))
    if (r.delta.contentsNote) out.push(`_No file or package delta: ${escapeCell(r.delta.contentsNote)}._`, '')
  }
  const own = largestPlatform(r)
  if (limits.chart) out.push(...compositionSection(r.delta?.contents?.composition?.after ?? own?.contents?.composition, r.delta?.contents?.composition?.before))
  if (limits.chart) out.push(...trendSection(r.trend))
  if (limits.layers > 0) out.push(...layersTable(r, limits.layers), '')
  out.push(...wastedSection(own?.wasted, r.dockerfile, limits.wasted))
  const baseline = r.delta ? `Baseline: ${r.delta.baseline.description}.` : `Baseline: ${r.baselineNote ?? 'none'}.`
  const compressed = r.size
    ? ` Compressed sizes: ${r.size.compressedFrom === 'registry' ? 'from the registry manifest' : r.size.compressedFrom === 'blob' ? 'exact, from the layer blobs' : 'estimated by gzip of each layer'}.`
    : ''
  out.push(`<sub>${escapeCell(baseline)}${compressed}${r.image ? ` Image \`${r.image.id.slice(0, 19)}\`.` : ''}</sub>`)
  return out.join('\n')
}
