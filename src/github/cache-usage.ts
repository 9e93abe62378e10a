/**
 * How much of the repository's Actions cache Stagecraft's entries take: the entries whose key
 * starts with `stagecraft-` (all refs) and the repository's usage. Reading needs `actions: read`.
 */
import { errorMessage } from '../errors.js'
import type { CachesApi } from './client.js'

/** Every key Stagecraft writes starts with this. */
export const STAGECRAFT_KEY_PREFIX = 'stagecraft-'

export interface CacheUsage {
  ours: { bytes: number; count: number }
  repository: { bytes: number; count: number }
}

/** Read the usage; an Error's message (one line) when the API refused. */
export async function readCacheUsage(api: Pick<CachesApi, 'listCaches' | 'cacheUsage'>): Promise<CacheUsage | string> {
  try {
    const ours = await api.listCaches(STAGECRAFT_KEY_PREFIX)
    const repository = await api.cacheUsage()
    return { ours: { bytes: ours.reduce((n, e) => n + e.sizeBytes, 0), count: ours.length }, repository }
  } catch (e) {
    return errorMessage(e).split('\n')[0]
  }
}
