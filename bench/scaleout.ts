/**
 * Scale-out benchmark (issue 19; not a test: prints figures, asserts nothing).
 *
 *   npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/scaleout.js
 *
 * 1. The merge of 2 platforms × 2 images. Four parts are built and pushed by digest to the local
 *    registry (a FROM scratch runner laid out by a --platform=$BUILDPLATFORM stage: no emulation)
 *    on a docker-container builder, one part report is written for each, and the merge core
 *    (src/merge/merge.ts runMerge, with the native registry reader) is timed with the
 *    `imagetools create` calls replaced by a stand-in that answers at once. Printed: its wall time
 *    (goal < 1 s) and what it read from the registry, counted on the wire (every GET the process
 *    sent, by kind: indexes, manifests, blobs; goal: manifests and configs only, no layer blob),
 *    against the blob bytes of the four images.
 * 2. The registry audit (`mode: audit`: src/cli/image-commands.ts runImageCommand reading the image
 *    through src/inspect/inspect-registry.ts) of a ~150 MB image of incompressible layers, with an
 *    empty audit layer cache (cold) and with the cache of a cold run (warm), against `docker pull`
 *    of the same image from the same registry in the same run (local image removed first). Best of
 *    three (warm: five), each audit in a fresh Node process as a job runs it. Ratios: cold ÷ pull
 *    (goal <= 1.0), warm ÷ pull (goal <= 0.1). Then where the time goes: the layer blobs downloaded
 *    alone (to /dev/null), downloaded and gunzipped, the rest of the scan; and the first registry
 *    request of a fresh process (Node loads its fetch then), a fixed part of the warm figure.
 *
 * Environment: STAGECRAFT_BENCH_BUILDER (default stagecraft-container: scripts/setup-buildkit.sh),
 * STAGECRAFT_REGISTRY_PORT (default 5000). Everything it pushes is under 127.0.0.1:PORT/wt-bench/
 * and is removed at the end (manifests and blob links through the registry API; the registry's
 * files of what only these repositories held, when its storage is on this machine).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { runChild } from './child.js'
import { runImageCommand } from '../src/cli/image-commands.js'
import { Docker } from '../src/docker/docker.js'
import { readRegistryAuditInputs } from '../src/inputs/inputs.js'
import type { Reporter } from '../src/log.js'
import { runMerge, type MergeDeps } from '../src/merge/merge.js'
import { registryManifestReader } from '../src/merge/registry-check.js'
import { RegistryClient, type RegistryStats } from '../src/registry/client.js'
import { REPORT_SCHEMA, type PartInfo, type RunReport } from '../src/report/run-report.js'

const PORT = process.env.STAGECRAFT_REGISTRY_PORT || '5000'
const REGISTRY = `127.0.0.1:${PORT}`
const BUILDER = process.env.STAGECRAFT_BENCH_BUILDER || 'stagecraft-container'
const REGISTRY_DATA = '/var/lib/stagecraft-registry/data/docker/registry/v2'
const PLATFORMS = ['linux/amd64', 'linux/arm64']
const me = fileURLToPath(import.meta.url)
const silent: Reporter = { info: () => {}, warning: () => {}, setSecret: () => {}, group: (_n, fn) => fn() }

// ---- counting what a process reads from the registry, on the wire ---------------------------------

interface Wire {
  requests: number
  /** GET bytes by kind: `index`, `manifest` (by the response's media type), `blob`. */
  bytes: Record<'index' | 'manifest' | 'blob', number>
  gets: Record<'index' | 'manifest' | 'blob', number>
}

/** Wrap the global fetch (what the registry gateway uses) to count every response body read, by kind. */
function countWire(): Wire {
  const wire: Wire = { requests: 0, bytes: { index: 0, manifest: 0, blob: 0 }, gets: { index: 0, manifest: 0, blob: 0 } }
  const real = globalThis.fetch
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const res = await real(input, init)
    wire.requests++
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if ((init?.method ?? 'GET') !== 'GET' || !res.ok || !res.body) return res
    const type = res.headers.get('content-type') ?? ''
    const kind = /\/blobs\//.test(url) ? 'blob' : /index|list/.test(type) ? 'index' : 'manifest'
    wire.gets[kind]++
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, ctl) {
          wire.bytes[kind] += chunk.byteLength
          ctl.enqueue(chunk)
        }
      })
    )
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers })
  }
  return wire
}

// ---- shell helpers ---------------------------------------------------------------------------------

function sh(cmd: string, args: string[], opts: { cwd?: string; quiet?: boolean } = {}): Promise<{ ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const p = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stdout.on('data', (c: Buffer) => (out += c.toString()))
    p.stderr.on('data', (c: Buffer) => (err += c.toString()))
    p.on('close', code =>
      code === 0
        ? resolve({ ms: performance.now() - t0, out })
        : reject(new Error(`${cmd} ${args.slice(0, 3).join(' ')} exited ${code}:\n${err.split('\n').slice(-12).join('\n')}`))
    )
  })
}

/** Build `dir` on the builder and push it; returns the pushed digest (containerimage.digest). */
async function buildPush(dir: string, args: string[]): Promise<string> {
  const meta = path.join(dir, `metadata-${Math.random().toString(36).slice(2)}.json`)
  await sh('docker', ['buildx', 'build', '--builder', BUILDER, '--metadata-file', meta, ...args, dir])
  const digest = (JSON.parse(fs.readFileSync(meta, 'utf8')) as Record<string, string>)['containerimage.digest']
  if (!/^sha256:[0-9a-f]{64}$/.test(digest ?? '')) throw new Error(`the build of ${dir} reported no digest`)
  return digest
}

interface Descriptor {
  digest: string
  size: number
  mediaType?: string
  platform?: { os: string; architecture: string; variant?: string }
}

/** The platform manifests under `ref` (an index's platforms, attestations left out, or the manifest itself), with their blobs. */
async function platformImages(ref: string): Promise<{ platform: string; digest: string; blobs: Descriptor[]; attestations: Descriptor[] }[]> {
  const client = RegistryClient.for(ref)
  const top = await client.manifest()
  const body = top.body as { manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] }
  const entries = body.manifests ? body.manifests : [{ digest: top.digest, size: top.bytes }]
  const out = []
  const attestations: Descriptor[] = []
  for (const e of entries) {
    const m = (e.digest === top.digest ? top : await client.manifest(e.digest)).body as { config: Descriptor; layers: Descriptor[] }
    if (e.platform?.os === 'unknown') {
      attestations.push(e, m.config, ...m.layers)
      continue
    }
    const config = (await client.blobJson(m.config.digest)) as { os: string; architecture: string; variant?: string }
    const platform = [config.os, config.architecture, config.variant].filter(Boolean).join('/')
    out.push({ platform, digest: e.digest, blobs: [m.config, ...m.layers], attestations })
  }
  return out
}

/** A part report (the fields the merge reads), as a part run writes it. */
function partReport(o: { name: string; key: string; digest: string; platform: string; platformDigest: string; bytes: number }): RunReport & { part: PartInfo } {
  const size = { bytes: o.bytes, compressedBytes: o.bytes, layerCount: 1, layers: [{ instruction: 'COPY --from=layout /out/ /', bytes: o.bytes }] }
  return {
    schema: REPORT_SCHEMA,
    createdAt: new Date().toISOString(),
    dockerfile: 'Dockerfile',
    target: 'runner',
    key: o.key,
    test: { stage: 'test', result: 'passed' },
    image: { id: o.platformDigest, tags: [], digest: o.digest, platform: o.platform },
    audit: { failOn: 'error', findings: [], allowed: [], failing: 0 },
    size: size as RunReport['size'],
    platforms: [{ platform: o.platform, id: o.platformDigest, user: '65532', size: size as never, budgets: [], findings: 0, failing: 0 }],
    budgets: [],
    verdict: { passed: true, reasons: [] },
    part: { name: o.name, digest: o.digest, platforms: [{ platform: o.platform, digest: o.platformDigest }] }
  }
}

// ---- children: what is timed, each in a fresh Node process ----------------------------------------

interface MergeChild {
  ms: number
  readerBytes: number
  wire: Wire
  images: number
  problems: string[]
}

/** The merge core on the part reports, `imagetools create` replaced by a stand-in answering at once. */
async function mergeChild(reportsFile: string): Promise<void> {
  const { reports, tags } = JSON.parse(fs.readFileSync(reportsFile, 'utf8')) as { reports: string[]; tags: string[] }
  const wire = countWire()
  // The stand-in: the index buildx would print (its sources as descriptors), served back by the read-back.
  const made = new Map<string, string>()
  const docker: MergeDeps['docker'] = {
    imagetoolsCreate: async args => {
      const sources = args.filter(a => a.includes('@sha256:'))
      const text = `${JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: sources.map(s => ({ digest: s.split('@')[1] })) })}\n`
      for (let i = 0; i < args.length; i++) if (args[i] === '-t') made.set(args[i + 1], text)
      return text
    },
    registryManifestText: async ref => made.get(ref) ?? ''
  }
  const reader = registryManifestReader()
  const t0 = performance.now()
  const result = await runMerge(
    { reports, platforms: PLATFORMS, tags, annotations: ['index:org.opencontainers.image.description=bench'], labels: [], 'dry-run': false },
    { docker, reader }
  )
  const ms = performance.now() - t0
  const out: MergeChild = {
    ms,
    readerBytes: reader.bytesRead(),
    wire,
    images: result.images.length,
    problems: result.images.flatMap(i => i.report.verdict.reasons)
  }
  process.stdout.write(JSON.stringify(out))
}

interface AuditChild {
  ms: number
  stats: RegistryStats
  streamed: number
  cached: number
  size: number
}

/** The registry audit as `mode: audit` runs it (no publishing). */
async function auditChild(ref: string, layerCacheDir: string): Promise<void> {
  const client = RegistryClient.for(ref, {}, 'image')
  const inputs = readRegistryAuditInputs(name => (name === 'image' ? ref : ''))
  const t0 = performance.now()
  const result = await runImageCommand({
    docker: new Docker(),
    reporter: silent,
    image: ref,
    registry: { client, input: 'image' },
    audit: true,
    inputs,
    layerCacheDir,
    key: 'bench-scaleout'
  })
  const ms = performance.now() - t0
  if (result.failure || !result.audit) throw new Error(result.failure ?? 'no audit')
  const out: AuditChild = { ms, stats: client.stats, streamed: result.audit.source.streamed, cached: result.audit.source.cached, size: result.size?.bytes ?? 0 }
  process.stdout.write(JSON.stringify(out))
}

interface ProfileChild {
  /** The first request of a fresh Node process (Node loads its fetch implementation then): a fixed cost of every audit. */
  firstRequest: number
  download: number
  downloadParallel: number
  gunzip: number
  /** Download + gunzip, two blobs at a time as the audit reads them (inspect-image.ts). */
  gunzipPaired: number
  layers: number
  bytes: number
}

/** Where a cold audit's time goes: the layer blobs downloaded alone (one at a time, then all at once), and downloaded + gunzipped. */
async function profileChild(ref: string): Promise<void> {
  const client = RegistryClient.for(ref)
  const t0 = performance.now()
  await client.manifestDigest()
  const firstRequest = performance.now() - t0
  const [img] = await platformImages(ref)
  const layers = img.blobs.slice(1)
  const sink = () =>
    new Writable({
      write(_c, _e, cb) {
        cb()
      }
    })
  // Best of two each (the machine may be busy; the registry's files are in the page cache after the audits).
  const time = async (fn: () => Promise<unknown>) => {
    let best = Infinity
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now()
      await fn()
      best = Math.min(best, performance.now() - t0)
    }
    return best
  }
  const download = await time(async () => {
    for (const l of layers) await pipeline(await client.blobStream(l.digest), sink())
  })
  const downloadParallel = await time(() => Promise.all(layers.map(async l => pipeline(await client.blobStream(l.digest), sink()))))
  const unzip = async (l: Descriptor) => pipeline(await client.blobStream(l.digest), zlib.createGunzip({ chunkSize: 1024 * 1024 }), sink())
  const gunzip = await time(async () => {
    for (const l of layers) await unzip(l)
  })
  const gunzipPaired = await time(async () => {
    const queue = [...layers]
    const worker = async () => {
      for (let l = queue.shift(); l; l = queue.shift()) await unzip(l)
    }
    await Promise.all([worker(), worker()])
  })
  const out: ProfileChild = {
    firstRequest,
    download,
    downloadParallel,
    gunzip,
    gunzipPaired,
    layers: layers.length,
    bytes: layers.reduce((n, l) => n + l.size, 0)
  }
  process.stdout.write(JSON.stringify(out))
}

// ---- the registry's clean-up ----------------------------------------------------------------------

/** Remove what the bench pushed: each manifest and blob link through the API, then the files only these repositories held. */
async function removeRepositories(repos: string[]): Promise<void> {
  const base = `http://${REGISTRY}/v2`
  const own = new Set<string>()
  for (const repo of repos) {
    const dir = path.join(REGISTRY_DATA, 'repositories', repo)
    const list = (sub: string) => {
      try {
        return fs.readdirSync(path.join(dir, sub, 'sha256'))
      } catch {
        return []
      }
    }
    const manifests = list('_manifests/revisions')
    const layers = list('_layers')
    for (const d of manifests) await fetch(`${base}/${repo}/manifests/sha256:${d}`, { method: 'DELETE' }).catch(() => undefined)
    for (const d of layers) await fetch(`${base}/${repo}/blobs/sha256:${d}`, { method: 'DELETE' }).catch(() => undefined)
    for (const d of [...manifests, ...layers]) own.add(d)
    fs.rmSync(dir, { recursive: true, force: true })
    // The namespace directory (wt-bench/) goes too once empty.
    try {
      fs.rmdirSync(path.dirname(dir))
    } catch {
      // not empty, or not there
    }
  }
  // A blob's files go only when no other repository links it (the busybox base, say, stays).
  const repositories = path.join(REGISTRY_DATA, 'repositories')
  const linked = new Set<string>()
  const walk = (d: string, depth: number): void => {
    let entries: fs.Dirent[] = []
    try {
      entries = fs.readdirSync(d, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue
      if (/^[0-9a-f]{64}$/.test(e.name)) linked.add(e.name)
      else if (depth < 12) walk(path.join(d, e.name), depth + 1)
    }
  }
  walk(repositories, 0)
  for (const d of own) if (!linked.has(d)) fs.rmSync(path.join(REGISTRY_DATA, 'blobs', 'sha256', d.slice(0, 2), d), { recursive: true, force: true })
}

// ---- the figures ----------------------------------------------------------------------------------

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
const kb = (n: number) => `${(n / 1e3).toFixed(1)} kB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function mergeBench(work: string, run: string): Promise<void> {
  const dir = path.join(work, 'parts')
  fs.mkdirSync(dir)
  const reports: string[] = []
  const tags: string[] = []
  let blobBytes = 0
  let layerBytes = 0
  let attestationBytes = 0
  for (const app of ['app-a', 'app-b']) {
    const repo = `wt-bench/scaleout-${app}-${run}`
    const name = `${REGISTRY}/${repo}`
    tags.push(`${name}:bench`)
    const ctx = path.join(dir, app)
    fs.mkdirSync(ctx)
    fs.writeFileSync(
      path.join(ctx, 'Dockerfile'),
      `FROM --platform=$BUILDPLATFORM busybox:stable AS layout
ARG TARGETPLATFORM
ARG SEED
RUN mkdir -p /out/app && echo "$TARGETPLATFORM $SEED" > /out/app/PLATFORM && head -c 4000000 /dev/urandom > /out/app/bundle.bin
FROM scratch AS runner
COPY --from=layout /out/ /
USER 65532
`
    )
    for (const platform of PLATFORMS) {
      const digest = await buildPush(ctx, [
        '--platform',
        platform,
        '--build-arg',
        `SEED=${run}-${app}`,
        '--output',
        `type=image,name=${name},push-by-digest=true,name-canonical=true,push=true`
      ])
      const [img] = (await platformImages(`${name}@${digest}`)).filter(i => i.platform === platform)
      if (!img) throw new Error(`${name}@${digest} holds no ${platform} image`)
      const bytes = img.blobs.reduce((n, b) => n + b.size, 0)
      blobBytes += bytes
      layerBytes += img.blobs.slice(1).reduce((n, b) => n + b.size, 0)
      attestationBytes += img.attestations.reduce((n, b) => n + b.size, 0)
      const file = path.join(dir, `${app}-${platform.replace('/', '-')}.json`)
      fs.writeFileSync(file, JSON.stringify(partReport({ name, key: `Dockerfile.${app}:runner`, digest, platform, platformDigest: img.digest, bytes })))
      reports.push(file)
    }
  }
  const input = path.join(dir, 'reports.json')
  fs.writeFileSync(input, JSON.stringify({ reports, tags }))
  const runs: MergeChild[] = []
  for (let i = 0; i < 3; i++) runs.push(await runChild<MergeChild>(me, ['merge', input]))
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a))
  const first = runs[0]
  if (first.images !== 2 || first.problems.length) throw new Error(`the merge did not pass: ${first.problems.join('; ') || `${first.images} image(s)`}`)
  const w = first.wire
  console.log(`\nMerge of ${PLATFORMS.length} platforms × 2 images (4 parts pushed by digest on ${BUILDER}; imagetools create stubbed out)`)
  console.log(`  ${'merge core, wall time (best of 3; first run)'.padEnd(50)} ${s(best.ms)} (${s(first.ms)})   goal < 1 s`)
  console.log(`  ${'read from the registry (on the wire)'.padEnd(50)} ${kb(w.bytes.index + w.bytes.manifest + w.bytes.blob)} in ${w.requests} request(s)`)
  console.log(
    `    indexes: ${kb(w.bytes.index)} (${w.gets.index}), image manifests: ${kb(w.bytes.manifest)} (${w.gets.manifest}), blobs: ${kb(w.bytes.blob)} (${w.gets.blob})   goal: manifests and configs only, no layer blob`
  )
  console.log(`    the merge's reader counted ${kb(first.readerBytes)} (registryManifestReader().bytesRead)`)
  console.log(
    `  ${'blob bytes of the 4 platform images'.padEnd(50)} ${mb(blobBytes)} (layers ${mb(layerBytes)}; attestations ${kb(attestationBytes)})   read ÷ blobs ${((w.bytes.index + w.bytes.manifest + w.bytes.blob) / blobBytes).toExponential(1)}`
  )
}

async function auditBench(work: string, run: string): Promise<void> {
  const repo = `wt-bench/scaleout-audit-${run}`
  const ref = `${REGISTRY}/${repo}:bench`
  const ctx = path.join(work, 'audit')
  fs.mkdirSync(ctx)
  // Three ~50 MB layers of random bytes (gzip cannot shrink them) on busybox: ~150 MB to download either way.
  fs.writeFileSync(
    path.join(ctx, 'Dockerfile'),
    `FROM busybox:stable
RUN mkdir -p /data && head -c 50000000 /dev/urandom > /data/a.bin
RUN head -c 50000000 /dev/urandom > /data/b.bin
RUN head -c 50000000 /dev/urandom > /data/c.bin && echo ${run} > /data/RUN
USER 65532
`
  )
  await buildPush(ctx, ['--platform', 'linux/amd64', '--output', `type=image,name=${ref},push=true`])
  const [img] = await platformImages(ref)
  const blobBytes = img.blobs.reduce((n, b) => n + b.size, 0)
  const docker = new Docker()
  const pulls: number[] = []
  for (let i = 0; i < 3; i++) {
    await docker.raw(['image', 'rm', '-f', ref])
    pulls.push((await sh('docker', ['pull', '-q', ref])).ms)
  }
  await docker.raw(['image', 'rm', '-f', ref])
  const colds: AuditChild[] = []
  const caches: string[] = []
  for (let i = 0; i < 3; i++) {
    const cache = fs.mkdtempSync(path.join(work, 'audit-layers-'))
    caches.push(cache)
    colds.push(await runChild<AuditChild>(me, ['audit', ref, cache]))
  }
  const warms: AuditChild[] = []
  for (let i = 0; i < 5; i++) warms.push(await runChild<AuditChild>(me, ['audit', ref, caches[0]]))
  const profile = await runChild<ProfileChild>(me, ['profile', ref])
  const pull = Math.min(...pulls)
  const cold = colds.reduce((a, b) => (b.ms < a.ms ? b : a))
  const warm = warms.reduce((a, b) => (b.ms < a.ms ? b : a))
  const read = (r: AuditChild) =>
    `${r.streamed} layer(s) read, ${r.cached} cached; ${mb(r.stats.layerBytes)} of layers, ${kb(r.stats.manifestBytes + r.stats.configBytes)} of manifests and config`
  console.log(`\nRegistry audit (mode: audit) of ${ref}: ${mb(blobBytes)} of blobs (${img.blobs.length - 1} layers), ${mb(cold.size)} unpacked`)
  console.log(`  ${'docker pull (local image removed first; best of 3)'.padEnd(50)} ${s(pull)}   (${pulls.map(s).join(', ')})`)
  console.log(
    `  ${'audit, cold (empty audit layer cache; best of 3)'.padEnd(50)} ${s(cold.ms)}   ratio ${(cold.ms / pull).toFixed(2)}   (goal <= 1.0; ${read(cold)})`
  )
  console.log(
    `  ${'audit, warm (audit layer cache; best of 5)'.padEnd(50)} ${s(warm.ms)}   ratio ${(warm.ms / pull).toFixed(3)}   (goal <= 0.1; ${read(warm)})`
  )
  console.log(`  where the cold audit's time goes (${profile.layers} layer blobs, ${mb(profile.bytes)}):`)
  console.log(
    `    ${'download only, one blob at a time'.padEnd(48)} ${s(profile.download)}   ${(profile.bytes / 1e6 / (profile.download / 1000)).toFixed(0)} MB/s`
  )
  console.log(`    ${'download only, all blobs at once'.padEnd(48)} ${s(profile.downloadParallel)}`)
  console.log(`    ${'download + gunzip, one blob at a time'.padEnd(48)} ${s(profile.gunzip)}`)
  console.log(`    ${'download + gunzip, two at a time (as the audit)'.padEnd(48)} ${s(profile.gunzipPaired)}`)
  console.log(`    ${'the whole audit'.padEnd(48)} ${s(cold.ms)}   (tar walk, search, contents and rules: ~${s(Math.max(0, cold.ms - profile.gunzipPaired))})`)
  console.log(`  the warm audit's fixed cost: the first registry request of a fresh Node process takes ${s(profile.firstRequest)} (Node loads its fetch then)`)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    if (args[1] === 'merge') return mergeChild(args[2])
    if (args[1] === 'audit') return auditChild(args[2], args[3])
    if (args[1] === 'profile') return profileChild(args[2])
    throw new Error(`unknown child ${args[1]}`)
  }
  await sh('docker', ['buildx', 'inspect', BUILDER]).catch(() => {
    throw new Error(`no builder ${BUILDER}: run scripts/setup-buildkit.sh (or set STAGECRAFT_BENCH_BUILDER to a builder that pushes by digest)`)
  })
  const work = fs.mkdtempSync(path.join(tmpdir(), 'stagecraft-bench-scaleout-'))
  const run = Date.now().toString(36)
  try {
    await mergeBench(work, run)
    await auditBench(work, run)
  } finally {
    // Whatever was pushed under this run's names, whether or not a step failed.
    await new Docker().raw(['image', 'rm', '-f', `${REGISTRY}/wt-bench/scaleout-audit-${run}:bench`])
    await removeRepositories(['app-a', 'app-b', 'audit'].map(a => `wt-bench/scaleout-${a}-${run}`))
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(`bench/scaleout: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
