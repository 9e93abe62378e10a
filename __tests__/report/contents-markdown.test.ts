import type { Finding } from '../../src/audit/types.js'
import type { Composition, WastedEntry } from '../../src/size/contents.js'
import { compositionSection, packageLine, packagesSection, pathsSection, trendSection, wastedSection } from '../../src/report/contents-markdown.js'
import { COMMENT_BUDGET, renderReport } from '../../src/report/markdown.js'
import { REPORT_SCHEMA, parseReport, type RunReport } from '../../src/report/run-report.js'
import type { ContentsDelta, PathChange } from '../../src/size/contents-delta.js'
import { sizeDelta, sizeReport, type SizeDelta, type SizeLayer } from '../../src/size/model.js'
import { type PackageChange } from '../../src/size/package-delta.js'

const MB = 1_000_000
const comp = (over: Partial<Composition> = {}): Composition => ({ base: 80 * MB, os: 5 * MB, language: 20 * MB, app: 1 * MB, ...over })
const path = (p: string, before: number, after: number, extra: Partial<PathChange> = {}): PathChange => ({
  path: p,
  before,
  after,
  delta: after - before,
  status: before === 0 ? 'added' : after === 0 ? 'removed' : after > before ? 'grown' : 'shrunk',
  ...extra
})
const withContents = (contents: ContentsDelta): SizeDelta => ({
  ...sizeDelta(sizeReport('n', [], 'blob'), sizeReport('b', [], 'blob'), { source: 'report', ref: 'r', description: 'd' }),
  contents
})

describe('sections', () => {
  const delta = withContents({
    paths: [
      path('/app/vendor/liba', 4 * MB, 9 * MB, { kind: 'vendor', line: 3 }),
      path('/app/models', 0, 3 * MB, { line: 3 }),
      path('/app/vendor/libb', 2 * MB, 0, { kind: 'vendor' }),
      path('/app/a|b', 0, 10_000, { rest: true })
    ],
    packages: [],
    unexplained: 300_000
  })

  test('paths: one row each with status, before/after, delta and the line; pipes escaped', () => {
    const md = pathsSection(delta, 'Dockerfile', 15).join('\n')
    expect(md).toContain('| `/app/vendor/liba` · vendored | 📈 grown | 4.00 MB | 9.00 MB | **+5.00 MB** | Dockerfile:3 |')
    expect(md).toContain('| `/app/models` | 🆕 added | — | 3.00 MB | **+3.00 MB** | Dockerfile:3 |')
    expect(md).toContain('| `/app/vendor/libb` · vendored | 🗑️ removed | 2.00 MB | — | **-2.00 MB** |  |')
    expect(md).toContain('| `/app/a\\|b` _(other files)_ |')
    expect(md).toContain('_…300 kB of changes spread thinly elsewhere._')
    expect(pathsSection(delta, 'Dockerfile', 2).join('\n')).toContain('_…2 more in the JSON report; 300 kB')
    expect(pathsSection(delta, 'Dockerfile', 0)).toEqual([])
  })

  test.each<[PackageChange, string]>([
    [
      {
        manager: 'dpkg',
        name: 'imagemagick',
        after: '8:6.9.11.60',
        status: 'added',
        bytes: 200_000,
        delta: 200_000,
        with: ['libmagickcore-6.q16-6', 'libmagickwand-6.q16-6'],
        withBytes: 38 * MB
      },
      '- ➕ **imagemagick** 8:6.9.11.60 <sub>deb</sub> (+200 kB) and 2 dependencies (+38.0 MB): libmagickcore-6.q16-6, libmagickwand-6.q16-6'
    ],
    [{ manager: 'npm', name: 'left-pad', before: '1.3.0', status: 'removed', bytes: 0, delta: -12_000 }, '- ➖ **left-pad** 1.3.0 <sub>npm</sub> (-12.0 kB)'],
    [
      { manager: 'npm', name: 'npm', after: '11.1.0', status: 'added', bytes: 12 * MB, delta: 12 * MB, with: ['abbrev', 'semver'], withBytes: 0 },
      '- ➕ **npm** 11.1.0 <sub>npm</sub> (+12.0 MB) and 2 dependencies: abbrev, semver'
    ],
    [
      { manager: 'python', name: 'numpy', before: '1.26.0', after: '2.0.1', status: 'upgraded', bytes: 1, delta: 3 * MB },
      '- ⬆️ **numpy** 1.26.0 → 2.0.1 <sub>pip</sub> (+3.00 MB)'
    ],
    [
      { manager: 'apk', name: 'musl', before: '1.2.5', after: '1.2.4', status: 'downgraded', bytes: 1, delta: 0 },
      '- ⬇️ **musl** 1.2.5 → 1.2.4 <sub>apk</sub> (±0 B)'
    ]
  ])('package line %#', (change, line) => {
    expect(packageLine(change)).toBe(line)
  })

  test('packages: counts by status in the heading, capped', () => {
    const p = (name: string, status: PackageChange['status']): PackageChange => ({ manager: 'dpkg', name, status, bytes: 1, delta: 1, after: '1' })
    const md = packagesSection(withContents({ paths: [], packages: [p('a', 'added'), p('b', 'added'), p('c', 'removed')], unexplained: 0 }), 2).join('\n')
    expect(md).toContain('**Packages** (2 added, 1 removed)')
    expect(md).toContain('_…1 more in the JSON report._')
  })

  test('composition: a Mermaid pie of this image and the baseline beside it; no baseline column for an image measured without a Dockerfile', () => {
    const md = compositionSection(comp(), comp({ language: 10 * MB })).join('\n')
    expect(md).toContain(
      '```mermaid\npie showData title Image composition (bytes)\n    "Base image" : 80000000\n    "OS packages & system files" : 5000000\n    "Language packages" : 20000000\n    "Application" : 1000000\n```'
    )
    expect(md).toContain('| Language packages | 10.0 MB | 20.0 MB | +10.0 MB |')
    expect(compositionSection(comp(), comp({ baseKnown: false })).join('\n')).toContain('| Part | Now |')
    expect(compositionSection(undefined, comp())).toEqual([])
  })

  test('trend: a Mermaid line chart of the base branch reports then this run, in MB', () => {
    const md = trendSection([
      { label: '1111111', createdAt: '', bytes: 100 * MB, compressedBytes: 40 * MB },
      { label: 'a"b', createdAt: '', bytes: 120_500_000, compressedBytes: 41 * MB },
      { label: 'this run', createdAt: '', bytes: 130 * MB, compressedBytes: 45 * MB }
    ]).join('\n')
    expect(md).toContain("Size trend: the base branch's last 2 reports, then this run")
    expect(md).toContain('```mermaid\nxychart-beta\n')
    expect(md).toContain('    x-axis ["1111111", "ab", "this run"]')
    expect(md).toContain('    y-axis "MB" 0 --> 143')
    expect(md).toContain('    line [100, 120.5, 130]\n    line [40, 41, 45]')
    expect(trendSection([{ label: 'x', createdAt: '', bytes: 1, compressedBytes: 1 }])).toEqual([])
    expect(trendSection(undefined)).toEqual([])
  })

  test('wasted files: the lines that wrote and hid each', () => {
    const w: WastedEntry[] = [{ path: '/var/lib/apt/lists/x', bytes: 20 * MB, how: 'deleted', layer: 2, line: 4, hiddenBy: 3, hiddenByLine: 5 }]
    const md = wastedSection(w, 'Dockerfile', 10).join('\n')
    expect(md).toContain('Wasted files: 1 file (20.0 MB)')
    expect(md).toContain('| `/var/lib/apt/lists/x` | 20.0 MB | Dockerfile:4 | deleted at Dockerfile:5 |')
  })
})

// A report as large as any image can make: every list at its bound, long paths, many layers and findings.
function hugeReport(): RunReport {
  const long = (i: number) => `/very/long/${'nested/'.repeat(20)}directory-${i}`
  const layers: SizeLayer[] = Array.from({ length: 200 }, (_, i) => ({
    index: i,
    digest: `sha256:${i}`,
    bytes: (i + 1) * MB,
    compressedBytes: MB,
    instruction: `RUN ${'x'.repeat(200)} ${i}`,
    line: i + 1,
    fromBase: false,
    wastedBytes: 0
  }))
  const now = sizeReport('now', layers, 'blob')
  const delta = sizeDelta(now, sizeReport('base', layers.slice(0, 60), 'blob'), { source: 'report', ref: 'r', description: 'report' })
  delta.contents = {
    paths: Array.from({ length: 200 }, (_, i) => path(long(i), i * 1000, i * 3000 + 5000, { line: 3 })),
    packages: Array.from({ length: 200 }, (_, i) => ({
      manager: 'dpkg' as const,
      name: `package-with-a-long-name-${i}`,
      after: '1.2.3-4+deb12u1',
      status: 'added' as const,
      bytes: MB,
      delta: MB,
      with: Array.from({ length: 40 }, (_, j) => `a-dependency-with-a-long-name-${i}-${j}`),
      withBytes: MB
    })),
    unexplained: 0,
    composition: { before: comp(), after: comp() }
  }
  const finding: Finding = { rule: 'toolchain', severity: 'error', message: `m ${'y'.repeat(500)}`, evidence: { path: long(0), line: 3 } }
  return {
    schema: REPORT_SCHEMA,
    createdAt: 'now',
    dockerfile: 'Dockerfile',
    target: 'runner',
    key: 'k',
    test: { result: 'skipped' },
    image: { id: 'sha256:x', tags: [], platform: 'linux/amd64' },
    audit: { failOn: 'error', findings: Array.from({ length: 500 }, () => finding), allowed: [], failing: 500 },
    size: now,
    delta,
    platforms: [
      {
        platform: 'linux/amd64',
        id: 'x',
        user: '',
        size: now,
        delta,
        budgets: [],
        findings: 500,
        failing: 500,
        wasted: Array.from({ length: 100 }, (_, i) => ({ path: long(i), bytes: MB, how: 'deleted' as const, layer: 1, line: 2, hiddenBy: 3, hiddenByLine: 4 }))
      }
    ],
    budgets: [],
    verdict: {
      passed: false,
      reasons: ['audit', ...Array.from({ length: 40 }, (_, i) => `linux/arm${i}: image is 8.13 GB, over the max-size budget of 1.00 GB ${'z'.repeat(100)}`)]
    }
  }
}

const wastedRow = /\| `[^`]*directory-\d+` \| 1\.00 MB \| Dockerfile:2 \|/g

describe('the comment fits GitHub whatever the image', () => {
  test('a huge report renders under the budget; sections are cut in the defined order', () => {
    const r = hugeReport()
    expect(renderReport(r, 50, 10_000_000).length).toBeGreaterThan(COMMENT_BUDGET)
    const md = renderReport(r)
    expect(md.length).toBeLessThanOrEqual(COMMENT_BUDGET)
    expect(COMMENT_BUDGET + 1024).toBe(65_536)
    // The order: the wasted-files list is cut first (to 5 rows here, which is enough); the headline stays.
    expect(md).not.toContain('Wasted files:')
    expect(md).toContain('| **Size** |')
    expect(md).toContain('**What changed**')
    expect(md.endsWith('</sub>')).toBe(true) // cut by sections, not mid-table
  })

  test('a small limit cuts wasted files first, then the layer table', () => {
    const r = hugeReport()
    const full = renderReport(r, 50, 10_000_000)
    expect(full).toContain('Wasted files:')
    const at = (needle: string) => full.indexOf(needle)
    expect(at('Wasted files:')).toBeGreaterThan(0)
    const noWasted = renderReport(r, 50, full.length - 1)
    expect(full.match(wastedRow)?.length).toBe(15)
    expect(noWasted.match(wastedRow)?.length).toBe(5)
    expect(noWasted).toContain('<details><summary>Layers (200)')
    expect(noWasted).not.toContain('smaller layers in the JSON report')
  })

  test('a tighter limit cuts on, in order: no wasted files, then fewer layers, ...', () => {
    const r = hugeReport()
    const full = renderReport(r, 50, 10_000_000)
    const noWasted = renderReport(r, 50, full.length - full.match(wastedRow)!.join('\n').length - 400)
    expect(noWasted.match(wastedRow)).toBeNull()
    expect(noWasted).not.toContain('Wasted files:')
    expect(noWasted).not.toContain('smaller layers in the JSON report')
    const fewerLayers = renderReport(r, 50, noWasted.length - 1)
    expect(fewerLayers).toContain('_…150 smaller layers in the JSON report._')
    expect(fewerLayers.length).toBeLessThan(noWasted.length)
  })

  test('even a limit no section cut can meet is honoured', () => {
    expect(renderReport(hugeReport(), 50, 2000).length).toBeLessThanOrEqual(2000)
  })

  test('a report of the previous format (no contents, no wasted files) still parses and renders', () => {
    const r = hugeReport()
    delete r.delta!.contents
    delete r.platforms![0].wasted
    const parsed = parseReport(JSON.stringify(r))
    expect(renderReport(parsed)).toContain('| **Size** |')
  })
})
