/**
 * The layer cache across runners (issue 19, item 5): a part job on one runner exports its layer
 * cache, a part job on another runner (another builder, empty) imports it and its steps come from
 * the cache, with the two backends users pick:
 *   - `type=registry` with one ref per platform (`127.0.0.1:5000/bk-cache:linux-amd64`, `mode=max`),
 *   - `type=gha` on BuildKit v0.29 (cache service v2: Twirp under ACTIONS_RESULTS_URL, blobs behind
 *     SAS URLs) against the project's emulation of the service (helpers/cache-service.ts), with the
 *     spec Stagecraft chooses by default (build/buildkit-cache.ts) and buildx 0.13; runner A is a push
 *     to main, runner B a pull request that reads main's scope.
 * The "runners" are a fresh docker-container builder and a fresh remote BuildKit daemon (own root
 * dir), made for the test and removed after it. The builds' contents carry a nonce, so nothing but
 * the exported cache can serve them.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildx, freshBuilder, removeBuilder, REGISTRY } from '../helpers/buildkit-builders.js'
import { defaultLayerCache } from '../../src/build/buildkit-cache.js'
import { startCacheService, type FakeCacheService, type RunScope } from '../helpers/cache-service.js'

const made: string[] = []
let dir: string
const nonce = randomBytes(6).toString('hex')

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-layer-cache-'))
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM --platform=$BUILDPLATFORM busybox:stable AS work',
      'ARG TARGETPLATFORM',
      'ARG NONCE',
      // Work worth caching: 2 MB of bytes no other build has (the nonce seeds them).
      'RUN mkdir -p /out && echo "$NONCE $TARGETPLATFORM" > /out/id && yes "$NONCE" | head -c 2000000 > /out/data',
      'RUN sha256sum /out/data > /out/data.sha256',
      'FROM scratch',
      'COPY --from=work /out/ /',
      ''
    ].join('\n')
  )
})
afterAll(() => {
  for (const b of made) removeBuilder(b)
  fs.rmSync(dir, { recursive: true, force: true })
})

const runner = (kind: 'container' | 'remote'): string => {
  const name = freshBuilder(kind, 'bk-cache')
  made.push(name)
  return name
}

/** One part build: one platform, the given cache flags, no output but the cache. */
function partBuild(builder: string, platform: string, cacheArgs: string[], env?: NodeJS.ProcessEnv) {
  return buildx(['build', '--builder', builder, '--platform', platform, '--build-arg', `NONCE=${nonce}`, ...cacheArgs, dir], env)
}

/** The RUN steps' lines that say CACHED (`#7 CACHED` after `#7 [... 2/3] RUN ...`). */
function cachedRuns(output: string): number {
  const runs = new Set([...output.matchAll(/^#(\d+) \[[^\]]*work [23]\/3\] RUN /gm)].map(m => m[1]))
  return [...runs].filter(id => new RegExp(`^#${id} CACHED$`, 'm').test(output)).length
}

describe('type=registry, one ref per platform', () => {
  const ref = (platform: string) => `${REGISTRY}/bk-cache:${platform.replace('/', '-')}`

  test('runner A exports each platform to its ref; runner B (another builder, empty) builds both from it', async () => {
    const a = runner('container')
    const b = runner('remote')
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const first = await partBuild(a, platform, ['--cache-to', `type=registry,ref=${ref(platform)},mode=max`])
      expect(first.output).not.toMatch(/^ERROR/m)
      expect(first.status).toBe(0)
      expect(cachedRuns(first.output)).toBe(0) // a real miss: the nonce is new
      expect(first.output).toMatch(new RegExp(`exporting cache to registry|writing cache manifest`))
    }
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const second = await partBuild(b, platform, ['--cache-from', `type=registry,ref=${ref(platform)}`])
      expect(second.status).toBe(0)
      expect(second.output).toContain(`importing cache manifest from ${ref(platform)}`)
      expect(cachedRuns(second.output)).toBe(2)
    }
  })
})

describe('type=gha (cache service v2) through the Actions cache emulation', () => {
  let svc: FakeCacheService
  beforeAll(async () => {
    svc = await startCacheService()
  })
  afterAll(async () => {
    await svc?.close()
  })
  const MAIN: RunScope = { ref: 'refs/heads/main' }
  const PR: RunScope = { pullRequest: 19, baseRef: 'main' }
  /** Stagecraft's own default for a job with the v2 service (what the action passes to buildx). */
  const defaults = (run: RunScope, scope: string) =>
    defaultLayerCache({ driver: 'remote', buildkitVersion: 'v0.29.0', env: svc.env(run), cacheFrom: [], cacheTo: [], scope })

  test('runner A (push to main) exports; runner B (a pull request, another builder) imports from main and its steps are CACHED', async () => {
    const a = runner('remote')
    const b = runner('container')
    const scope = `bk-${nonce}`
    const main = defaults(MAIN, scope)
    // The token stays in the environment (buildx reads ACTIONS_RUNTIME_TOKEN); the spec names the URL.
    expect(main.cacheTo).toEqual([`type=gha,url=${svc.url},version=2,scope=${scope},mode=max,ignore-error=true`])
    const first = await partBuild(a, 'linux/amd64', main.cacheTo.flatMap(c => ['--cache-to', c]), { ...process.env, ...svc.env(MAIN) })
    expect(first.output).not.toMatch(/^ERROR/m)
    expect(first.status).toBe(0)
    expect(cachedRuns(first.output)).toBe(0)
    const saved = svc.entries.filter(e => e.finalized && e.scope === 'refs/heads/main')
    // The layer blobs and one index, all in main's scope.
    expect(saved.filter(e => e.key.startsWith('buildkit-blob-1-sha256:')).length).toBeGreaterThanOrEqual(2)
    expect(saved.filter(e => e.key.startsWith(`index-${scope}-1-`))).toHaveLength(1)

    const pr = defaults(PR, scope)
    const second = await partBuild(b, 'linux/amd64', pr.cacheFrom.flatMap(c => ['--cache-from', c]), { ...process.env, ...svc.env(PR) })
    expect(second.output).not.toMatch(/^ERROR/m)
    expect(second.status).toBe(0)
    expect(cachedRuns(second.output)).toBe(2)
    // B found the index under main's scope with its read-only grant, and wrote nothing.
    const lookups = svc.calls.filter(c => c.rpc === 'GetCacheEntryDownloadURL' && c.scope === 'refs/pull/19/merge')
    expect(lookups.length).toBeGreaterThan(0)
    expect(svc.entries.filter(e => e.scope === 'refs/pull/19/merge')).toEqual([])
  })
})
