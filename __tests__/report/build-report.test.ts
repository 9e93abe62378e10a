import { buildRunReport } from '../../src/report/build-report.js'
import { defaultReportKey } from '../../src/report/run-report.js'
import { renderReport } from '../../src/report/markdown.js'
import { type PipelineResult } from '../../src/result.js'

const failed = {
  phases: [{ name: 'Runner stage "runner"', durationMs: 10, outcome: 'failed' }],
  testResult: 'skipped',
  runnerStage: 'runner',
  warnings: [],
  cacheMounts: [],
  budgets: [],
  failure: 'build of stage "runner" failed: process "/bin/sh -c make" did not complete successfully: exit code: 2',
  failedLine: 7,
  failedLogTail: ['#9 [runner 3/4] RUN make', '#9 0.21 make: *** No targets.  Stop.', '#9 ERROR: exit code: 2']
} as unknown as PipelineResult

test('a failed build: the report (--json) carries the reason, the blamed line and the log tail', () => {
  const r = buildRunReport(failed, { dockerfile: 'Dockerfile', key: 'Dockerfile:runner', failOn: 'error', now: new Date(0) })
  expect(r.failure).toEqual({ reason: failed.failure, line: 7, logTail: failed.failedLogTail })
  expect(r.verdict).toEqual({ passed: false, reasons: [failed.failure] })
})

test("the report lists the run's phases with their wall time and outcome (none recorded: no phases key)", () => {
  const r = buildRunReport(failed, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' })
  expect(r.phases).toEqual([{ name: 'Runner stage "runner"', durationMs: 10, outcome: 'failed' }])
  expect(buildRunReport({ ...failed, phases: [] }, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).phases).toBeUndefined()
})

test('a run that did not stop early has no failure section', () => {
  const ok = { ...failed, failure: undefined, failedLogTail: undefined, failedLine: undefined } as unknown as PipelineResult
  expect(buildRunReport(ok, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).failure).toBeUndefined()
})

test('unused audit-allow patterns reach the report and its Markdown', () => {
  const audited = {
    ...failed,
    failure: undefined,
    audit: {
      image: { user: '1000', os: 'linux', architecture: 'amd64' },
      findings: [],
      allowed: [],
      failing: 0,
      unusedAllow: ['/usr/bin/mkae'],
      source: { streamed: 1, cached: 0, dockerSave: true }
    }
  } as unknown as PipelineResult
  const r = buildRunReport(audited, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' })
  expect(r.audit?.unusedAllow).toEqual(['/usr/bin/mkae'])
  expect(renderReport(r)).toContain('⚠️ audit-allow pattern `/usr/bin/mkae` matched no finding')
})

test('the default report key names an unnamed runner stage as BuildKit does', () => {
  expect(defaultReportKey('Dockerfile', { index: 0 })).toBe('Dockerfile:stage-0')
  expect(defaultReportKey('app/Dockerfile', { name: 'runner', index: 3 })).toBe('app/Dockerfile:runner')
})
