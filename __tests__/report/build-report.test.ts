import { buildRunReport } from '../../src/report/build-report.js'
import { defaultReportKey, THIS_RUN, TREND_POINTS } from '../../src/report/run-report.js'
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

test('git: the pull request head (not the merge commit) when there is one, else the commit', () => {
  const ctx = { eventName: 'pull_request', owner: 'o', repo: 'r', sha: 'm'.repeat(40), ref: 'feature', runNumber: 12, runAttempt: 2 }
  const pr = { number: 7, baseRef: 'main', baseSha: 'a'.repeat(40), headSha: 'h'.repeat(40), fromFork: false }
  const opts = { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' as const }
  expect(buildRunReport(failed, { ...opts, ctx: { ...ctx, pullRequest: pr } as never }).git).toEqual({
    sha: 'h'.repeat(40),
    ref: 'feature',
    pullRequest: 7,
    runNumber: 12,
    runAttempt: 2
  })
  expect(buildRunReport(failed, { ...opts, ctx: ctx as never }).git).toMatchObject({ sha: 'm'.repeat(40), pullRequest: undefined })
  expect(buildRunReport(failed, opts).git).toBeUndefined()
})

test("the image's platform joins os, architecture and variant (only those it has)", () => {
  const image = { imageId: 'sha256:i', tags: ['t'], digest: 'sha256:d', inEngine: true }
  const run = (summary: Record<string, string>) =>
    buildRunReport({ ...failed, image, audit: { image: { user: '1000', ...summary }, findings: [], allowed: [], failing: 0 } } as unknown as PipelineResult, {
      dockerfile: 'Dockerfile',
      key: 'k',
      failOn: 'error'
    }).image
  expect(run({ os: 'linux', architecture: 'arm', variant: 'v7' })).toEqual({
    id: 'sha256:i',
    tags: ['t'],
    digest: 'sha256:d',
    user: '1000',
    platform: 'linux/arm/v7'
  })
  expect(run({ os: 'linux', architecture: 'amd64' })?.platform).toBe('linux/amd64')
  const unaudited = buildRunReport({ ...failed, image } as unknown as PipelineResult, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).image
  expect(unaudited).toEqual({ id: 'sha256:i', tags: ['t'], digest: 'sha256:d', user: undefined, platform: undefined })
})

test('a failure without a log tail reports an empty one', () => {
  const r = buildRunReport({ ...failed, failedLogTail: undefined }, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' })
  expect(r.failure).toEqual({ reason: failed.failure, line: 7, logTail: [] })
})

test('the size trend: the baseline trend (its newest points) then this run, capped at TREND_POINTS; none without a size', () => {
  const point = (i: number) => ({ label: `run ${i}`, createdAt: new Date(i * 1000).toISOString(), bytes: i, compressedBytes: i })
  const trend = Array.from({ length: TREND_POINTS + 5 }, (_, i) => point(i))
  const sized = { ...failed, size: { bytes: 500, compressedBytes: 200 }, baseline: { trend } } as unknown as PipelineResult
  const r = buildRunReport(sized, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error', now: new Date(0) })
  expect(r.trend).toHaveLength(TREND_POINTS)
  expect(r.trend![0]).toEqual(point(6))
  expect(r.trend![TREND_POINTS - 2]).toEqual(point(TREND_POINTS + 4))
  expect(r.trend![TREND_POINTS - 1]).toEqual({ label: THIS_RUN, createdAt: new Date(0).toISOString(), bytes: 500, compressedBytes: 200 })
  expect(buildRunReport({ ...sized, size: undefined }, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).trend).toBeUndefined()
})
