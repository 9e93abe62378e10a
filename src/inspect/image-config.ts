/**
 * From the JSON documents of an image archive to the image's config and its layer blobs:
 * `manifest.json` (written by every docker save) first, the OCI `index.json` chain otherwise.
 */
import type { HistoryItem, ImageConfigFacts } from './types.js'

/** One platform's image inside an export: where its config and layer blobs are. */
export interface ImageLayout {
  /** `os/architecture[/variant]` from the index; empty when only the config can tell (docker save's manifest.json). */
  platform: string
  /** Digest of the image manifest (undefined for docker save's manifest.json). */
  manifestDigest?: string
  /** Archive path of the config blob. */
  configPath: string
  /** Archive paths of the layer blobs, bottom first (a path may repeat). */
  layerPaths: string[]
  /** Blob sizes from the manifest's descriptors (exact compressed sizes), when it has them. */
  layerSizes?: number[]
  /** Layer media types from the manifest, when it has them. */
  layerMediaTypes?: string[]
}

/** Every image an export holds, per platform, and how many attestation manifests were skipped. */
export interface ExportContents {
  images: ImageLayout[]
  attestations: number
  /** Platforms the index lists whose manifest the export does not hold (`?` when the index gives none). */
  missing: string[]
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const asString = (v: unknown): string => (typeof v === 'string' ? v : '')
/** Where a blob lives in an OCI layout (and in docker save's OCI-style archives). */
export const blobPath = (digest: string) => `blobs/${digest.replace(':', '/')}`

/**
 * Find every platform image of an export, given a way to read its JSON documents by path: the
 * OCI `index.json` chain first (nested indexes followed; docker save writes it since Docker 25,
 * with every platform the store holds, while its `manifest.json` names one platform only), else
 * the legacy `manifest.json`. Attestation manifests (provenance, SBOM:
 * `vnd.docker.reference.type: attestation-manifest`, or platform unknown/unknown) are counted and
 * skipped; platforms whose manifest the export lacks are listed in `missing`.
 */
export function resolveImages(readJson: (path: string) => unknown): ExportContents {
  const out: ExportContents = { images: [], attestations: 0, missing: [] }
  const index = readJson('index.json')
  if (isObject(index)) walkIndex(index, readJson, 0, out, new Set())
  if (out.images.length > 0) return out
  const manifest = asArray(readJson('manifest.json')).filter(isObject)
  if (manifest.length && typeof manifest[0].Config === 'string') {
    for (const m of manifest) {
      if (typeof m.Config !== 'string') continue
      out.images.push({ platform: '', configPath: m.Config, layerPaths: asArray(m.Layers).map(asString) })
    }
    out.missing = []
  }
  return out
}

function walkIndex(index: Json, readJson: (path: string) => unknown, depth: number, out: ExportContents, seen: Set<string>): void {
  if (depth > 4) return
  for (const m of asArray(index.manifests).filter(isObject)) {
    const digest = asString(m.digest)
    const annotations = isObject(m.annotations) ? m.annotations : {}
    const platform = isObject(m.platform) ? m.platform : {}
    if (annotations['vnd.docker.reference.type'] === 'attestation-manifest' || platform.os === 'unknown' || platform.architecture === 'unknown') {
      out.attestations++
      continue
    }
    if (!digest || seen.has(digest)) continue
    const doc = readJson(blobPath(digest))
    if (!isObject(doc)) {
      out.missing.push(platformString(platform) || '?')
      continue
    }
    if (Array.isArray(doc.manifests)) {
      walkIndex(doc, readJson, depth + 1, out, seen)
      continue
    }
    if (!isObject(doc.config)) continue
    seen.add(digest)
    const layers = asArray(doc.layers).filter(isObject)
    out.images.push({
      platform: platformString(platform),
      manifestDigest: digest,
      configPath: blobPath(asString(doc.config.digest)),
      layerPaths: layers.map(l => blobPath(asString(l.digest))),
      layerSizes: layers.map(l => (typeof l.size === 'number' ? l.size : 0)),
      layerMediaTypes: layers.map(l => asString(l.mediaType))
    })
  }
}

/**
 * The image manifests among a layout's blobs, for a layout whose index.json names a blob it does
 * not hold. BuildKit 0.13 does that when one build runs the oci exporter beside the docker
 * exporter (`--load`) for a single platform: index.json gets the other exporter's descriptor while
 * the blobs are this exporter's. The layout directory is fresh for each build, so every image
 * manifest in it is this build's; attestation manifests (in-toto layers) are skipped.
 */
export function manifestsAmongBlobs(blobs: { digest: string; read: () => unknown }[]): ImageLayout[] {
  const out: ImageLayout[] = []
  for (const b of blobs) {
    const doc = b.read()
    if (!isObject(doc) || !isObject(doc.config) || !Array.isArray(doc.layers) || Array.isArray(doc.manifests)) continue
    const layers = doc.layers.filter(isObject)
    if (layers.some(l => asString(l.mediaType).includes('in-toto'))) continue
    const configType = asString(doc.config.mediaType)
    if (configType && !/image\.config|container\.image/.test(configType)) continue
    out.push({
      platform: '',
      manifestDigest: b.digest,
      configPath: blobPath(asString(doc.config.digest)),
      layerPaths: layers.map(l => blobPath(asString(l.digest))),
      layerSizes: layers.map(l => (typeof l.size === 'number' ? l.size : 0)),
      layerMediaTypes: layers.map(l => asString(l.mediaType))
    })
  }
  return out
}

/** `linux/arm64/v8` from an OCI platform object (or an image config); empty when it has no os. */
export function platformString(p: { os?: unknown; architecture?: unknown; variant?: unknown }): string {
  return [asString(p.os), asString(p.architecture), asString(p.variant)].filter(Boolean).join('/')
}

/** Read the parts of an image config the audit needs. */
export function parseImageConfig(doc: unknown): ImageConfigFacts {
  const c = isObject(doc) ? doc : {}
  const cfg = isObject(c.config) ? c.config : {}
  const rootfs = isObject(c.rootfs) ? c.rootfs : {}
  const labels: Record<string, string> = {}
  if (isObject(cfg.Labels)) for (const [k, v] of Object.entries(cfg.Labels)) labels[k] = asString(v)
  const health = isObject(cfg.Healthcheck) ? asArray(cfg.Healthcheck.Test).map(asString) : undefined
  return {
    os: asString(c.os),
    architecture: asString(c.architecture),
    variant: asString(c.variant) || undefined,
    user: asString(cfg.User),
    env: asArray(cfg.Env).map(asString),
    labels,
    healthcheck: health && health.length > 0 ? health : undefined,
    entrypoint: asArray(cfg.Entrypoint).map(asString),
    cmd: asArray(cfg.Cmd).map(asString),
    workingDir: asString(cfg.WorkingDir),
    history: asArray(c.history)
      .filter(isObject)
      .map((h): HistoryItem => ({
        createdBy: asString(h.created_by),
        emptyLayer: h.empty_layer === true,
        comment: asString(h.comment) || undefined
      })),
    diffIds: asArray(rootfs.diff_ids).map(asString)
  }
}
