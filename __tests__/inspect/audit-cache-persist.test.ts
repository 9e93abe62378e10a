import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { restoreLayerCache, saveLayerCache } from '../../src/inspect/audit-cache-persist.js'
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
