import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseTempPaths, removable, removePaths } from '../src/cleanup.js'
import { post } from '../src/post/post.js'

describe('cleanup of a cancelled run', () => {
  test.each<[string, boolean]>([
    ['/home/runner/work/_temp/stagecraft-Ab12Cd', true],
    ['/root/.stagecraft-cache-staging', true],
    ['/tmp/stagecraft-secrets-x1', true],
    ['relative/stagecraft-x', false],
    ['/home/runner/work/_temp', false],
    ['/', false],
    ['/tmp/other-dir', false],
    ['/tmp/stagecraft-../..', false]
  ])('removable(%s) → %s', (p, expected) => {
    expect(removable(p)).toBe(expected)
  })

  test('parseTempPaths takes a JSON list of strings, anything else is none', () => {
    expect(parseTempPaths('["/a/stagecraft-1", 3, "/b/stagecraft-2"]')).toEqual(['/a/stagecraft-1', '/b/stagecraft-2'])
    expect(parseTempPaths('')).toEqual([])
    expect(parseTempPaths('{"a":1}')).toEqual([])
  })

  test('the post step removes the recorded stagecraft dirs and nothing else', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-post-'))
    const ours = path.join(root, 'stagecraft-run1')
    const theirs = path.join(root, 'keep-me')
    fs.mkdirSync(path.join(ours, 'stagecraft-secrets-x'), { recursive: true })
    fs.writeFileSync(path.join(ours, 'stagecraft-secrets-x', 'token'), 'secret')
    fs.mkdirSync(theirs)
    const out: string[] = []
    const write = process.stdout.write
    process.stdout.write = (s: string) => out.push(s) > 0
    try {
      await post({ 'STATE_temp-paths': JSON.stringify([ours, theirs, path.join(root, 'stagecraft-gone')]) })
    } finally {
      process.stdout.write = write
    }
    expect(fs.readdirSync(root)).toEqual(['keep-me'])
    expect(out.join('')).toBe(`removed 1 temp directory: ${ours}\n`)
    expect(removePaths([theirs])).toEqual([])
    fs.rmSync(root, { recursive: true, force: true })
  })
})
