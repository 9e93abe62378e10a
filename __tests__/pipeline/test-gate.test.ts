import type { BuildContext } from '../../src/build/build.js'
import { Docker } from '../../src/docker/docker.js'
import type { Stage } from '../../src/plan/dockerfile.js'
import { testGate } from '../../src/pipeline/test-gate.js'
import { makeInputs } from '../fixtures/inputs.js'
import { fakeRunner, type FakeScript } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

const test_: Stage = { index: 0, name: 'test', base: 'busybox', line: 1, endLine: 2, instructions: [] }
const ctx = (script: FakeScript): BuildContext => ({
  docker: new Docker(fakeRunner(script)),
  inputs: makeInputs(),
  driver: 'docker',
  secrets: { specs: [], env: {}, cleanup: () => {} },
  onLine: () => {},
  attestations: false
})
const isBuild = (args: string[]) => args[0] === 'buildx' && args[1] === 'build'

test('a passing test stage: the phase ok and testResult passed, nothing else', async () => {
  const out = await testGate(
    ctx(args => (isBuild(args) ? { lines: ['#5 DONE'] } : undefined)),
    test_,
    'runner',
    recordingReporter()
  )
  expect(out).toEqual({ phases: [{ name: 'Test stage "test"', durationMs: expect.any(Number), outcome: 'ok' }], testResult: 'passed' })
})

test('a failing test stage: its phase failed, the runner skipped, the log tail and blamed line, the reason', async () => {
  const lines = ['#5 [test 2/2] RUN false', 'Dockerfile:2', 'ERROR: failed to solve']
  const reporter = recordingReporter()
  const out = await testGate(
    ctx(args => (isBuild(args) ? { exitCode: 1, lines } : undefined)),
    test_,
    'app',
    reporter
  )
  expect(out).toEqual({
    phases: [
      { name: 'Test stage "test"', durationMs: expect.any(Number), outcome: 'failed' },
      { name: 'Runner stage "app"', durationMs: 0, outcome: 'skipped', reason: 'the test stage failed' }
    ],
    testResult: 'failed',
    failedLogTail: lines,
    failedLine: 2,
    failure: 'test stage "test" failed (exit 1); the runner image was not built and nothing was pushed'
  })
  expect(reporter.groups).toEqual(['Test stage "test"'])
})

test('a test stage that could not run (the engine gone): failed with the message, no test result', async () => {
  const out = await testGate(
    ctx(args => {
      if (isBuild(args)) throw new Error('engine connection reset')
      return undefined
    }),
    test_,
    'runner',
    recordingReporter()
  )
  expect(out.failure).toBe('engine connection reset')
  expect(out.testResult).toBeUndefined()
  expect(out.phases).toEqual([expect.objectContaining({ name: 'Test stage "test"', outcome: 'failed', reason: 'engine connection reset' })])
})
