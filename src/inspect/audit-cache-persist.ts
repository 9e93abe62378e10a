/**
 * Carry the audit's per-layer results between CI runs through the store, so an unchanged layer
 * is not read again on the next run. Best effort: a failure is a log line, never an error.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { errorMessage } from '../errors.js'
import type { Reporter } from '../log.js'
import { keyPart, type CacheStore } from '../store/store.js'

// v2: since v1's file names were derived from the secrets, v1 entries are never restored again.
const PREFIX = 'stagecraft-audit-layers-v2'
/** Written beside the results after a restore: their fingerprint, so unchanged results are not saved again. */
const RESTORED = '.stagecraft-restored'

function prefix(key: string): string {
  return `${PREFIX}-${keyPart(key)}-`
}

/** Fill `dir` with the newest saved layer results for `key`. */
export async function restoreLayerCache(store: CacheStore, key: string, dir: string, reporter: Reporter): Promise<void> {
  try {
    const hit = await store.restore(prefix(key), [`${PREFIX}-`], dir)
    if (hit) fs.writeFileSync(path.join(dir, RESTORED), fingerprint(dir))
    reporter.info(hit ? `audit layer cache restored from ${hit.key}` : 'audit layer cache: nothing saved yet')
  } catch (e) {
    reporter.info(`audit layer cache not restored: ${errorMessage(e)}`)
  }
}

/** Save `dir` for the next run, keyed by the image it was filled for. */
export async function saveLayerCache(store: CacheStore, key: string, imageId: string, dir: string, reporter: Reporter): Promise<void> {
  try {
    const restored = path.join(dir, RESTORED)
    if (fs.existsSync(restored) && fs.readFileSync(restored, 'utf8') === fingerprint(dir)) {
      reporter.info('audit layer cache unchanged since restored: not saved again')
      return
    }
    fs.rmSync(restored, { force: true })
    const saved = await store.save(`${prefix(key)}${imageId.replace(/^sha256:/, '').slice(0, 16)}`, dir)
    if (saved) {
      reporter.info('audit layer cache saved')
      await store.prune(prefix(key), 1)
    }
  } catch (e) {
    reporter.info(`audit layer cache not saved: ${errorMessage(e)}`)
  }
}

/** Hash of every file's relative path and contents under `dir` (the marker excluded). */
export function fingerprint(dir: string): string {
  const h = createHash('sha256')
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name)
      if (e.name === RESTORED && d === dir) continue
      if (e.isDirectory()) walk(p)
      else if (e.isFile())
        h.update(`${path.relative(dir, p)}\0`)
          .update(fs.readFileSync(p))
          .update('\0')
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return h.digest('hex')
}
