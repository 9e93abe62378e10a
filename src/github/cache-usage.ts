/**
 * How much of the repository's Actions cache Stagecraft's entries take, for the job summary: the
 * entries whose key starts with `stagecraft-` (all refs) against the repository's usage and the
 * 10 GB quota GitHub documents. Reading needs `actions: read`; without it the line says so.
 */
import { errorMessage } from '../errors.js'
import { formatBytes } from '../size/units.js'
import type { CachesApi } from './client.js'

/** Every key Stagecraft writes starts with this. */
export const STAGECRAFT_KEY_PREFIX = 'stagecraft-'
/** The repository cache quota GitHub documents (a repository admin can change it). */
export const REPOSITORY_QUOTA_BYTES = 10_000_000_000

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

/** The job summary section. Pure. */
export function renderCacheUsage(usage: CacheUsage | string, housekeeping: { pruned: string[]; pruneNote?: string }): string {
  const out = ['### Actions cache', '']
  if (typeof usage === 'string') {
    out.push(`Cache usage not available (${usage}); the job needs \`actions: read\` to show it.`)
  } else {
    const share = ((usage.ours.bytes / REPOSITORY_QUOTA_BYTES) * 100).toFixed(2)
    out.push(
      `Stagecraft's entries: ${usage.ours.count} ${usage.ours.count === 1 ? 'entry' : 'entries'}, ${formatBytes(usage.ours.bytes)}: ` +
        `${share}% of the ${formatBytes(REPOSITORY_QUOTA_BYTES)} repository quota ` +
        `(the repository uses ${formatBytes(usage.repository.bytes)} in ${usage.repository.count} ${usage.repository.count === 1 ? 'entry' : 'entries'}).`
    )
  }
  if (housekeeping.pruned.length) out.push('', `Superseded entries deleted: ${housekeeping.pruned.map(k => `\`${k}\``).join(', ')}.`)
  if (housekeeping.pruneNote) out.push('', `Note: ${housekeeping.pruneNote}.`)
  return `${out.join('\n')}\n`
}
