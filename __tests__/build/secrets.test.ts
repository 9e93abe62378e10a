import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { materializeSecrets } from '../../src/build/secrets.js'

describe('materializeSecrets', () => {
  test('values go to 0600 files in a 0700 dir that cleanup removes; env and file secrets are referenced', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-test-'))
    const m = materializeSecrets(
      [
        { id: 'token', source: { kind: 'value', value: 'v@lue=with=equals' } },
        { id: 'npmrc', source: { kind: 'file', path: '/home/u/.npmrc', value: 'x' } },
        { id: 'gh', source: { kind: 'env', env: 'GH_TOKEN', value: 'ghp_x' } }
      ],
      tmp
    )
    expect(m.specs[1]).toBe('id=npmrc,src=/home/u/.npmrc')
    expect(m.specs[2]).toBe('id=gh,env=GH_TOKEN')
    expect(m.env).toEqual({ GH_TOKEN: 'ghp_x' })
    const file = m.specs[0].replace(/^id=token,src=/, '')
    expect(fs.readFileSync(file, 'utf8')).toBe('v@lue=with=equals')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700)
    m.cleanup()
    expect(fs.existsSync(path.dirname(file))).toBe(false)
    fs.rmSync(tmp, { recursive: true })
  })
})

describe('materializeSecrets on a failure half way', () => {
  test('the files already written are removed before the error propagates', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-test-'))
    expect(() =>
      materializeSecrets(
        [
          { id: 'first', source: { kind: 'value', value: 'written-first' } },
          { id: 'no/such/dir', source: { kind: 'value', value: 'cannot be written' } }
        ],
        tmp
      )
    ).toThrow(/ENOENT/)
    expect(fs.readdirSync(tmp)).toEqual([])
    fs.rmSync(tmp, { recursive: true })
  })
})
