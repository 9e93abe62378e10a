/** The job summary's Actions cache section (the usage itself is read in src/github/cache-usage.ts). */
import { REPOSITORY_QUOTA_BYTES, renderCacheUsage } from '../../src/report/cache-usage.js'

test('our share of the 10 GB quota, and the repository total', () => {
  expect(REPOSITORY_QUOTA_BYTES).toBe(10_000_000_000)
  expect(renderCacheUsage({ ours: { bytes: 250_000_000, count: 3 }, repository: { bytes: 4_000_000_000, count: 40 } }, { pruned: [] })).toBe(
    '### Actions cache\n\n' + "Stagecraft's entries: 3 entries, 250 MB: 2.50% of the 10.0 GB repository quota (the repository uses 4.00 GB in 40 entries).\n"
  )
})

test('one entry is singular on both sides; pruned keys and a note follow', () => {
  expect(
    renderCacheUsage(
      { ours: { bytes: 1_000, count: 1 }, repository: { bytes: 1_000, count: 1 } },
      { pruned: ['stagecraft-a', 'stagecraft-b'], pruneNote: 'one failed' }
    )
  ).toBe(
    '### Actions cache\n\n' +
      "Stagecraft's entries: 1 entry, 1.00 kB: 0.00% of the 10.0 GB repository quota (the repository uses 1.00 kB in 1 entry).\n\n" +
      'Superseded entries deleted: `stagecraft-a`, `stagecraft-b`.\n\n' +
      'Note: one failed.\n'
  )
})

test('usage not available: one line saying the permission it needs', () => {
  expect(renderCacheUsage('Forbidden', { pruned: [] })).toBe(
    '### Actions cache\n\nCache usage not available (Forbidden); the job needs `actions: read` to show it.\n'
  )
})
