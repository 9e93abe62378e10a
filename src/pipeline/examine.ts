/**
 * The audit and size phases, shared by the pipeline (after the runner build) and the CLI's
 * `audit`/`compare` commands: inspect every platform of the image once, audit each, size each
 * against the baseline, apply the budgets per platform. Every outcome lands in the result (a
 * phase that could not look is failed with its reason); nothing is thrown.
 */
import { auditFacts, type AuditOptions, type AuditReport } from '../audit/index.js'
import { severityRank } from '../audit/severity.js'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError, errorMessage } from '../errors.js'
import type { ImageSource } from '../inspect/inspect-image.js'
import { inspectImages } from '../inspect/inspect-image.js'
import { unscannableSecrets, type SecretInput } from '../inspect/secret-search.js'
import type { Reporter } from '../log.js'
import type { DockerfilePlan, Stage } from '../plan/dockerfile.js'
import { checkBudgets, type Budgets } from '../size/budget.js'
import { sizeDelta, sizeReportOf, type SizeDelta, type SizeReport, type Baseline } from '../size/model.js'
import { repositoryOf } from '../image-ref.js'
import { registryLayerSizes, withRegistrySizes } from '../size/registry.js'
import { imageContents, wastedEntries, type ImageContents, type WastedEntry } from '../size/contents.js'
import { largestWasted, mergeLayers } from '../inspect/filesystem.js'
import type { ImageFacts } from '../inspect/types.js'
import { contentsDelta } from '../size/contents-delta.js'
import type { PlatformResult } from '../result.js'
import { timed, warnings, type Outcome } from './phase.js'

/** At most this many wasted files per platform in the report. */
export const MAX_WASTED = 100

export interface ExamineRequest {
  docker: Docker
  reporter: Reporter
  source: ImageSource
  /** Shown in messages: the image id or reference. */
  label: string
  dockerfile: { plan: DockerfilePlan; target: Stage }
  secrets: SecretInput[]
  options: AuditOptions
  /** false: size only (`stagecraft compare`): the findings are not reported. */
  audit: boolean
  layerCacheDir?: string
  /** Where the secret search's results are kept (never a shared store: see inspect/audit-cache.ts). */
  secretScanCacheDir?: string
  baseline?: Baseline
  budgets: Budgets
  /** The image was pushed: read exact compressed sizes from the registry when the local read only estimated them. */
  pushed?: { tag: string; digest: string }
}

/**
 * Run the audit and size phases on the image. A phase that could not look fails the run with its
 * reason (its outcome says which); what was read is summed up as the result's platforms.
 */
export async function examineImage(req: ExamineRequest): Promise<Outcome> {
  const audited = await timed(req.reporter, req.audit ? 'Audit' : 'Measure', async () => {
    const facts = await inspectImages({
      docker: req.docker,
      source: req.source,
      secrets: req.secrets,
      layerCacheDir: req.layerCacheDir,
      secretScanCacheDir: req.secretScanCacheDir,
      dockerfile: req.dockerfile
    })
    const unscannable = unscannableSecrets(req.secrets)
    return facts.map(f => {
      const t0 = performance.now()
      const audit = auditFacts(f, req.dockerfile.plan, req.dockerfile.target, req.options, unscannable)
      const tag = (list: typeof audit.findings) => list.map(x => ({ ...x, platform: f.platform }))
      const kept = req.audit ? audit : { ...audit, findings: [], allowed: [], failing: 0 }
      // Without a Dockerfile (an image given by name) no layer can be told apart as the base image's.
      const noDockerfile = req.dockerfile.plan.stages.length === 0
      const { contents, wasted } = contentsOf(f, noDockerfile ? audit.image.layers.map(l => ({ ...l, fromBase: false })) : audit.image.layers)
      if (noDockerfile) contents.composition.baseKnown = false
      const timings = { ...kept.source.timings, factsMs: performance.now() - t0 }
      return {
        platform: f.platform,
        audit: { ...kept, source: { ...kept.source, timings }, findings: tag(kept.findings), allowed: tag(kept.allowed) },
        size: sizeReportOf(f.id || req.label, audit.image.layers),
        budgets: [],
        contents,
        wasted
      } satisfies PlatformResult
    })
  })
  if (!audited.ok) {
    return {
      phases: [audited.phase, { name: 'Size', durationMs: 0, outcome: 'skipped', reason: 'the image could not be read' }],
      failure: `${req.audit ? 'audit' : 'size'}: the image ${req.label} could not be read, so it was not audited or sized (${errorMessage(audited.error)})`
    }
  }
  const said: string[] = []
  const sized = await timed(req.reporter, 'Size', () => sizePlatforms(req, audited.value, said))
  return {
    phases: [audited.phase, sized.phase],
    warnings: said,
    ...(sized.ok ? platformsSummary(sized.value) : { ...platformsSummary(audited.value), failure: `size: ${errorMessage(sized.error)}` })
  }
}

/**
 * Each platform with its size (exact compressed sizes from the registry when the image was pushed
 * and the local read only estimated them), its delta against the baseline and its budgets.
 * A registry that cannot be read leaves the estimate, with a warning (shown, and added to `said`).
 */
async function sizePlatforms(req: ExamineRequest, platforms: PlatformResult[], said: string[]): Promise<PlatformResult[]> {
  const sized: PlatformResult[] = []
  for (const p of platforms) {
    let size = p.size
    if (req.pushed && size.compressedFrom === 'gzip-estimate') {
      try {
        const [os, architecture] = p.platform.split('/')
        const sizes = await registryLayerSizes(req.docker, repositoryOf(req.pushed.tag), req.pushed.digest, { os, architecture })
        size = withRegistrySizes(size, sizes)
      } catch (e) {
        said.push(
          ...warnings(req.reporter, [`compressed size of ${p.platform}: could not read the pushed manifest (${errorMessage(e)}); the size is a gzip estimate`])
        )
      }
    }
    const base = baselineFor(req.baseline, p.platform, platforms.length)
    const delta =
      base && req.baseline?.info
        ? withContents(sizeDelta(size, base, req.baseline.info), p.contents, baselineContentsFor(req.baseline, p.platform, platforms.length))
        : undefined
    const budgets = checkBudgets(req.budgets, size, delta).map(b =>
      platforms.length > 1 ? { ...b, platform: p.platform, message: `${p.platform}: ${b.message}` } : b
    )
    sized.push({ ...p, size, ...(delta ? { delta } : {}), budgets })
  }
  return sized
}

/** The baseline's size for `platform`: its own platform entry, else its only image when that is comparable. */
export function baselineFor(baseline: Baseline | undefined, platform: string, count: number): SizeReport | undefined {
  if (!baseline?.report) return undefined
  const own = baseline.platforms?.find(p => p.platform === platform)
  if (own) return own.size
  if (baseline.platforms && baseline.platforms.length > 1) return undefined
  if (baseline.platform && baseline.platform !== platform) return count === 1 ? baseline.report : undefined
  return baseline.report
}

/** The contents summary and wasted files of one platform, from its facts and its layers' lines. Pure. */
export function contentsOf(facts: ImageFacts, layers: { line?: number; fromBase: boolean }[]): { contents: ImageContents; wasted: WastedEntry[] } {
  const fs = mergeLayers(facts.layers.map(l => l.facts))
  return { contents: imageContents(facts, fs, layers), wasted: wastedEntries(largestWasted(fs.wasted, MAX_WASTED), layers) }
}

/** The baseline's contents for `platform`, by the same rule as baselineFor. */
export function baselineContentsFor(baseline: Baseline | undefined, platform: string, count: number): ImageContents | undefined {
  if (!baselineFor(baseline, platform, count)) return undefined
  return baseline?.platforms?.find(p => p.platform === platform)?.contents ?? baseline?.contents
}

/** The size delta with the contents delta, or a note saying why there is none. Pure. */
export function withContents(delta: SizeDelta, now: ImageContents | undefined, before: ImageContents | undefined): SizeDelta {
  if (now && before) return { ...delta, contents: contentsDelta(before, now) }
  const note = !before
    ? 'the baseline report predates file and package summaries (it was saved by an older Stagecraft), so only the layer delta is shown; the next report saved on the base branch will have them'
    : 'this image has no contents summary'
  return { ...delta, contentsNote: note }
}

/** The single-value view (largest platform) plus every platform, as the result's fields; nothing when no platform was read. Pure. */
export function platformsSummary(platforms: PlatformResult[]): Outcome {
  if (platforms.length === 0) return {}
  const largest = platforms.reduce((a, b) => (b.size.bytes > a.size.bytes ? b : a))
  const audits = platforms.map(p => p.audit)
  const prefetched = audits.reduce((n, a) => n + (a.source.prefetched ?? 0), 0)
  return {
    platforms,
    size: largest.size,
    delta: largest.delta,
    budgets: platforms.flatMap(p => p.budgets),
    audit: {
      image: largest.audit.image,
      findings: audits.flatMap(a => a.findings).sort((a, b) => severityRank(b.severity) - severityRank(a.severity)),
      allowed: audits.flatMap(a => a.allowed),
      failing: audits.reduce((n, a) => n + a.failing, 0),
      // A pattern is unused when no platform's findings matched it.
      unusedAllow: audits[0].unusedAllow.filter(p => audits.every(a => a.unusedAllow.includes(p))),
      source: {
        streamed: audits.reduce((n, a) => n + a.source.streamed, 0),
        cached: audits.reduce((n, a) => n + a.source.cached, 0),
        dockerSave: audits.some(a => a.source.dockerSave),
        reader: largest.audit.source.reader,
        // Layers read while the build wrote them, and where the time went (the largest platform's read).
        ...(prefetched ? { prefetched } : {}),
        ...(largest.audit.source.timings ? { timings: largest.audit.source.timings } : {})
      }
    }
  }
}

/** Audit one image (every platform), no baseline: the audit phase alone, for tests, bench and tools. Throws when it cannot be read. */
export async function auditImage(req: {
  docker: Docker
  image?: string
  source?: ImageSource
  dockerfile: { path?: string; plan: DockerfilePlan }
  target: Stage
  secrets: SecretInput[]
  options: AuditOptions
  layerCacheDir?: string
  secretScanCacheDir?: string
}): Promise<AuditReport> {
  const silent: Reporter = { info: () => {}, warning: () => {}, setSecret: () => {}, group: (_n, fn) => fn() }
  const result = await examineImage({
    docker: req.docker,
    reporter: silent,
    source: req.source ?? { kind: 'engine', ref: req.image ?? '' },
    label: req.image ?? req.source?.kind ?? '',
    dockerfile: { plan: req.dockerfile.plan, target: req.target },
    secrets: req.secrets,
    options: req.options,
    audit: true,
    layerCacheDir: req.layerCacheDir,
    secretScanCacheDir: req.secretScanCacheDir,
    budgets: {}
  })
  if (!result.audit) throw new EnvironmentError(result.failure ?? 'the image could not be audited')
  return result.audit
}
