/**
 * Carry the audit's per-layer results between CI runs through the store, so an unchanged layer
 * is not read again on the next run. Best effort: a failure is a log line, never an error.
 */
import { errorMessage } from '../errors.js'
import type { Reporter } from '../log.js'
import { keyPart, type CacheStore } from './store.js'

const PREFIX = 'stagecraft-audit-layers-v1'

function prefix(key: string): string {
  return `${PREFIX}-${keyPart(key)}-`
}

/** Fill `dir` with the newest saved layer results for `key`. */
export async function restoreLayerCache(store: CacheStore, key: string, dir: string, reporter: Reporter): Promise<void> {
  try {
    const hit = await store.restore(prefix(key), [`${PREFIX}-`], dir)
    reporter.info(hit ? `audit layer cache restored from ${hit.key}` : 'audit layer cache: nothing saved yet')
  } catch (e) {
    reporter.info(`audit layer cache not restored: ${errorMessage(e)}`)
  }
}

/** Save `dir` for the next run, keyed by the image it was filled for. */
export async function saveLayerCache(store: CacheStore, key: string, imageId: string, dir: string, reporter: Reporter): Promise<void> {
  try {
    const saved = await store.save(`${prefix(key)}${imageId.replace(/^sha256:/, '').slice(0, 16)}`, dir)
    if (saved) reporter.info('audit layer cache saved')
  } catch (e) {
    reporter.info(`audit layer cache not saved: ${errorMessage(e)}`)
  }
}
