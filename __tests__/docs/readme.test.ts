/** The README's input/output tables and the Input/Output enums must say what action.yml says. */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { Input, Output } from '../../src/constants.js'
import { REPO_ROOT } from '../fixtures/paths.js'

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')

function tableRows(marker: string): string[][] {
  const block = readme.split(`<!-- ${marker}:start`)[1]?.split(`<!-- ${marker}:end -->`)[0] ?? ''
  return block
    .split('\n')
    .filter(l => l.startsWith('| `'))
    .map(l =>
      l
        .slice(1, -1)
        .split(/\s*\|\s*/)
        .map(c => c.trim())
    )
}

test('action.yml runs on node24 from dist/', () => {
  expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' })
})

test('every boolean input has an explicit default (getBooleanInput throws on empty)', () => {
  for (const name of ['push', 'load', 'pull', 'no-cache']) expect(action.inputs[name].default).toMatch(/^(true|false)$/)
})

test('README inputs table = action.yml inputs, in order, with defaults and descriptions', () => {
  const rows = tableRows('inputs')
  expect(rows.map(r => r[0])).toEqual(Object.keys(action.inputs).map(k => `\`${k}\``))
  for (const [name, def, desc] of rows) {
    const spec = action.inputs[name.replace(/`/g, '')]
    expect(def.replace(/`/g, '')).toBe(spec.default ?? '')
    expect(desc).toBe(spec.description)
  }
})

test('README outputs table = action.yml outputs', () => {
  const rows = tableRows('outputs')
  expect(rows.map(r => r[0])).toEqual(Object.keys(action.outputs).map(k => `\`${k}\``))
  for (const [name, desc] of rows) expect(desc).toBe(action.outputs[name.replace(/`/g, '')].description)
})

test('the Input and Output enums name exactly action.yml inputs and outputs', () => {
  expect(Object.values(Input).sort()).toEqual(Object.keys(action.inputs).sort())
  expect(Object.values(Output).sort()).toEqual(Object.keys(action.outputs).sort())
})
