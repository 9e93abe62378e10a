/**
 * Read an image's facts, per platform, from one of two sources:
 * - the OCI layout the build wrote (`--output type=oci,tar=false`): index, manifests and configs
 *   are read from disk, and only the layer blobs the layer cache does not know are streamed;
 * - the engine's image export (`docker save`, the classic store's only way out): one streaming
 *   pass, or nothing but `docker image inspect` when every layer and the config are cached.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { RegistryClient } from '../registry/client.js'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError, errorMessage } from '../errors.js'
import { readImageArchive, scanLayerStream } from './archive.js'
import { findConfigSecrets, redactConfig, redactLayer } from './config-secrets.js'
import { manifestsAmongBlobs, parseImageConfig, platformString, resolveImages, type ImageLayout } from './image-config.js'
import type { DockerfilePlan, Stage } from '../plan/dockerfile.js'
import { LayerCache } from './audit-cache.js'
import type { LayoutPrefetch } from './layout-prefetch.js'
import { resolveRegistryImages } from './inspect-registry.js'
import { secretReach } from './secret-reach.js'
import { secretNeedles, type Needle, type SecretInput } from './secret-search.js'
import type { HistoryItem, ImageFacts, ImageLayer, LayerFacts } from './types.js'

/**
 * Where the image is read from: the build's OCI layout (with the layers read while the build wrote
 * them, when it was watched), the engine's store, or a registry (through its gateway).
 */
export type ImageSource =
  { kind: 'layout'; dir: string; prefetch?: LayoutPrefetch } | { kind: 'engine'; ref: string } | { kind: 'registry'; client: RegistryClient }

export interface InspectRequest {
  docker: Docker
  /** Image id or tag in the local store (the engine source); see `source` for the layout. */
  image?: string
  source?: ImageSource
  /** Build secrets to look for (values stay in memory only). */
  secrets: SecretInput[]
  /** Directory of the per-layer cache (the shared tier: never anything secret-dependent); none: every layer is read. */
  layerCacheDir?: string
  /** Directory for the results of the secret search (the private tier: see audit-cache.ts); none: not kept. */
  secretScanCacheDir?: string
  /**
   * The Dockerfile and stage the image was built from: the secrets are searched for only in the
   * layers they could reach (secret-reach.ts). None (an image given by name): in every layer.
   */
  dockerfile?: { plan: DockerfilePlan; target: Stage }
  /** gzip level used to estimate the compressed size of uncompressed layers (default 6). */
  gzipLevel?: number
}

/** Layer blobs read at once from a layout (one gunzip each; two cores). */
const LAYOUT_CONCURRENCY = 2

/** Inspect a single-platform image (the first platform of a multi-platform one). */
export async function inspectImage(req: InspectRequest): Promise<ImageFacts> {
  return (await inspectImages(req))[0]
}

/** Inspect every platform of the image. Throws EnvironmentError with one clear line when it cannot be read. */
export async function inspectImages(req: InspectRequest): Promise<ImageFacts[]> {
  const source: ImageSource = req.source ?? { kind: 'engine', ref: req.image ?? '' }
  const needles = secretNeedles(req.secrets)
  const cache = new LayerCache(req.layerCacheDir, req.secretScanCacheDir, req.secrets)
  const reach = (layerCount: number, history?: HistoryItem[]) => secretReach(req.dockerfile, layerCount, history)
  const ctx: ReadContext = { needles, cache, secretIds: req.secrets.map(s => s.id), gzipLevel: req.gzipLevel, reach }
  if (source.kind === 'layout') return inspectLayout(source.dir, ctx, source.prefetch)
  if (source.kind === 'registry') return inspectRegistry(source.client, ctx)
  const facts = await inspectEngineImage(req.docker, source.ref, ctx)
  // The export was read with the reach the layer count gave; when the history the export held
  // disagrees with it, read once more searching every layer (never a layer left unsearched).
  const again =
    needles.length > 0 && facts.some(f => f.reachOverruled)
      ? await inspectEngineImage(req.docker, source.ref, { ...ctx, reach: n => Array.from({ length: n }, () => true) })
      : facts
  return again.map(({ reachOverruled: _, ...f }) => f)
}

export interface ReadContext {
  needles: Needle[]
  cache: LayerCache
  secretIds: string[]
  gzipLevel?: number
  /** Per layer: whether a secret could be in it (searched) or not (read without searching). */
  reach: (layerCount: number, history?: HistoryItem[]) => boolean[]
}

/** Facts of a layer as read with `needles`: redacted and kept in the private tier when searched, else shared with no hits. */
function keepLayer(ctx: ReadContext, diffId: string, raw: LayerFacts, searched: boolean): LayerFacts {
  const facts = searched ? redactLayer(raw, ctx.needles) : { ...raw, secretHits: [] }
  ctx.cache.putLayer(diffId, facts, searched)
  return facts
}

const layoutReader =
  (dir: string) =>
  (p: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, p), 'utf8'))
    } catch {
      return undefined
    }
  }

/**
 * The platform images of the OCI layout a build wrote to `dir` (a fresh directory per build): by
 * its index.json, else the image manifests among its blobs (index.json naming a blob it lacks).
 * `missing`: platforms whose manifest index.json names but the layout lacks.
 */
export function layoutImages(dir: string): { images: ImageLayout[]; missing: string[] } {
  const readJson = layoutReader(dir)
  const resolved = resolveImages(readJson)
  if (resolved.images.length > 0) return { images: resolved.images, missing: resolved.missing }
  return { images: manifestsAmongBlobs(smallBlobs(dir, readJson)), missing: [] }
}

async function inspectLayout(dir: string, ctx: ReadContext, prefetch?: LayoutPrefetch): Promise<ImageFacts[]> {
  const readJson = layoutReader(dir)
  if (!fs.existsSync(path.join(dir, 'index.json'))) throw new EnvironmentError(`the build wrote no OCI layout to ${dir} (no index.json)`)
  const { images, missing } = layoutImages(dir)
  if (missing.length) throw new EnvironmentError(`the OCI layout in ${dir} lacks the manifest of ${missing.join(', ')}`)
  if (images.length === 0) throw new EnvironmentError(`the OCI layout in ${dir} holds no image manifest (only attestations?)`)

  return readImages(images, ctx, {
    readJson,
    openBlob: async p => {
      const file = path.join(dir, p)
      return fs.existsSync(file) ? fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) : undefined
    },
    from: 'the OCI layout',
    configMissing: p => `the OCI layout in ${dir} has no readable image config ${p}`,
    reader: 'oci-layout',
    prefetch
  })
}

/** Every platform of the image a registry holds under the client's reference: nothing pulled, only what the cache lacks streamed. */
async function inspectRegistry(client: RegistryClient, ctx: ReadContext): Promise<ImageFacts[]> {
  const { images, documents } = await resolveRegistryImages(client)
  return readImages(images, ctx, {
    readJson: p => documents.get(p),
    openBlob: p => client.blobStream(p.replace(/^blobs\/sha256\//, 'sha256:')),
    from: `the registry (${client.name})`,
    configMissing: p => `${client.name} has no image config ${p}`,
    reader: 'registry'
  })
}

/** Where the blobs of resolved images are read from: an OCI layout on disk, or a registry. */
export interface BlobSource {
  /** A JSON document (manifest, config) by its path (`blobs/sha256/…`); undefined when it cannot be read. */
  readJson: (path: string) => unknown
  /** A layer blob by its path as a stream; undefined when the source lacks it. */
  openBlob: (path: string, size: number) => Promise<Readable | undefined>
  /** `the OCI layout`, `the registry`: for messages. */
  from: string
  configMissing: (path: string) => string
  reader: NonNullable<ImageFacts['source']['reader']>
  /** Layer blobs already read (searched for every secret) while the build wrote them; undefined from `facts`: read the blob. */
  prefetch?: Pick<LayoutPrefetch, 'facts' | 'clock'>
}

/**
 * The facts of every resolved image: configs read, and every layer blob the layer cache does not
 * know streamed once through the layer scan (shared by the OCI layout and the registry readers).
 */
export async function readImages(images: ImageLayout[], ctx: ReadContext, src: BlobSource): Promise<ImageFacts[]> {
  const t0 = performance.now()
  const parsed = images.map(img => {
    const raw = src.readJson(img.configPath)
    if (raw === undefined) throw new EnvironmentError(src.configMissing(img.configPath))
    const facts = configFacts(raw, img, ctx)
    const reach = ctx.needles.length > 0 ? ctx.reach(img.layerPaths.length, facts.config.history) : img.layerPaths.map(() => false)
    return { img, reach, ...facts }
  })
  // Every blob the cache does not know, once, even when several platforms share it (searched when
  // any of them needs it searched); what the cache knows is read from it once too.
  const wanted = new Map<string, { diffId: string; size: number; where: string; searched: boolean }>()
  const known = new Map<string, LayerFacts>()
  const knownKey = (diffId: string, searched: boolean) => `${diffId}
${searched}`
  for (const { img, config, platform, reach } of parsed) {
    img.layerPaths.forEach((p, i) => {
      const diffId = config.diffIds[i]
      const searched = reach[i]
      const pending = wanted.get(p)
      if (pending) {
        pending.searched ||= searched
        return
      }
      if (known.has(knownKey(diffId, searched))) return
      const hit = ctx.cache.getLayer(diffId, searched)
      if (hit) known.set(knownKey(diffId, searched), hit)
      else wanted.set(p, { diffId, size: img.layerSizes?.[i] ?? 0, where: `layer ${i} (${diffId}) of ${platform}`, searched })
    })
  }
  const read = new Map<string, LayerFacts>()
  let prefetched = 0
  const queue = [...wanted.entries()]
  const t1 = performance.now()
  const clock = { searchMs: 0 }
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [p, { diffId, size, where, searched }] = next
      const early = await src.prefetch?.facts(p)
      if (early) {
        // Searched for every secret: a layer no secret can reach keeps what an unsearched read gives.
        const { archiveLimits, ...rest } = early
        read.set(p, keepLayer(ctx, diffId, searched || !archiveLimits ? early : rest, searched))
        prefetched++
        continue
      }
      const stream = await src.openBlob(p, size)
      if (!stream) throw new EnvironmentError(`${where} is missing from ${src.from} (${p})`)
      let facts: Awaited<ReturnType<typeof scanLayerStream>>
      try {
        facts = await scanLayerStream(stream, size, { needles: searched ? ctx.needles : [], gzipLevel: ctx.gzipLevel, clock })
      } catch (e) {
        facts = { error: errorMessage(e) }
      }
      if ('error' in facts) throw new EnvironmentError(`${where} cannot be read: ${facts.error}`)
      read.set(p, keepLayer(ctx, diffId, facts, searched))
    }
  }
  await Promise.all(Array.from({ length: Math.min(LAYOUT_CONCURRENCY, queue.length) }, worker))
  const timings = { configsMs: t1 - t0, layersMs: performance.now() - t1, searchMs: clock.searchMs + (src.prefetch?.clock.searchMs ?? 0) }

  return parsed.map(({ img, config, configSecretHits, platform, reach }) => {
    let streamed = 0
    let cached = 0
    const layers: ImageLayer[] = img.layerPaths.map((p, index) => {
      const digest = config.diffIds[index]
      let facts = read.get(p)
      if (facts) streamed++
      else {
        facts = known.get(knownKey(digest, reach[index])) ?? known.get(knownKey(digest, true))
        if (!facts) throw new EnvironmentError(`layer ${index} (${digest}) of ${platform} could not be read from ${src.from}`)
        cached++
      }
      // The descriptor's size is the blob as a registry stores it: exact, whatever the cache recorded.
      const blobSize = img.layerSizes?.[index]
      if (blobSize) facts = { ...facts, compressedBytes: blobSize, compressedFrom: 'blob' }
      return { index, digest, facts }
    })
    return {
      id: img.manifestDigest ?? '',
      platform,
      config,
      configSecretHits,
      layers,
      secretIds: ctx.secretIds,
      source: { streamed, cached, dockerSave: false, reader: src.reader, timings, ...(prefetched ? { prefetched } : {}) }
    }
  })
}

/** JSON-sized blobs of a layout (manifests, configs), each read on demand. */
function smallBlobs(dir: string, readJson: (p: string) => unknown): { digest: string; read: () => unknown }[] {
  const base = path.join(dir, 'blobs', 'sha256')
  let names: string[] = []
  try {
    names = fs.readdirSync(base)
  } catch {
    return []
  }
  return names
    .filter(n => /^[0-9a-f]{64}$/.test(n) && fs.statSync(path.join(base, n)).size <= 4 * 1024 * 1024)
    .sort()
    .map(n => ({ digest: `sha256:${n}`, read: () => readJson(`blobs/sha256/${n}`) }))
}

/** Config facts of one image (redacted), its secret hits and its platform; checks the layer count. */
function configFacts(raw: unknown, img: ImageLayout, ctx: ReadContext) {
  const parsed = parseImageConfig(raw)
  const platform = img.platform || platformString(parsed) || 'unknown'
  const configSecretHits = findConfigSecrets(parsed, ctx.needles)
  const config = redactConfig(parsed, ctx.needles)
  if (config.diffIds.length !== img.layerPaths.length) {
    throw new EnvironmentError(`the image config of ${platform} lists ${config.diffIds.length} layers but its manifest ${img.layerPaths.length}`)
  }
  return { config, configSecretHits, platform }
}

async function inspectEngineImage(docker: Docker, ref: string, ctx: ReadContext): Promise<(ImageFacts & { reachOverruled?: boolean })[]> {
  const info = await docker.inspectImage(ref)
  if (!info) throw new EnvironmentError(`image ${ref} is not in the engine's image store`)
  // Which layers to search, from the layer count alone (the history comes with the export, and is checked then).
  const rootfs = info.RootFS?.Layers ?? []
  const reachBefore = ctx.needles.length > 0 && rootfs.length > 0 ? ctx.reach(rootfs.length) : []
  const searchedBefore = (diffId: string): boolean => {
    if (ctx.needles.length === 0) return false
    const i = rootfs.indexOf(diffId)
    return i < 0 ? true : reachBefore[i]
  }
  const record = ctx.cache.getImage(info.Id)
  if (record) {
    const reach = ctx.needles.length > 0 ? ctx.reach(record.config.diffIds.length, record.config.history) : record.config.diffIds.map(() => false)
    const layers = record.config.diffIds.map((digest, index) => ({ index, digest, facts: ctx.cache.getLayer(digest, reach[index]) }))
    if (layers.every(l => l.facts)) {
      return [
        {
          id: info.Id,
          platform: platformString(record.config),
          config: record.config,
          configSecretHits: record.configSecretHits,
          layers: layers as ImageLayer[],
          secretIds: ctx.secretIds,
          source: { streamed: 0, cached: layers.length, dockerSave: false, reader: 'cache' }
        }
      ]
    }
  }

  const { stream, done } = await docker.save(ref)
  const known = new Map<string, { facts: LayerFacts; searched: boolean }>()
  const reading = readImageArchive(stream, {
    needles: ctx.needles,
    gzipLevel: ctx.gzipLevel,
    skip: p => {
      const diffId = ctx.cache.blobDiffId(p)
      if (!diffId) return false
      const searched = searchedBefore(diffId)
      const facts = ctx.cache.getLayer(diffId, searched)
      if (facts) known.set(p, { facts, searched })
      return facts !== undefined
    }
  })
  // A parse failure leaves the pipe unread: stop docker save rather than let it block forever.
  let stopped = false
  reading.catch(() => {
    if (stream.readableEnded) return // docker save ended the stream itself: its own error (if any) tells why
    stopped = true
    stream.destroy()
  })
  const [readResult, saved] = await Promise.allSettled([reading, done])
  if (saved.status === 'rejected' && !stopped) {
    throw saved.reason instanceof EnvironmentError ? saved.reason : new EnvironmentError(errorMessage(saved.reason))
  }
  if (readResult.status === 'rejected') {
    throw new EnvironmentError(`the image stream of ${ref} is corrupt: ${errorMessage(readResult.reason)}`)
  }
  const contents = readResult.value
  const { images, missing } = resolveImages(p => contents.json.get(p))
  if (images.length === 0) throw new EnvironmentError(`docker save ${ref} wrote no image manifest (manifest.json / index.json)`)
  if (missing.length) {
    throw new EnvironmentError(
      `${ref} lists ${missing.join(', ')} but the engine's store does not hold ${missing.length === 1 ? 'that platform' : 'those platforms'}, so it cannot be audited (pull every platform, or audit the build's own output)`
    )
  }

  const facts = images.map(img => {
    const raw = contents.json.get(img.configPath)
    if (raw === undefined) throw new EnvironmentError(`docker save ${ref} wrote no image config (${img.configPath})`)
    const { config, configSecretHits, platform } = configFacts(raw, img, ctx)
    const reach = ctx.needles.length > 0 ? ctx.reach(img.layerPaths.length, config.history) : img.layerPaths.map(() => false)
    let streamed = 0
    let cached = 0
    let reachOverruled = false
    const layers: ImageLayer[] = img.layerPaths.map((p, index) => {
      const digest = config.diffIds[index]
      const blob = contents.blobs.get(p)
      if (blob && 'error' in blob) throw new EnvironmentError(`layer ${index} (${digest}) of ${ref} (${platform}) cannot be read: ${blob.error}`)
      let layerFacts: LayerFacts | undefined
      if (blob) {
        // Every streamed blob was searched; a layer no secret can reach keeps no hits (and is shared).
        layerFacts = keepLayer(ctx, digest, blob, reach[index])
        streamed++
        ctx.cache.putBlob(p, digest)
      } else {
        const hit = known.get(p)
        if (hit && !hit.searched && reach[index]) reachOverruled = true
        layerFacts = hit?.facts ?? ctx.cache.getLayer(digest, reach[index])
        if (!layerFacts) throw new EnvironmentError(`layer ${index} (${digest}) of ${ref} (${platform}) is missing from the image export`)
        cached++
      }
      return { index, digest, facts: layerFacts }
    })
    const result: ImageFacts & { reachOverruled?: boolean } = {
      id: images.length === 1 ? info.Id : (img.manifestDigest ?? info.Id),
      platform,
      config,
      configSecretHits,
      layers,
      secretIds: ctx.secretIds,
      source: { streamed, cached, dockerSave: true, reader: 'engine-export' },
      ...(reachOverruled ? { reachOverruled } : {})
    }
    return result
  })
  if (facts.length === 1)
    ctx.cache.putImage(info.Id, { config: facts[0].config, configSecretHits: facts[0].configSecretHits, layerPaths: images[0].layerPaths })
  return facts
}
