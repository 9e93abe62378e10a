import { PLAIN, renderTerminal } from '../../src/cli/terminal.js'
import type { PipelineResult } from '../../src/pipeline.js'
import { REPORT_SCHEMA, type RunReport } from '../../src/report/run-report.js'
import { sizeDelta, sizeReport } from '../../src/size/model.js'

const size = sizeReport('now', [{ index: 0, digest: 'd', bytes: 9_000_000, compressedBytes: 1, instruction: 'RUN x', line: 3, fromBase: false, wastedBytes: 0 }], 'blob')
const delta = sizeDelta(size, sizeReport('base', [], 'blob'), { source: 'image', ref: 'b', description: 'image b' })

const result = (d = delta): PipelineResult => ({ phases: [], testResult: 'skipped', runnerStage: 'image', warnings: [], cacheMounts: [], budgets: [], size, delta: d })
const report: RunReport = { schema: REPORT_SCHEMA, createdAt: '', dockerfile: 'Dockerfile', target: 'image', key: 'k', test: { result: 'skipped' }, budgets: [], verdict: { passed: true, reasons: [] } }

test('compare prints the directories and packages that changed', () => {
  const out = renderTerminal(
    result({
      ...delta,
      contents: {
        paths: [
          { path: '/app/vendor/liba', kind: 'vendor', before: 4_000_000, after: 9_000_000, delta: 5_000_000, status: 'grown', line: 3 },
          { path: '/app/vendor/libb', before: 2_000_000, after: 0, delta: -2_000_000, status: 'removed' }
        ],
        packages: [{ manager: 'dpkg', name: 'jq', after: '1.6', status: 'added', bytes: 100_000, delta: 100_000, with: ['libjq1', 'libonig5'], withBytes: 1_000_000 }],
        unexplained: 0,
        omitted: { paths: 3, packages: 0 }
      }
    }),
    report,
    PLAIN
  )
  expect(out).toContain('paths that changed against the baseline')
  expect(out).toMatch(/\/app\/vendor\/liba\s+grown\s+4\.00 MB\s+9\.00 MB\s+\+5\.00 MB\s+3\n/)
  expect(out).toMatch(/\/app\/vendor\/libb\s+removed\s+2\.00 MB\s+-\s+-2\.00 MB\n/)
  expect(out).toContain('…3 more in the JSON report')
  expect(out).toContain('  + jq 1.6 [dpkg] (+100 kB) and 2 dependencies (+1.00 MB): libjq1, libonig5')
})

test('an older baseline report: the note instead of the lists', () => {
  const out = renderTerminal(result({ ...delta, contentsNote: 'the baseline report predates file and package summaries' }), report, PLAIN)
  expect(out).toContain('no file or package delta: the baseline report predates file and package summaries')
  expect(out).not.toContain('paths that changed')
})
