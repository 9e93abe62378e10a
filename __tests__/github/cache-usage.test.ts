import { readCacheUsage } from '../../src/github/cache-usage.js'
import { renderCacheUsage } from '../../src/report/cache-usage.js'

describe('cache usage in the job summary', () => {
  test('our entries (key prefix stagecraft-, all refs) against the repository and the 10 GB quota', async () => {
    const prefixes: string[] = []
    const usage = await readCacheUsage({
      listCaches: async prefix => {
        prefixes.push(prefix)
        return [
          { id: 1, key: 'stagecraft-a', ref: 'refs/heads/main', sizeBytes: 150_000_000, createdAt: '' },
          { id: 2, key: 'stagecraft-b', ref: 'refs/pull/3/merge', sizeBytes: 50_000_000, createdAt: '' }
        ]
      },
      cacheUsage: async () => ({ bytes: 1_000_000_000, count: 12 })
    })
    expect(prefixes).toEqual(['stagecraft-'])
    expect(usage).toEqual({ ours: { bytes: 200_000_000, count: 2 }, repository: { bytes: 1_000_000_000, count: 12 } })
    expect(renderCacheUsage(usage, { pruned: ['stagecraft-old'] })).toBe(
      '### Actions cache\n\n' +
        "Stagecraft's entries: 2 entries, 200 MB: 2.00% of the 10.0 GB repository quota (the repository uses 1.00 GB in 12 entries).\n\n" +
        'Superseded entries deleted: `stagecraft-old`.\n'
    )
  })

  test('an API that refuses (no actions: read) gives one line, never an error', async () => {
    const usage = await readCacheUsage({
      listCaches: async () => Promise.reject(new Error('Resource not accessible by integration\nmore')),
      cacheUsage: async () => ({ bytes: 0, count: 0 })
    })
    expect(usage).toBe('Resource not accessible by integration')
    expect(renderCacheUsage(usage, { pruned: [], pruneNote: 'superseded entries are not deleted (403)' })).toBe(
      '### Actions cache\n\nCache usage not available (Resource not accessible by integration); the job needs `actions: read` to show it.\n\n' +
        'Note: superseded entries are not deleted (403).\n'
    )
  })
})
