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
  [{ comment: 'sometimes' }, { 'fail-on': 'error', comment: 'auto', 'github-token': '', 'check-name': '' }]
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
    ['a comment-key', { 'comment-key': ' api ' }, { runnerStage: 'runner', commentKey: 'api' }]
  ])('%s', (_name, map, expected) => {
    expect(stoppedRunIdentity(getter({ context: dir, ...map }), dir)).toMatchObject(expected)
  })
})

test('stoppedResult: a failed run of kind input whose verdict is the reason', () => {
  const r = stoppedResult('max-size: expected a size', 'runner')
  expect(r).toMatchObject({ failureKind: 'input', testResult: 'skipped', phases: [{ name: 'Inputs', outcome: 'failed', reason: 'max-size: expected a size' }] })
  expect(buildRunReport(r, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).verdict).toEqual({ passed: false, reasons: ['max-size: expected a size'] })
})
