/** The job summary: the report, then the run's phases, log tail, warnings and where the image was read from. */
import type { PipelineResult } from '../../src/result.js'
import { pipelineResult } from '../fixtures/result.js'
import { codeBlock, formatDuration, partLine, renderSummary } from '../../src/report/summary.js'
import { REPORT_SCHEMA, type RunReport } from '../../src/report/run-report.js'
import { renderReport } from '../../src/report/markdown.js'

const result = pipelineResult
const report: RunReport = {
  schema: REPORT_SCHEMA,
  createdAt: '2026-11-22T00:00:00Z',
  dockerfile: 'Dockerfile',
  target: 'runner',
  key: 'Dockerfile:runner',
  test: { result: 'skipped' },
  budgets: [],
  verdict: { passed: true, reasons: [] }
}

describe('formatDuration', () => {
  test.each([
    [0, '0 ms'],
    [999, '999 ms'],
    [1_000, '1.0 s'],
    [1_250, '1.3 s'],
    [59_949, '59.9 s'],
    // Rounded to whole seconds before the minutes are split off: never `60.0 s` or `1 min 60 s`.
    [59_950, '1 min 0 s'],
    [60_000, '1 min 0 s'],
    [119_600, '2 min 0 s'],
    [125_400, '2 min 5 s'],
    [125_500, '2 min 6 s'],
    [3_659_600, '61 min 0 s']
  ])('%d ms → %s', (ms, s) => expect(formatDuration(ms)).toBe(s))
})

describe('codeBlock', () => {
  test('a plain log gets a three-backtick fence and its language', () => {
    expect(codeBlock('a\nb')).toBe('```text\na\nb\n```')
    expect(codeBlock('x', 'sh')).toBe('```sh\nx\n```')
  })
  test('the fence is longer than any backtick run in the text, so the log cannot close it', () => {
    expect(codeBlock('run ```` here')).toBe('`````text\nrun ```` here\n`````')
    expect(codeBlock('one ` two `` three ```')).toBe('````text\none ` two `` three ```\n````')
  })
})

describe('renderSummary', () => {
  test('the report first, then the phase table with outcome, reason and duration', () => {
    const md = renderSummary(
      result({
        phases: [
          { name: 'build', durationMs: 2_500, outcome: 'ok', reason: 'ignored when ok' },
          { name: 'test | stage', durationMs: 80, outcome: 'failed', reason: 'exit 1' },
          { name: 'audit', durationMs: 0, outcome: 'skipped' }
        ]
      }),
      report
    )
    expect(md.startsWith(renderReport(report))).toBe(true)
    expect(md).toContain(
      [
        '| Phase | Outcome | Duration |',
        '| --- | --- | ---: |',
        '| build | ✅ ok | 2.5 s |',
        '| test \\| stage | ❌ failed: exit 1 | 80 ms |',
        '| audit | ⏭️ skipped | 0 ms |'
      ].join('\n')
    )
    expect(md).not.toContain('**Stopped:**')
    expect(md).not.toContain('<details open>')
    expect(md).not.toContain('Image read from')
  })
  test("a stopped run says why and shows the failing build's log tail", () => {
    const md = renderSummary(result({ failure: 'test stage failed', failedLogTail: ['step 1', 'error: boom'] }), report)
    expect(md).toContain('**Stopped:** test stage failed')
    expect(md).toContain("<details open><summary>Last 2 lines of the failing build's log</summary>\n\n```text\nstep 1\nerror: boom\n```\n\n</details>")
  })
  test('layer cache, warnings, where the image was read from, and the engine', () => {
    const md = renderSummary(
      result({
        layerCache: { cacheFrom: [], cacheTo: [], reason: 'gha for the docker-container builder' },
        warnings: ['baseline store failed'],
        audit: { source: { streamed: 1, cached: 3, dockerSave: false, reader: 'registry' } } as PipelineResult['audit'],
        engine: { server: '29.0.0', buildx: '0.30.0', builder: 'b1', driver: 'docker-container' }
      }),
      report
    )
    expect(md).toContain('Layer cache: gha for the docker-container builder.')
    expect(md).toContain('> [!WARNING]\n> baseline store failed')
    expect(md).toContain('<sub>Image read from the registry (OCI distribution API, no pull): 1 layer read, 3 from the audit layer cache.</sub>')
    expect(md).toContain('<sub>engine 29.0.0 · buildx 0.30.0 · builder b1 (docker-container)</sub>')
  })
  test.each([
    ['oci-layout', "the build's own OCI layout: 2 layers read"],
    ['engine-export', "the engine's image export (docker save): 2 layers read"],
    ['cache', 'the audit layer cache alone: 2 layers read']
  ] as const)('read by %s', (reader, text) => {
    const md = renderSummary(result({ audit: { source: { streamed: 2, cached: 0, dockerSave: false, reader } } as PipelineResult['audit'] }), report)
    expect(md).toContain(`Image read from ${text}, 0 from the audit layer cache.`)
  })
  test('a part of a split build says so', () => {
    const md = renderSummary(result(), { ...report, part: { name: 'reg/app', platforms: [{ platform: 'linux/amd64' }] } })
    expect(md).toContain('**Part of a split build:** `linux/amd64` of `reg/app`, nothing pushed (the part failed)')
  })
})

test('partLine names the platforms and the digest pushed, nothing tagged', () => {
  expect(partLine({ name: 'reg/app', digest: 'sha256:abc', platforms: [{ platform: 'linux/amd64' }, { platform: 'linux/arm64' }] })).toBe(
    '**Part of a split build:** `linux/amd64`, `linux/arm64` of `reg/app`, pushed by digest as `sha256:abc` (nothing tagged). ' +
      'The merge (`mode: merge`) checks every part, creates the index, and posts the PR comment, check run and baseline.'
  )
})
