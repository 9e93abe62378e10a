import type { CacheMountReport } from '../../src/cache-mounts/types.js'
import { EnvironmentError, InputError } from '../../src/errors.js'
import { compose, failureOf, timed, warnings, type Outcome } from '../../src/pipeline/phase.js'
import type { PipelineResult } from '../../src/result.js'
import { recordingReporter } from '../helpers/reporter.js'

const start = (): PipelineResult => ({ phases: [], testResult: 'skipped', runnerStage: 'runner', warnings: [], cacheMounts: [], budgets: [] })
const ok = (name: string) => ({ name, durationMs: 0, outcome: 'ok' as const })
const mount = (phase: 'restore' | 'save', outcome: 'miss' | 'saved'): CacheMountReport => ({
  phase,
  id: 'a',
  targets: [],
  lines: [],
  outcome,
  bytes: 0,
  files: 0,
  storeMs: 0,
  buildMs: 0
})

describe('timed: a phase inside a reporter group, its record and its value or error; never throws', () => {
  test('ok: the value, an ok record, the group named after the phase', async () => {
    const reporter = recordingReporter()
    const t = await timed(reporter, 'Baseline', () => Promise.resolve(42))
    expect(t).toEqual({ phase: { name: 'Baseline', durationMs: expect.any(Number), outcome: 'ok' }, ok: true, value: 42 })
    expect(reporter.groups).toEqual(['Baseline'])
  })
  test('failed: the error kept, the record failed with its message as the reason', async () => {
    const error = new Error('no engine')
    const t = await timed(recordingReporter(), 'Engine', () => Promise.reject(error))
    expect(t).toEqual({ phase: { name: 'Engine', durationMs: expect.any(Number), outcome: 'failed', reason: 'no engine' }, ok: false, error })
  })
})

test.each([
  ['an input error', new InputError('max-size', 'expected a size'), 'input'],
  ['an environment error', new EnvironmentError('no engine'), 'environment'],
  ['anything else', new Error('boom'), undefined]
])('failureOf %s: its message and kind', (_, e, kind) => {
  const f = failureOf(e)
  expect(f.failure).toBe(e.message)
  expect(f.failureKind).toBe(kind)
  expect('failureKind' in f).toBe(kind !== undefined)
})

test('warnings: shown now, in order, and returned for the outcome', () => {
  const reporter = recordingReporter()
  expect(warnings(reporter, ['a', 'b'])).toEqual(['a', 'b'])
  expect(reporter.warnings).toEqual(['a', 'b'])
})

describe('compose: outcomes folded into the result in order', () => {
  test('lists add up in the order of the outcomes', () => {
    const r = compose(start(), [
      { phases: [ok('Engine')], warnings: ['w1'] },
      { phases: [ok('Cache mounts: restore')], cacheMounts: [mount('restore', 'miss')] },
      { phases: [ok('Cache mounts: save')], cacheMounts: [mount('save', 'saved')], warnings: ['w2'] },
      { budgets: [{ budget: 'max-size', message: 'over', limit: '1', actual: '2' }] }
    ])
    expect(r.phases.map(p => p.name)).toEqual(['Engine', 'Cache mounts: restore', 'Cache mounts: save'])
    expect(r.warnings).toEqual(['w1', 'w2'])
    expect(r.cacheMounts.map(m => m.phase)).toEqual(['restore', 'save'])
    expect(r.budgets.map(b => b.message)).toEqual(['over'])
  })
  test('a field an outcome sets replaces the one before; one it leaves undefined does not clear it', () => {
    const r = compose({ ...start(), testStage: 'test' }, [{ testResult: 'passed' }, { testResult: undefined, runnerStage: 'app' }])
    expect(r.testResult).toBe('passed')
    expect(r.runnerStage).toBe('app')
    expect(r.testStage).toBe('test')
  })
  test("the first failure stays the run's, with its kind; a later one does not replace it", () => {
    const r = compose(start(), [
      { failure: 'baseline-image: not found', failureKind: 'input' },
      { failure: 'audit: unreadable', failureKind: 'environment' }
    ])
    expect(r.failure).toBe('baseline-image: not found')
    expect(r.failureKind).toBe('input')
    const plain = compose(start(), [{ failure: 'build of runner stage "runner" failed' }, { failure: 'x', failureKind: 'environment' }])
    expect(plain.failureKind).toBeUndefined()
  })
  test('no outcome: the start as it was; the start is never written to', () => {
    const s = start()
    const frozen = JSON.stringify(s)
    const outcomes: Outcome[] = [{ phases: [ok('Engine')], warnings: ['w'], failure: 'f' }]
    expect(compose(s, [])).toEqual(s)
    compose(s, outcomes)
    expect(JSON.stringify(s)).toBe(frozen)
  })
})
