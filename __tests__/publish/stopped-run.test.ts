/** A run stopped by its inputs: what publishing can still know, each input read defensively. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readPublishInputs, stoppedResult, stoppedRunIdentity } from '../../src/publish/stopped-run.js'
import { buildRunReport } from '../../src/report/build-report.js'

const getter = (map: Record<string, string>) => (name: string) => map[name] ?? ''

test.each<[Record<string, string>, ReturnType<typeof readPublishInputs>]>([
  [{}, { 'fail-on': 'error', comment: 'auto', 'github-token': '', 'check-name': '' }],
  [
    { comment: ' TRUE ', 'github-token': ' ghs_x ', 'check-name': 'image' },
    { 'fail-on': 'error', comment: 'true', 'github-token': 'ghs_x', 'check-name': 'image' }
  ],
  [{ comment: 'sometimes' }, { 'fail-on': 'error', comment: 'auto', 'github-token': '', 'check-name': '' }],
  [
    { comment: 'False', 'check-name': ' image ' },
    { 'fail-on': 'error', comment: 'false', 'github-token': '', 'check-name': 'image' }
  ]
])('readPublishInputs(%j): invalid values fall back to their defaults', (map, expected) => {
  expect(readPublishInputs(getter(map))).toEqual(expected)
})

describe('stoppedRunIdentity: the Dockerfile, runner stage and key a full run would have had', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-stopped-'))
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox AS build\nFROM busybox AS runner\n')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  test.each<[string, Record<string, string>, { runnerStage: string; commentKey: string }]>([
    ['the last stage of a readable Dockerfile', {}, { runnerStage: 'runner', commentKey: '' }],
    ['the target given', { target: 'build' }, { runnerStage: 'build', commentKey: '' }],
    ['an unknown target: as given', { target: 'prod' }, { runnerStage: 'prod', commentKey: '' }],
    ['no Dockerfile: a placeholder', { file: 'nope/Dockerfile' }, { runnerStage: 'runner', commentKey: '' }],
    ['a comment-key', { 'comment-key': ' api ' }, { runnerStage: 'runner', commentKey: 'api' }],
    ['a target with blanks around it', { target: ' build ' }, { runnerStage: 'build', commentKey: '' }]
  ])('%s', (_name, map, expected) => {
    expect(stoppedRunIdentity(getter({ context: dir, ...map }), dir)).toMatchObject(expected)
  })

  test.each<[string, Record<string, string>, string[]]>([
    ['no context, no file: ./Dockerfile of the workspace', {}, ['Dockerfile']],
    ['a blank context counts as none', { context: '  ' }, ['Dockerfile']],
    ['a context: its Dockerfile', { context: 'app' }, ['app', 'Dockerfile']],
    ['a file: relative to the workspace, not the context', { context: 'app', file: ' docker/prod.Dockerfile ' }, ['docker', 'prod.Dockerfile']]
  ])('the Dockerfile path: %s', (_name, map, parts) => {
    expect(stoppedRunIdentity(getter(map), dir).file).toBe(path.join(dir, ...parts))
  })

  test('an unnamed last stage is labelled by its index, as a full run labels it', () => {
    const unnamed = path.join(dir, 'unnamed.Dockerfile')
    fs.writeFileSync(unnamed, 'FROM busybox AS build\nFROM busybox\n')
    expect(stoppedRunIdentity(getter({ file: unnamed }), dir).runnerStage).toBe('stage-1')
  })
})

test('stoppedResult: a failed run of kind input whose verdict is the reason', () => {
  const r = stoppedResult('max-size: expected a size', 'runner')
  expect(r).toEqual({
    phases: [{ name: 'Inputs', durationMs: 0, outcome: 'failed', reason: 'max-size: expected a size' }],
    testResult: 'skipped',
    runnerStage: 'runner',
    failure: 'max-size: expected a size',
    failureKind: 'input',
    warnings: [],
    cacheMounts: [],
    budgets: []
  })
  expect(buildRunReport(r, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).verdict).toEqual({ passed: false, reasons: ['max-size: expected a size'] })
})

test('stoppedResult in another phase: a failure, not an input error', () => {
  const r = stoppedResult('the Dockerfile has no stage prod', 'prod', 'Plan')
  expect(r.failureKind).toBeUndefined()
  expect(r.phases).toEqual([{ name: 'Plan', durationMs: 0, outcome: 'failed', reason: 'the Dockerfile has no stage prod' }])
})
