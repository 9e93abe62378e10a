/**
 * Stagecraft is a drop-in for docker/build-push-action: every BPA input name exists in action.yml,
 * and the README's migration table gives each one a status.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { BPA_LIST_OPTIONS } from '../../src/inputs/list.js'
import { REPO_ROOT } from '../fixtures/paths.js'

/** docker/build-push-action v7 (commit cb941d0, July 2026) action.yml `inputs:`, in its order. */
const BPA_INPUTS = [
  'add-hosts',
  'allow',
  'annotations',
  'attests',
  'build-args',
  'build-contexts',
  'builder',
  'cache-from',
  'cache-to',
  'call',
  'cgroup-parent',
  'context',
  'file',
  'labels',
  'load',
  'network',
  'no-cache',
  'no-cache-filters',
  'outputs',
  'platforms',
  'provenance',
  'pull',
  'push',
  'sbom',
  'secrets',
  'secret-envs',
  'secret-files',
  'shm-size',
  'ssh',
  'tags',
  'target',
  'ulimit',
  'github-token'
]
/** BPA's boolean inputs and their defaults. */
const BPA_BOOLEANS = { load: 'false', 'no-cache': 'false', pull: 'false', push: 'false' }

const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')

test('BPA has 33 inputs', () => {
  expect(new Set(BPA_INPUTS).size).toBe(33)
})

test.each(BPA_INPUTS)('action.yml has BPA input %s', name => {
  expect(Object.keys(action.inputs)).toContain(name)
})

test('boolean inputs keep BPA defaults; the others default to empty, like BPA (context and github-token excepted)', () => {
  for (const [name, def] of Object.entries(BPA_BOOLEANS)) expect(action.inputs[name].default).toBe(def)
  for (const name of BPA_INPUTS) {
    if (name in BPA_BOOLEANS || name === 'context' || name === 'github-token') continue
    expect([name, action.inputs[name].default ?? '']).toEqual([name, ''])
  }
})

test('every BPA list input is read with BPA options', () => {
  for (const name of Object.keys(BPA_LIST_OPTIONS)) expect(BPA_INPUTS).toContain(name)
})

test('the README migration table gives every BPA input a status, in BPA order', () => {
  const block = readme.split('<!-- bpa-inputs')[1]?.split('\n\n')[0] ?? ''
  const rows = block.split('\n').filter(l => l.startsWith('| `'))
  expect(rows.map(r => r.split('`')[1])).toEqual(BPA_INPUTS)
  for (const r of rows) expect(r.split('|')[2].trim()).toMatch(/^same/)
})

test('the README migration section names the context difference', () => {
  expect(readme).toMatch(/## Coming from build-push-action/)
  expect(readme).toMatch(/`context` \| same name, different default \| ours is `\.`/)
})
