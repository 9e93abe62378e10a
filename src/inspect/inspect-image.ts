/**
 * Read an image's facts, per platform, from one of two sources:
 * - the OCI layout the build wrote (`--output type=oci,tar=false`): index, manifests and configs
 *   are read from disk, and only the layer blobs the layer cache does not know are streamed;
 * - the engine's image export (`docker save`, the classic store's only way out): one streaming
 *   pass, or nothing but `docker image inspect` when every layer and the config are cached.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError, errorMessage } from '../errors.js'
import { readImageArchive, scanLayerStream, type UnreadableBlob } from './archive.js'
import { findConfigSecrets, redactConfig, redactLayer } from './config-secrets.js'
import { manifestsAmongBlobs, parseImageConfig, platformString, resolveImages, type ImageLayout } from './image-config.js'
import { LayerCache, secretsKey } from './layer-cache.js'
import { secretNeedles, type Needle, type SecretInput } from './secret-search.js'
import type { ImageFacts, ImageLayer, LayerFacts } from './types.js'

/** Where the image is read from. */
export type ImageSource = { kind: 'layout'; dir: string } | { kind: 'engine'; ref: string }

export interface InspectRequest {
  docker: Docker
  /** Image id or tag in the local store (the engine source); see `source` for the layout. */
  image?: string
  source?: ImageSource
  /** Build secrets to look for (values stay in memory only). */
  secrets: SecretInput[]
  /** Directory of the per-layer cache; none: every layer is read. */
  layerCacheDir?: string
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
  const cache = new LayerCache(req.layerCacheDir, secretsKey(req.secrets))
  const ctx: ReadContext = { needles, cache, secretIds: req.secrets.map(s => s.id), gzipLevel: req.gzipLevel }
  return source.kind === 'layout' ? inspectLayout(source.dir, ctx) : inspectEngineImage(req.docker, source.ref, ctx)
}

interface ReadContext {
  needles: Needle[]
  cache: LayerCache
  secretIds: string[]
  gzipLevel?: number
}

async function inspectLayout(dir: string, ctx: ReadContext): Promise<ImageFacts[]> {
  const readJson = (p: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, p), 'utf8'))
    } catch {
      return undefined
    }
  }
  if (!fs.existsSync(path.join(dir, 'index.json'))) throw new EnvironmentError(`the build wrote no OCI layout to ${dir} (no index.json)`)
  const resolved = resolveImages(readJson)
  let images = resolved.images
  if (images.length === 0) images = manifestsAmongBlobs(smallBlobs(dir, readJson))
  else if (resolved.missing.length) throw new EnvironmentError(`the OCI layout in ${dir} lacks the manifest of ${resolved.missing.join(', ')}`)
  if (images.length === 0) throw new EnvironmentError(`the OCI layout in ${dir} holds no image manifest (only attestations?)`)

  const parsed = images.map(img => {
    const raw = readJson(img.configPath)
    if (raw === undefined) throw new EnvironmentError(`the OCI layout in ${dir} has no readable image config ${img.configPath}`)
    return { img, ...configFacts(raw, img, ctx) }
  })
  // Every blob the cache does not know, once, even when several platforms share it; what the
  // cache knows is read from it once too.
  const wanted = new Map<string, { diffId: string; size: number; where: string }>()
  const known = new Map<string, LayerFacts>()
  for (const { img, config, platform } of parsed) {
    img.layerPaths.forEach((p, i) => {
      const diffId = config.diffIds[i]
      if (known.has(diffId) || wanted.has(p)) return
      const hit = ctx.cache.getLayer(diffId)
      if (hit) known.set(diffId, hit)
      else wanted.set(p, { diffId, size: img.layerSizes?.[i] ?? 0, where: `layer ${i} (${diffId}) of ${platform}` })
    })
  }
  const read = new Map<string, LayerFacts>()
  const queue = [...wanted.entries()]
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [p, { diffId, size, where }] = next
      const file = path.join(dir, p)
      if (!fs.existsSync(file)) throw new EnvironmentError(`${where} is missing from the OCI layout (${p})`)
      const facts = await scanLayerStream(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), size, { needles: ctx.needles, gzipLevel: ctx.gzipLevel })
      if ('error' in facts) throw new EnvironmentError(`${where} cannot be read: ${(facts as UnreadableBlob).error}`)
      const redacted = redactLayer(facts, ctx.needles)
      ctx.cache.putLayer(diffId, redacted)
      read.set(p, redacted)
    }
  }
  await Promise.all(Array.from({ length: Math.min(LAYOUT_CONCURRENCY, queue.length) }, worker))

  return parsed.map(({ img, config, configSecretHits, platform }) => {
    let streamed = 0
    let cached = 0
    const layers: ImageLayer[] = img.layerPaths.map((p, index) => {
      const digest = config.diffIds[index]
      let facts = read.get(p)
      if (facts) streamed++
      else {
        facts = known.get(digest)
        if (!facts) throw new EnvironmentError(`layer ${index} (${digest}) of ${platform} could not be read from the OCI layout`)
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
      source: { streamed, cached, dockerSave: false, reader: 'oci-layout' }
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

async function inspectEngineImage(docker: Docker, ref: string, ctx: ReadContext): Promise<ImageFacts[]> {
  const info = await docker.inspectImage(ref)
  if (!info) throw new EnvironmentError(`image ${ref} is not in the engine's image store`)
  const record = ctx.cache.getImage(info.Id)
  if (record) {
    const layers = record.config.diffIds.map((digest, index) => ({ index, digest, facts: ctx.cache.getLayer(digest) }))
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
  const known = new Map<string, LayerFacts>()
  const reading = readImageArchive(stream, {
    needles: ctx.needles,
    gzipLevel: ctx.gzipLevel,
    skip: p => {
      const diffId = ctx.cache.blobDiffId(p)
      const facts = diffId ? ctx.cache.getLayer(diffId) : undefined
      if (facts) known.set(p, facts)
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
    throw new EnvironmentError(`${ref} lists ${missing.join(', ')} but the engine's store does not hold ${missing.length === 1 ? 'that platform' : 'those platforms'}, so it cannot be audited (pull every platform, or audit the build's own output)`)
  }

  const facts = images.map(img => {
    const raw = contents.json.get(img.configPath)
    if (raw === undefined) throw new EnvironmentError(`docker save ${ref} wrote no image config (${img.configPath})`)
    const { config, configSecretHits, platform } = configFacts(raw, img, ctx)
    let streamed = 0
    let cached = 0
    const layers: ImageLayer[] = img.layerPaths.map((p, index) => {
      const digest = config.diffIds[index]
      const blob = contents.blobs.get(p)
      if (blob && 'error' in blob) throw new EnvironmentError(`layer ${index} (${digest}) of ${ref} (${platform}) cannot be read: ${(blob as UnreadableBlob).error}`)
      let layerFacts = blob as LayerFacts | undefined
      if (layerFacts) {
        layerFacts = redactLayer(layerFacts, ctx.needles)
        streamed++
        ctx.cache.putLayer(digest, layerFacts)
        ctx.cache.putBlob(p, digest)
      } else {
        layerFacts = known.get(p) ?? ctx.cache.getLayer(digest)
        if (!layerFacts) throw new EnvironmentError(`layer ${index} (${digest}) of ${ref} (${platform}) is missing from the image export`)
        cached++
      }
      return { index, digest, facts: layerFacts }
    })
    const result: ImageFacts = {
      id: images.length === 1 ? info.Id : (img.manifestDigest ?? info.Id),
      platform,
      config,
      configSecretHits,
      layers,
      secretIds: ctx.secretIds,
      source: { streamed, cached, dockerSave: true, reader: 'engine-export' }
    }
    return result
  })
  if (facts.length === 1) ctx.cache.putImage(info.Id, { config: facts[0].config, configSecretHits: facts[0].configSecretHits, layerPaths: images[0].layerPaths })
  return facts
}
