import type { Finding } from '../../src/audit/types.js'
import { renderReport, shortenKeepingFix } from '../../src/report/markdown.js'
import { REPORT_SCHEMA, parseReport, type RunReport } from '../../src/report/run-report.js'
import { sizeDelta, sizeReport } from '../../src/size/model.js'
import { layer } from './size-layers.js'

const finding: Finding = {
  rule: 'toolchain',
  severity: 'error',
  message: 'gcc (C compiler) is in the runner image | costs 30 MB',
  evidence: { path: '/usr/bin/gcc-12', bytes: 30_000_000, layer: { index: 2, digest: 'sha256:x' }, line: 12 }
}
const base = sizeReport('base', [layer(0, 'debian', 80_000_000, true), layer(1, 'COPY dist ./dist # buildkit', 1_000_000)], 'blob')
const now = sizeReport(
  'now',
  [
    layer(0, 'debian', 80_000_000, true),
    layer(1, 'COPY dist ./dist # buildkit', 1_500_000),
    layer(2, 'RUN /bin/sh -c apt-get install gcc # buildkit', 30_000_000)
  ],
  'blob'
)
const report = (over: Partial<RunReport> = {}): RunReport => ({
  schema: REPORT_SCHEMA,
  createdAt: '2026-11-22T00:00:00Z',
  dockerfile: 'Dockerfile',
  target: 'runner',
  key: 'Dockerfile:runner',
  test: { stage: 'test', result: 'passed' },
  image: { id: 'sha256:abcdef0123456789abcdef', tags: [] },
  audit: { failOn: 'error', findings: [finding], allowed: [], failing: 1 },
  size: now,
  delta: sizeDelta(now, base, { source: 'cache', ref: 'k', description: 'report saved on main at abc1234' }),
  budgets: [
    {
      budget: 'max-increase',
      limit: '10%',
      actual: '+30.5 MB (+37.7%)',
      message: 'image grew by +30.5 MB (+37.7%) against the baseline, over the max-increase budget of 10%'
    }
  ],
  verdict: { passed: false, reasons: ['audit: 1 error', 'image grew by +30.5 MB'] },
  ...over
})

describe('renderReport', () => {
  const md = renderReport(report())
  test('headline rows: size with direction, budget, test stage, audit', () => {
    expect(md).toContain('### ❌ Stagecraft · `Dockerfile` → `runner`')
    expect(md).toMatch(/\| \*\*Size\*\* \| \*\*112 MB\*\* 📈 \*\*\+30\.5 MB \(\+37\.7%\)\*\*/)
    expect(md).toContain('| **Budget** | ❌ image grew by +30.5 MB (+37.7%) against the baseline, over the max-increase budget of 10% |')
    expect(md).toContain('| **Test stage** | ✅ `test` passed |')
    expect(md).toContain('| **Audit** | ❌ 1 error |')
  })
  test('findings table escapes pipes and points at the Dockerfile line', () => {
    expect(md).toContain(
      '| ❌ error | `toolchain` | `/usr/bin/gcc-12` · Dockerfile:12 · layer 2 | 30.0 MB | gcc (C compiler) is in the runner image \\| costs 30 MB |'
    )
  })
  test('layers collapsed, with per-instruction deltas, and the baseline line', () => {
    expect(md).toContain('<details><summary>Layers (3) by Dockerfile instruction · 1.00 MB wasted')
    expect(md).toContain('| 11 | `COPY dist ./dist` | 1.50 MB | +500 kB |')
    expect(md).toContain('| 12 | `RUN /bin/sh -c apt-get install gcc` | 30.0 MB | 🆕 +30.0 MB |')
    expect(md).toContain('Baseline: report saved on main at abc1234.')
    expect(md).toContain('Compressed sizes: exact, from the layer blobs.')
  })
  test('no baseline yet is said plainly', () => {
    const m = renderReport(
      report({
        delta: undefined,
        baselineNote: 'none yet: no report saved on main',
        budgets: [],
        verdict: { passed: true, reasons: [] },
        audit: { failOn: 'error', findings: [], allowed: [], failing: 0 }
      })
    )
    expect(m).toContain('### ✅')
    expect(m).toContain('| **Size** | **112 MB** (37.2 MB compressed) |')
    expect(m).toContain('| **Audit** | ✅ clean |')
    expect(m).toContain('Baseline: none yet: no report saved on main.')
  })
  test('a long findings list is capped with a note', () => {
    const many = Array.from({ length: 80 }, () => finding)
    const m = renderReport(report({ audit: { failOn: 'error', findings: many, allowed: [], failing: 80 } }), 50)
    expect(m).toContain('_…and 30 more in the JSON report._')
  })
})

describe('parseReport', () => {
  test('round-trips a report', () => expect(parseReport(JSON.stringify(report())).key).toBe('Dockerfile:runner'))
  test.each([
    ['nope', 'not JSON'],
    ['{"schema":"x"}', 'not a Stagecraft report (expected schema stagecraft/report@1)'],
    [JSON.stringify({ schema: REPORT_SCHEMA }), 'the report has no size section']
  ])('%s → %s', (text, msg) => expect(() => parseReport(text)).toThrow(msg))
})

describe('several platforms', () => {
  const multi = () =>
    report({
      image: { id: 'sha256:i', tags: [], platform: 'linux/arm64' },
      audit: { failOn: 'error', findings: [{ ...finding, platform: 'linux/arm64' }], allowed: [], failing: 1 },
      platforms: [
        { platform: 'linux/amd64', id: 'a', user: '1000', size: base, budgets: [], findings: 0, failing: 0 },
        { platform: 'linux/arm64', id: 'b', user: '1000', size: now, budgets: [], findings: 1, failing: 1 }
      ]
    })
  test('a row per platform with its size and audit, findings name their platform, the size line says which platform it is', () => {
    const md = renderReport(multi())
    expect(md).toContain('| Platform | Size | Δ | Compressed | Audit | Budget |')
    expect(md).toMatch(/\| `linux\/amd64` \| 81\.0 MB \| {2}\| 27\.0 MB \| ✅ clean \| ✅ \|/)
    expect(md).toMatch(/\| `linux\/arm64` \| 112 MB \| {2}\| 37\.2 MB \| ❌ 1 failing \| ✅ \|/)
    expect(md).toContain('**linux/arm64**')
    expect(md).toContain('(largest platform: `linux/arm64`)')
  })
  test('one platform: no platform table, findings as before', () => {
    const md = renderReport(report({ platforms: [{ platform: 'linux/amd64', id: 'a', user: '', size: now, budgets: [], findings: 0, failing: 0 }] }))
    expect(md).not.toContain('| Platform |')
    expect(md).not.toContain('largest platform')
  })
})

describe('long finding messages keep their fix', () => {
  test('the cut falls before the last sentence, which stays whole', () => {
    const msg = `${'evidence '.repeat(80)}ends here. Remove files in the same RUN that creates them.`
    const out = shortenKeepingFix(msg, 200)
    expect(out.length).toBeLessThanOrEqual(200)
    expect(out.endsWith('… Remove files in the same RUN that creates them.')).toBe(true)
  })
  test('short messages are left alone', () => {
    expect(shortenKeepingFix('Short. Fix it.', 200)).toBe('Short. Fix it.')
  })
})
