/**
 * The job summary's Actions cache section: Stagecraft's entries against the repository's usage
 * and the 10 GB quota GitHub documents, and what housekeeping deleted. Pure.
 */
import type { CacheUsage } from '../github/cache-usage.js'
import { formatBytes } from '../size/units.js'

/** The repository cache quota GitHub documents (a repository admin can change it). */
export const REPOSITORY_QUOTA_BYTES = 10_000_000_000

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
