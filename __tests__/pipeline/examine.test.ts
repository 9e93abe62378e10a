import type { AuditReport } from '../../src/audit/index.js'
import { Docker } from '../../src/docker/docker.js'
import { baselineContentsFor, baselineFor, examineImage, platformsSummary, withContents, type ExamineRequest } from '../../src/pipeline/examine.js'
import type { ImageContents } from '../../src/size/contents.js'
import { sizeDelta, type SizeReport, type Baseline } from '../../src/size/model.js'
import { type PlatformResult } from '../../src/result.js'
import { fakeRunner } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'

const size = (bytes: number, image = 'i'): SizeReport => ({
  image,
  bytes,
  compressedBytes: bytes / 2,
  compressedFrom: 'blob',
  layerCount: 1,
  wastedBytes: 0,
  layers: []
})
const audit = (platform: string, failing: number, unusedAllow: string[] = []): AuditReport => ({
  image: { id: platform, user: '1000', os: 'linux', architecture: platform.split('/')[1], totalBytes: 0, compressedBytes: 0, wastedBytes: 0, layers: [] },
  findings: Array.from({ length: failing + 1 }, (_, i) => ({
    rule: i < failing ? 'toolchain' : 'hygiene/shell',
    severity: i < failing ? 'error' : 'notice',
    message: 'm',
    evidence: {},
    platform
  })),
  allowed: [],
  failing,
  unusedAllow,
  source: { streamed: 1, cached: 2, dockerSave: false, reader: 'oci-layout' }
})
const platform = (p: string, bytes: number, failing = 0): PlatformResult => ({ platform: p, audit: audit(p, failing), size: size(bytes, p), budgets: [] })

describe('platformsSummary: the single-value view is the largest platform, findings of all', () => {
  test('two platforms', () => {
    const arm = {
      ...platform('linux/arm64', 300, 1),
      budgets: [{ budget: 'max-size' as const, message: 'linux/arm64: over', limit: '1', actual: '3', platform: 'linux/arm64' }]
    }
    const r = platformsSummary([platform('linux/amd64', 200), arm])
    expect(r.size?.bytes).toBe(300)
    expect(r.audit?.image.id).toBe('linux/arm64')
    expect(r.audit?.failing).toBe(1)
    expect(r.audit?.findings.map(f => [f.severity, f.platform])).toEqual([
      ['error', 'linux/arm64'],
      ['notice', 'linux/amd64'],
      ['notice', 'linux/arm64']
    ])
    expect(r.audit?.source).toEqual({ streamed: 2, cached: 4, dockerSave: false, reader: 'oci-layout' })
    expect(r.budgets?.map(b => b.platform)).toEqual(['linux/arm64'])
    expect(r.platforms?.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
  })
  test("layers read while the build wrote them add up; where the time went is what the largest platform's read says", () => {
    const withRead = (p: PlatformResult, prefetched: number, layersMs: number): PlatformResult => ({
      ...p,
      audit: { ...p.audit, source: { ...p.audit.source, prefetched, timings: { layersMs } } }
    })
    const r = platformsSummary([withRead(platform('linux/amd64', 200), 1, 10), withRead(platform('linux/arm64', 300), 2, 30)])
    expect(r.audit?.source).toEqual({ streamed: 2, cached: 4, dockerSave: false, reader: 'oci-layout', prefetched: 3, timings: { layersMs: 30 } })
  })
  test('an audit-allow pattern is unused only when no platform used it', () => {
    const amd = { ...platform('linux/amd64', 200), audit: audit('linux/amd64', 0, ['/usr/bin/mkae', '/usr/bin/qemu-*']) }
    const arm = { ...platform('linux/arm64', 300), audit: audit('linux/arm64', 0, ['/usr/bin/mkae']) }
    const r = platformsSummary([amd, arm])
    expect(r.audit?.unusedAllow).toEqual(['/usr/bin/mkae'])
  })
  test('no platform read: no field to set', () => {
    expect(platformsSummary([])).toEqual({})
  })
})

describe('baselineFor: which baseline size a platform is compared with', () => {
  const info = { source: 'report' as const, ref: 'r', description: 'd' }
  test('a baseline with per-platform sizes: each platform its own; a platform it lacks gets none', () => {
    const b = {
      report: size(1),
      info,
      platforms: [
        { platform: 'linux/amd64', size: size(10) },
        { platform: 'linux/arm64', size: size(20) }
      ]
    }
    expect(baselineFor(b, 'linux/arm64', 2)?.bytes).toBe(20)
    expect(baselineFor(b, 'linux/s390x', 3)).toBeUndefined()
  })
  test('an older single-platform baseline: compared with the same platform, or with the only one', () => {
    const b = { report: size(5), info, platform: 'linux/amd64' }
    expect(baselineFor(b, 'linux/amd64', 2)?.bytes).toBe(5)
    expect(baselineFor(b, 'linux/arm64', 2)).toBeUndefined()
    expect(baselineFor(b, 'linux/arm64', 1)?.bytes).toBe(5)
    expect(baselineFor({ report: size(7), info }, 'linux/arm64', 2)?.bytes).toBe(7)
  })
  test('no baseline', () => {
    expect(baselineFor(undefined, 'linux/amd64', 1)).toBeUndefined()
    expect(baselineFor({ note: 'none' }, 'linux/amd64', 1)).toBeUndefined()
  })
})

describe('the contents delta beside the size delta', () => {
  const contents = (dirs: [string, number][]): ImageContents => ({
    files: 1,
    bytes: 1,
    dirs: dirs.map(([path, bytes]) => ({ path, bytes, files: 1 })),
    packages: [],
    composition: { base: 0, os: 0, language: 0, app: 0 }
  })
  const delta = sizeDelta(size(200), size(100), { source: 'report', ref: 'r', description: 'd' })

  test('both sides summarised: the directories that changed', () => {
    const d = withContents(
      delta,
      contents([
        ['', 200_000],
        ['app', 200_000]
      ]),
      contents([
        ['', 100_000],
        ['app', 100_000]
      ])
    )
    expect(d.contents?.paths.map(p => [p.path, p.delta])).toEqual([['/app', 100_000]])
    expect(d.contentsNote).toBeUndefined()
  })

  test('a baseline report from before contents summaries: the layer delta stays, with a note', () => {
    const d = withContents(delta, contents([['', 1]]), undefined)
    expect(d.contents).toBeUndefined()
    expect(d.layers).toBe(delta.layers)
    expect(d.contentsNote).toMatch(/^the baseline report predates file and package summaries/)
  })

  test("the baseline's contents are its own platform's, else the single image's", () => {
    const amd = contents([['amd', 1]])
    const arm = contents([['arm', 1]])
    const multi: Baseline = {
      report: size(1),
      platform: 'linux/arm64',
      contents: arm,
      platforms: [
        { platform: 'linux/amd64', size: size(1), contents: amd },
        { platform: 'linux/arm64', size: size(1), contents: arm }
      ],
      info: { source: 'report', ref: 'r', description: 'd' }
    }
    expect(baselineContentsFor(multi, 'linux/amd64', 2)).toBe(amd)
    expect(baselineContentsFor(multi, 'linux/s390x', 2)).toBeUndefined()
    const single: Baseline = { report: size(1), platform: 'linux/amd64', contents: amd, info: { source: 'image', ref: 'i', description: 'd' } }
    expect(baselineContentsFor(single, 'linux/arm64', 1)).toBe(amd)
    expect(baselineContentsFor(undefined, 'linux/arm64', 1)).toBeUndefined()
  })
})

describe('examineImage: an image that cannot be read', () => {
  const request = (audit: boolean): ExamineRequest => ({
    docker: new Docker(fakeRunner(() => ({ exitCode: 1, stderr: 'Error: No such image: sha256:gone' }))),
    reporter: recordingReporter(),
    source: { kind: 'engine', ref: 'sha256:gone' },
    label: 'sha256:gone',
    dockerfile: { plan: { stages: [], cacheMounts: [], secretMounts: [] }, target: { index: 0, base: 'x', line: 0, endLine: 0, instructions: [] } },
    secrets: [],
    options: { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' },
    audit,
    budgets: {}
  })
  test.each([
    [true, 'Audit', 'audit'],
    [false, 'Measure', 'size']
  ])('audit %s: the %s phase failed, Size skipped, the run failed naming the image; no platform', async (audit, phase, what) => {
    const out = await examineImage(request(audit))
    expect(out.phases?.map(p => [p.name, p.outcome, p.outcome === 'skipped' ? p.reason : undefined])).toEqual([
      [phase, 'failed', undefined],
      ['Size', 'skipped', 'the image could not be read']
    ])
    expect(out.failure).toMatch(new RegExp(`^${what}: the image sha256:gone could not be read, so it was not audited or sized \\(`))
    expect(out.platforms).toBeUndefined()
    expect(out.audit).toBeUndefined()
  })
})
