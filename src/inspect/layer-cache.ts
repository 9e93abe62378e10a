/**
 * Per-layer results on disk, so an unchanged layer is not read again. Keys:
 * - layer facts: the layer's diff id + a key derived from the secrets scanned for (scrypt of the
 *   ids and values; the values themselves are never written, and the facts hold no values);
 * - blob index: archive path of a blob → its diff id, to skip cached blobs while streaming;
 * - image record: image id + secrets key → its (redacted) config, so an unchanged image is
 *   audited from `docker image inspect` alone, without `docker save`.
 * A missing or unreadable cache is never an error: it only costs a re-read.
 */
import { createHash, scryptSync } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretInput } from './secret-search.js'
import type { ConfigSecretHit, ImageConfigFacts, LayerFacts } from './types.js'

/** Bump when the shape of cached facts or the scan itself changes. */
const CACHE_VERSION = 3

/** Config facts (values redacted) plus the secret findings made on the unredacted config. */
export interface ImageRecord {
  config: ImageConfigFacts
  configSecretHits: ConfigSecretHit[]
  layerPaths: string[]
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** A key for the set of secrets scanned for; 'none' when there are none. Slow by design (scrypt). */
export function secretsKey(secrets: SecretInput[]): string {
  if (secrets.length === 0) return 'none'
  const material = JSON.stringify([...secrets].map(s => [s.id, s.value]).sort())
  return scryptSync(material, `stagecraft-audit-layer-cache-v${CACHE_VERSION}`, 32).toString('hex')
}

export class LayerCache {
  private readonly dir?: string

  /** `dir` undefined: a cache that remembers nothing. */
  constructor(
    dir: string | undefined,
    private readonly secrets: string
  ) {
    if (!dir) return
    try {
      mkdirSync(dir, { recursive: true })
      this.dir = dir
    } catch {
      this.dir = undefined
    }
  }

  get enabled(): boolean {
    return this.dir !== undefined
  }

  getLayer(diffId: string): LayerFacts | undefined {
    return this.read<LayerFacts>(this.layerFile(diffId))
  }

  putLayer(diffId: string, facts: LayerFacts): void {
    this.write(this.layerFile(diffId), facts)
  }

  /** The diff id of the blob at `path`, when a previous run saw it. */
  blobDiffId(path: string): string | undefined {
    return this.read<{ diffId: string }>(`blob-${sha256(path)}.json`)?.diffId
  }

  putBlob(path: string, diffId: string): void {
    this.write(`blob-${sha256(path)}.json`, { diffId })
  }

  getImage(id: string): ImageRecord | undefined {
    return this.read<ImageRecord>(this.imageFile(id))
  }

  putImage(id: string, record: ImageRecord): void {
    this.write(this.imageFile(id), record)
  }

  private layerFile(diffId: string): string {
    return `layer-${sha256(`${diffId}\n${this.secrets}`)}.json`
  }

  private imageFile(id: string): string {
    return `image-${sha256(`${id}\n${this.secrets}`)}.json`
  }

  private read<T>(name: string): T | undefined {
    if (!this.dir) return undefined
    try {
      const doc = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as { v: number; data: T }
      return doc.v === CACHE_VERSION ? doc.data : undefined
    } catch {
      return undefined
    }
  }

  private write(name: string, data: unknown): void {
    if (!this.dir) return
    const file = join(this.dir, name)
    const tmp = `${file}.${process.pid}.tmp`
    try {
      writeFileSync(tmp, JSON.stringify({ v: CACHE_VERSION, data }))
      renameSync(tmp, file)
    } catch {
      // A cache that cannot be written only costs a re-read next time.
    }
  }
}
