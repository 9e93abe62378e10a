import type { BuildContext } from '../../src/build/build.js'
import { Docker } from '../../src/docker/docker.js'
import type { Stage } from '../../src/plan/dockerfile.js'
import { callPhase } from '../../src/pipeline/call.js'
import { makeInputs } from '../fixtures/inputs.js'
import { fakeRunner, type FakeScript } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

const runner: Stage = { index: 0, name: 'runner', base: 'busybox', line: 1, endLine: 2, instructions: [] }
const ctx = (call: string, script: FakeScript): BuildContext => ({
  docker: new Docker(fakeRunner(script)),
  inputs: makeInputs({ call }),
  driver: 'docker',
  secrets: { specs: [], env: {}, cleanup: () => {} },
  onLine: () => {},
  attestations: false
})
const isBuild = (args: string[]) => args[0] === 'buildx' && args[1] === 'build'
const checkJson = (warnings: unknown[]) => JSON.stringify({ warnings })

test('call check with findings: the findings as checks, the phase and the run failed', async () => {
  const found = checkJson([{ ruleName: 'JSONArgsRecommended', detail: 'JSON arguments recommended', location: { ranges: [{ start: { line: 2 } }] } }])
  const out = await callPhase(
    ctx('check', args => (isBuild(args) ? { exitCode: 1, stdout: found } : undefined)),
    'check',
    runner,
    recordingReporter()
  )
  expect(out.checks?.map(c => [c.rule, c.line])).toEqual([['build-check/JSONArgsRecommended', 2]])
  expect(out.failure).toBe('call "check": 1 build check found (build-check/JSONArgsRecommended)')
  expect(out.phases).toEqual([{ name: 'Call "check"', durationMs: expect.any(Number), outcome: 'failed' }])
})

test('call check, clean: an empty list of checks, the phase ok, no failure', async () => {
  const out = await callPhase(
    ctx('check', args => (isBuild(args) ? { stdout: checkJson([]) } : undefined)),
    'check',
    runner,
    recordingReporter()
  )
  expect(out).toEqual({ phases: [{ name: 'Call "check"', durationMs: expect.any(Number), outcome: 'ok' }], checks: [], failure: undefined })
})

test('call outline: no checks; a failed outline fails the run', async () => {
  const ok = await callPhase(
    ctx('outline', args => (isBuild(args) ? { stdout: 'TARGET: runner' } : undefined)),
    'outline',
    runner,
    recordingReporter()
  )
  expect(ok.checks).toBeUndefined()
  expect(ok.failure).toBeUndefined()
  const failed = await callPhase(
    ctx('outline', args => (isBuild(args) ? { exitCode: 1 } : undefined)),
    'outline',
    runner,
    recordingReporter()
  )
  expect(failed.failure).toBeDefined()
  expect(failed.phases?.[0].outcome).toBe('failed')
})

test('a call that could not run: failed with the message', async () => {
  const out = await callPhase(
    ctx('check', args => {
      if (isBuild(args)) throw new Error('engine connection reset')
      return undefined
    }),
    'check',
    runner,
    recordingReporter()
  )
  expect(out.failure).toBe('engine connection reset')
  expect(out.phases).toEqual([expect.objectContaining({ outcome: 'failed', reason: 'engine connection reset' })])
})
