import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalDirStore } from '../../src/store/local-store.js'
import type { Docker } from '../../src/docker/docker.js'
import type { RunContext } from '../../src/github/context.js'
import { REPORT_SCHEMA, TREND_POINTS, type RunReport } from '../../src/report/run-report.js'
import { continueTrend, loadBaseline, saveBaseline } from '../../src/baseline/baseline.js'
import { sizeReport } from '../../src/size/model.js'

const report = (sha: string, bytes: number): RunReport => ({
  schema: REPORT_SCHEMA,
  createdAt: `2026-11-2${sha.length % 10}T00:00:00Z`,
  dockerfile: 'Dockerfile',
  target: 'runner',
  key: 'Dockerfile:runner',
  git: { sha },
  test: { result: 'skipped' },
  size: sizeReport('i', [{ index: 0, digest: 'd', bytes, compressedBytes: bytes / 2, instruction: 'RUN x', fromBase: false, wastedBytes: 0 }], 'blob'),
  budgets: [],
  verdict: { passed: true, reasons: [] }
})
const ctx = (over: Partial<RunContext> = {}): RunContext => ({
  eventName: 'push',
  owner: 'o',
  repo: 'r',
  sha: 'x',
  ref: 'main',
  apiUrl: '',
  serverUrl: '',
  ...over
})

describe('the size trend travels with the saved reports', () => {
  test('continueTrend: the previous trend (or the previous report alone), then this one, bounded', () => {
    expect(continueTrend(undefined, report('aaaaaaa1', 100)).map(p => [p.label, p.bytes])).toEqual([['aaaaaaa', 100]])
    expect(continueTrend(report('bbbbbbb2', 90), report('aaaaaaa1', 100)).map(p => p.label)).toEqual(['bbbbbbb', 'aaaaaaa'])
    const long = { ...report('c', 1), trend: Array.from({ length: TREND_POINTS }, (_, i) => ({ label: `p${i}`, createdAt: '', bytes: i, compressedBytes: i })) }
    const t = continueTrend(long, report('ddddddd4', 5))
    expect(t).toHaveLength(TREND_POINTS)
    expect(t[0].label).toBe('p1')
    expect(t.at(-1)?.label).toBe('ddddddd')
  })

  test("a pull request's report used as baseline-report: its own point is named by its commit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-trend-'))
    try {
      const file = path.join(dir, 'r.json')
      const pr = {
        ...report('9999999z', 300),
        trend: [
          { label: '1111111', createdAt: '', bytes: 100, compressedBytes: 50 },
          { label: 'this run', createdAt: '', bytes: 300, compressedBytes: 150 }
        ]
      }
      fs.writeFileSync(file, JSON.stringify(pr))
      const base = await loadBaseline({ baselineReport: file, baselineImage: '', key: 'k', docker: {} as Docker })
      expect(base.trend?.map(p => p.label)).toEqual(['1111111', '9999999'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('three pushes to main, then a pull request: its baseline carries the three sizes, oldest first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-trend-'))
    try {
      const store = new LocalDirStore(dir)
      for (const [sha, bytes] of [
        ['1111111a', 100],
        ['2222222b', 150],
        ['3333333c', 120]
      ] as const) {
        expect(await saveBaseline(store, report(sha, bytes), ctx({ sha }))).toBeUndefined()
        await new Promise(r => setTimeout(r, 20)) // newest-first restore goes by time
      }
      const base = await loadBaseline({
        baselineReport: '',
        baselineImage: '',
        key: 'Dockerfile:runner',
        docker: {} as Docker,
        store,
        ctx: ctx({ eventName: 'pull_request', ref: 'feature', pullRequest: { number: 1, baseRef: 'main', baseSha: 'b', headSha: 'h', fromFork: false } })
      })
      expect(base.trend?.map(p => [p.label, p.bytes])).toEqual([
        ['1111111', 100],
        ['2222222', 150],
        ['3333333', 120]
      ])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('what is saved, and which platform a baseline report stands for', () => {
  const pr = { number: 1, baseRef: 'main', baseSha: 'b', headSha: 'h', fromFork: false }
  const entries = (dir: string) => fs.readdirSync(dir).filter(n => !n.startsWith('.'))

  test('a pull request run saves no baseline (only pushes to a branch do)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-save-'))
    try {
      const store = new LocalDirStore(dir)
      expect(await saveBaseline(store, report('1111111a', 100), ctx({ eventName: 'pull_request', ref: 'feature', pullRequest: pr }))).toBeUndefined()
      expect(entries(dir)).toEqual([])
      expect(await saveBaseline(store, report('1111111a', 100), ctx())).toBeUndefined()
      expect(entries(dir)).toHaveLength(1)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('one baseline per key and branch: saving a newer one prunes the older', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-save-'))
    try {
      const store = new LocalDirStore(dir)
      for (const sha of ['1111111a', '2222222b', '3333333c']) {
        await saveBaseline(store, report(sha, 100), ctx({ sha }))
        await new Promise(r => setTimeout(r, 20))
      }
      await saveBaseline(store, report('4444444d', 100), ctx({ sha: '4444444d', ref: 'release' }))
      // main's newest, and release's own: the other branch's entry is not main's to prune.
      expect(entries(dir)).toHaveLength(2)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test("a multi-platform report: the baseline contents are the reported platform's, not the first listed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-platform-'))
    try {
      const contents = (files: number) => ({ files, bytes: files * 10, dirs: [], packages: [], composition: {} })
      const base = report('5555555e', 100)
      const multi = {
        ...base,
        image: { platform: 'linux/arm64' },
        platforms: [
          { platform: 'linux/amd64', id: 'a', user: '', size: base.size, budgets: [], findings: 0, failing: 0, contents: contents(1) },
          { platform: 'linux/arm64', id: 'b', user: '', size: base.size, budgets: [], findings: 0, failing: 0, contents: contents(2) }
        ]
      }
      const file = path.join(dir, 'r.json')
      fs.writeFileSync(file, JSON.stringify(multi))
      const loaded = await loadBaseline({ baselineReport: file, baselineImage: '', key: 'k', docker: {} as Docker })
      expect(loaded.platform).toBe('linux/arm64')
      expect(loaded.contents?.files).toBe(2)
      expect(loaded.platforms?.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
