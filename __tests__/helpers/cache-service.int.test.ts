/**
 * The emulated Actions cache service against GitHub's documented semantics, driven by the real,
 * unmodified @actions/cache client (in a child process, as dist/ runs it) and by raw Twirp calls.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from './runner.js'
import { scopesFor, startCacheService, READ, WRITE, type FakeCacheService, type RunScope } from './cache-service.js'
import { startGitHubServer, type FakeGitHub } from './github-server.js'

const run = promisify(execFile)
let svc: FakeCacheService
let work: string

beforeAll(async () => {
  svc = await startCacheService()
})
afterAll(async () => {
  await svc?.close()
})
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cache-contract-'))
  svc.entries.length = 0
  svc.calls.length = 0
})
afterEach(() => fs.rmSync(work, { recursive: true, force: true }))

const MAIN: RunScope = { ref: 'refs/heads/main' }
const PR7: RunScope = { pullRequest: 7, baseRef: 'main' }

/**
 * Run @actions/cache in a fresh node like a step: `save` a directory holding `content` under
 * `key`, or `restore` (key + restore keys) and print what was matched and read.
 */
async function client(
  scope: RunScope,
  op: { save: string; content?: string; dir?: string } | { restore: string; restoreKeys?: string[]; dir?: string }
): Promise<{ result: string; content?: string; stdout: string }> {
  const dir = path.join(work, op.dir ?? 'data')
  const script = `
    import * as cache from '@actions/cache'
    import fs from 'node:fs'
    const op = JSON.parse(process.env.OP)
    const dir = process.env.DIR
    if ('save' in op) {
      fs.rmSync(dir, { recursive: true, force: true }); fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(dir + '/file.txt', op.content ?? 'x')
      console.log('RESULT=' + await cache.saveCache([dir], op.save))
    } else {
      fs.rmSync(dir, { recursive: true, force: true })
      const hit = await cache.restoreCache([dir], op.restore, op.restoreKeys ?? [])
      console.log('RESULT=' + (hit ?? ''))
      if (hit) console.log('CONTENT=' + fs.readFileSync(dir + '/file.txt', 'utf8'))
    }`
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: work,
    GITHUB_WORKSPACE: work,
    ...svc.env(scope),
    OP: JSON.stringify(op),
    DIR: dir
  }
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, env, timeout: 120_000 })
  return { result: /RESULT=(.*)/.exec(stdout)?.[1] ?? '', content: /CONTENT=(.*)/.exec(stdout)?.[1], stdout }
}

async function twirp(scope: RunScope, method: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${svc.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${svc.token(scope)}` },
    body: JSON.stringify(body)
  })
  return { status: r.status, body: (await r.json()) as Record<string, unknown> }
}

describe('the emulated Actions cache service (v2), through the real @actions/cache client', () => {
  test('save then restore the exact key round-trips the files through Azurite', async () => {
    const saved = await client(MAIN, { save: 'k-exact', content: 'hello' })
    expect(Number(saved.result)).toBeGreaterThan(0)
    expect(svc.entries).toEqual([expect.objectContaining({ key: 'k-exact', scope: 'refs/heads/main', finalized: true })])
    expect(svc.entries[0].sizeBytes).toBeGreaterThan(0)
    const back = await client(MAIN, { restore: 'k-exact' })
    expect(back).toMatchObject({ result: 'k-exact', content: 'hello' })
  })

  test('an entry is immutable: a second save of the key is refused with 409 already_exists, the first stays', async () => {
    await client(MAIN, { save: 'k-once', content: 'first' })
    const again = await client(MAIN, { save: 'k-once', content: 'second' })
    expect(again.result).toBe('-1')
    expect(svc.calls.filter(c => c.rpc === 'CreateCacheEntry').map(c => c.status)).toEqual([200, 409])
    expect(svc.entries).toHaveLength(1)
    expect((await client(MAIN, { restore: 'k-once' })).content).toBe('first')
    // The raw answer is a Twirp error, as GitHub gives it.
    const raw = await twirp(MAIN, 'CreateCacheEntry', { key: 'k-once', version: svc.entries[0].version })
    expect(raw).toEqual({ status: 409, body: { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' } })
  })

  test('the version (paths + compression) must match: the same key saved from other paths is not restored', async () => {
    await client(MAIN, { save: 'k-version', dir: 'one' })
    expect((await client(MAIN, { restore: 'k-version', dir: 'two' })).result).toBe('')
    expect((await client(MAIN, { restore: 'k-version', dir: 'one' })).result).toBe('k-version')
  })

  test('the key matches exactly first, then as a prefix, then each restore key as a prefix, newest first', async () => {
    await client(MAIN, { save: 'deps-aaa', content: 'old' })
    await client(MAIN, { save: 'deps-bbb', content: 'new' })
    await client(MAIN, { save: 'other-1', content: 'other' })
    expect(await client(MAIN, { restore: 'deps-aaa' })).toMatchObject({ result: 'deps-aaa', content: 'old' })
    expect(await client(MAIN, { restore: 'deps-' })).toMatchObject({ result: 'deps-bbb', content: 'new' })
    expect(await client(MAIN, { restore: 'deps-zzz', restoreKeys: ['nothing-', 'deps-'] })).toMatchObject({ result: 'deps-bbb' })
    expect((await client(MAIN, { restore: 'deps-zzz', restoreKeys: ['nope-'] })).result).toBe('')
  })

  test('scoping by ref: a PR reads its own entries, then its base branch; a push to main never sees PR entries', async () => {
    await client(MAIN, { save: 'scope-main', content: 'from main' })
    await client(PR7, { save: 'scope-pr', content: 'from pr' })
    expect(svc.entries.map(e => [e.key, e.scope])).toEqual([
      ['scope-main', 'refs/heads/main'],
      ['scope-pr', 'refs/pull/7/merge']
    ])
    expect(await client(PR7, { restore: 'scope-main' })).toMatchObject({ result: 'scope-main', content: 'from main' })
    expect(await client(PR7, { restore: 'scope-pr' })).toMatchObject({ result: 'scope-pr' })
    expect((await client(MAIN, { restore: 'scope-pr' })).result).toBe('')
    expect((await client({ pullRequest: 8, baseRef: 'main' }, { restore: 'scope-pr' })).result).toBe('')
    // The PR's own entry wins over the base branch's for the same prefix, even when older.
    await client(MAIN, { save: 'scope-pr-newer-on-main' })
    expect((await client(PR7, { restore: 'scope-pr' })).result).toBe('scope-pr')
    // A push to another branch reads that branch and the default branch only.
    expect((await client({ ref: 'refs/heads/dev' }, { restore: 'scope-main' })).result).toBe('scope-main')
    expect((await client({ ref: 'refs/heads/dev' }, { restore: 'scope-pr' })).result).toBe('scope-pr-newer-on-main')
  })

  test('the token carries the scopes: PR = merge ref (read/write) + base + default branch (read)', () => {
    expect(scopesFor({ pullRequest: 3, baseRef: 'release' })).toEqual([
      { Scope: 'refs/pull/3/merge', Permission: READ | WRITE },
      { Scope: 'refs/heads/release', Permission: READ },
      { Scope: 'refs/heads/main', Permission: READ }
    ])
    expect(scopesFor(MAIN)).toEqual([{ Scope: 'refs/heads/main', Permission: READ | WRITE }])
  })

  test('a read-only token cannot save ("cache write denied"); a forged token is refused', async () => {
    const denied = await client({ pullRequest: 9, baseRef: 'main', readOnly: true }, { save: 'k-ro' })
    expect(denied.result).toBe('-1')
    expect(svc.entries).toHaveLength(0)
    const forged = await fetch(`${svc.url}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${svc.token(MAIN).slice(0, -4)}AAAA` },
      body: JSON.stringify({ key: 'k', version: 'v' })
    })
    expect(forged.status).toBe(401)
  })

  test('finalize checks the uploaded size; a cut upload leaves no entry', async () => {
    svc.cutUploads(10)
    const cut = await client(MAIN, { save: 'k-cut', content: 'y'.repeat(4000) })
    expect(cut.result).toBe('-1')
    expect(svc.entries.filter(e => e.finalized)).toHaveLength(0)
    svc.cutUploads(0)
    const version = 'f'.repeat(64)
    expect((await twirp(MAIN, 'CreateCacheEntry', { key: 'k-nothing', version })).body.ok).toBe(true)
    expect(await twirp(MAIN, 'FinalizeCacheEntryUpload', { key: 'k-nothing', version, size_bytes: '10' })).toMatchObject({
      status: 200,
      body: { ok: false }
    })
  }, 180_000)

  test('a 5xx is retried by the client; the restore then succeeds', async () => {
    await client(MAIN, { save: 'k-retry', content: 'z' })
    svc.failNext('GetCacheEntryDownloadURL', 503, 1)
    expect(await client(MAIN, { restore: 'k-retry' })).toMatchObject({ result: 'k-retry', content: 'z' })
    expect(svc.calls.filter(c => c.rpc === 'GetCacheEntryDownloadURL').map(c => c.status)).toEqual([503, 200])
  }, 60_000)

  test('over the repository quota the least recently used entries are evicted', async () => {
    const big = (i: number) => client(MAIN, { save: `q-${i}`, content: randomBytes(30_000).toString('base64') })
    await big(1)
    await big(2)
    const size = svc.entries[0].sizeBytes
    // Room for two and a half entries: the third evicts one.
    svc.quotaBytes = Math.floor(size * 2.5)
    await client(MAIN, { restore: 'q-1' }) // q-1 is now the more recently used
    await big(3)
    svc.quotaBytes = 10 * 1024 ** 3
    const keys = svc.entries.map(e => e.key)
    expect(keys).toContain('q-1')
    expect(keys).toContain('q-3')
    expect(keys).not.toContain('q-2')
  })
})

describe('the REST API view of the cache (local GitHub server)', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    github = await startGitHubServer({ caches: { entries: svc.entries, delete: id => svc.delete(id) } })
  })
  afterAll(() => github.close())

  test('usage, list by key prefix and ref, delete by id and by key, as documented', async () => {
    await client(MAIN, { save: 'stagecraft-a-1' })
    await client(MAIN, { save: 'stagecraft-a-2' })
    await client(PR7, { save: 'stagecraft-a-3' })
    await client(MAIN, { save: 'other-1' })
    const get = async (p: string) => (await fetch(`${github.url}/repos/owner/repo${p}`)).json() as Promise<Record<string, unknown>>
    const usage = await get('/actions/cache/usage')
    const total = svc.entries.reduce((n, e) => n + e.sizeBytes, 0)
    expect(usage).toEqual({ full_name: 'owner/repo', active_caches_size_in_bytes: total, active_caches_count: 4 })
    const listed = (await get('/actions/caches?key=stagecraft-a-&ref=refs/heads/main&sort=created_at&direction=desc')) as {
      total_count: number
      actions_caches: { id: number; key: string; ref: string; size_in_bytes: number }[]
    }
    expect(listed.total_count).toBe(2)
    expect(listed.actions_caches.map(c => c.key)).toEqual(['stagecraft-a-2', 'stagecraft-a-1'])
    expect(listed.actions_caches[0]).toEqual(
      expect.objectContaining({ ref: 'refs/heads/main', size_in_bytes: expect.any(Number), version: expect.any(String) })
    )
    expect((await fetch(`${github.url}/repos/owner/repo/actions/caches/${listed.actions_caches[1].id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await fetch(`${github.url}/repos/owner/repo/actions/caches?key=other-1&ref=refs/heads/main`, { method: 'DELETE' })).status).toBe(200)
    expect(svc.entries.map(e => e.key).sort()).toEqual(['stagecraft-a-2', 'stagecraft-a-3'])
  })
})
