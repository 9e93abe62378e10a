import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import type { RunContext } from '../../src/github/context.js'
import { baselinePhase, checkEngine, ENGINE_PHASE, planWarnings } from '../../src/pipeline/prepare.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import type { CacheStore } from '../../src/store/store.js'
import { makeInputs } from '../fixtures/inputs.js'
import { fakeRunner } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

describe('checkEngine: the Engine phase', () => {
  test('a healthy engine: the phase ok, the engine named in the result and the log, the preflight handed on', async () => {
    const reporter = recordingReporter()
    const { outcome, preflight } = await checkEngine(new Docker(fakeRunner()), '', reporter)
    expect(outcome).toEqual({
      phases: [{ name: ENGINE_PHASE, durationMs: expect.any(Number), outcome: 'ok' }],
      engine: { server: '28.0.1', buildx: 'v0.20.0', builder: 'default', driver: 'docker' }
    })
    expect(preflight?.builder.features.ociExporter).toBe(true)
    expect(reporter.lines).toEqual(['engine 28.0.1, buildx v0.20.0, builder default (docker driver)'])
  })
  test("no engine: the phase failed with its reason, the run failed as the environment's, no preflight", async () => {
    const runner = fakeRunner(args => (args[0] === 'version' ? { exitCode: 1, stderr: 'Cannot connect to the Docker daemon' } : undefined))
    const { outcome, preflight } = await checkEngine(new Docker(runner), '', recordingReporter())
    expect(preflight).toBeUndefined()
    expect(outcome.failureKind).toBe('environment')
    expect(outcome.failure).toMatch(/^no Docker engine reachable \(Cannot connect to the Docker daemon\)/)
    expect(outcome.phases).toEqual([{ name: ENGINE_PHASE, durationMs: expect.any(Number), outcome: 'failed', reason: outcome.failure }])
  })
  test('the engine questions are asked at once; the first problem in their order is the one reported', async () => {
    let running = 0
    let most = 0
    const base = fakeRunner(args =>
      args.includes('inspect') ? { exitCode: 1, stderr: 'no builder "x"' } : args[0] === 'buildx' ? { exitCode: 1, stderr: 'not a docker command' } : undefined
    )
    const runner = Object.assign(
      async (args: string[], opts?: Parameters<typeof base>[1]) => {
        most = Math.max(most, ++running)
        await new Promise(r => setTimeout(r, 20))
        running--
        return base(args, opts)
      },
      { calls: base.calls }
    )
    const { outcome } = await checkEngine(new Docker(runner), 'x', recordingReporter())
    expect(most).toBe(4)
    expect(outcome.failure).toMatch(/^docker buildx is missing/)
  })
  test('the builder input is the builder checked', async () => {
    const runner = fakeRunner()
    await checkEngine(new Docker(runner), 'mine', recordingReporter())
    expect(runner.calls.some(a => a.includes('buildx') && a.includes('inspect') && a.includes('mine'))).toBe(true)
  })
})

describe('planWarnings: what the plan says before anything runs', () => {
  let dir: string
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-prepare-'))))
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
  const plan = (dockerfile: string) => {
    fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile)
    return resolvePlan(makeInputs({ context: dir, file: path.join(dir, 'Dockerfile') }))
  }
  const given = (...ids: string[]) => ({ secrets: ids.map(id => ({ id, source: { kind: 'value' as const, value: 'v' } })) })

  test('a secret the Dockerfile mounts that no input gives: one warning naming its line and id', () => {
    const p = plan('FROM busybox\nRUN --mount=type=secret,id=npm true\nRUN --mount=type=secret,id=token true\n')
    expect(planWarnings(p, given('token'))).toEqual([
      'Dockerfile line 2 mounts secret "npm" but no secret with that id was given (secrets, secret-files or secret-envs)'
    ])
    expect(planWarnings(p, given('npm', 'token'))).toEqual([])
  })
  test("the plan's own warnings come first", () => {
    const p = { ...plan('FROM busybox\nRUN --mount=type=secret,id=npm true\n'), warnings: ['plan says'] }
    expect(planWarnings(p, given())).toEqual(['plan says', expect.stringMatching(/^Dockerfile line 2 mounts secret "npm"/)])
  })
})

describe('baselinePhase: the baseline, loaded before anything is built', () => {
  const deps = (runner = fakeRunner(), over: { store?: CacheStore; ctx?: RunContext } = {}) => ({
    docker: new Docker(runner),
    reporter: recordingReporter(),
    key: 'Dockerfile:runner',
    ...over
  })
  test('none asked for: the phase ok, a baseline that says why there is none, no warning', async () => {
    const out = await baselinePhase(makeInputs(), deps())
    expect(out.phases).toEqual([{ name: 'Baseline', durationMs: expect.any(Number), outcome: 'ok' }])
    expect(out.baseline?.note).toMatch(/^none \(give baseline-report or baseline-image/)
    expect(out.warnings).toEqual([])
    expect(out.failure).toBeUndefined()
  })
  test('a baseline image that is nowhere: an input failure naming the input, the phase failed', async () => {
    const runner = fakeRunner(args => (args[0] === 'pull' || args[0] === 'image' ? { exitCode: 1, stderr: 'not found' } : undefined))
    const out = await baselinePhase(makeInputs({ 'baseline-image': 'gone:1' }), deps(runner))
    expect(out).toEqual({
      phases: [expect.objectContaining({ name: 'Baseline', outcome: 'failed' })],
      failure: 'baseline-image: image "gone:1" is not in the local store and could not be pulled',
      failureKind: 'input'
    })
  })
  test('any other problem: a failure that names the baseline, of no input kind', async () => {
    const runner = fakeRunner(args => {
      if (args[0] === 'image') throw new Error('engine connection reset')
      return undefined
    })
    const out = await baselinePhase(makeInputs({ 'baseline-image': 'x:1' }), deps(runner))
    expect(out.failure).toBe('baseline: engine connection reset')
    expect(out.failureKind).toBeUndefined()
  })
  test('a base-branch report the store cannot give: the run goes on with the warning, shown and in the outcome', async () => {
    const store = { restore: () => Promise.reject(new Error('503 from the cache service')) } as unknown as CacheStore
    const ctx = { pullRequest: { baseRef: 'main' } } as unknown as RunContext
    const d = deps(fakeRunner(), { store, ctx })
    const out = await baselinePhase(makeInputs(), d)
    expect(out.failure).toBeUndefined()
    expect(out.warnings).toEqual(['baseline: could not restore the main report (503 from the cache service)'])
    expect(d.reporter.warnings).toEqual(out.warnings)
  })
})
