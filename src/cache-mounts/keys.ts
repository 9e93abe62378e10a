/**
 * Which BuildKit cache a `RUN --mount=type=cache` uses, and the store keys for it. Pure.
 *
 * BuildKit finds a cache mount by `<BUILDKIT_CACHE_MOUNT_NS>/<id>` (id defaults to the cleaned
 * target) *and* by the base it was created from: with uid, gid or mode set, that base is an
 * internal `mkdir /cache` with those values, so `id=x,uid=1000` and `id=x` are different caches.
 * Target, sharing and the stage's image do not matter. One "entry" is one such cache; several
 * RUN instructions may share it.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { CacheMount } from '../plan/dockerfile.js'

/** One BuildKit cache to persist, and the Dockerfile mounts that use it. */
export interface CacheEntry {
  /** The cache id as BuildKit derives it (without the namespace). */
  id: string
  uid?: number
  gid?: number
  /** Octal, as written (`0755`); BuildKit parses it base 8. */
  mode?: string
  sharing: CacheMount['sharing']
  /** The mounts that share this cache, first occurrence first. */
  mounts: CacheMount[]
}

/** The keys of one entry in the store. */
export interface EntryKeys {
  /** Identifies the cache regardless of key files: `<prefix>-<slug>-<hash>`. */
  prefix: string
  /** The prefix plus the key-files hash; saved entries are `<key>-<fingerprint>`. */
  key: string
  /** Newest entry of the same cache, whatever the key files were. */
  restoreKeys: string[]
}

export const KEY_PREFIX = 'stagecraft-cache-mount-v1'

/** BuildKit's cache id for a mount: `id=` as written, else `path.Clean(target)`. */
export function cacheId(m: Pick<CacheMount, 'id' | 'target'>): string {
  if (m.id !== m.target) return m.id
  const cleaned = path.posix.normalize(m.target)
  return cleaned.length > 1 ? cleaned.replace(/\/+$/, '') : cleaned
}

/** Why a mount cannot be persisted, or undefined when it can. */
export function unpersistableReason(m: CacheMount): string | undefined {
  if (m.from) return `it starts from another stage or image (from=${m.from})`
  if (m.source) return `it mounts a sub-path (source=${m.source})`
  const spec = [m.id, m.target, m.mode ?? ''].join(' ')
  if (spec.includes('$')) return 'its id or target uses a build variable'
  if (!m.target) return 'it has no target'
  if ([m.uid, m.gid].some(v => v !== undefined && !Number.isInteger(v))) return 'its uid or gid is not a number'
  if (m.mode !== undefined && !/^[0-7]{1,4}$/.test(m.mode)) return `its mode "${m.mode}" is not octal`
  return undefined
}

/** Group mounts by the BuildKit cache they use (id + uid/gid/mode), in Dockerfile order. */
export function groupMounts(mounts: CacheMount[]): CacheEntry[] {
  const byIdentity = new Map<string, CacheEntry>()
  for (const m of mounts) {
    const e: CacheEntry = { id: cacheId(m), uid: m.uid, gid: m.gid, mode: m.mode, sharing: m.sharing, mounts: [m] }
    const k = identity(e)
    const seen = byIdentity.get(k)
    if (seen) seen.mounts.push(m)
    else byIdentity.set(k, e)
  }
  return [...byIdentity.values()]
}

/** A stable string naming the cache BuildKit will use for `e`. */
export function identity(e: Pick<CacheEntry, 'id' | 'uid' | 'gid' | 'mode'>, namespace = ''): string {
  const mode = e.mode !== undefined ? parseInt(e.mode, 8).toString(8) : ''
  return `${namespace}/${e.id}|uid=${e.uid ?? ''}|gid=${e.gid ?? ''}|mode=${mode}`
}

/**
 * Store keys for an entry. `platform` keeps caches of different architectures apart;
 * `keyFilesHash` is hashKeyFiles() of the lockfiles.
 */
export function entryKeys(e: CacheEntry, opts: { namespace?: string; platform: string; keyFilesHash: string; prefix?: string }): EntryKeys {
  const h = sha256(`${identity(e, opts.namespace)}|${opts.platform}`).slice(0, 12)
  const prefix = `${opts.prefix ?? KEY_PREFIX}-${slug(e.id)}-${h}`
  return { prefix, key: `${prefix}-${opts.keyFilesHash.slice(0, 16)}`, restoreKeys: [`${prefix}-`] }
}

/** The key an entry is saved under: its key plus the contents' fingerprint. */
export function savedKey(keys: EntryKeys, fingerprint: string): string {
  return `${keys.key}-${fingerprint.slice(0, 16)}`
}

/** `/root/.cache/pip` → `root-cache-pip`: readable in the Actions cache list. */
export function slug(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return (s || 'cache').slice(0, 40).replace(/-+$/, '')
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}
