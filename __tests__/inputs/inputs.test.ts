import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseBool, parseList, readInputs } from '../../src/inputs/inputs.js'
import { getter } from '../fixtures/inputs.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-inputs-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:stable AS runner\n')
  fs.writeFileSync(path.join(dir, 'npmrc'), '//registry.example/:_authToken=npm_abcdef\n')
})
afterAll(() => fs.rmSync(dir, { recursive: true }))

const read = (map: Record<string, string>, env: NodeJS.ProcessEnv = {}, mask?: (v: string) => void) =>
  readInputs(getter(map), { env, cwd: dir, mask })

describe('parseList', () => {
  test.each([
    ['a,b\nc', false, ['a', 'b', 'c']],
    ['A=1,2\n B=3 \n\n', true, ['A=1,2', 'B=3']],
    ['# comment\nx', false, ['x']],
    ['', false, []]
  ])('%j (ignoreComma %s)', (v, ic, expected) => expect(parseList(v, ic)).toEqual(expected))
})

describe('parseBool', () => {
  test.each([
    ['true', true],
    ['False', false],
    ['', true]
  ])('%j', (v, expected) => expect(parseBool('push', v, true)).toBe(expected))
  test('anything else names the input', () => {
    expect(() => parseBool('push', 'yes', false)).toThrow('push: expected true or false, got "yes"')
  })
})

describe('readInputs', () => {
  test('defaults: context ., Dockerfile in the context, everything off', () => {
    const i = read({})
    expect(i.file).toBe(path.join(dir, 'Dockerfile'))
    expect(i.push).toBe(false)
    expect(i.tags).toEqual([])
    expect(i.secrets).toEqual([])
  })

  test('secrets from all three inputs are masked as they are read', () => {
    const masked: string[] = []
    const i = read(
      { secrets: 'token=abc=def==\n\napi=second-value', 'secret-files': 'npmrc=npmrc', 'secret-envs': 'gh=GH_TOKEN' },
      { GH_TOKEN: 'ghp_1234567890' },
      v => masked.push(v)
    )
    expect(i.secrets.map(s => s.id)).toEqual(['token', 'api', 'npmrc', 'gh'])
    expect(i.secrets[0].source).toEqual({ kind: 'value', value: 'abc=def==' })
    expect(masked).toEqual(expect.arrayContaining(['abc=def==', 'second-value', 'ghp_1234567890', '//registry.example/:_authToken=npm_abcdef']))
  })

  const bad: [string, Record<string, string>, NodeJS.ProcessEnv, string][] = [
    ['missing Dockerfile', { file: 'nope/Dockerfile' }, {}, 'file: Dockerfile not found: nope/Dockerfile'],
    ['missing context', { context: 'nowhere' }, {}, 'context: directory not found: nowhere'],
    ['secrets line without =', { secrets: 'ok=1\nsupersecretvalue' }, {}, 'secrets: line 2: expected id=value, found no "id=" prefix'],
    ['secrets with a bad id', { secrets: 'bad id=x' }, {}, 'secrets: line 1: secret id must match [A-Za-z0-9_.-]+'],
    ['duplicate secret id', { secrets: 'a=1', 'secret-envs': 'a=HOME' }, { HOME: '/root' }, 'secret-envs: line 1: secret id "a" is already defined by secrets'],
    ['secret file that does not exist', { 'secret-files': 'npmrc=missing/.npmrc' }, {}, 'secret-files: line 1: secret "npmrc": file not found: missing/.npmrc'],
    ['secret env that is unset', { 'secret-envs': 'gh=NOT_SET_ANYWHERE' }, {}, 'secret-envs: line 1: secret "gh": environment variable NOT_SET_ANYWHERE is not set'],
    ['bad boolean', { 'no-cache': 'maybe' }, {}, 'no-cache: expected true or false, got "maybe"'],
    ['bad platform', { platforms: 'amd64' }, {}, 'platforms: expected os/arch[/variant] such as linux/amd64, got "amd64"'],
    ['build-arg without =', { 'build-args': 'NODE_ENV' }, {}, 'build-args: line 1: expected NAME=value, got "NODE_ENV"'],
    ['load with two platforms', { load: 'true', platforms: 'linux/amd64,linux/arm64' }, {}, 'load: cannot load a multi-platform image']
  ]
  test.each(bad)('%s → one clear line', (_n, map, env, message) => {
    let err: Error | undefined
    try {
      read(map, env)
    } catch (e) {
      err = e as Error
    }
    expect(err?.message).toContain(message)
    expect(err?.message.split('\n')).toHaveLength(1)
    expect(err?.message).not.toContain('supersecretvalue')
  })
})
