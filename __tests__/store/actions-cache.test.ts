import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ActionsCacheStore } from '../../src/store/actions-cache.js'

/** `~/x` as @actions/glob expands it. */
const expand = (p: string) => (p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p)

/** A fake @actions/cache keeping entries in memory, keyed like the real service. */
function fakeCache() {
  const entries = new Map<string, { paths: string[]; files: Record<string, string> }>()
  const calls: string[] = []
  /** GITHUB_WORKSPACE as @actions/cache reads it during each call (it archives relative to it). */
  const workspaces: (string | undefined)[] = []
  return {
    entries,
    calls,
    workspaces,
    /** Restore hits without writing into the staging directory (an entry archived from elsewhere). */
    landElsewhere: false,
    restoreCache: async function (paths: string[], key: string, restoreKeys: string[] = []) {
      workspaces.push(process.env.GITHUB_WORKSPACE)
      calls.push(`restore ${paths.join(',')} ${key} [${restoreKeys.join(',')}]`)
      const match = [key, ...restoreKeys]
        .map(k => [...entries.keys()].reverse().find(e => e.startsWith(k) && entries.get(e)!.paths.join() === paths.join()))
        .find(Boolean)
      if (!match) return undefined
      if (this.landElsewhere) return match
      for (const [name, text] of Object.entries(entries.get(match)!.files)) fs.writeFileSync(path.join(expand(paths[0]), name), text)
      return match
    },
    saveCache: async (paths: string[], key: string) => {
      workspaces.push(process.env.GITHUB_WORKSPACE)
      calls.push(`save ${paths.join(',')} ${key}`)
      if (entries.has(key)) return -1 // the real one logs "Unable to reserve cache" and returns -1
      const files = Object.fromEntries(fs.readdirSync(expand(paths[0])).map(n => [n, fs.readFileSync(path.join(expand(paths[0]), n), 'utf8')]))
      entries.set(key, { paths, files })
      return entries.size
    }
  }
}

let root: string
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-actions-'))))
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('ActionsCacheStore', () => {
  test('@actions/cache runs with GITHUB_WORKSPACE at the staging root (archives hold entry/…, the same on every runner layout), restored after', async () => {
    const fake = fakeCache()
    const store = new ActionsCacheStore({ stagingRoot: path.join(root, 'staging'), module: fake })
    const src = path.join(root, 'src')
    fs.mkdirSync(src)
    fs.writeFileSync(path.join(src, 'a'), 'A')
    const before = process.env.GITHUB_WORKSPACE
    process.env.GITHUB_WORKSPACE = '/home/runner/work/app/app'
    try {
      expect(await store.save('k-1', src)).toBe(true)
      expect(await store.restore('k-1', [], path.join(root, 'dest'))).toEqual({ key: 'k-1', exact: true })
      expect(fake.workspaces).toEqual([path.join(root, 'staging'), path.join(root, 'staging')])
      expect(process.env.GITHUB_WORKSPACE).toBe('/home/runner/work/app/app')
      // A hit whose files landed outside the staging directory is a miss, not an empty restore.
      fake.landElsewhere = true
      expect(await store.restore('k-1', [], path.join(root, 'dest2'))).toBeUndefined()
    } finally {
      if (before === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = before
    }
  })

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
      // -1 from saveCache: a lookup of the exact key tells "already stored" from "not stored"
      `restore ${staging} mount-lock1-fp1 []`,
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

  test('a save the service did not take (refused, cut upload) throws; the caller warns', async () => {
    const fake = fakeCache()
    fake.saveCache = async () => -1 // what @actions/cache returns after logging any failure
    const store = new ActionsCacheStore({ stagingRoot: path.join(root, 'staging'), module: fake })
    const src = path.join(root, 'src')
    fs.mkdirSync(src)
    fs.writeFileSync(path.join(src, 'cache.tar'), 'TAR')
    await expect(store.save('k-1', src)).rejects.toThrow('the cache service did not store it')
    expect(fs.readdirSync(src)).toEqual(['cache.tar'])
  })

  test('a ~/ staging root reaches @actions/cache as the same string on every runner (it is part of the version)', async () => {
    const fake = fakeCache()
    const rel = `~/.stagecraft-test-${process.pid}`
    const store = new ActionsCacheStore({ stagingRoot: rel, module: fake })
    const src = path.join(root, 'src')
    fs.mkdirSync(src)
    fs.writeFileSync(path.join(src, 'cache.tar'), 'TAR')
    try {
      expect(await store.save('k-home', src)).toBe(true)
      expect(fake.calls).toEqual([`save ${rel}/entry k-home`])
      // the staging directory is gone again after each operation
      expect(fs.existsSync(path.join(os.homedir(), rel.slice(2)))).toBe(true)
      expect(fs.readdirSync(path.join(os.homedir(), rel.slice(2)))).toEqual([])
    } finally {
      fs.rmSync(path.join(os.homedir(), rel.slice(2)), { recursive: true, force: true })
    }
  })

  test("prune deletes all but the newest entries of the prefix on this run's ref only; without permission it notes why", async () => {
    const listed = [
      { id: 3, key: 'p-3', ref: 'refs/heads/main', sizeBytes: 1, createdAt: '2024-01-03' },
      { id: 9, key: 'p-9', ref: 'refs/pull/1/merge', sizeBytes: 1, createdAt: '2024-01-02' },
      { id: 2, key: 'p-2', ref: 'refs/heads/main', sizeBytes: 1, createdAt: '2024-01-02' },
      { id: 1, key: 'p-1', ref: 'refs/heads/main', sizeBytes: 1, createdAt: '2024-01-01' }
    ]
    const deleted: number[] = []
    const api = {
      listCaches: async (prefix: string, ref?: string) => listed.filter(e => e.key.startsWith(prefix) && (!ref || e.ref === ref)),
      deleteCache: async (id: number) => {
        deleted.push(id)
      }
    }
    const store = new ActionsCacheStore({ stagingRoot: path.join(root, 's'), module: fakeCache(), housekeeping: { api, ref: 'refs/heads/main' } })
    expect(await store.prune('p-', 1)).toEqual(['p-2', 'p-1'])
    expect(deleted).toEqual([2, 1])
    expect(store.pruned).toEqual(['p-2', 'p-1'])

    const denied = new ActionsCacheStore({
      stagingRoot: path.join(root, 's'),
      module: fakeCache(),
      housekeeping: {
        ref: 'refs/heads/main',
        api: { ...api, deleteCache: async () => Promise.reject(Object.assign(new Error('Resource not accessible by integration'), { status: 403 })) }
      }
    })
    expect(await denied.prune('p-', 1)).toEqual([])
    expect(denied.pruneNote).toMatch(/^superseded entries are not deleted \(Resource not accessible by integration\); give the job actions: write/)
    expect(await new ActionsCacheStore({ stagingRoot: root, module: fakeCache() }).prune('p-', 1)).toEqual([])
  })
})
