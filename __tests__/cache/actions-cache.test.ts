import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ActionsCacheStore } from '../../src/cache/actions-cache.js'

/** A fake @actions/cache keeping entries in memory, keyed like the real service. */
function fakeCache() {
  const entries = new Map<string, { paths: string[]; files: Record<string, string> }>()
  const calls: string[] = []
  return {
    entries,
    calls,
    restoreCache: async (paths: string[], key: string, restoreKeys: string[] = []) => {
      calls.push(`restore ${paths.join(',')} ${key} [${restoreKeys.join(',')}]`)
      const match = [key, ...restoreKeys].map(k => [...entries.keys()].reverse().find(e => e.startsWith(k) && entries.get(e)!.paths.join() === paths.join())).find(Boolean)
      if (!match) return undefined
      for (const [name, text] of Object.entries(entries.get(match)!.files)) fs.writeFileSync(path.join(paths[0], name), text)
      return match
    },
    saveCache: async (paths: string[], key: string) => {
      calls.push(`save ${paths.join(',')} ${key}`)
      if (entries.has(key)) return -1 // the real one logs "Unable to reserve cache" and returns -1
      const files = Object.fromEntries(fs.readdirSync(paths[0]).map(n => [n, fs.readFileSync(path.join(paths[0], n), 'utf8')]))
      entries.set(key, { paths, files })
      return entries.size
    }
  }
}

let root: string
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-actions-'))))
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('ActionsCacheStore', () => {
  test('saves and restores through one fixed staging path; the caller keeps its directory', async () => {
    const fake = fakeCache()
    const store = new ActionsCacheStore({ stagingRoot: path.join(root, 'staging'), module: fake })
    const src = path.join(root, 'src')
    fs.mkdirSync(src)
    fs.writeFileSync(path.join(src, 'cache.tar'), 'TAR')
    expect(await store.save('mount-lock1-fp1', src)).toBe(true)
    expect(fs.readFileSync(path.join(src, 'cache.tar'), 'utf8')).toBe('TAR')
    expect(await store.save('mount-lock1-fp1', src)).toBe(false)

    const dest = path.join(root, 'dest')
    expect(await store.restore('mount-lock2', ['mount-'], dest)).toEqual({ key: 'mount-lock1-fp1', exact: false })
    expect(fs.readFileSync(path.join(dest, 'cache.tar'), 'utf8')).toBe('TAR')
    const staging = path.join(root, 'staging', 'entry')
    expect(fake.calls).toEqual([
      `save ${staging} mount-lock1-fp1`,
      `save ${staging} mount-lock1-fp1`,
      `restore ${staging} mount-lock2 [mount-]`
    ])
    expect(await store.restore('other', ['other-'], path.join(root, 'none'))).toBeUndefined()
  })

  test('a throwing service propagates (the phase turns it into a warning) and the source survives', async () => {
    const fake = fakeCache()
    fake.saveCache = async () => {
      throw new Error('service unavailable')
    }
    const store = new ActionsCacheStore({ stagingRoot: path.join(root, 'staging'), module: fake })
    const src = path.join(root, 'src')
    fs.mkdirSync(src)
    fs.writeFileSync(path.join(src, 'cache.tar'), 'TAR')
    await expect(store.save('k', src)).rejects.toThrow('service unavailable')
    expect(fs.readdirSync(src)).toEqual(['cache.tar'])
  })
})
