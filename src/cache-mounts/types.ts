/** The cache-mount phases' options, context and per-mount report. */
import type { Docker } from '../docker/docker.js'
import type { Reporter } from '../log.js'
import type { CacheMount, DockerfilePlan } from '../plan/dockerfile.js'
import type { SecretInput } from '../inspect/secret-search.js'
import type { CacheStore } from '../store/store.js'
import type { CacheEntry, EntryKeys } from './keys.js'
import type { StepTimes } from './helper.js'
import type { Encoding, EncodingSetting } from './encoding.js'

export interface CacheMountOptions {
  /** The mounts to persist, from parseCacheMounts(). */
  mounts: CacheMount[]
  /** The files keying the entries, from cacheKeyFiles(). */
  keyFiles: string[]
  /** The builder the build uses (inputs.builder); the helper builds run there too. */
  builder?: string
  /** The one platform the build targets, e.g. `linux/arm64`; default: this host's. */
  platform?: string
  /** The BUILDKIT_CACHE_MOUNT_NS build-arg, when the build sets one. */
  namespace?: string
  /** Store key prefix (default KEY_PREFIX); lets tests and several images keep apart. */
  keyPrefix?: string
  /** Entries kept per cache mount (the store prunes older ones). Default 2. */
  keepEntries?: number
  /** How saved tarballs are encoded (see chooseEncoding); default auto. */
  encoding?: EncodingSetting
  /** Static busybox for the fallback helper base; default: searched on PATH. `false`: never. */
  busybox?: string | false
}

export interface CacheMountContext {
  docker: Docker
  plan: DockerfilePlan
  /** The build context directory (key files are named relative to it). */
  contextDir: string
  options: CacheMountOptions
  /** No store: nothing is restored or saved (the mounts live as long as the builder). */
  store?: CacheStore
  reporter: Reporter
  /** A scratch directory; each phase works in a sub-directory it removes. */
  tmpDir: string
  /**
   * The build secrets: a cache mount holding one of their values is not saved to a store pull
   * requests can read (values stay in memory).
   */
  secrets?: SecretInput[]
}

export type RestoreOutcome = 'hit' | 'partial' | 'miss' | 'warm' | 'skipped' | 'failed'
export type SaveOutcome = 'saved' | 'unchanged' | 'empty' | 'exists' | 'skipped' | 'failed'

/** One cache mount's line in the job summary. */
export interface CacheMountReport {
  phase: 'restore' | 'save'
  /** BuildKit's cache id. */
  id: string
  /** Targets and Dockerfile lines of the mounts sharing this cache. */
  targets: string[]
  lines: number[]
  /**
   * restore — hit: entry for these key files; partial: an older entry (restore-key); miss: none;
   * warm: the builder already had contents, nothing injected. save — saved; unchanged: same
   * contents as restored, not saved again; empty; exists: the store already had that key.
   */
  outcome: RestoreOutcome | SaveOutcome
  /** Restore: the key restored from; save: the key saved under. */
  key?: string
  /** Bytes and regular files in the mount (after restore / at save). */
  bytes: number
  files: number
  /** Store transfer time. */
  storeMs: number
  /** The helper build's time (one build serves every mount of a phase). */
  buildMs: number
  /** Encoding (save) or decoding (restore) the tarball, when it was. */
  codecMs?: number
  /** Save: how the tarball was stored, and its size in the store. */
  encoding?: Encoding
  storedBytes?: number
  /** Where the helper build's time went (see StepTimes), when it ran. */
  steps?: StepTimes
  /** Why skipped or failed. */
  message?: string
  /** For saveCacheMounts: the cache, its keys and the fingerprint after restore. */
  entry?: CacheEntry
  keys?: EntryKeys
  fingerprint?: string
}
