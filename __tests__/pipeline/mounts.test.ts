import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CacheMountContext, CacheMountReport } from '../../src/cache-mounts/types.js'
import { Docker } from '../../src/docker/docker.js'
import type { CacheMount } from '../../src/plan/dockerfile.js'
import { mountContext, mountWarnings, restoreMounts, saveMounts } from '../../src/pipeline/mounts.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { makeInputs } from '../fixtures/inputs.js'
import { fakeRunner } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-mounts-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\nRUN --mount=type=cache,target=/root/.npm true\n')
  fs.writeFileSync(path.join(dir, 'package-lock.json'), '{}')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const report = (over: { phase?: CacheMountReport['phase']; id?: string; outcome: CacheMountReport['outcome']; message?: string }): CacheMountReport => ({
  phase: over.phase ?? 'restore',
  id: over.id ?? 'npm',
  targets: ['/root/.npm'],
  lines: [2],
  outcome: over.outcome,
  message: over.message,
  bytes: 0,
  files: 0,
  storeMs: 0,
  buildMs: 0
})

describe('mountContext: what both cache-mount phases work with', () => {
  const ctxFor = (over: Parameters<typeof makeInputs>[0], mounts?: CacheMount[]) => {
    const inputs = makeInputs({ context: dir, file: path.join(dir, 'Dockerfile'), ...over })
    const resolved = resolvePlan(inputs)
    const deps = { docker: new Docker(fakeRunner()), reporter: recordingReporter(), tmpDir: dir }
    return mountContext(inputs, resolved, deps, { contextDir: dir, mounts: mounts ?? resolved.plan.cacheMounts, secrets: [] })
  }
  test('the mounts keyed by the lockfiles found in the context; builder, one platform and the namespace build-arg passed on', () => {
    const ctx = ctxFor({ builder: 'b', platforms: ['linux/arm64'], 'build-args': ['A=1', 'BUILDKIT_CACHE_MOUNT_NS=team'] })
    expect(ctx.options.mounts.map(m => m.target)).toEqual(['/root/.npm'])
    expect(ctx.options.keyFiles).toEqual([path.join(dir, 'package-lock.json')])
    expect(ctx.options).toMatchObject({ builder: 'b', platform: 'linux/arm64', namespace: 'team' })
  })
  test('no mounts: no key files looked for; several platforms or none: no platform; no builder or namespace: none', () => {
    const ctx = ctxFor({ platforms: ['linux/amd64', 'linux/arm64'] }, [])
    expect(ctx.options.keyFiles).toEqual([])
    expect(ctx.options.platform).toBeUndefined()
    expect(ctx.options.builder).toBeUndefined()
    expect(ctx.options.namespace).toBeUndefined()
  })
})

describe("restoreMounts / saveMounts: each phase's reports as its outcome", () => {
  const ctx = (reporter = recordingReporter()): CacheMountContext => ({
    docker: new Docker(fakeRunner()),
    plan: { stages: [], cacheMounts: [], secretMounts: [] },
    contextDir: dir,
    options: { mounts: [], keyFiles: [] },
    reporter,
    tmpDir: dir
  })
  test('restore: its reports and an ok phase', async () => {
    expect(await restoreMounts(ctx())).toEqual({ phases: [{ name: 'Cache mounts: restore', durationMs: expect.any(Number), outcome: 'ok' }], cacheMounts: [] })
  })
  test('save: its reports and an ok phase', async () => {
    expect(await saveMounts(ctx(), [])).toEqual({ phases: [{ name: 'Cache mounts: save', durationMs: expect.any(Number), outcome: 'ok' }], cacheMounts: [] })
  })
  test('a phase that throws: failed with its reason and the failure of its kind', async () => {
    const reporter = { ...recordingReporter(), group: () => Promise.reject(new Error('disk full')) }
    for (const out of [await restoreMounts(ctx(reporter)), await saveMounts(ctx(reporter), [])]) {
      expect(out.failure).toBe('disk full')
      expect(out.cacheMounts).toBeUndefined()
      expect(out.phases).toEqual([expect.objectContaining({ outcome: 'failed', reason: 'disk full' })])
    }
  })
})

test('mountWarnings: one per mount that failed with a message, in order', () => {
  expect(
    mountWarnings([
      report({ outcome: 'failed', message: 'store unreachable' }),
      report({ outcome: 'miss' }),
      report({ phase: 'save', id: 'go', outcome: 'failed', message: 'export failed' }),
      report({ outcome: 'failed' })
    ])
  ).toEqual(['cache mount npm: store unreachable', 'cache mount go: export failed'])
})
