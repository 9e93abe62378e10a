import { groupMounts } from '../../src/cache-mounts/keys.js'
import { formatBytes } from '../../src/size/units.js'
import { cacheMountLines, cacheMountTerminalLines, renderCacheMountSummary } from '../../src/report/cache-mounts.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { type CacheMountReport } from '../../src/cache-mounts/types.js'

const [npm, build, bound] = groupMounts(
  parseDockerfile(`FROM node:20
RUN --mount=type=cache,target=/root/.npm npm ci
RUN --mount=type=cache,id=build,target=/app/.cache,uid=1000 make
RUN --mount=type=cache,target=/x,from=node:20 true
`).cacheMounts
)
const keys = (p: string) => ({ prefix: p, key: `${p}-k`, restoreKeys: [`${p}-`] })
const report = (over: Partial<CacheMountReport> & Pick<CacheMountReport, 'phase' | 'outcome'>, e = npm): CacheMountReport => ({
  id: e.id,
  targets: e.mounts.map(m => m.target),
  lines: e.mounts.map(m => m.line),
  bytes: 0,
  files: 0,
  storeMs: 0,
  buildMs: 0,
  entry: e,
  keys: keys(e.id),
  ...over
})

test('one row per cache: restore and save side by side, notes for skipped and failed', () => {
  const md = renderCacheMountSummary(
    [
      report({ phase: 'restore', outcome: 'hit', bytes: 467_200_000, files: 1200, storeMs: 1500, buildMs: 4200 }),
      report({ phase: 'restore', outcome: 'miss', buildMs: 4200 }, build),
      report({ phase: 'restore', outcome: 'skipped', message: 'it starts from another stage or image (from=node:20)', keys: undefined }, bound),
      report({ phase: 'save', outcome: 'unchanged', bytes: 467_200_000, files: 1200, buildMs: 3000 }),
      report({ phase: 'save', outcome: 'failed', buildMs: 3000, storeMs: 10, message: 'saving to the local directory /c failed: ENOSPC' }, build)
    ],
    { store: 'local directory /c' }
  )
  expect(md).toBe(`### Cache mounts

Store: local directory /c.

| Cache mount | Restore | Restored | Restore time | Save | Saved | Save time |
|---|---|---|---:|---|---|---:|
| \`/root/.npm\` (line 2) | hit | 467 MB (1200 files) | 5.7 s | unchanged, not saved | — | 3.0 s |
| \`build\` → \`/app/.cache\` (line 3) | miss | — | 4.2 s | ⚠️ failed | — | 3.0 s |
| \`/x\` (line 4) | skipped | — | — | — | — | — |

- \`build\` → \`/app/.cache\` (line 3) (save): saving to the local directory /c failed: ENOSPC
- \`/x\` (line 4) (restore): it starts from another stage or image (from=node:20)
`)
})

test('nothing to report: empty', () => expect(renderCacheMountSummary([])).toBe(''))

test('the JSON report and the terminal: one line per cache, restore and save paired, amounts only where something moved', () => {
  const lines = cacheMountLines([
    report({ phase: 'restore', outcome: 'hit', bytes: 467_200_000, files: 1200, storeMs: 1500, buildMs: 4200 }),
    report({ phase: 'restore', outcome: 'miss', bytes: 0, files: 0 }, build),
    report({ phase: 'restore', outcome: 'skipped', message: 'it starts from another stage or image (from=node:20)', keys: undefined }, bound),
    report({ phase: 'save', outcome: 'unchanged', bytes: 467_200_000, files: 1200 }),
    report({ phase: 'save', outcome: 'saved', bytes: 12_000, files: 1 }, build)
  ])
  expect(lines).toEqual([
    { id: '/root/.npm', targets: ['/root/.npm'], lines: [2], restore: 'hit', save: 'unchanged', restored: { bytes: 467_200_000, files: 1200 } },
    { id: 'build', targets: ['/app/.cache'], lines: [3], restore: 'miss', save: 'saved', saved: { bytes: 12_000, files: 1 } },
    { id: '/x', targets: ['/x'], lines: [4], restore: 'skipped', messages: ['it starts from another stage or image (from=node:20)'] }
  ])
  expect(cacheMountTerminalLines(lines)).toEqual([
    '/root/.npm  restore: hit (1200 files, 467 MB), save: unchanged, not saved',
    'build  restore: miss, save: saved (1 file, 12.0 kB)',
    '/x  restore: skipped: it starts from another stage or image (from=node:20)'
  ])
})

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [12_000, '12.0 kB'],
  [501_761_536, '502 MB']
])('formatBytes(%d) = %s', (n, s) => expect(formatBytes(n)).toBe(s))

test('a cache of one file says "1 file"', () => {
  const md = renderCacheMountSummary(
    [report({ phase: 'restore', outcome: 'hit', bytes: 10, files: 1 }), report({ phase: 'save', outcome: 'saved', bytes: 20, files: 2 })],
    {
      store: 's'
    }
  )
  expect(md).toContain('| hit | 10 B (1 file) |')
  expect(md).toContain('20 B (2 files)')
})
