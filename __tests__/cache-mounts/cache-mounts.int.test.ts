/**
 * Cache mounts persisted across "runners" on the real engine: restore → build → save, then the
 * test's cache mounts are pruned from the builder (a fresh builder, as on a hosted runner) and
 * again. A unique BUILDKIT_CACHE_MOUNT_NS keeps these caches apart from anything else on the
 * engine, and the prune removes only the records in it (the engine is shared).
 */
import { jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cacheKeyFiles, parseCacheMounts } from '../../src/cache-mounts/inputs.js'
import { groupMounts } from '../../src/cache-mounts/keys.js'
import { findStaticBusybox, runHelper } from '../../src/cache-mounts/helper.js'
import { LocalDirStore } from '../../src/store/local-store.js'
import { restoreCacheMounts, saveCacheMounts } from '../../src/cache-mounts/mounts.js'
import type { CacheStore } from '../../src/store/store.js'
import { Docker } from '../../src/docker/docker.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { fixture } from '../fixtures/paths.js'
import { recordingReporter, type RecordingReporter } from '../helpers/reporter.js'
import { type CacheMountContext, type CacheMountReport } from '../../src/cache-mounts/types.js'
import { zstdAvailable } from '../../src/compression.js'
import { TARBALL_NAMES, decodeFile, encodeFile, type Encoding, type EncodingSetting } from '../../src/cache-mounts/encoding.js'

jest.setTimeout(300_000)

const docker = new Docker()
const ns = `stagecraft-test-${randomBytes(4).toString('hex')}`
let work: string
let ctxDir: string

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-cm-'))
  ctxDir = path.join(work, 'ctx')
  fs.cpSync(fixture('cache-mounts'), ctxDir, { recursive: true })
})
afterAll(() => {
  prune() // leave none of this file's cache mounts on the shared engine
  fs.rmSync(work, { recursive: true, force: true })
})

// A fresh runner's empty builder: the cache mounts and the layer cache (a RUN that is a layer-cache
// hit would not run, so it could not show what the mount held). The whole build cache of the engine
// under test: the suites run in band, one engine each.
const prune = () => execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })

function context(store: CacheStore, reporter: RecordingReporter, dir = ctxDir): CacheMountContext {
  const plan = parseDockerfile(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'))
  return {
    docker,
    plan,
    contextDir: dir,
    options: { mounts: parseCacheMounts('auto', plan), keyFiles: cacheKeyFiles('deps.lock', ctxDir), namespace: ns },
    store,
    reporter,
    tmpDir: path.join(work, 'tmp')
  }
}

async function build(runId: number): Promise<string> {
  const lines: string[] = []
  const args = ['--progress', 'plain', '--target', 'deps', '--build-arg', `RUN_ID=${runId}`, '--build-arg', `BUILDKIT_CACHE_MOUNT_NS=${ns}`]
  const r = await docker.buildx([...args, '--output', 'type=cacheonly', ctxDir], { onLine: l => lines.push(l) })
  expect(r.exitCode).toBe(0)
  return lines.join('\n')
}

/** One CI run: restore, build, save. */
async function cycle(store: CacheStore, runId: number) {
  const reporter = recordingReporter()
  const ctx = context(store, reporter)
  const restored = await restoreCacheMounts(ctx)
  const log = await build(runId)
  const saved = await saveCacheMounts(ctx, restored)
  return { restored, log, saved, reporter }
}

const outcomes = (rs: CacheMountReport[]) => Object.fromEntries(rs.map(r => [r.id, r.outcome]))

describe('cache mounts on the real engine, local directory store', () => {
  test('a fresh builder sees the files the previous run left; a changed key file restores the previous entry', async () => {
    const store = new LocalDirStore(path.join(work, 'store'))
    prune()

    const first = await cycle(store, 1)
    expect(outcomes(first.restored)).toEqual({ pkgs: 'miss', '/home/app/.cache/build': 'miss' })
    expect(first.log).toContain('cache: pkgs hit 0 files')
    expect(first.log).toContain('cache: build hit 0 files, owner 1000:1000')
    expect(outcomes(first.saved)).toEqual({ pkgs: 'saved', '/home/app/.cache/build': 'saved' })
    expect(first.saved.find(r => r.id === 'pkgs')).toMatchObject({ files: 3 })
    expect(first.reporter.warnings).toEqual([])

    prune()
    const second = await cycle(store, 2)
    expect(outcomes(second.restored)).toEqual({ pkgs: 'hit', '/home/app/.cache/build': 'hit' })
    expect(second.log).toContain('cache: pkgs hit 3 files')
    expect(second.log).toContain('pkg alpha: cached')
    expect(second.log).not.toMatch(/pkg \w+: fetched/)
    // sharing=locked,uid=1000,gid=1000: the mount and the files in it keep their owner.
    expect(second.log).toContain('cache: build hit 1 files, owner 1000:1000')
    expect(second.log).toContain('cache: build file obj-1 owner 1000:1000')
    // Nothing new in the package cache: not saved again. The build cache got obj-2: saved.
    expect(outcomes(second.saved)).toEqual({ pkgs: 'unchanged', '/home/app/.cache/build': 'saved' })

    fs.appendFileSync(path.join(ctxDir, 'deps.lock'), 'delta\n')
    prune()
    const third = await cycle(store, 3)
    expect(outcomes(third.restored)).toEqual({ pkgs: 'partial', '/home/app/.cache/build': 'partial' })
    expect(third.log).toContain('cache: pkgs hit 3 files')
    expect(third.log).toContain('pkg delta: fetched')
    expect(third.log).toContain('cache: build hit 2 files, owner 1000:1000')
    expect(outcomes(third.saved)).toEqual({ pkgs: 'saved', '/home/app/.cache/build': 'saved' })
    expect(third.saved.find(r => r.id === 'pkgs')).toMatchObject({ files: 4 })
  })

  test('a store that fails mid-save: a warning per mount, no half entry, the phase resolves', async () => {
    class FailingStore extends LocalDirStore {
      copies = 0
      protected override copyFile(src: string, dest: string): void {
        if (++this.copies > 1) throw new Error('disk full (simulated)')
        super.copyFile(src, dest)
      }
    }
    const dir = path.join(work, 'failing-store')
    const store = new FailingStore(dir)
    const { saved, reporter } = await cycle(store, 10)
    expect(saved.map(r => r.outcome)).toEqual(['failed', 'failed'])
    expect(reporter.warnings).toHaveLength(2)
    expect(reporter.warnings[0]).toMatch(/^cache mount pkgs: save failed.*disk full \(simulated\)$/)
    expect(fs.readdirSync(dir)).toEqual([])
  })

  test('a cache mount holding a secret value is not saved where pull requests can read it; in your own directory it is', async () => {
    class PullRequestReadableStore extends LocalDirStore {
      readonly readableByPullRequests = true
    }
    // The fixture writes "object of run N" into the build cache: here that text is the secret.
    const secrets = [{ id: 'token', value: 'object of run 20' }]
    const run = async (store: CacheStore, runId: number) => {
      const reporter = recordingReporter()
      const ctx = { ...context(store, reporter), secrets: [{ id: 'token', value: `object of run ${runId}` }] }
      const restored = await restoreCacheMounts(ctx)
      await build(runId)
      return { saved: await saveCacheMounts(ctx, restored), reporter }
    }
    prune()
    const shared = await run(new PullRequestReadableStore(path.join(work, 'pr-readable-store')), 20)
    expect(outcomes(shared.saved)).toEqual({ pkgs: 'saved', '/home/app/.cache/build': 'skipped' })
    expect(shared.reporter.warnings).toEqual([
      'cache mount /home/app/.cache/build: not saved: it holds the value of build secret "token" (in obj-20), and pull requests can read the local directory ' +
        `${path.join(work, 'pr-readable-store')} (keep secrets out of cache mounts, or use cache-dir)`
    ])
    expect(JSON.stringify([shared.saved, shared.reporter])).not.toContain(secrets[0].value)
    prune()
    const own = await run(new LocalDirStore(path.join(work, 'own-store')), 21)
    expect(outcomes(own.saved)).toEqual({ pkgs: 'saved', '/home/app/.cache/build': 'saved' })
  })

  test('without a usable base image the helper falls back to scratch + the host busybox', async () => {
    const busybox = findStaticBusybox()
    if (!busybox) return // nothing to fall back to on this host
    const plan = parseDockerfile(fs.readFileSync(path.join(ctxDir, 'Dockerfile'), 'utf8'))
    const workDir = fs.mkdtempSync(path.join(work, 'helper-'))
    const outcome = await runHelper(docker, {
      mode: 'inject',
      entries: groupMounts(plan.cacheMounts).map(entry => ({ entry })),
      // An image no builder can fetch here (nothing listens on port 1), then the fallback.
      bases: [{ kind: 'image', ref: '127.0.0.1:1/stagecraft/none:never' }, { kind: 'tools' }],
      busybox,
      workDir,
      namespace: ns
    })
    expect(outcome.ok).toBe(true)
    if (outcome.ok) {
      expect(outcome.base).toEqual({ kind: 'tools' })
      expect(outcome.results.map(r => r.state)).toEqual(['warm', 'warm'])
    }
  })
})

describe('store encodings on the real engine', () => {
  // A compressible cache (300 000 lines of numbers, 2 MB of text): the RUN prints a digest of what
  // it found, so a restored cache is told from a rebuilt one.
  let textDir: string
  beforeAll(() => {
    textDir = path.join(work, 'text-ctx')
    fs.mkdirSync(textDir, { recursive: true })
    fs.writeFileSync(path.join(textDir, 'deps.lock'), 'text\n')
    fs.writeFileSync(
      path.join(textDir, 'Dockerfile'),
      `FROM busybox:stable
ARG RUN_ID=0
RUN --mount=type=cache,id=text,target=/cache \\
    echo "run $RUN_ID"; \\
    if [ -f /cache/log.txt ]; then echo "text: hit $(sha256sum < /cache/log.txt | cut -c1-16) $(wc -l < /cache/log.txt) lines"; \\
    else seq 1 300000 > /cache/log.txt; echo "text: made $(sha256sum < /cache/log.txt | cut -c1-16)"; fi
`
    )
  })

  async function textCycle(store: CacheStore, runId: number, encoding?: EncodingSetting) {
    const reporter = recordingReporter()
    const base = context(store, reporter, textDir)
    const ctx = { ...base, options: { ...base.options, encoding } }
    const restored = await restoreCacheMounts(ctx)
    const lines: string[] = []
    const args = [
      '--progress',
      'plain',
      '--build-arg',
      // Unique per run of this file and per cycle, so the RUN is never a layer-cache hit (the prune
      // between cycles removes only this file's cache mounts, not the layer cache).
      `RUN_ID=${ns}-${runId}`,
      '--build-arg',
      `BUILDKIT_CACHE_MOUNT_NS=${ns}`,
      '--output',
      'type=cacheonly',
      textDir
    ]
    const r = await docker.buildx(args, { onLine: l => lines.push(l) })
    expect(r.exitCode).toBe(0)
    const text = lines.find(l => / text: (hit|made) /.test(l))?.replace(/^#\d+ [\d.]+ /, '')
    const saved = await saveCacheMounts(ctx, restored)
    return { restored: restored[0], text, saved: saved[0], reporter }
  }

  /** The one entry directory of a LocalDirStore. */
  const entryDir = (store: LocalDirStore) =>
    path.join(
      store.dir,
      fs.readdirSync(store.dir).find(n => !n.startsWith('.'))!
    )
  const digest = (text?: string) => /text: (?:hit|made) (\w{16})/.exec(text ?? '')?.[1]

  /** A copy of `from`'s entry in a new store, its tarball re-encoded and entry.json rewritten by `meta`. */
  async function copyEntry(from: LocalDirStore, name: string, encoding: Encoding, meta: (m: Record<string, unknown>) => Record<string, unknown>) {
    const store = new LocalDirStore(path.join(work, name))
    const src = entryDir(from)
    const dest = path.join(store.dir, path.basename(src))
    fs.cpSync(src, dest, { recursive: true })
    const old = JSON.parse(fs.readFileSync(path.join(dest, 'entry.json'), 'utf8')) as Record<string, unknown>
    const plain = path.join(dest, TARBALL_NAMES.none)
    if (old.encoding !== 'none') await decodeFile(path.join(dest, TARBALL_NAMES[old.encoding as Encoding]), plain, old.encoding as Encoding)
    for (const f of fs.readdirSync(dest)) if (f.startsWith('cache.tar.')) fs.rmSync(path.join(dest, f))
    if (encoding !== 'none') {
      await encodeFile(plain, path.join(dest, TARBALL_NAMES[encoding]), encoding)
      fs.rmSync(plain)
    }
    fs.writeFileSync(path.join(dest, 'entry.json'), JSON.stringify(meta(old)))
    return store
  }

  let first: Awaited<ReturnType<typeof textCycle>>
  let store: LocalDirStore

  test.each(['auto', 'gzip', 'zstd'] as const)('a compressible cache round-trips into a fresh builder (encoding %s)', async setting => {
    if (setting === 'zstd' && !zstdAvailable()) return // Node 20: the gzip case covers the codec path
    store = new LocalDirStore(path.join(work, `text-store-${setting}`))
    prune()
    const run = { auto: 10, gzip: 20, zstd: 30 }[setting]
    first = await textCycle(store, run + 1, setting)
    expect(first.restored.outcome).toBe('miss')
    expect(first.text).toMatch(/^text: made \w{16}$/)
    // auto: the store hard-links the tarball in (same filesystem), so compressing would only cost time.
    const encoding = setting === 'auto' ? 'none' : setting
    expect(first.saved).toMatchObject({ outcome: 'saved', encoding, files: 1 })
    expect(fs.readdirSync(entryDir(store)).filter(f => f.startsWith('cache.tar'))).toEqual([TARBALL_NAMES[encoding]])
    const meta = JSON.parse(fs.readFileSync(path.join(entryDir(store), 'entry.json'), 'utf8')) as Record<string, unknown>
    expect(meta).toMatchObject({ format: 2, encoding, storedBytes: first.saved.storedBytes })
    if (encoding !== 'none') expect(first.saved.storedBytes!).toBeLessThan(first.saved.bytes / 2)

    prune()
    const second = await textCycle(store, run + 2)
    expect(second.restored.outcome).toBe('hit')
    if (encoding !== 'none') expect(second.restored.codecMs).toBeGreaterThanOrEqual(0)
    else expect(second.restored.codecMs).toBeUndefined()
    expect(second.text).toBe(`text: hit ${digest(first.text)} 300000 lines`)
    expect(second.saved.outcome).toBe('unchanged')
    expect(first.reporter.warnings.concat(second.reporter.warnings)).toEqual([])
  })

  test('an entry written before encodings existed (cache.tar, no encoding in entry.json) still restores', async () => {
    const old = await copyEntry(store, 'old-format-store', 'none', ({ id, targets, fingerprint, files, bytes }) => ({ id, targets, fingerprint, files, bytes }))
    prune()
    const run = await textCycle(old, 3)
    expect(run.restored.outcome).toBe('hit')
    expect(run.text).toBe(`text: hit ${digest(first.text)} 300000 lines`)
  })

  test('a gzip entry restores on any Node.js', async () => {
    const gz = await copyEntry(store, 'gzip-store', 'gzip', m => ({ ...m, encoding: 'gzip' }))
    prune()
    const run = await textCycle(gz, 4)
    expect(run.restored).toMatchObject({ outcome: 'hit' })
    expect(run.restored.codecMs).toBeGreaterThanOrEqual(0)
    expect(run.text).toBe(`text: hit ${digest(first.text)} 300000 lines`)
  })

  test('a zstd entry on a Node.js without zstd is a miss with a notice, and the build runs cold', async () => {
    if (zstdAvailable()) return // Node 24 reads it: the round-trip test above covers that
    const zst = await copyEntry(store, 'zstd-store', 'none', m => ({ ...m, encoding: 'zstd' }))
    fs.renameSync(path.join(entryDir(zst), TARBALL_NAMES.none), path.join(entryDir(zst), TARBALL_NAMES.zstd))
    prune()
    const run = await textCycle(zst, 5)
    expect(run.restored.outcome).toBe('miss')
    expect(run.restored.message).toMatch(/^entry stagecraft-cache-mount-v1-\S+ not restored: it is zstd-compressed and Node\.js [\d.]+ has no zstd/)
    expect(run.reporter.warnings).toEqual([])
    expect(run.text).toMatch(/^text: made /)
  })
})
