/**
 * Read an image's facts: one `docker save` stream parsed on the fly, or, when every layer and
 * the config are in the layer cache, nothing but `docker image inspect`.
 */
import type { Docker } from '../docker/docker.js'
import { EnvironmentError, errorMessage } from '../errors.js'
import { readImageArchive, type UnreadableBlob } from './archive.js'
import { findConfigSecrets, redactConfig, redactLayer } from './config-secrets.js'
import { parseImageConfig, resolveLayout } from './image-config.js'
import { LayerCache, secretsKey } from './layer-cache.js'
import { secretNeedles, type SecretInput } from './secret-search.js'
import type { ImageFacts, ImageLayer, LayerFacts } from './types.js'

export interface InspectRequest {
  docker: Docker
  /** Image id or tag in the local store. */
  image: string
  /** Build secrets to look for (values stay in memory only). */
  secrets: SecretInput[]
  /** Directory of the per-layer cache; none: every layer is read. */
  layerCacheDir?: string
  /** gzip level used to estimate the compressed size of uncompressed layers (default 6). */
  gzipLevel?: number
}

/** Inspect `image`. Throws EnvironmentError with one clear line when it cannot be read. */
export async function inspectImage(req: InspectRequest): Promise<ImageFacts> {
  const info = await req.docker.inspectImage(req.image)
  if (!info) {
    throw new EnvironmentError(`image ${req.image} is not in the local image store (was it removed before the audit?)`)
  }
  const needles = secretNeedles(req.secrets)
  const cache = new LayerCache(req.layerCacheDir, secretsKey(req.secrets))
  const secretIds = req.secrets.map(s => s.id)

  const record = cache.getImage(info.Id)
  if (record) {
    const layers = record.config.diffIds.map((digest, index) => ({ index, digest, facts: cache.getLayer(digest) }))
    if (layers.every(l => l.facts)) {
      return {
        id: info.Id,
        config: record.config,
        configSecretHits: record.configSecretHits,
        layers: layers as ImageLayer[],
        secretIds,
        source: { streamed: 0, cached: layers.length, dockerSave: false }
      }
    }
  }

  const { stream, done } = await req.docker.save(req.image)
  const known = new Map<string, LayerFacts>()
  const reading = readImageArchive(stream, {
    needles,
    gzipLevel: req.gzipLevel,
    skip: path => {
      const diffId = cache.blobDiffId(path)
      const facts = diffId ? cache.getLayer(diffId) : undefined
      if (facts) known.set(path, facts)
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
  const [read, saved] = await Promise.allSettled([reading, done])
  if (saved.status === 'rejected' && !stopped) {
    throw saved.reason instanceof EnvironmentError ? saved.reason : new EnvironmentError(errorMessage(saved.reason))
  }
  if (read.status === 'rejected') {
    throw new EnvironmentError(`the image stream of ${req.image} is corrupt: ${errorMessage(read.reason)}`)
  }
  const contents = read.value

  const layout = resolveLayout(contents.json)
  if (!layout) throw new EnvironmentError(`docker save ${req.image} wrote no image manifest (manifest.json / index.json)`)
  const rawConfig = contents.json.get(layout.configPath)
  if (rawConfig === undefined) throw new EnvironmentError(`docker save ${req.image} wrote no image config (${layout.configPath})`)
  const parsed = parseImageConfig(rawConfig)
  const configSecretHits = findConfigSecrets(parsed, needles)
  const config = redactConfig(parsed, needles)
  if (config.diffIds.length !== layout.layerPaths.length) {
    throw new EnvironmentError(
      `the image config of ${req.image} lists ${config.diffIds.length} layers but its manifest ${layout.layerPaths.length}`
    )
  }

  let streamed = 0
  let cached = 0
  const layers: ImageLayer[] = layout.layerPaths.map((path, index) => {
    const digest = config.diffIds[index]
    const blob = contents.blobs.get(path)
    if (blob && 'error' in blob) {
      throw new EnvironmentError(`layer ${index} (${digest}) of ${req.image} is corrupt: ${(blob as UnreadableBlob).error}`)
    }
    let facts = blob as LayerFacts | undefined
    if (facts) {
      facts = redactLayer(facts, needles)
      streamed++
      cache.putLayer(digest, facts)
      cache.putBlob(path, digest)
    } else {
      facts = known.get(path) ?? cache.getLayer(digest)
      if (!facts) throw new EnvironmentError(`layer ${index} (${digest}) of ${req.image} is missing from the image stream`)
      cached++
    }
    return { index, digest, facts }
  })
  cache.putImage(info.Id, { config, configSecretHits, layerPaths: layout.layerPaths })
  return { id: info.Id, config, configSecretHits, layers, secretIds, source: { streamed, cached, dockerSave: true } }
}
