/**
 * The persistent store behind cache mounts (and any other small artefact that must outlive a
 * job): an interface with two implementations, the Actions cache on GitHub and a local directory
 * for self-hosted runners and tests. Keys follow the Actions cache rules so both behave alike.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InputError, errorMessage } from '../errors.js'
import { LocalDirStore } from './local-store.js'

/** A free-form name (a report key, a branch) made safe to embed in a store key or a file name. */
export function keyPart(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)
}

/** What `restore` found. */
export interface StoreHit {
  /** The key of the entry that was restored. */
  key: string
  /** True when it is the requested key itself, false for a prefix (restore-key) match. */
  exact: boolean
}

/**
 * A key → directory store. Entries are immutable once written (as in the Actions cache);
 * callers encode whatever must change into the key.
 */
export interface CacheStore {
  /** Short name for logs and the job summary, e.g. `local directory /cache` or `GitHub Actions cache`. */
  readonly name: string
  /**
   * True when workflows of pull requests (forks included) can read what is saved here, as they can
   * the default branch's Actions cache: nothing derived from a secret value may be saved then.
   */
  readonly readableByPullRequests?: boolean
  /**
   * True when the store compresses what it saves itself (the Actions cache archives an entry with
   * zstd or gzip): callers then give it plain files rather than compress twice.
   */
  readonly compressesEntries?: boolean
  /**
   * True when `save(key, srcDir)` hard-links the files of `srcDir` in (no bytes copied): compressing
   * them first would only cost time.
   */
  savesByLink?(srcDir: string): boolean
  /**
   * Fill `destDir` (created if needed) with the entry `key`, else with the newest entry whose key
   * starts with `key`, else with the newest entry starting with each of `restoreKeys` in turn.
   * Undefined when nothing matched. Throws on a broken store; the caller degrades that to a warning.
   * Files placed in `destDir` may be hard links into the store: treat them as read-only.
   */
  restore(key: string, restoreKeys: string[], destDir: string): Promise<StoreHit | undefined>
  /**
   * Store the files of `srcDir` (a flat or nested directory) under `key`. Resolves to false when
   * the store declined (the key exists already, a concurrent job saved it, the store is full...).
   * Throws on failure; callers turn that into a warning, never a failed build.
   */
  save(key: string, srcDir: string): Promise<boolean>
  /**
   * Delete all but the `keep` newest entries whose key starts with `prefix` (entries are
   * immutable, so a cache that changes adds one per change). Returns the keys removed (none when
   * the store cannot delete, e.g. the Actions cache without the REST API); never throws.
   */
  prune(prefix: string, keep: number): Promise<string[]>
}

/**
 * The store to use. `cacheDir` given → a directory store there, after checking it can be
 * written (an InputError naming `cache-dir` otherwise). Else on GitHub Actions, when the cache
 * service is reachable (ACTIONS_RUNTIME_TOKEN plus ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL) → the
 * store `actionsCache` makes: the entry file injects it, so only the action's bundle carries
 * @actions/cache and the Azure SDK (the CLI passes none). Else undefined: cache mounts then live
 * only as long as the builder does.
 */
export function chooseStore(opts: { cacheDir?: string; env?: NodeJS.ProcessEnv; cwd?: string; actionsCache?: () => CacheStore }): CacheStore | undefined {
  const env = opts.env ?? process.env
  const dir = opts.cacheDir?.trim()
  if (dir) {
    const abs = path.resolve(opts.cwd ?? process.cwd(), dir)
    checkWritable(abs, dir)
    return new LocalDirStore(abs)
  }
  if (opts.actionsCache && actionsCacheAvailable(env)) return opts.actionsCache()
  return undefined
}

/** Where Actions cache entries are staged: one fixed string on every runner (see ActionsCacheStore). */
export const STAGING_ROOT = '~/.stagecraft-cache-staging'

/** True when the job can reach the GitHub Actions cache service (v1 or v2). */
export function actionsCacheAvailable(env: NodeJS.ProcessEnv): boolean {
  if (!env.ACTIONS_RUNTIME_TOKEN) return false
  return Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL)
}

/** Create `abs` if needed and prove a file can be written and renamed there. */
function checkWritable(abs: string, given: string): void {
  const probe = path.join(abs, `.stagecraft-probe-${process.pid}-${Date.now()}`)
  try {
    // Check the nearest existing ancestor first: Node's recursive mkdir can spin forever on
    // pseudo file systems such as /proc instead of failing.
    let existing = abs
    while (!fs.existsSync(existing)) existing = path.dirname(existing)
    if (!fs.statSync(existing).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
    fs.accessSync(existing, fs.constants.W_OK)
    if (existing !== abs && fs.statfsSync(existing).type === 0x9fa0) throw Object.assign(new Error('procfs'), { code: 'EACCES' })
    fs.mkdirSync(abs, { recursive: true })
    fs.writeFileSync(probe, 'ok')
    fs.renameSync(probe, `${probe}.renamed`)
    fs.rmSync(`${probe}.renamed`, { force: true })
  } catch (e) {
    try {
      fs.rmSync(probe, { force: true })
    } catch {
      // the directory itself is the problem
    }
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError('cache-dir', `cannot write to "${given}" (${code ?? errorMessage(e)}); give a writable directory or leave cache-dir empty`)
  }
}
