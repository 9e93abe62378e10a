/**
 * The pipeline on a scripted docker: every path ends in a result (never a throw), the engine
 * check is a phase that fails with its reason, and a secret fed into any phase's failure comes
 * back redacted, in the result and in every log line.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import type { Secret } from '../../src/inputs/secrets.js'
import type { PipelineResult } from '../../src/result.js'
import { ENGINE_PHASE } from '../../src/pipeline/prepare.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { makeInputs } from '../fixtures/inputs.js'
import { fakeRunner, type FakeScript } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

const SECRET = 'hunter2-s3cr3t-value'
const secrets: Secret[] = [{ id: 'token', source: { kind: 'value', value: SECRET } }]

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-run-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox AS test\nRUN --mount=type=secret,id=token true\nFROM busybox AS runner\n')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

async function run(script: FakeScript, over: Parameters<typeof makeInputs>[0] = {}) {
  const inputs = makeInputs({ context: dir, file: path.join(dir, 'Dockerfile'), 'test-target': 'test', secrets, ...over })
  const reporter = recordingReporter()
  const runner = fakeRunner(script)
  const result = await runPipeline(inputs, resolvePlan(inputs), { docker: new Docker(runner), reporter, tmpDir: dir, key: 'Dockerfile:runner', env: {} })
  return { result, reporter, runner }
}

/** Nothing the run shows or returns holds the secret. */
function expectRedacted(result: PipelineResult, reporter: ReturnType<typeof recordingReporter>): void {
  expect(JSON.stringify(result)).not.toContain(SECRET)
  expect([...reporter.lines, ...reporter.warnings, ...reporter.groups].join('\n')).not.toContain(SECRET)
}

const isBuild = (args: string[]) => args[0] === 'buildx' && args[1] === 'build'
const isTarget = (args: string[], t: string) => isBuild(args) && args.includes('--target') && args[args.indexOf('--target') + 1] === t

test('no engine: the Engine phase fails with its reason, nothing else runs, and nothing throws', async () => {
  const { result, reporter, runner } = await run(args =>
    args[0] === 'version' ? { exitCode: 1, stderr: `Cannot connect to the Docker daemon at unix:///x.sock (${SECRET})` } : undefined
  )
  expect(result.phases).toEqual([
    {
      name: ENGINE_PHASE,
      durationMs: expect.any(Number),
      outcome: 'failed',
      reason: 'no Docker engine reachable (Cannot connect to the Docker daemon at unix:///x.sock (***)); start one, e.g. with scripts/setup-engine.sh'
    }
  ])
  expect(result.failure).toBe(result.phases[0].reason)
  expect(result.failureKind).toBe('environment')
  // Only the engine check's own questions (asked at once): nothing is built, loaded or read.
  expect(runner.calls).toEqual([
    ['version', '--format', '{{.Server.Version}}'],
    ['buildx', 'version'],
    ['--debug', 'buildx', 'inspect'],
    ['info', '--format', '{{json .DriverStatus}}']
  ])
  expectRedacted(result, reporter)
})

test('an unknown builder: the Engine phase fails naming it', async () => {
  const { result } = await run(
    args => (args.includes('inspect') && args.includes('nope') ? { exitCode: 1, stderr: 'ERROR: no builder "nope" found' } : undefined),
    { builder: 'nope' }
  )
  expect(result.phases.map(p => [p.name, p.outcome])).toEqual([[ENGINE_PHASE, 'failed']])
  expect(result.failure).toBe('builder: nope not found (ERROR: no builder "nope" found)')
})

test('a failing test stage: its log streams redacted, its tail and reason come back redacted', async () => {
  const { result, reporter } = await run(args =>
    isTarget(args, 'test')
      ? { exitCode: 1, lines: ['#5 [test 2/2] RUN true', `#5 0.1 token is ${SECRET}`, 'Dockerfile:2', 'ERROR: failed to solve'] }
      : undefined
  )
  expect(result.testResult).toBe('failed')
  expect(result.failedLine).toBe(2)
  expect(result.failedLogTail).toContain('#5 0.1 token is ***')
  expect(reporter.lines).toContain('#5 0.1 token is ***')
  expectRedacted(result, reporter)
})

test('a failing runner build: same', async () => {
  const { result, reporter } = await run(args =>
    isTarget(args, 'runner') ? { exitCode: 1, lines: [`#7 ERROR: ${SECRET}`] } : isBuild(args) ? { lines: ['ok'] } : undefined
  )
  expect(result.failure).toBe('build of runner stage "runner" failed')
  expect(result.failedLogTail).toEqual(['#7 ERROR: ***'])
  expectRedacted(result, reporter)
})

test('a phase that throws (the engine gone mid-run): the run ends with its reason, redacted, never a throw', async () => {
  const { result, reporter } = await run(args => {
    if (isBuild(args)) {
      if (args.includes('--iidfile')) fs.writeFileSync(args[args.indexOf('--iidfile') + 1], 'sha256:abc')
      return { lines: ['done'] }
    }
    if (args[0] === 'image') throw new Error(`engine connection reset (${SECRET})`)
    return undefined
  })
  expect(result.failure).toBe('engine connection reset (***)')
  expect(result.phases.at(-1)).toMatchObject({ name: 'Runner stage "runner"', outcome: 'failed', reason: 'engine connection reset (***)' })
  expectRedacted(result, reporter)
})

test('a baseline that cannot be read: the Baseline phase fails with an input error, redacted', async () => {
  const { result, reporter } = await run(args => (args[0] === 'pull' || args[0] === 'image' ? { exitCode: 1, stderr: 'not found' } : undefined), {
    'baseline-image': `registry.test/${SECRET}:1`
  })
  expect(result.phases.map(p => [p.name, p.outcome])).toEqual([
    [ENGINE_PHASE, 'ok'],
    ['Baseline', 'failed']
  ])
  expect(result.failure).toBe('baseline-image: image "registry.test/***:1" is not in the local store and could not be pulled')
  expect(result.failureKind).toBe('input')
  expectRedacted(result, reporter)
})

test('a bad input found by a phase (cache-mounts) is a failed run of kind input, not a throw', async () => {
  const { result } = await run(() => undefined, { 'cache-mounts': 'no-such-mount' })
  expect(result.failureKind).toBe('input')
  expect(result.failure).toMatch(/^cache-mounts: /)
})

describe('the outcomes composed in order', () => {
  const ok = (args: string[]) => {
    if (isTarget(args, 'test')) return { lines: ['#5 DONE'] }
    return isTarget(args, 'runner') ? { exitCode: 1, lines: ['Dockerfile:3'] } : undefined
  }

  test('a passing test stage then a failing runner: every phase in the order it ran, each outcome where it belongs', async () => {
    const { result, reporter } = await run(ok)
    expect(result.phases.map(p => [p.name, p.outcome])).toEqual([
      [ENGINE_PHASE, 'ok'],
      ['Baseline', 'ok'],
      ['Test stage "test"', 'ok'],
      ['Runner stage "runner"', 'failed']
    ])
    expect(result.engine).toEqual({ server: '28.0.1', buildx: 'v0.20.0', builder: 'default', driver: 'docker' })
    expect(result.layerCache?.reason).toBeDefined()
    expect(result.baseline?.note).toMatch(/^none/)
    expect(result.testResult).toBe('passed')
    expect(result.failedLine).toBe(3)
    expect(result.failure).toBe('build of runner stage "runner" failed')
    expect(result.image).toBeUndefined()
    expect(reporter.groups).toEqual(result.phases.map(p => p.name))
  })

  test("the plan's warnings reach the result and the log", async () => {
    const { result, reporter } = await run(ok, { secrets: [] })
    const warning = 'Dockerfile line 2 mounts secret "token" but no secret with that id was given (secrets, secret-files or secret-envs)'
    expect(result.warnings).toEqual([warning])
    expect(reporter.warnings).toEqual([warning])
  })

  test('a call this buildx cannot run: the run fails after the engine check, nothing built', async () => {
    const { result, runner } = await run(args => (args.join(' ') === 'buildx version' ? { stdout: 'github.com/docker/buildx v0.10.0 abc\n' } : undefined), {
      call: 'check'
    })
    expect(result.failure).toBe('call: "check" needs buildx 0.15.0 or newer (BuildKit build checks); this runner has buildx v0.10.0')
    expect(result.failureKind).toBeUndefined()
    expect(result.phases.map(p => p.name)).toEqual([ENGINE_PHASE])
    expect(runner.calls.some(isBuild)).toBe(false)
  })

  test('an export the builder cannot do: the runner stage skipped with the reason, and a split part still names its platforms', async () => {
    const { result, runner } = await run(() => undefined, {
      outputs: ['type=image,name=127.0.0.1:5000/app,push-by-digest=true,name-canonical=true,push=true'],
      platforms: ['linux/arm64']
    })
    expect(result.failure).toMatch(/^outputs: push-by-digest cannot be done by the docker driver/)
    expect(result.phases.at(-1)).toEqual({ name: 'Runner stage "runner"', durationMs: 0, outcome: 'skipped', reason: result.failure })
    expect(result.part).toEqual({ name: '127.0.0.1:5000/app', platforms: [{ platform: 'linux/arm64' }] })
    expect(runner.calls.some(isBuild)).toBe(false)
  })
})
