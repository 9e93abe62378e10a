/**
 * The gateway to the GitHub Actions cache: the only module that imports @actions/cache.
 * The Actions cache versions an entry by the exact paths it was saved from, so every entry goes
 * through one fixed staging directory; the caller's directories are moved in and out of it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { CacheStore, StoreHit } from './store.js'

type ActionsCacheModule = Pick<typeof import('@actions/cache'), 'restoreCache' | 'saveCache'>

export interface ActionsCacheOptions {
  /** A directory that is the same path on every run (e.g. under RUNNER_TEMP). */
  stagingRoot: string
  /** The @actions/cache module; injected by tests. Loaded lazily otherwise (it is large). */
  module?: ActionsCacheModule
}

export class ActionsCacheStore implements CacheStore {
  readonly name = 'GitHub Actions cache'
  private readonly staging: string
  private mod?: ActionsCacheModule

  constructor(opts: ActionsCacheOptions) {
    this.staging = path.join(opts.stagingRoot, 'entry')
    this.mod = opts.module
  }

  async restore(key: string, restoreKeys: string[], destDir: string): Promise<StoreHit | undefined> {
    const cache = await this.load()
    fs.rmSync(this.staging, { recursive: true, force: true })
    fs.mkdirSync(this.staging, { recursive: true })
    const matched = await cache.restoreCache([this.staging], key, restoreKeys)
    if (!matched) return undefined
    moveContents(this.staging, destDir)
    return { key: matched, exact: matched === key }
  }

  async save(key: string, srcDir: string): Promise<boolean> {
    const cache = await this.load()
    fs.rmSync(this.staging, { recursive: true, force: true })
    fs.mkdirSync(this.staging, { recursive: true })
    moveContents(srcDir, this.staging)
    try {
      // saveCache reports most failures (key taken, service errors) by returning -1 after logging.
      const id = await cache.saveCache([this.staging], key)
      return id !== -1
    } finally {
      moveContents(this.staging, srcDir)
    }
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
