/** The three secret inputs, read into one list: every branch of a secret-file and secret-env line, and what gets masked. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { maskablePieces, parseSecrets, secretValue, type Secret } from '../../src/inputs/secrets.js'
import { errorOf } from '../helpers/error-of.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-secrets-'))
  fs.writeFileSync(path.join(dir, 'token'), 'tok_0123456789\n')
  fs.writeFileSync(path.join(dir, 'empty'), '')
  fs.writeFileSync(path.join(dir, 'limit'), 'x'.repeat(64 * 1024))
  fs.writeFileSync(path.join(dir, 'big'), 'x'.repeat(64 * 1024 + 1))
  fs.mkdirSync(path.join(dir, 'a-dir'))
})
afterAll(() => fs.rmSync(dir, { recursive: true }))

const parse = (raw: Partial<{ secrets: string; secretFiles: string; secretEnvs: string }>, env: NodeJS.ProcessEnv = {}) => {
  const masked: string[] = []
  const r = parseSecrets({ secrets: '', secretFiles: '', secretEnvs: '', ...raw }, env, dir, v => masked.push(v))
  return { ...r, masked }
}

describe('secret-files', () => {
  test('a relative path resolves against the workspace, an absolute one is kept; the content is read and masked', () => {
    const r = parse({ secretFiles: `rel= token \nabs=${path.join(dir, 'token')}` })
    expect(r.secrets).toEqual([
      { id: 'rel', source: { kind: 'file', path: `${dir}/token`, value: 'tok_0123456789\n' } },
      { id: 'abs', source: { kind: 'file', path: path.join(dir, 'token'), value: 'tok_0123456789\n' } }
    ])
    expect(r.masked).toContain('tok_0123456789')
    expect(r.unresolved).toEqual([])
  })

  test('an empty file and one over 64 KiB are passed to the build but their content is not kept (nothing to mask or scan)', () => {
    const r = parse({ secretFiles: 'empty=empty\nbig=big\nlimit=limit' })
    expect(r.secrets.map(s => [s.id, s.source.value?.length])).toEqual([
      ['empty', undefined],
      ['big', undefined],
      ['limit', 64 * 1024]
    ])
  })

  test('an empty path, a directory and a missing file are kept aside with a line naming the id, not the value', () => {
    const r = parse({ secretFiles: 'none= \ndir=a-dir\ngone=missing.txt' })
    expect(r.secrets).toEqual([])
    expect(r.unresolved).toEqual([
      { input: 'secret-files', line: 1, id: 'none', detail: 'line 1: secret "none" has an empty path' },
      { input: 'secret-files', line: 2, id: 'dir', detail: 'line 2: secret "dir": not a regular file: a-dir' },
      { input: 'secret-files', line: 3, id: 'gone', detail: 'line 3: secret "gone": file not found: missing.txt' }
    ])
  })

  test('a file path with a comma is one item (each line is one path, as BPA reads it)', () => {
    fs.writeFileSync(path.join(dir, 'a,b'), 'comma-content')
    expect(parse({ secretFiles: 'c=a,b' }).secrets[0].source).toEqual({ kind: 'file', path: `${dir}/a,b`, value: 'comma-content' })
  })
})

describe('secret-envs', () => {
  test('the named variable is read (the name trimmed) and masked; an empty or unset one is kept aside', () => {
    const r = parse({ secretEnvs: 'gh= GH_TOKEN \nempty=EMPTY\nunset=UNSET' }, { GH_TOKEN: 'ghp_abcdef123456', EMPTY: '' })
    expect(r.secrets).toEqual([{ id: 'gh', source: { kind: 'env', env: 'GH_TOKEN', value: 'ghp_abcdef123456' } }])
    expect(r.masked).toEqual(['ghp_abcdef123456'])
    expect(r.unresolved.map(u => u.detail)).toEqual([
      'line 2: secret "empty": environment variable EMPTY is not set',
      'line 3: secret "unset": environment variable UNSET is not set'
    ])
  })
})

describe('ids', () => {
  test('the id is trimmed; an item starting with = has no id', () => {
    expect(parse({ secrets: ' api =v1' }).secrets[0]).toEqual({ id: 'api', source: { kind: 'value', value: 'v1' } })
    expect(errorOf(() => parse({ secrets: '=value' }))).toBe('secrets: line 1: expected id=value, found no "id=" prefix')
    expect(errorOf(() => parse({ secretFiles: 'x=token\n=token' }))).toBe('secret-files: line 2: expected id=path, found no "id=" prefix')
    expect(errorOf(() => parse({ secretEnvs: 'NAME' }))).toBe('secret-envs: line 1: expected id=ENV_NAME, found no "id=" prefix')
  })

  test('the hint to quote a multi-line value is given for a later line of `secrets` only', () => {
    expect(errorOf(() => parse({ secrets: 'second-line' }))).toBe('secrets: line 1: expected id=value, found no "id=" prefix')
    expect(errorOf(() => parse({ secrets: 'a=1\nsecond-line' }))).toBe(
      'secrets: line 2: expected id=value, found no "id=" prefix (quote a multi-line value: "id=first line…last line")'
    )
    expect(errorOf(() => parse({ secretEnvs: 'a=A\nB' }, { A: 'x' }))).toBe('secret-envs: line 2: expected id=ENV_NAME, found no "id=" prefix')
  })
})

describe('maskablePieces and secretValue', () => {
  const value = (v: string): Secret => ({ id: 's', source: { kind: 'value', value: v } })
  test.each<[string, string[]]>([
    ['abc', ['abc']],
    ['  padded  ', ['  padded  ', 'padded']],
    ['line-one\r\nab\n  line-three  \n', ['line-one\r\nab\n  line-three  \n', 'line-one\r\nab\n  line-three', 'line-one', 'line-three']],
    ['   ', ['   ']]
  ])('%j masks %j', (v, want) => {
    expect(maskablePieces(value(v))).toEqual(want)
  })
  test('nothing to mask for a file whose content was not kept', () => {
    expect(maskablePieces({ id: 'f', source: { kind: 'file', path: '/x' } })).toEqual([])
    expect(secretValue({ id: 'f', source: { kind: 'file', path: '/x' } })).toBeUndefined()
  })
  test('the value searched for is the trimmed value, or the value itself when it is only blanks', () => {
    expect(secretValue(value(' tok\n'))).toBe('tok')
    expect(secretValue(value('  '))).toBe('  ')
  })
})
