import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BuildContext, RunnerExport } from '../../src/build/build.js'
import { Docker, type Preflight } from '../../src/docker/docker.js'
import type { Inputs } from '../../src/inputs/inputs.js'
import type { Stage } from '../../src/plan/dockerfile.js'
import { blamedLine, buildWithCacheFallback, chooseLayerCache, withLayerCache } from '../../src/pipeline/runner-build.js'
import { makeInputs } from '../fixtures/inputs.js'
import { fakeRunner, type FakeScript } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

describe('blamedLine', () => {
  test('the last Dockerfile:N line of a failed build log', () => {
    expect(blamedLine(['#11 ERROR: x', 'Dockerfile:19', '--------', '  19 | >>> RUN x', 'ERROR: failed to solve'])).toBe(19)
    expect(blamedLine(['ci/Dockerfile.prod:7'])).toBe(7)
    expect(blamedLine(['no such line'])).toBeUndefined()
  })
})

describe('chooseLayerCache: the builder facts preflight found reach the default layer cache', () => {
  const github = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results.test/', ACTIONS_CACHE_SERVICE_V2: 'true' }
  const pre = (driver: string, buildkit: string | undefined, server = '28.0.1'): Preflight => ({
    server,
    buildx: '0.20.0',
    containerdStore: true,
    builder: {
      name: 'b',
      driver,
      platforms: ['linux/amd64'],
      buildkit,
      features: { ociExporter: true, multiPlatform: true, multipleExporters: true, source: 'buildx' }
    }
  })
  const run = (p: Preflight) => {
    const reporter = recordingReporter()
    const chosen = chooseLayerCache(makeInputs(), p, { reporter, env: github, key: 'Dockerfile:runner' })
    return { inputs: withLayerCache(makeInputs(), chosen), chosen, reporter }
  }

  test('a docker-container builder with BuildKit 0.13 gets no gha cache from the v2 service, and says why', () => {
    const { inputs, chosen, reporter } = run(pre('docker-container', 'v0.13.2'))
    expect(inputs['cache-to']).toEqual([])
    expect(chosen.reason).toBe('BuildKit v0.13.2 is older than 0.20 and cannot use the GitHub cache service v2')
    expect(reporter.lines).toContain(`layer cache: ${chosen.reason}`)
  })

  test('BuildKit 0.20 on the same builder gets type=gha, scoped by the report key', () => {
    const { inputs } = run(pre('docker-container', 'v0.20.1'))
    expect(inputs['cache-from']).toEqual(['type=gha,url=https://results.test/,version=2,scope=Dockerfile:runner'])
    expect(inputs['cache-to']).toEqual(['type=gha,url=https://results.test/,version=2,scope=Dockerfile:runner,mode=max,ignore-error=true'])
  })

  test('withLayerCache replaces the user cache with the chosen one and leaves the rest', () => {
    const inputs = makeInputs({ 'cache-from': ['type=local,src=/a'], 'cache-to': ['type=local,dest=/a'], tags: ['t'] })
    const out = withLayerCache(inputs, { cacheFrom: ['from'], cacheTo: ['to'], reason: 'r' })
    expect(out).toEqual({ ...inputs, 'cache-from': ['from'], 'cache-to': ['to'] })
  })
})

describe('buildWithCacheFallback: the runner build as an outcome', () => {
  const runner: Stage = { index: 1, name: 'runner', base: 'busybox', line: 3, endLine: 3, instructions: [] }
  const CACHE_TO = 'type=registry,ref=127.0.0.1:5000/cache,mode=max'
  const warningMeta = JSON.stringify({
    'buildx.build.warnings': [{ short: Buffer.from('JSONArgsRecommended: JSON arguments recommended (line 3)').toString('base64') }]
  })
  let dir: string
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-runner-build-'))))
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const exp = (): RunnerExport => ({ plan: { load: false, layout: 'none', inEngine: false }, layoutDir: path.join(dir, 'oci-layout') })
  const ctxFor = (script: FakeScript, over: Partial<Inputs> = {}): { ctx: BuildContext; calls: string[][] } => {
    const r = fakeRunner(script)
    const ctx: BuildContext = {
      docker: new Docker(r),
      inputs: makeInputs(over),
      driver: 'docker-container',
      secrets: { specs: [], env: {}, cleanup: () => {} },
      onLine: () => {},
      attestations: false
    }
    return { ctx, calls: r.calls }
  }
  /** A build that succeeds: its iidfile and metadata written as buildx writes them. */
  const succeed = (args: string[], metadata = '{}') => {
    fs.writeFileSync(args[args.indexOf('--iidfile') + 1], 'sha256:abc')
    fs.writeFileSync(args[args.indexOf('--metadata-file') + 1], metadata)
    return { lines: ['#9 DONE'] }
  }

  test('built: the image, the phase ok, and the build checks BuildKit reported in its metadata', async () => {
    const { ctx } = ctxFor(args => (args[1] === 'build' ? succeed(args, warningMeta) : undefined))
    const out = await buildWithCacheFallback(ctx, runner, exp(), 'runner', recordingReporter())
    expect(out.failure).toBeUndefined()
    expect(out.image?.imageId).toBe('sha256:abc')
    expect(out.phases).toEqual([{ name: 'Runner stage "runner"', durationMs: expect.any(Number), outcome: 'ok' }])
    expect(out.checks?.map(c => c.rule)).toEqual(['build-check/JSONArgsRecommended'])
  })

  test('built without checks: no checks field', async () => {
    const { ctx } = ctxFor(args => (args[1] === 'build' ? succeed(args) : undefined))
    expect((await buildWithCacheFallback(ctx, runner, exp(), 'runner', recordingReporter())).checks).toBeUndefined()
  })

  test('only the cache export failed: built again without cache-to, with a warning, and both phases recorded', async () => {
    let first = true
    const { ctx, calls } = ctxFor(
      args => {
        if (args[1] !== 'build') return undefined
        if (first) {
          first = false
          return { exitCode: 1, lines: ['ERROR: failed to export cache: 401 Unauthorized'] }
        }
        return succeed(args)
      },
      { 'cache-to': [CACHE_TO] }
    )
    const reporter = recordingReporter()
    const out = await buildWithCacheFallback(ctx, runner, exp(), 'runner', reporter)
    expect(out.failure).toBeUndefined()
    expect(out.image?.imageId).toBe('sha256:abc')
    expect(out.phases?.map(p => [p.name, p.outcome])).toEqual([
      ['Runner stage "runner"', 'failed'],
      ['Runner stage "runner" (without cache-to)', 'ok']
    ])
    expect(out.warnings).toEqual([expect.stringMatching(/^exporting the layer cache failed/)])
    expect(reporter.warnings).toEqual(out.warnings)
    expect(calls.filter(a => a[1] === 'build').map(a => a.includes('--cache-to'))).toEqual([true, false])
  })

  test('a failed step: its log tail, the blamed line and the reason; not built again', async () => {
    const { ctx, calls } = ctxFor(
      args => (args[1] === 'build' ? { exitCode: 1, lines: ['#7 ERROR: exit 2', 'Dockerfile:3', 'ERROR: failed to solve'] } : undefined),
      {
        'cache-to': [CACHE_TO]
      }
    )
    const out = await buildWithCacheFallback(ctx, runner, exp(), 'runner', recordingReporter())
    expect(out.failure).toBe('build of runner stage "runner" failed')
    expect(out.failedLogTail).toEqual(['#7 ERROR: exit 2', 'Dockerfile:3', 'ERROR: failed to solve'])
    expect(out.failedLine).toBe(3)
    expect(out.image).toBeUndefined()
    expect(out.warnings).toEqual([])
    expect(calls.filter(a => a[1] === 'build')).toHaveLength(1)
  })

  test('a cache export failure without cache-to is a failed build, not retried', async () => {
    const { ctx, calls } = ctxFor(args => (args[1] === 'build' ? { exitCode: 1, lines: ['ERROR: failed to export cache'] } : undefined))
    const out = await buildWithCacheFallback(ctx, runner, exp(), 'runner', recordingReporter())
    expect(out.failure).toBe('build of runner stage "runner" failed')
    expect(calls.filter(a => a[1] === 'build')).toHaveLength(1)
  })

  test("the retry fails too: the retry's log is the one reported", async () => {
    let n = 0
    const { ctx } = ctxFor(
      args => (args[1] === 'build' ? { exitCode: 1, lines: n++ === 0 ? ['ERROR: failed to export cache'] : ['Dockerfile:9'] } : undefined),
      {
        'cache-to': [CACHE_TO]
      }
    )
    const out = await buildWithCacheFallback(ctx, runner, exp(), 'runner', recordingReporter())
    expect(out.failedLogTail).toEqual(['Dockerfile:9'])
    expect(out.failedLine).toBe(9)
    expect(out.phases?.map(p => p.outcome)).toEqual(['failed', 'failed'])
  })

  test('an error that is not a build failure (the engine gone): failed with its message, no log tail', async () => {
    const { ctx } = ctxFor(args => {
      if (args[1] === 'build') throw new Error('engine connection reset')
      return undefined
    })
    const out = await buildWithCacheFallback(ctx, runner, exp(), 'runner', recordingReporter())
    expect(out.failure).toBe('engine connection reset')
    expect(out.failedLogTail).toBeUndefined()
    expect(out.phases).toEqual([expect.objectContaining({ name: 'Runner stage "runner"', outcome: 'failed', reason: 'engine connection reset' })])
  })
})
