import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fingerprint, restoreLayerCache, saveLayerCache } from '../../src/inspect/audit-cache-persist.js'
import type { CacheStore } from '../../src/store/store.js'
import { LocalDirStore } from '../../src/store/local-store.js'
import { recordingReporter } from '../helpers/reporter.js'

let root: string
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-layers-'))))
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('audit layer results between runs', () => {
  test('restored and unchanged: not saved again; changed: saved, and only the newest entry of the key is kept', async () => {
    const store = new LocalDirStore(path.join(root, 'store'))
    const run1 = path.join(root, 'run1')
    fs.mkdirSync(run1)
    fs.writeFileSync(path.join(run1, 'layer-a.json'), '{"a":1}')
    const r = recordingReporter()
    await saveLayerCache(store, 'Dockerfile:runner', 'sha256:1111111111111111aaaa', run1, r)
    expect(r.lines).toEqual(['audit layer cache saved'])

    const run2 = path.join(root, 'run2')
    await restoreLayerCache(store, 'Dockerfile:runner', run2, r)
    expect(fs.readFileSync(path.join(run2, 'layer-a.json'), 'utf8')).toBe('{"a":1}')
    await saveLayerCache(store, 'Dockerfile:runner', 'sha256:2222222222222222bbbb', run2, r)
    expect(r.lines.at(-1)).toBe('audit layer cache unchanged since restored: not saved again')
    expect(fs.readdirSync(path.join(root, 'store'))).toHaveLength(1)

    fs.writeFileSync(path.join(run2, 'layer-b.json'), '{"b":2}')
    await saveLayerCache(store, 'Dockerfile:runner', 'sha256:2222222222222222bbbb', run2, r)
    expect(r.lines.at(-1)).toBe('audit layer cache saved')
    const keys = fs.readdirSync(path.join(root, 'store')).map(decodeURIComponent)
    expect(keys).toEqual(['stagecraft-audit-layers-v2-Dockerfile_runner-2222222222222222'])
  })
})

describe('restore and save', () => {
  test("another key's results (another Dockerfile or target) are restored when this key has none, and marked as restored", async () => {
    const store = new LocalDirStore(path.join(root, 'store'))
    const run1 = path.join(root, 'run1')
    fs.mkdirSync(run1)
    fs.writeFileSync(path.join(run1, 'layer-a.json'), '{"a":1}')
    const r = recordingReporter()
    await saveLayerCache(store, 'Dockerfile:builder', 'sha256:3333333333333333cccc', run1, r)
    const run2 = path.join(root, 'run2')
    await restoreLayerCache(store, 'Dockerfile:runner', run2, r)
    expect(r.lines.at(-1)).toBe('audit layer cache restored from stagecraft-audit-layers-v2-Dockerfile_builder-3333333333333333')
    expect(fs.readdirSync(run2).sort()).toEqual(['.stagecraft-restored', 'layer-a.json'])
    expect(fs.readFileSync(path.join(run2, '.stagecraft-restored'), 'utf8')).toBe(fingerprint(run2))
  })

  test('nothing saved: said so, and no marker is written', async () => {
    const r = recordingReporter()
    const dir = path.join(root, 'empty')
    fs.mkdirSync(dir)
    await restoreLayerCache(new LocalDirStore(path.join(root, 'store')), 'Dockerfile:runner', dir, r)
    expect(r.lines).toEqual(['audit layer cache: nothing saved yet'])
    expect(fs.readdirSync(dir)).toEqual([])
  })

  test('a store that fails is a log line, never an error; a declined save is not pruned', async () => {
    const pruned: string[] = []
    const failing: CacheStore = {
      name: 'failing',
      sharedWithPullRequests: false,
      restore: () => Promise.reject(new Error('service unavailable (503)')),
      save: () => Promise.resolve(false),
      prune: (p: string) => {
        pruned.push(p)
        return Promise.resolve([])
      }
    } as unknown as CacheStore
    const r = recordingReporter()
    const dir = path.join(root, 'd')
    fs.mkdirSync(dir)
    fs.writeFileSync(path.join(dir, 'layer-a.json'), '{}')
    await restoreLayerCache(failing, 'k', dir, r)
    await saveLayerCache(failing, 'k', 'sha256:1', dir, r)
    await saveLayerCache({ ...failing, save: () => Promise.reject(new Error('disk full')) }, 'k', 'sha256:1', dir, r)
    expect(r.lines).toEqual(['audit layer cache not restored: service unavailable (503)', 'audit layer cache not saved: disk full'])
    expect(pruned).toEqual([])
  })

  test('the save key names the image by the first 16 hex digits of its id, without the algorithm', async () => {
    const keys: string[] = []
    const store = { save: (k: string) => (keys.push(k), Promise.resolve(true)), prune: () => Promise.resolve([]) } as unknown as CacheStore
    const dir = path.join(root, 'd')
    fs.mkdirSync(dir)
    await saveLayerCache(store, 'Dockerfile:runner', `sha256:${'0123456789abcdef'.repeat(4)}`, dir, recordingReporter())
    expect(keys).toEqual(['stagecraft-audit-layers-v2-Dockerfile_runner-0123456789abcdef'])
  })
})

describe('fingerprint', () => {
  const tree = (name: string, files: Record<string, string>) => {
    const dir = path.join(root, name)
    fs.mkdirSync(dir)
    for (const [p, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
      fs.writeFileSync(path.join(dir, p), body)
    }
    return dir
  }

  test('the same files give the same print whatever order they were written in', () => {
    expect(fingerprint(tree('a', { 'x.json': '1', 'y.json': '2', 'sub/z.json': '3' }))).toBe(
      fingerprint(tree('b', { 'sub/z.json': '3', 'y.json': '2', 'x.json': '1' }))
    )
  })

  test.each([
    ['a file in a subdirectory changed', { 'sub/z.json': '4' }],
    ['a file renamed', { 'x2.json': '1', 'x.json': undefined }],
    ['bytes moved from the name to the contents', { 'x.json': undefined, 'x.jso': 'n1' }],
    ['bytes moved from one file to the next', { 'x.json': '12', 'y.json': '' }]
  ])('%s: another print', (_, change) => {
    const before = { 'x.json': '1', 'y.json': '2', 'sub/z.json': '3' }
    const after: Record<string, string> = { ...before }
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete after[k]
      else after[k] = v
    }
    expect(fingerprint(tree('after', after))).not.toBe(fingerprint(tree('before', before)))
  })

  test('the restore marker is left out at the top only; a missing directory has the print of an empty one', () => {
    const plain = fingerprint(tree('p', { 'x.json': '1' }))
    expect(fingerprint(tree('m', { 'x.json': '1', '.stagecraft-restored': 'old' }))).toBe(plain)
    expect(fingerprint(tree('n', { 'x.json': '1', 'sub/.stagecraft-restored': 'old' }))).not.toBe(plain)
    expect(fingerprint(path.join(root, 'none'))).toBe(fingerprint(tree('e', {})))
  })
})
