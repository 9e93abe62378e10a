import { logTail, PLAIN, renderTerminal, table, wrapText } from '../../src/cli/terminal.js'
import type { Finding } from '../../src/audit/types.js'
import { REPORT_SCHEMA, type RunReport } from '../../src/report/run-report.js'
import { sizeDelta, sizeReport } from '../../src/size/model.js'
import { type PipelineResult } from '../../src/result.js'

test('wrapText breaks at blanks within the width and keeps every word', () => {
  const text = 'Build in an earlier stage and copy only the output.'
  const wrapped = wrapText(text, 16)
  expect(wrapped.split('\n').every(l => l.length <= 16)).toBe(true)
  expect(wrapped.replace(/\n/g, ' ')).toBe(text)
  expect(wrapText('averyveryverylongword x', 5)).toBe('averyveryverylongword\nx')
})

test('a multi-line cell spans lines; the other cells stay on its first line', () => {
  expect(
    table(
      [
        ['a', 'b'],
        ['1', 'x\ny'],
        ['22', 'z']
      ],
      PLAIN
    )
  ).toBe('a   b\n1   x\n    y\n22  z')
})

const message =
  'GNU C/C++ compiler (gcc) in the runner image (inherited from the base image): /usr/bin/x86_64-linux-gnu-gcc-12 and 4 more files; packages cpp 4:12.2.0-3, gcc-12 12.2.0-14 (dpkg); 105 MB. Build in an earlier stage and copy only the output.'
const finding: Finding = { rule: 'toolchain', severity: 'error', message, evidence: { path: '/usr/bin/x86_64-linux-gnu-gcc-12', bytes: 105_000_000, line: 1 } }
const result = {
  phases: [],
  testResult: 'skipped',
  runnerStage: 'stage-1',
  warnings: [],
  cacheMounts: [],
  budgets: [],
  audit: { image: {}, findings: [finding], allowed: [], failing: 1, unusedAllow: ['/usr/bin/mkae'], source: { streamed: 1, cached: 0, dockerSave: true } },
  failedLogTail: ['#7 ERROR: process "/bin/sh -c make" did not complete successfully']
} as unknown as PipelineResult
const report = { dockerfile: 'Dockerfile', verdict: { passed: false, reasons: ['audit: 1 finding at or above error (toolchain)'] } } as unknown as RunReport

test('the finding column wraps to the terminal width instead of cutting off the fix', () => {
  const out = renderTerminal(result, report, PLAIN, 120)
  const rows = out.split('\n')
  expect(rows.filter(l => l.includes('toolchain') || l.startsWith(' ')).every(l => l.length <= 120)).toBe(true)
  expect(out.replace(/\s+/g, ' ')).toContain('Build in an earlier stage and copy only the output.')
  expect(out).not.toContain('…')
})

test('unused audit-allow patterns and the failing build’s log tail are shown', () => {
  const out = renderTerminal(result, report, PLAIN, 120)
  expect(out).toContain('warning: audit-allow pattern "/usr/bin/mkae" matched no finding')
  expect(out).toContain(logTail(result, PLAIN).join('\n'))
  expect(logTail(result, PLAIN)).toEqual(['', '--- last 1 lines of the failing build ---', result.failedLogTail![0], '---'])
})

describe('compare: what changed inside', () => {
  const size = sizeReport(
    'now',
    [{ index: 0, digest: 'd', bytes: 9_000_000, compressedBytes: 1, instruction: 'RUN x', line: 3, fromBase: false, wastedBytes: 0 }],
    'blob'
  )
  const delta = sizeDelta(size, sizeReport('base', [], 'blob'), { source: 'image', ref: 'b', description: 'image b' })

  const sized = (d = delta): PipelineResult => ({
    phases: [],
    testResult: 'skipped',
    runnerStage: 'image',
    warnings: [],
    cacheMounts: [],
    budgets: [],
    size,
    delta: d
  })
  const plainReport: RunReport = {
    schema: REPORT_SCHEMA,
    createdAt: '',
    dockerfile: 'Dockerfile',
    target: 'image',
    key: 'k',
    test: { result: 'skipped' },
    budgets: [],
    verdict: { passed: true, reasons: [] }
  }

  test('the size line counts layers ("1 layer", not "1 layers")', () => {
    expect(renderTerminal(sized(), plainReport, PLAIN)).toMatch(/^size +9\.00 MB \(1 B compressed\), 1 layer {2}\+9\.00 MB/m)
  })

  test('compare prints the directories and packages that changed', () => {
    const out = renderTerminal(
      sized({
        ...delta,
        contents: {
          paths: [
            { path: '/app/vendor/liba', kind: 'vendor', before: 4_000_000, after: 9_000_000, delta: 5_000_000, status: 'grown', line: 3 },
            { path: '/app/vendor/libb', before: 2_000_000, after: 0, delta: -2_000_000, status: 'removed' }
          ],
          packages: [
            { manager: 'dpkg', name: 'jq', after: '1.6', status: 'added', bytes: 100_000, delta: 100_000, with: ['libjq1', 'libonig5'], withBytes: 1_000_000 }
          ],
          unexplained: 0,
          omitted: { paths: 3, packages: 0 }
        }
      }),
      plainReport,
      PLAIN
    )
    expect(out).toContain('paths that changed against the baseline')
    expect(out).toMatch(/\/app\/vendor\/liba\s+grown\s+4\.00 MB\s+9\.00 MB\s+\+5\.00 MB\s+3\n/)
    expect(out).toMatch(/\/app\/vendor\/libb\s+removed\s+2\.00 MB\s+-\s+-2\.00 MB\n/)
    expect(out).toContain('…3 more in the JSON report (--json)\n')
    expect(out).toContain('  + jq 1.6 [dpkg] (+100 kB) and 2 dependencies (+1.00 MB): libjq1, libonig5')
  })

  test('long lists are capped as the PR comment caps them (20 packages, 15 paths); --verbose shows every row', () => {
    const packages = Array.from({ length: 369 }, (_, i) => ({
      manager: 'npm' as const,
      name: `pkg-${i}`,
      after: '1.0.0',
      status: 'added' as const,
      bytes: 1000,
      delta: 1000
    }))
    const paths = Array.from({ length: 40 }, (_, i) => ({ path: `/app/dir-${i}`, before: 0, after: 1000, delta: 1000, status: 'added' as const }))
    const big = sized({ ...delta, contents: { paths, packages, unexplained: 0, omitted: { paths: 0, packages: 0 } } })
    const lines = (out: string) => out.split('\n')
    const short = renderTerminal(big, plainReport, PLAIN, 120)
    expect(lines(short).filter(l => /^ {2}\+ pkg-/.test(l))).toHaveLength(20)
    expect(lines(short).filter(l => l.startsWith('/app/dir-'))).toHaveLength(15)
    expect(short).toContain('…349 more in the JSON report (--json); --verbose shows them')
    expect(short).toContain('…25 more in the JSON report (--json); --verbose shows them')
    // The verdict and the biggest changes fit on one screen.
    expect(lines(short).length).toBeLessThan(80)
    const all = renderTerminal(big, plainReport, PLAIN, 120, true)
    expect(lines(all).filter(l => /^ {2}\+ pkg-/.test(l))).toHaveLength(369)
    expect(all).not.toContain('more in the JSON report')
  })

  test('an older baseline report: the note instead of the lists', () => {
    const out = renderTerminal(sized({ ...delta, contentsNote: 'the baseline report predates file and package summaries' }), plainReport, PLAIN)
    expect(out).toContain('no file or package delta: the baseline report predates file and package summaries')
    expect(out).not.toContain('paths that changed')
  })
})

test('a part of a split build says so, with its platforms and repository', () => {
  const part = {
    name: '127.0.0.1:5000/part-app',
    digest: 'sha256:' + 'd'.repeat(64),
    platforms: [{ platform: 'linux/arm64', digest: 'sha256:' + 'd'.repeat(64) }]
  }
  const out = renderTerminal(result, { ...report, part }, PLAIN, 200)
  expect(out).toContain('part        linux/arm64 of 127.0.0.1:5000/part-app, pushed by digest (not tagged: the merge tags it)')
  expect(renderTerminal(result, report, PLAIN, 200)).not.toContain('pushed by digest')
})
