/**
 * A CacheStore on a plain directory, for self-hosted runners and tests. One sub-directory per
 * entry (the key, URI-encoded), written under a temporary name and renamed into place, so a
 * reader never sees half an entry and a failed save leaves nothing behind. Files are hard-linked
 * in and out when the filesystem allows it (a 500 MB entry then costs no copy), copied otherwise.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CacheStore, StoreHit } from './store.js'

const META = '.stagecraft-entry.json'
const TMP_PREFIX = '.tmp-'

interface EntryMeta {
  key: string
  createdMs: number
}

export class LocalDirStore implements CacheStore {
  readonly name: string

  constructor(readonly dir: string) {
    this.name = `local directory ${dir}`
  }

  async restore(key: string, restoreKeys: string[], destDir: string): Promise<StoreHit | undefined> {
    const entries = this.entries()
    const exact = entries.find(e => e.key === key)
    let hit = exact
    for (const prefix of [key, ...restoreKeys]) {
      if (hit) break
      hit = entries.filter(e => e.key.startsWith(prefix)).sort(newestFirst)[0]
    }
    if (!hit) return undefined
    fs.mkdirSync(destDir, { recursive: true })
    this.copyTree(path.join(this.dir, encodeKey(hit.key)), destDir)
    return { key: hit.key, exact: hit.key === key }
  }

  async save(key: string, srcDir: string): Promise<boolean> {
    const final = path.join(this.dir, encodeKey(key))
    if (fs.existsSync(final)) return false // entries are immutable, as in the Actions cache
    fs.mkdirSync(this.dir, { recursive: true })
    const tmp = path.join(this.dir, `${TMP_PREFIX}${randomBytes(6).toString('hex')}`)
    try {
      fs.mkdirSync(tmp)
      this.copyTree(srcDir, tmp)
      const meta: EntryMeta = { key, createdMs: Date.now() }
      fs.writeFileSync(path.join(tmp, META), JSON.stringify(meta))
      try {
        fs.renameSync(tmp, final)
      } catch (e) {
        // Another job renamed the same key into place first: theirs stands.
        if (fs.existsSync(final)) return false
        throw e
      }
      return true
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  }

  /**
   * Delete all but the `keep` newest entries whose key starts with `prefix` (the entries of one
   * cache mount pile up as its contents change). Returns the keys removed. Never throws.
   */
  async prune(prefix: string, keep: number): Promise<string[]> {
    const old = this.entries()
      .filter(e => e.key.startsWith(prefix))
      .sort(newestFirst)
      .slice(keep)
    for (const e of old) fs.rmSync(path.join(this.dir, encodeKey(e.key)), { recursive: true, force: true })
    return old.map(e => e.key)
  }

  /** True when the store's directory and `srcDir` are on one filesystem (files are hard-linked in). */
  savesByLink(srcDir: string): boolean {
    try {
      let dir = this.dir
      while (!fs.existsSync(dir)) dir = path.dirname(dir)
      return fs.statSync(dir).dev === fs.statSync(srcDir).dev
    } catch {
      return false
    }
  }

  /** Copy one file; hard link when possible. Overridable so tests can make a save fail half way. */
  protected copyFile(src: string, dest: string): void {
    try {
      fs.linkSync(src, dest)
    } catch {
      fs.copyFileSync(src, dest, fs.constants.COPYFILE_FICLONE)
    }
  }

  private copyTree(src: string, dest: string): void {
    for (const d of fs.readdirSync(src, { withFileTypes: true })) {
      if (d.name === META) continue
      const s = path.join(src, d.name)
      const t = path.join(dest, d.name)
      if (d.isDirectory()) {
        fs.mkdirSync(t, { recursive: true })
        this.copyTree(s, t)
      } else if (d.isSymbolicLink()) {
        fs.symlinkSync(fs.readlinkSync(s), t)
      } else if (d.isFile()) {
        this.copyFile(s, t)
      }
    }
  }

  private entries(): EntryMeta[] {
    let names: string[]
    try {
      names = fs.readdirSync(this.dir)
    } catch {
      return []
    }
    const out: EntryMeta[] = []
    for (const n of names) {
      if (n.startsWith(TMP_PREFIX) || n.startsWith('.')) continue
      try {
        const meta = JSON.parse(fs.readFileSync(path.join(this.dir, n, META), 'utf8')) as EntryMeta
        if (typeof meta.key === 'string' && encodeKey(meta.key) === n) out.push(meta)
      } catch {
        // not one of ours, or a broken entry: ignore it
      }
    }
    return out
  }
}

/** Keys may hold any character; directory names may not hold `/`. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/^\./, '%2E')
}

function newestFirst(a: EntryMeta, b: EntryMeta): number {
  return b.createdMs - a.createdMs || (a.key < b.key ? 1 : -1)
}
