import { jest } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalDirStore } from '../../src/store/local-store.js'

let root: string
let store: LocalDirStore
const src = (name: string, files: Record<string, string>): string => {
  const d = path.join(root, 'src', name)
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, rel)), { recursive: true })
    fs.writeFileSync(path.join(d, rel), text)
  }
  return d
}
const read = (dir: string) =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter(rel => fs.statSync(path.join(dir, rel)).isFile())
      .sort()
      .map(rel => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')])
  )
let clock = 1_000
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-store-'))
  store = new LocalDirStore(path.join(root, 'store'))
  jest.spyOn(Date, 'now').mockImplementation(() => (clock += 1000))
})
afterEach(() => {
  jest.restoreAllMocks()
  fs.rmSync(root, { recursive: true, force: true })
})

describe('LocalDirStore', () => {
  test('save then restore by exact key, nested files included', async () => {
    expect(await store.save('k-1', src('a', { 'cache.tar': 'T', 'sub/x.json': '{}' }))).toBe(true)
    const dest = path.join(root, 'dest')
    expect(await store.restore('k-1', [], dest)).toEqual({ key: 'k-1', exact: true })
    expect(read(dest)).toEqual({ 'cache.tar': 'T', 'sub/x.json': '{}' })
  })

  test('prefix matches pick the newest entry; the key itself is tried as a prefix first', async () => {
    await store.save('mount-A-lock1-fp1', src('1', { f: 'one' }))
    await store.save('mount-A-lock1-fp2', src('2', { f: 'two' }))
    await store.save('mount-A-lock2-fp3', src('3', { f: 'three' }))
    const dest = (n: string) => path.join(root, `d${n}`)
    expect(await store.restore('mount-A-lock1', ['mount-A-'], dest('1'))).toEqual({ key: 'mount-A-lock1-fp2', exact: false })
    expect(read(dest('1'))).toEqual({ f: 'two' })
    expect(await store.restore('mount-A-lock9', ['mount-A-'], dest('2'))).toEqual({ key: 'mount-A-lock2-fp3', exact: false })
    expect(await store.restore('mount-B-lock1', ['mount-B-'], dest('3'))).toBeUndefined()
    expect(fs.existsSync(dest('3'))).toBe(false)
  })

  test('entries are immutable: a second save of a key is declined', async () => {
    expect(await store.save('k', src('a', { f: 'first' }))).toBe(true)
    expect(await store.save('k', src('b', { f: 'second' }))).toBe(false)
    await store.restore('k', [], path.join(root, 'd'))
    expect(read(path.join(root, 'd'))).toEqual({ f: 'first' })
  })

  test('keys with any character', async () => {
    const key = 'linux/amd64 ../../escape?*'
    await store.save(key, src('a', { f: 'x' }))
    expect(fs.readdirSync(path.join(root, 'store'))).toHaveLength(1)
    expect(await store.restore(key, [], path.join(root, 'd'))).toEqual({ key, exact: true })
  })

  test('a save that fails half way leaves no entry and no temporary directory', async () => {
    class Failing extends LocalDirStore {
      n = 0
      protected override copyFile(s: string, d: string): void {
        if (++this.n === 2) throw new Error('ENOSPC: no space left on device')
        super.copyFile(s, d)
      }
    }
    const failing = new Failing(path.join(root, 'store'))
    await expect(failing.save('k', src('a', { a: '1', b: '2', c: '3' }))).rejects.toThrow('ENOSPC')
    expect(fs.readdirSync(path.join(root, 'store'))).toEqual([])
    expect(await failing.restore('k', ['k'], path.join(root, 'd'))).toBeUndefined()
  })

  test('restored files are hard links when the filesystem allows (no copy of a big tarball)', async () => {
    await store.save('k', src('a', { 'cache.tar': 'T' }))
    const dest = path.join(root, 'd')
    await store.restore('k', [], dest)
    expect(fs.statSync(path.join(dest, 'cache.tar')).nlink).toBeGreaterThan(1)
  })

  test('savesByLink: true for a source on the filesystem of the store (even before the store exists), false on another or a missing one', () => {
    const d = src('linkable', { 'a.txt': 'a' })
    expect(new LocalDirStore(path.join(root, 'not', 'yet', 'made')).savesByLink(d)).toBe(true)
    expect(store.savesByLink(path.join(root, 'missing'))).toBe(false)
    // /proc is another filesystem than any temporary directory.
    expect(store.savesByLink('/proc')).toBe(false)
  })

  test('prune keeps the newest entries of one prefix', async () => {
    for (const n of [1, 2, 3]) await store.save(`m-x-${n}`, src(String(n), { f: String(n) }))
    await store.save('m-y-1', src('y', { f: 'y' }))
    expect(await store.prune('m-x-', 1)).toEqual(['m-x-2', 'm-x-1'])
    expect(await store.restore('m-x-', [], path.join(root, 'd'))).toEqual({ key: 'm-x-3', exact: false })
    expect(await store.restore('m-y-1', [], path.join(root, 'e'))).toEqual({ key: 'm-y-1', exact: true })
  })

  test('a store directory that does not exist yet restores nothing', async () => {
    expect(await new LocalDirStore(path.join(root, 'nope')).restore('k', ['k'], path.join(root, 'd'))).toBeUndefined()
  })
})
