/**
 * The "what changed inside" sections of the comment (pure): the directories that explain the size
 * change, the package delta, the composition chart, and the wasted files. Each takes a row limit
 * so the comment can be fitted under GitHub's size limit (markdown.ts decides the limits).
 */
import type { Composition, WastedEntry } from '../size/contents.js'
import type { PathChange } from '../size/contents-delta.js'
import type { SizeDelta } from '../size/model.js'
import { counted, formatBytes, formatDelta } from '../size/units.js'
import { escapeCell } from './cells.js'
import type { RunReport } from './run-report.js'
import { type TrendPoint } from '../size/model.js'
import { type PackageChange } from '../size/package-delta.js'

/** Inline code that survives any backticks in `s`. */
function code(s: string, max = 80): string {
  const t = s.length <= max ? s : `…${s.slice(s.length - max + 1)}`
  const fence = t.includes('`') ? '`` ' : '`'
  return `${fence}${escapeCell(t)}${fence.split('').reverse().join('')}`
}

const STATUS = { grown: '📈 grown', shrunk: '📉 shrunk', added: '🆕 added', removed: '🗑️ removed' } as const
const KIND = { npm: 'npm package', python: 'Python distribution', vendor: 'vendored' } as const

function pathRow(p: PathChange, dockerfile: string): string {
  const what = `${code(p.path)}${p.rest ? ' _(other files)_' : ''}${p.kind ? ` · ${KIND[p.kind]}` : ''}`
  const line = p.line ? `${escapeCell(dockerfile)}:${p.line}` : ''
  return `| ${what} | ${STATUS[p.status]} | ${p.before ? formatBytes(p.before) : '—'} | ${p.after ? formatBytes(p.after) : '—'} | **${formatDelta(p.delta)}** | ${line} |`
}

/** The directories that explain the change, largest change first. */
export function pathsSection(d: SizeDelta, dockerfile: string, max: number): string[] {
  const c = d.contents
  if (!c || c.paths.length === 0 || max <= 0) return []
  const rows = c.paths.slice(0, max).map(p => pathRow(p, dockerfile))
  const more = c.paths.length - rows.length + (c.omitted?.paths ?? 0)
  const out = [
    '**What changed** (directories that explain the size change)',
    '',
    '| Path | Change | Before | After | Δ | Written by |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows
  ]
  const notes: string[] = []
  if (more > 0) notes.push(`${more} more in the JSON report`)
  if (c.unexplained >= 64 * 1024) notes.push(`${formatBytes(c.unexplained)} of changes spread thinly elsewhere`)
  if (notes.length) out.push('', `_…${notes.join('; ')}._`)
  return [...out, '']
}

const MANAGER = { dpkg: 'deb', apk: 'apk', npm: 'npm', python: 'pip' } as const

/** `+ imagemagick 6.9 (+38 MB) and 24 dependencies (+12 MB)` */
export function packageLine(p: PackageChange): string {
  const name = `**${escapeCell(p.name)}**`
  const tag = `<sub>${MANAGER[p.manager]}</sub>`
  if (p.status === 'added') {
    // Nested npm copies weigh nothing of their own (their bytes are the outer package's): no size then.
    const weight = p.withBytes ? ` (${formatDelta(p.withBytes)})` : ''
    const deps = p.with?.length
      ? ` and ${p.with.length} ${p.with.length === 1 ? 'dependency' : 'dependencies'}${weight}: ${escapeCell(shortList(p.with, 12))}`
      : ''
    return `- ➕ ${name} ${escapeCell(p.after ?? '')} ${tag} (${formatDelta(p.delta)})${deps}`
  }
  if (p.status === 'removed') return `- ➖ ${name} ${escapeCell(p.before ?? '')} ${tag} (${formatDelta(p.delta)})`
  const arrow = p.status === 'upgraded' ? '⬆️' : '⬇️'
  return `- ${arrow} ${name} ${escapeCell(p.before ?? '')} → ${escapeCell(p.after ?? '')} ${tag} (${formatDelta(p.delta)})`
}

function shortList(names: string[], max: number): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, …`
}

/** Packages added, removed, up- and downgraded. */
export function packagesSection(d: SizeDelta, max: number): string[] {
  const c = d.contents
  if (!c || c.packages.length === 0 || max <= 0) return []
  const counts = (['added', 'removed', 'upgraded', 'downgraded'] as const)
    .map(s => [s, c.packages.filter(p => p.status === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${s}`)
  const out = [`**Packages** (${counts.join(', ')})`, '', ...c.packages.slice(0, max).map(packageLine)]
  const more = c.packages.length - Math.min(max, c.packages.length) + (c.omitted?.packages ?? 0)
  if (more > 0) out.push('', `_…${more} more in the JSON report._`)
  return [...out, '']
}

const PARTS = [
  ['base', 'Base image'],
  ['os', 'OS packages & system files'],
  ['language', 'Language packages'],
  ['app', 'Application']
] as const

/** A Mermaid pie of the image's composition, with the baseline's beside it in a table. */
export function compositionSection(now: Composition | undefined, before: Composition | undefined): string[] {
  if (!now) return []
  const parts = PARTS.filter(([k]) => now[k] > 0 || (before?.[k] ?? 0) > 0)
  if (parts.length === 0) return []
  const pie = [
    '```mermaid',
    'pie showData title Image composition (bytes)',
    ...parts.filter(([k]) => now[k] > 0).map(([k, label]) => `    "${label}" : ${now[k]}`),
    '```'
  ]
  const withBefore = before && before.baseKnown !== false && now.baseKnown !== false
  const head = withBefore ? ['| Part | Baseline | Now | Δ |', '| --- | ---: | ---: | ---: |'] : ['| Part | Now |', '| --- | ---: |']
  const rows = parts.map(([k, label]) =>
    withBefore
      ? `| ${label} | ${formatBytes(before[k])} | ${formatBytes(now[k])} | ${formatDelta(now[k] - before[k])} |`
      : `| ${label} | ${formatBytes(now[k])} |`
  )
  return ['<details><summary>Composition</summary>', '', ...pie, '', ...head, ...rows, '', '</details>', '']
}

/** The largest files later layers overwrite or delete: they ship but nobody sees them. */
export function wastedSection(wasted: WastedEntry[] | undefined, dockerfile: string, max: number): string[] {
  if (!wasted?.length || max <= 0) return []
  const total = wasted.reduce((n, w) => n + w.bytes, 0)
  const at = (line?: number) => (line ? `${escapeCell(dockerfile)}:${line}` : '')
  const rows = wasted
    .slice(0, max)
    .map(w => `| ${code(w.path)} | ${formatBytes(w.bytes)} | ${at(w.line)} | ${w.how} at ${at(w.hiddenByLine) || `layer ${w.hiddenBy}`} |`)
  const out = [
    `<details><summary>Wasted files: ${wasted.length >= 100 ? `${wasted.length}+ files` : counted(wasted.length, 'file')} (${formatBytes(total)}) written by one layer and overwritten or deleted by a later one</summary>`,
    '',
    '| File | Size | Written by | Hidden by |',
    '| --- | ---: | --- | --- |',
    ...rows
  ]
  if (wasted.length > rows.length) out.push('', `_…${wasted.length - rows.length} more in the JSON report._`)
  return [...out, '', '</details>', '']
}

/** The largest platform's contents and wasted files (what the comment shows first). */
export function largestPlatform(r: RunReport) {
  return r.platforms?.find(p => p.platform === r.image?.platform) ?? r.platforms?.[0]
}

/** A Mermaid line chart of the base branch's last reports and this run (needs two points). */
export function trendSection(trend: TrendPoint[] | undefined): string[] {
  if (!trend || trend.length < 2) return []
  const mb = (n: number) => Math.round(n / 10_000) / 100
  const label = (s: string) => `"${s.replace(/["\\]/g, '')}"`
  const sizes = trend.map(t => mb(t.bytes))
  const compressed = trend.map(t => mb(t.compressedBytes))
  return [
    `<details><summary>Size trend: the base branch's last ${trend.length - 1} report${trend.length === 2 ? '' : 's'}, then this run</summary>`,
    '',
    '```mermaid',
    'xychart-beta',
    '    title "Image size (MB): uncompressed, compressed"',
    `    x-axis [${trend.map(t => label(t.label)).join(', ')}]`,
    `    y-axis "MB" 0 --> ${Math.ceil(Math.max(...sizes) * 1.1) || 1}`,
    `    line [${sizes.join(', ')}]`,
    `    line [${compressed.join(', ')}]`,
    '```',
    '',
    '</details>',
    ''
  ]
}
