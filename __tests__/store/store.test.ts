import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ActionsCacheStore } from '../../src/store/actions-cache.js'
import { LocalDirStore } from '../../src/store/local-store.js'
import { actionsCacheAvailable, chooseStore } from '../../src/store/store.js'

let root: string
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-choose-'))))
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const github = { ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_RESULTS_URL: 'https://results.example/', RUNNER_TEMP: '/tmp/runner' }

describe('chooseStore', () => {
  test('cache-dir wins, created when missing, relative to cwd', async () => {
    const store = chooseStore({ cacheDir: 'cache/mounts', cwd: root, env: github })
    expect(store).toBeInstanceOf(LocalDirStore)
    expect((store as LocalDirStore).dir).toBe(path.join(root, 'cache/mounts'))
    expect(fs.readdirSync(path.join(root, 'cache/mounts'))).toEqual([]) // the probe is gone
  })

  test('an unwritable cache-dir is one line naming the input', async () => {
    fs.writeFileSync(path.join(root, 'file'), '')
    expect(() => chooseStore({ cacheDir: path.join(root, 'file', 'sub'), env: {} })).toThrow(
      /^cache-dir: cannot write to ".*\/file\/sub" \(ENOTDIR\); give a writable directory or leave cache-dir empty$/
    )
  })

  test('on GitHub with the cache service: the Actions cache; else none', async () => {
    const actionsCache = () => new ActionsCacheStore({ stagingRoot: '~/x' })
    expect(chooseStore({ env: github, actionsCache })).toBeInstanceOf(ActionsCacheStore)
    expect(chooseStore({ env: { ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_CACHE_URL: 'https://c/' }, actionsCache })).toBeInstanceOf(ActionsCacheStore)
    expect(chooseStore({ env: { ACTIONS_RESULTS_URL: 'https://r/' }, actionsCache })).toBeUndefined()
    // The CLI injects no Actions cache: a directory store or none, even on a runner.
    expect(chooseStore({ env: github })).toBeUndefined()
    expect(chooseStore({ cacheDir: '  ', env: {} })).toBeUndefined()
  })

  test('actionsCacheAvailable', () => {
    expect(actionsCacheAvailable(github)).toBe(true)
    expect(actionsCacheAvailable({ ACTIONS_RUNTIME_TOKEN: 'x' })).toBe(false)
  })
})
