import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RunContext } from '../../src/github/context.js'
import type { PipelineResult } from '../../src/result.js'
import { publish, type ActionCore, type PublishEnv } from '../../src/publish/publish.js'
import { buildRunReport } from '../../src/report/build-report.js'
import { LocalDirStore } from '../../src/store/local-store.js'
import { makeInputs } from '../fixtures/inputs.js'
import { ctx, fakeGitHub, recordingCore } from './publish-env.js'

const size = { image: 'sha256:1', bytes: 50_000_000, compressedBytes: 20_000_000, compressedFrom: 'blob', layers: [] }
const finding = (severity: 'error' | 'warning' | 'notice', rule: string, line: number, platform?: string) => ({
  rule,
  severity,
  message: `${rule} says no`,
  evidence: { path: '/usr/bin/gcc', line },
  platform
})

function result(over: Partial<PipelineResult> = {}): PipelineResult {
  return {
    phases: [{ name: 'Audit', durationMs: 5, outcome: 'ok' }],
    testResult: 'passed',
    runnerStage: 'runner',
    warnings: [],
    cacheMounts: [],
    budgets: [],
    image: { imageId: 'sha256:img', digest: 'sha256:dig', metadata: '{"a":1}', tags: ['app:pr'], inEngine: true },
    audit: {
      image: { user: '1000', os: 'linux', architecture: 'amd64', layers: [] },
      findings: [finding('error', 'toolchain', 12, 'linux/arm64'), finding('warning', 'hygiene/shell', 3), finding('notice', 'hygiene/healthcheck', 9)],
      allowed: [],
      failing: 1,
      source: { streamed: 1, cached: 0 }
    },
    size,
    delta: {
      baseline: { source: 'report', label: 'main' },
      baseBytes: 40_000_000,
      bytes: 50_000_000,
      percent: 25,
      baseCompressedBytes: 18_000_000,
      compressedBytes: 20_000_000,
      compressedPercent: 11.1,
      layers: []
    },
    ...over
  } as unknown as PipelineResult
}

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-publish-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function env(core: ActionCore, gh: ReturnType<typeof fakeGitHub>, over: Partial<PublishEnv> = {}): PublishEnv {
  return {
    core,
    dockerfile: 'app/Dockerfile',
    outDir: path.join(dir, 'out'),
    ctx,
    github: token => {
      gh.tokens.push(token)
      return gh.api
    },
    ...over
  }
}

const inputs = makeInputs({ 'github-token': 'ghs_token', comment: 'auto', 'check-name': 'Image' })

test('outputs, report files and annotations of a failing run', async () => {
  const r = result({ budgets: [{ budget: 'max-size', message: 'image 50 MB is over max-size 40 MB', platform: 'linux/amd64' }] as PipelineResult['budgets'] })
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'app/Dockerfile:runner', failOn: 'error', ctx })
  const c = recordingCore()
  await publish(inputs, r, report, env(c.core, fakeGitHub()))

  expect(c.outputs).toMatchObject({
    'test-result': 'passed',
    imageid: 'sha256:img',
    digest: 'sha256:dig',
    metadata: '{"a":1}',
    size: '50000000',
    'compressed-size': '20000000',
    'size-delta': '10000000',
    'size-delta-percent': '25.00'
  })
  // One audit error at fail-on error plus one budget violation.
  expect(c.outputs.findings).toBe('2')
  const saved = JSON.parse(fs.readFileSync(c.outputs.report, 'utf8'))
  expect(saved).toMatchObject({ key: 'app/Dockerfile:runner', verdict: { passed: false } })
  expect(fs.readFileSync(c.outputs['comment-file'], 'utf8')).toBe(`${c.outputs['comment-markdown']}\n`)
  expect(JSON.parse(fs.readFileSync(c.outputs.sarif, 'utf8')).runs[0].results).toHaveLength(3)

  const annotations = c.log.filter(l => l.props?.file)
  expect(annotations).toEqual([
    {
      level: 'error',
      message: 'toolchain says no (/usr/bin/gcc)',
      props: { title: 'Stagecraft toolchain [linux/arm64]', file: 'app/Dockerfile', startLine: 12 }
    },
    { level: 'warning', message: 'hygiene/shell says no (/usr/bin/gcc)', props: { title: 'Stagecraft hygiene/shell', file: 'app/Dockerfile', startLine: 3 } },
    {
      level: 'notice',
      message: 'hygiene/healthcheck says no (/usr/bin/gcc)',
      props: { title: 'Stagecraft hygiene/healthcheck', file: 'app/Dockerfile', startLine: 9 }
    },
    { level: 'error', message: 'image 50 MB is over max-size 40 MB', props: { title: 'Stagecraft: max-size', file: 'app/Dockerfile', startLine: 1 } }
  ])
})

test('the PR comment and the check run go through the injected API with the token', async () => {
  const r = result()
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
  const c = recordingCore()
  const gh = fakeGitHub()
  await publish(inputs, r, report, env(c.core, gh))
  expect(gh.tokens).toEqual(['ghs_token'])
  expect(gh.comments).toHaveLength(1)
  expect(gh.comments[0].body).toContain(c.outputs['comment-markdown'].split('\n')[0])
  expect(gh.checks).toEqual([{ name: 'Image', head_sha: 'c'.repeat(40), conclusion: 'failure', title: report.verdict.reasons[0] }])

  // Published again for the same key: the sticky comment is updated, not duplicated.
  await publish(inputs, r, report, env(c.core, gh))
  expect(gh.comments).toHaveLength(1)
})

test('a summary that cannot be written is a warning, and everything else is still published', async () => {
  const r = result()
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
  const c = recordingCore({ summaryFails: true })
  const gh = fakeGitHub()
  await publish(inputs, r, report, env(c.core, gh))
  expect(c.log).toContainEqual({ level: 'warning', message: 'could not write the job summary: EACCES: GITHUB_STEP_SUMMARY', props: undefined })
  expect(gh.comments).toHaveLength(1)
  expect(fs.existsSync(c.outputs.report)).toBe(true)
})

test('report files that cannot be written are warnings: no throw, and the outputs, summary and comment still go out', async () => {
  const r = result()
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
  const c = recordingCore()
  const gh = fakeGitHub()
  fs.writeFileSync(path.join(dir, 'a-file'), '')
  await publish(inputs, r, report, env(c.core, gh, { outDir: path.join(dir, 'a-file', 'out') }))
  const warned = c.log.filter(l => l.level === 'warning' && l.message.startsWith('could not write')).map(l => l.message)
  expect(warned).toEqual([
    expect.stringMatching(/k\.report\.json: .*ENOTDIR/),
    expect.stringMatching(/k\.comment\.md: .*ENOTDIR/),
    expect.stringMatching(/k\.sarif: .*ENOTDIR/)
  ])
  expect(c.outputs.report).toBeUndefined()
  expect(c.outputs['comment-markdown']).toContain('Stagecraft')
  expect(c.outputs['test-result']).toBe('passed')
  expect(c.summary).toHaveLength(1)
  expect(gh.comments).toHaveLength(1)
})

test('without a token: a warning and no API call; outside GitHub: no API at all', async () => {
  const r = result()
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
  const c = recordingCore()
  const gh = fakeGitHub()
  await publish({ ...inputs, 'github-token': '' }, r, report, env(c.core, gh))
  expect(c.log.map(l => l.message)).toContain('github-token is empty: no PR comment or check run (the report is in the job summary)')
  await publish(inputs, r, report, env(c.core, gh, { ctx: undefined }))
  expect(gh.tokens).toEqual([])
  expect(c.summary).toHaveLength(2)
})

test('a run that stopped before building still publishes its outputs and report', async () => {
  const r = result({
    image: undefined,
    audit: undefined,
    size: undefined,
    delta: undefined,
    testResult: 'failed',
    failure: 'test stage "test" failed (exit 1)'
  })
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
  const c = recordingCore()
  await publish(inputs, r, report, env(c.core, fakeGitHub()))
  expect(c.outputs['test-result']).toBe('failed')
  expect(c.outputs.imageid).toBeUndefined()
  expect(c.outputs.sarif).toBeUndefined()
  expect(JSON.parse(fs.readFileSync(c.outputs.report, 'utf8')).verdict).toEqual({ passed: false, reasons: ['test stage "test" failed (exit 1)'] })
  expect(c.summary[0]).toContain('test stage "test" failed')
})

test('the size baseline is saved to the store on a sized run, not on one without a size', async () => {
  const store = new LocalDirStore(path.join(dir, 'store'))
  const push: RunContext = { ...ctx, eventName: 'push', ref: 'main', fullRef: 'refs/heads/main', pullRequest: undefined }
  const r = result()
  const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx: push })
  const c = recordingCore()
  await publish({ ...inputs, 'check-name': '' }, result({ size: undefined }), report, env(c.core, fakeGitHub(), { ctx: push, store }))
  expect(fs.existsSync(store.dir) ? fs.readdirSync(store.dir) : []).toEqual([])
  await publish({ ...inputs, 'check-name': '' }, r, report, env(c.core, fakeGitHub(), { ctx: push, store }))
  expect(fs.readdirSync(store.dir).length).toBe(1)
})

describe("build checks of a build: findings in every output, annotated unless BPA's DOCKER_BUILD_CHECKS_ANNOTATIONS=false", () => {
  const url = 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/'
  const checks: PipelineResult['checks'] = [
    {
      rule: 'build-check/JSONArgsRecommended',
      severity: 'warning',
      message: `JSON arguments recommended for ENTRYPOINT (${url})`,
      line: 12,
      file: 'Dockerfile',
      url
    }
  ]
  const checked = () => result({ checks, audit: undefined })

  test.each([
    [undefined, 1],
    [true, 1],
    [false, 0]
  ])('checksAnnotations %s → %d check annotation(s); the report, SARIF and summary carry the check', async (checksAnnotations, n) => {
    const r = checked()
    const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'warning', ctx })
    const c = recordingCore()
    await publish({ ...inputs, 'fail-on': 'warning' }, r, report, env(c.core, fakeGitHub(), { checksAnnotations }))
    const annotations = c.log.filter(l => l.props?.title === 'Stagecraft build-check/JSONArgsRecommended')
    expect(annotations).toHaveLength(n)
    if (n)
      expect(annotations[0]).toEqual({
        level: 'warning',
        message: checks[0].message,
        props: { title: 'Stagecraft build-check/JSONArgsRecommended', file: 'app/Dockerfile', startLine: 12 }
      })
    // fail-on warning gates it: the findings output counts it.
    expect(c.outputs.findings).toBe('1')
    expect(JSON.parse(fs.readFileSync(c.outputs.report, 'utf8')).checks).toEqual(checks)
    const sarif = JSON.parse(fs.readFileSync(c.outputs.sarif, 'utf8')).runs[0]
    expect(sarif.results).toEqual([expect.objectContaining({ ruleId: 'build-check/JSONArgsRecommended', level: 'warning', ruleIndex: 0 })])
    expect(sarif.tool.driver.rules[0]).toMatchObject({ id: 'build-check/JSONArgsRecommended', helpUri: url })
    expect(c.summary.join('\n')).toContain(`[\`build-check/JSONArgsRecommended\`](${url}) | 12 | JSON arguments recommended for ENTRYPOINT |`)
    expect(c.outputs['comment-markdown']).toContain('| **Build checks** | 1 warning |')
  })
})

describe('a part of a split build (pushed by digest) leaves the PR and the baseline to the merge', () => {
  const part = {
    name: '127.0.0.1:5000/part-app',
    digest: 'sha256:' + 'd'.repeat(64),
    platforms: [{ platform: 'linux/arm64', digest: 'sha256:' + 'd'.repeat(64) }]
  }

  test('no comment (comment: auto), no check run, no baseline; still the outputs, report file and a summary naming the part', async () => {
    const store = new LocalDirStore(path.join(dir, 'store'))
    const r = result({ part, image: { imageId: 'sha256:img', digest: part.digest, metadata: '{}', tags: [], inEngine: false } })
    const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
    const c = recordingCore()
    const gh = fakeGitHub()
    await publish(inputs, r, report, env(c.core, gh, { store }))
    expect(gh.comments).toEqual([])
    expect(gh.checks).toEqual([])
    expect(fs.existsSync(store.dir) ? fs.readdirSync(store.dir) : []).toEqual([])
    expect(c.outputs.digest).toBe(part.digest)
    expect(JSON.parse(fs.readFileSync(c.outputs.report, 'utf8')).part).toEqual(part)
    expect(c.summary[0]).toContain(`**Part of a split build:** \`linux/arm64\` of \`127.0.0.1:5000/part-app\`, pushed by digest as \`${part.digest}\``)
    expect(c.log.filter(l => l.level === 'info').map(l => l.message)).toEqual(
      expect.arrayContaining([
        'part of a split build: no PR comment and check run "Image" from a part; the merge (mode: merge) publishes one for every platform',
        'part of a split build: the size baseline is saved by the merge (mode: merge), not by a part'
      ])
    )
  })

  test('comment: true is honoured (explicit), the check run still is not', async () => {
    const r = result({ part })
    const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
    const c = recordingCore()
    const gh = fakeGitHub()
    await publish({ ...inputs, comment: 'true' }, r, report, env(c.core, gh))
    expect(gh.comments).toHaveLength(1)
    expect(gh.checks).toEqual([])
  })

  test('a part that failed before it pushed: still a part (no comment, no check run), its report names its platform and no digest', async () => {
    const unpushed = { name: part.name, platforms: [{ platform: 'linux/arm64' }] }
    const r = result({ part: unpushed, image: undefined, testResult: 'failed', failure: 'test stage "test" failed (exit 1)' })
    const report = buildRunReport(r, { dockerfile: 'app/Dockerfile', key: 'k', failOn: 'error', ctx })
    const c = recordingCore()
    const gh = fakeGitHub()
    await publish(inputs, r, report, env(c.core, gh))
    expect(gh.comments).toEqual([])
    expect(gh.checks).toEqual([])
    expect(JSON.parse(fs.readFileSync(c.outputs.report, 'utf8')).part).toEqual(unpushed)
    expect(c.summary[0]).toContain('**Part of a split build:** `linux/arm64` of `127.0.0.1:5000/part-app`, nothing pushed (the part failed)')
  })
})
