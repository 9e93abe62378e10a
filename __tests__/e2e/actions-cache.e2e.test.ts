/**
 * The Actions cache path end to end: dist/index.js run like the runner runs it, on the real
 * engine, against the emulated cache service (Twirp + JWT scopes, blobs in Azurite) and the local
 * GitHub API, with the real @actions/cache and @azure/storage-blob code of the bundle.
 *
 * "A pull request on a pruned builder": a hosted runner starts with an empty builder. The build
 * cache here is shared with other tests, so instead of `docker buildx prune -af` each test uses its
 * own BUILDKIT_CACHE_MOUNT_NS and, between runs, deletes only that namespace's cache-mount records
 * (by record id, see helpers/builder-cache.ts). A new RUN_ID build-arg per run makes the
 * cache-mount step run again (the fixture's deps stage declares it), as on a runner without the
 * layer cache. (`no-cache: true` is no stand-in: with it this BuildKit gives the step fresh, empty
 * cache mounts.) The PR's step can then only find its packages if Stagecraft restored the mount
 * from the Actions cache.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { fixture } from '../fixtures/paths.js'
import { dropCacheMounts } from '../helpers/builder-cache.js'
import { startCacheService, type FakeCacheService, type RunScope } from '../helpers/cache-service.js'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { pullRequestPayload, pushPayload, runAction, type ActionRun } from '../helpers/runner.js'

const CONTEXT = fixture('cache-mounts')
let runId = 0
let svc: FakeCacheService
let github: FakeGitHub

beforeAll(async () => {
  svc = await startCacheService()
  github = await startGitHubServer({ caches: { entries: svc.entries, delete: id => svc.delete(id) } })
})
afterAll(async () => {
  await github?.close()
  await svc?.close()
})

const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const warnings = (r: ActionRun) => r.annotations.filter(a => a.level === 'warning').map(a => a.message)
const MAIN: RunScope = { ref: 'refs/heads/main' }
const family = (prefix: string, scope = 'refs/heads/main') => svc.entries.filter(e => e.finalized && e.scope === scope && e.key.startsWith(prefix))

function inputs(ns: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    context: CONTEXT,
    // The fixture's runner is busybox as root: not what these tests are about.
    'require-non-root': 'false',
    // A RUN_ID never built before: the step must run (cache mounts are not part of its cache key).
    'build-args': `RUN_ID=${ns}-${++runId}\nBUILDKIT_CACHE_MOUNT_NS=${ns}`,
    'comment-key': ns,
    ...extra
  }
}

const push = (ns: string, extra: Record<string, string> = {}, after = randomBytes(20).toString('hex')) =>
  runAction({ event: { name: 'push', payload: pushPayload({ after }) }, apiUrl: github.url, env: svc.env(MAIN), inputs: inputs(ns, extra) })

describe('push to main → pull request, through the Actions cache service', () => {
  const ns = `stagecraft-e2e-${randomBytes(5).toString('hex')}`

  test('a push saves baseline, cache mount and audit layers; a PR on a fresh builder restores all three from main', async () => {
    const main = await push(ns)
    expect(errors(main)).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.problems).toEqual([]) // no deprecation warning from node, on 20 or 24
    expect(main.stdout).toContain('cache: pkgs hit 0 files')
    const saved = svc.entries.filter(e => e.finalized).map(e => [e.key.replace(/-[^-]+$/, ''), e.scope])
    expect(family('stagecraft-report-v1-')).toHaveLength(1)
    expect(family('stagecraft-cache-mount-v1-pkgs-')).toHaveLength(1)
    expect(family('stagecraft-cache-mount-v1-home-app-cache-build-')).toHaveLength(1)
    expect(family(`stagecraft-audit-layers-v2-${ns}-`)).toHaveLength(1)
    expect(saved.every(([, scope]) => scope === 'refs/heads/main')).toBe(true)
    // The quota line: Stagecraft's entries against the repository's usage (the REST API's numbers).
    const ours = svc.entries.filter(e => e.finalized).reduce((n, e) => n + e.sizeBytes, 0)
    expect(main.summary).toContain('### Actions cache')
    expect(main.summary).toMatch(
      /Stagecraft's entries: 4 entries, [\d.]+ kB: 0\.00% of the 10\.0 GB repository quota \(the repository uses [\d.]+ kB in 4 entries\)/
    )
    expect(ours).toBeGreaterThan(0)

    expect(dropCacheMounts(ns)).toBeGreaterThan(0) // the PR's runner has a new, empty builder

    const pr = await runAction({
      event: { name: 'pull_request', payload: pullRequestPayload({ number: 31 }) },
      apiUrl: github.url,
      env: svc.env({ pullRequest: 31, baseRef: 'main' }),
      inputs: inputs(ns)
    })
    expect(errors(pr)).toEqual([])
    expect(pr.exitCode).toBe(0)
    expect(pr.problems).toEqual([])
    // 1. the cache mount came back from main's entry, and the build step found it
    expect(pr.stdout).toMatch(/cache mount pkgs: restore hit \(stagecraft-cache-mount-v1-pkgs-/)
    expect(pr.stdout).toContain('cache: pkgs hit 3 files')
    expect(pr.stdout).toContain('pkg alpha: cached')
    expect(pr.stdout).not.toMatch(/pkg \w+: fetched/)
    expect(pr.stdout).toMatch(new RegExp(`cache: build file obj-${ns}-\\d+ owner 1000:1000`))
    expect(pr.summary).toMatch(/`pkgs`[^\n]*\| hit \|/)
    // 2. the audit layer results
    expect(pr.stdout).toMatch(new RegExp(`audit layer cache restored from stagecraft-audit-layers-v2-${ns}-`))
    // 3. the size baseline: the delta is against main's report, and the comment says so
    const report = JSON.parse(fs.readFileSync(pr.outputs.report, 'utf8'))
    expect(report.delta.baseline).toMatchObject({ source: 'cache', ref: expect.stringMatching(/^stagecraft-report-v1-/) })
    expect(report.delta.baseline.description).toMatch(/^report saved on main at [0-9a-f]{7}/)
    expect(pr.outputs['size-delta']).toMatch(/^-?\d+$/)
    const comments = github.commentsOn(31)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('report saved on main')
    // The unchanged package cache is not saved again; the build cache got a new object: saved on the PR's
    // ref, which main never sees.
    expect(pr.stdout).toMatch(/cache mount pkgs: save unchanged/)
    expect(family('stagecraft-cache-mount-v1-pkgs-', 'refs/pull/31/merge')).toHaveLength(0)
    expect(family('stagecraft-cache-mount-v1-home-app-cache-build-', 'refs/pull/31/merge')).toHaveLength(1)
    expect(svc.visibleTo(MAIN).every(e => e.scope === 'refs/heads/main')).toBe(true)
  })

  test('the next push keeps one baseline per key and branch, and does not save an unchanged cache mount again', async () => {
    const before = family('stagecraft-report-v1-').map(e => e.key)
    dropCacheMounts(ns) // another fresh runner
    const again = await push(ns)
    expect(errors(again)).toEqual([])
    expect(again.exitCode).toBe(0)
    const baselines = family('stagecraft-report-v1-')
    expect(baselines).toHaveLength(1)
    expect(baselines[0].key).not.toBe(before[0])
    expect(again.summary).toMatch(/Superseded entries deleted: `stagecraft-report-v1-/)
    // The package cache is restored and unchanged: not saved again. The build cache changed (obj-3):
    // saved, and only the newest entries of it are kept.
    expect(again.stdout).toMatch(/cache mount pkgs: save unchanged/)
    expect(family('stagecraft-cache-mount-v1-pkgs-')).toHaveLength(1)
    expect(family('stagecraft-cache-mount-v1-home-app-cache-build-').length).toBeLessThanOrEqual(2)
    expect(family(`stagecraft-audit-layers-v2-${ns}-`).length).toBeLessThanOrEqual(1)
  })
})

describe('a failing cache service', () => {
  test('5xx on restore, a refused reservation and a cut upload: warnings, exit 0, outputs and report as usual', async () => {
    const ns = `stagecraft-e2e-${randomBytes(5).toString('hex')}`
    svc.failNext('GetCacheEntryDownloadURL', 503, 5) // the first restore, all five attempts
    svc.failNext('CreateCacheEntry', 409, 1) // the cache mount's reservation
    svc.cutUploads(100) // every upload after that
    try {
      const r = await push(ns)
      expect(errors(r)).toEqual([])
      expect(r.exitCode).toBe(0)
      expect(r.outputs.imageid).toMatch(/^sha256:/)
      expect(fs.existsSync(r.outputs.report)).toBe(true)
      const w = warnings(r).join('\n')
      expect(w).toMatch(/Failed to restore: .*503/)
      expect(w).toMatch(/cache mount pkgs: .*saving to the GitHub Actions cache failed: the cache service did not store it/)
      expect(w).toMatch(/uploadCacheArchiveSDK: internal error uploading cache archive/)
      expect(w).toMatch(/baseline: could not save this run's report/)
      expect(svc.calls.filter(c => c.rpc === 'GetCacheEntryDownloadURL' && c.status === 503)).toHaveLength(5)
      expect(family(`stagecraft-audit-layers-v2-${ns}-`)).toHaveLength(0)
    } finally {
      svc.cutUploads(0)
    }
  }, 400_000)
})
