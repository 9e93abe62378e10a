/**
 * The gateway to the GitHub Actions cache: the only module that imports @actions/cache.
 * The Actions cache versions an entry by the exact paths it was saved from, so every entry goes
 * through one fixed staging directory; the caller's directories are moved in and out of it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type * as ActionsCache from '@actions/cache'
import { errorMessage } from '../errors.js'
import type { CachesApi } from '../github/client.js'
import type { CacheStore, StoreHit } from './store.js'

type ActionsCacheModule = Pick<typeof ActionsCache, 'restoreCache' | 'saveCache'>

/** The REST side of the Actions cache, for deleting superseded entries of this run's scope. */
export interface CacheHousekeeping {
  api: Pick<CachesApi, 'listCaches' | 'deleteCache'>
  /** The run's scope, GITHUB_REF (`refs/heads/main`, `refs/pull/7/merge`). */
  ref: string
}

export interface ActionsCacheOptions {
  /**
   * The staging directory. The Actions cache versions an entry by the path strings it was saved
   * from, so this must be the same string on every runner: `~/...` (as actions/cache users write
   * it) is; RUNNER_TEMP differs between runner installations.
   */
  stagingRoot: string
  /** The @actions/cache module; injected by tests. Loaded lazily otherwise (it is large). */
  module?: ActionsCacheModule
  /** When given, `prune` deletes superseded entries through the REST API. */
  housekeeping?: CacheHousekeeping
}

export class ActionsCacheStore implements CacheStore {
  readonly name = 'GitHub Actions cache'
  readonly readableByPullRequests = true
  readonly compressesEntries = true
  private readonly staging: string
  private mod?: ActionsCacheModule
  private readonly housekeeping?: CacheHousekeeping
  /** Why pruning is off (e.g. the token lacks actions: write), once known. */
  pruneNote?: string
  /** Keys deleted by `prune` in this run. */
  readonly pruned: string[] = []
  /** The tail of the serialized @actions/cache calls (see atStagingRoot). */
  private queue: Promise<unknown> = Promise.resolve()

  /** The path as @actions/cache is given it: its string is part of the entry's version. */
  private readonly cachePath: string

  constructor(opts: ActionsCacheOptions) {
    this.cachePath = path.posix.join(opts.stagingRoot, 'entry')
    this.staging = opts.stagingRoot.startsWith('~/') ? path.join(os.homedir(), opts.stagingRoot.slice(2), 'entry') : this.cachePath
    this.mod = opts.module
    this.housekeeping = opts.housekeeping
  }

  async restore(key: string, restoreKeys: string[], destDir: string): Promise<StoreHit | undefined> {
    const cache = await this.load()
    fs.rmSync(this.staging, { recursive: true, force: true })
    fs.mkdirSync(this.staging, { recursive: true })
    const matched = await this.atStagingRoot(() => cache.restoreCache([this.cachePath], key, restoreKeys))
    if (!matched) return undefined
    // An entry archived from elsewhere (one saved before entries were archived from the staging
    // root) lands outside it: a miss, not an empty hit.
    if (fs.readdirSync(this.staging).length === 0) return undefined
    moveContents(this.staging, destDir)
    fs.rmSync(this.staging, { recursive: true, force: true })
    return { key: matched, exact: matched === key }
  }

  async save(key: string, srcDir: string): Promise<boolean> {
    const cache = await this.load()
    fs.rmSync(this.staging, { recursive: true, force: true })
    fs.mkdirSync(this.staging, { recursive: true })
    moveContents(srcDir, this.staging)
    try {
      // saveCache reports every failure (key taken, service errors, a cut upload) by logging and
      // returning -1. Only a lookup tells "already stored" (immutable key) from "not stored".
      const id = await this.atStagingRoot(() => cache.saveCache([this.cachePath], key))
      if (id !== -1) return true
      const there = await this.atStagingRoot(() => cache.restoreCache([this.cachePath], key, [], { lookupOnly: true }))
      if (there === key) return false
      throw new Error('the cache service did not store it (see the message above)')
    } finally {
      moveContents(this.staging, srcDir)
      fs.rmSync(this.staging, { recursive: true, force: true })
    }
  }

  /**
   * Delete all but the `keep` newest entries of this run's scope whose key starts with `prefix`
   * (an entry cannot be overwritten, so each change of a cache adds one). Needs `actions: write`;
   * without it (or without housekeeping) nothing is deleted and `pruneNote` says why.
   */
  async prune(prefix: string, keep: number): Promise<string[]> {
    if (!this.housekeeping || this.pruneNote) return []
    try {
      const old = (await this.housekeeping.api.listCaches(prefix, this.housekeeping.ref)).filter(e => e.ref === this.housekeeping!.ref).slice(keep)
      for (const e of old) {
        await this.housekeeping.api.deleteCache(e.id)
        this.pruned.push(e.key)
      }
      return old.map(e => e.key)
    } catch (e) {
      this.pruneNote = `superseded entries are not deleted (${errorMessage(e).split('\n')[0]}); give the job actions: write to keep them from piling up`
      return []
    }
  }

  /**
   * Run a call of @actions/cache with GITHUB_WORKSPACE at the staging root. It archives paths
   * relative to GITHUB_WORKSPACE and extracts them there: from the checkout, `~/…` would be
   * `../../../…` on a GitHub-hosted runner and another path on a container job (HOME /github/home,
   * the checkout /__w/R/R) or a self-hosted one, so an entry saved on one layout was restored
   * elsewhere on another. From the staging root the archive holds `entry/…` on every runner. Calls
   * are serialized, since the variable is the process's.
   */
  private atStagingRoot<T>(fn: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const saved = process.env.GITHUB_WORKSPACE
      process.env.GITHUB_WORKSPACE = path.dirname(path.resolve(this.staging))
      try {
        return await fn()
      } finally {
        if (saved === undefined) delete process.env.GITHUB_WORKSPACE
        else process.env.GITHUB_WORKSPACE = saved
      }
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  private async load(): Promise<ActionsCacheModule> {
    this.mod ??= await import('@actions/cache')
    return this.mod
  }
}

/** Move every entry of `from` into `to` (rename; copy across filesystems). */
function moveContents(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true })
  for (const name of fs.readdirSync(from)) {
    const s = path.join(from, name)
    const t = path.join(to, name)
    fs.rmSync(t, { recursive: true, force: true })
    try {
      fs.renameSync(s, t)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
      fs.cpSync(s, t, { recursive: true })
      fs.rmSync(s, { recursive: true, force: true })
    }
  }
}
