/**
 * Per-layer results on disk, so an unchanged layer is not read again, in two tiers:
 *
 * - **shared** (`dir`; on GitHub saved to the Actions cache, which pull requests, forks included,
 *   can restore): only what is the same whatever the build's secrets are. Layer facts of layers no
 *   secret could reach (secret-reach.ts), read without searching for secrets, keyed by diff id;
 *   the blob index (archive path → diff id); image records of runs without secrets, by image id.
 *   Nothing in it is derived from a secret value, so it cannot confirm a guess of one.
 * - **private** (`privateDir`: under the user's own `cache-dir`, the CLI's user cache, or this
 *   run's temp dir; never saved to a shared store): results of the secret search, i.e. facts of
 *   layers a secret could reach and image records of runs with secrets, keyed by diff id (or image
 *   id) plus a key derived from the secrets (scrypt of ids and values; values are never written).
 *
 * A missing or unreadable cache is never an error: it only costs a re-read.
 */
import { createHash, scrypt, scryptSync } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretInput } from './secret-search.js'
import type { ConfigSecretHit, ImageConfigFacts, LayerFacts } from './types.js'

/** Bump when the shape of cached facts or the scan itself changes. */
const CACHE_VERSION = 4

/** Config facts (values redacted) plus the secret findings made on the unredacted config. */
export interface ImageRecord {
  config: ImageConfigFacts
  configSecretHits: ConfigSecretHit[]
  layerPaths: string[]
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const hex = (digest: string) => digest.replace(/^sha256:/, '').replace(/[^0-9a-f]/gi, '')

const SCRYPT_SALT = `stagecraft-audit-secret-scans-v${CACHE_VERSION}`
/** Keys derived ahead (prepareSecretsKey), by a hash of what they were derived from. */
const derived = new Map<string, string>()
const keyMaterial = (secrets: SecretInput[]) => JSON.stringify([...secrets].map(s => [s.id, s.value]).sort())

/** A key for the set of secrets scanned for; 'none' when there are none. Slow by design (scrypt). */
export function secretsKey(secrets: SecretInput[]): string {
  if (secrets.length === 0) return 'none'
  const material = keyMaterial(secrets)
  return derived.get(sha256(material)) ?? scryptSync(material, SCRYPT_SALT, 32).toString('hex')
}

/**
 * Derive the key of `secrets` in the background (libuv's thread pool) while something else runs,
 * e.g. the build, so the audit does not spend ~0.1 s of its own on it. Never fails (resolves when
 * done, nobody need wait): a key not ready in time is derived when needed.
 */
export function prepareSecretsKey(secrets: SecretInput[]): Promise<void> {
  if (secrets.length === 0) return Promise.resolve()
  const material = keyMaterial(secrets)
  const id = sha256(material)
  if (derived.has(id)) return Promise.resolve()
  return new Promise(resolve =>
    scrypt(material, SCRYPT_SALT, 32, (err, key) => {
      if (!err) derived.set(id, key.toString('hex'))
      resolve()
    })
  )
}

/** One directory of JSON records; undefined: remembers nothing. */
class Tier {
  readonly dir?: string
  constructor(dir: string | undefined) {
    if (!dir) return
    try {
      mkdirSync(dir, { recursive: true })
      this.dir = dir
    } catch {
      this.dir = undefined
    }
  }

  read<T>(name: string): T | undefined {
    if (!this.dir) return undefined
    try {
      const doc = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as { v: number; data: T }
      return doc.v === CACHE_VERSION ? doc.data : undefined
    } catch {
      return undefined
    }
  }

  write(name: string, data: unknown): void {
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

export class LayerCache {
  private readonly sharedTier: Tier
  private readonly privateTier: Tier
  private key?: string

  /**
   * `dir`: the shared tier; `privateDir`: the private tier (see the module comment); `secrets`: the
   * build secrets searched for (none: everything is shared, nothing is secret-dependent).
   */
  constructor(
    dir: string | undefined,
    privateDir: string | undefined,
    private readonly secrets: SecretInput[]
  ) {
    this.sharedTier = new Tier(dir)
    this.privateTier = new Tier(secrets.length > 0 ? privateDir : undefined)
  }

  get enabled(): boolean {
    return this.sharedTier.dir !== undefined
  }

  /** Facts of a layer; `searched`: its facts must come from a secret search with this run's secrets. */
  getLayer(diffId: string, searched: boolean): LayerFacts | undefined {
    if (searched && this.secrets.length > 0) return this.privateTier.read<LayerFacts>(this.privateName('layer', diffId))
    const facts = this.sharedTier.read<LayerFacts>(`layer-${hex(diffId)}.json`)
    return facts && { ...facts, secretHits: [] }
  }

  /** Keep a layer's facts; `searched`: they come from a secret search (kept in the private tier only). */
  putLayer(diffId: string, facts: LayerFacts, searched: boolean): void {
    if (searched && this.secrets.length > 0) this.privateTier.write(this.privateName('layer', diffId), facts)
    else this.sharedTier.write(`layer-${hex(diffId)}.json`, { ...facts, secretHits: [] })
  }

  /** The diff id of the blob at `path`, when a previous run saw it. */
  blobDiffId(path: string): string | undefined {
    return this.sharedTier.read<{ diffId: string }>(`blob-${sha256(path)}.json`)?.diffId
  }

  putBlob(path: string, diffId: string): void {
    this.sharedTier.write(`blob-${sha256(path)}.json`, { diffId })
  }

  /** The image's config record: shared for runs without secrets, private (per secret set) with. */
  getImage(id: string): ImageRecord | undefined {
    return this.secrets.length > 0
      ? this.privateTier.read<ImageRecord>(this.privateName('image', id))
      : this.sharedTier.read<ImageRecord>(`image-${hex(id)}.json`)
  }

  putImage(id: string, record: ImageRecord): void {
    if (this.secrets.length > 0) this.privateTier.write(this.privateName('image', id), record)
    else this.sharedTier.write(`image-${hex(id)}.json`, record)
  }

  private privateName(kind: string, id: string): string {
    this.key ??= secretsKey(this.secrets)
    return `${kind}-${sha256(`${id}\n${this.key}`)}.json`
  }
}
