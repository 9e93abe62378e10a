/**
 * From the JSON documents of an image archive to the image's config and its layer blobs:
 * `manifest.json` (written by every docker save) first, the OCI `index.json` chain otherwise.
 */
import type { HistoryItem, ImageConfigFacts } from './types.js'

export interface ImageLayout {
  /** Archive path of the config blob. */
  configPath: string
  /** Archive paths of the layer blobs, bottom first (a path may repeat). */
  layerPaths: string[]
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const asString = (v: unknown): string => (typeof v === 'string' ? v : '')
const blobPath = (digest: string) => `blobs/${digest.replace(':', '/')}`

/** Find the config and layer blobs; undefined when the archive holds no usable manifest. */
export function resolveLayout(json: Map<string, unknown>): ImageLayout | undefined {
  const manifest = asArray(json.get('manifest.json')).find(isObject)
  if (manifest && typeof manifest.Config === 'string') {
    return { configPath: manifest.Config, layerPaths: asArray(manifest.Layers).map(asString) }
  }
  const index = json.get('index.json')
  return isObject(index) ? fromOciIndex(index, json, 0) : undefined
}

function fromOciIndex(index: Json, json: Map<string, unknown>, depth: number): ImageLayout | undefined {
  if (depth > 4) return undefined
  for (const m of asArray(index.manifests).filter(isObject)) {
    const platform = isObject(m.platform) ? m.platform : {}
    if (platform.os === 'unknown' || platform.architecture === 'unknown') continue // attestations
    const doc = json.get(blobPath(asString(m.digest)))
    if (!isObject(doc)) continue
    if (Array.isArray(doc.manifests)) {
      const nested = fromOciIndex(doc, json, depth + 1)
      if (nested) return nested
      continue
    }
    if (isObject(doc.config)) {
      return {
        configPath: blobPath(asString(doc.config.digest)),
        layerPaths: asArray(doc.layers).filter(isObject).map(l => blobPath(asString(l.digest)))
      }
    }
  }
  return undefined
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
      .map(
        (h): HistoryItem => ({
          createdBy: asString(h.created_by),
          emptyLayer: h.empty_layer === true,
          comment: asString(h.comment) || undefined
        })
      ),
    diffIds: asArray(rootfs.diff_ids).map(asString)
  }
}
