/**
 * The JSON report: everything one run learnt, in one document. Written to disk (output
 * `report`), read back as a later run's `baseline-report`, and rendered to Markdown.
 */
import type { CheckFinding } from '../build/check.js'
import type { Finding, Severity } from '../audit/types.js'
import type { ImageContents, WastedEntry } from '../size/contents.js'
import { stageLabel } from '../plan/dockerfile.js'
import type { ReadSource } from '../inspect/types.js'
import type { BudgetViolation } from '../size/budget.js'
import type { CacheMountLine } from './cache-mounts.js'
import type { SizeDelta, SizeReport, TrendPoint } from '../size/model.js'

export const REPORT_SCHEMA = 'stagecraft/report@1'

export interface RunReport {
  schema: typeof REPORT_SCHEMA
  createdAt: string
  /** Dockerfile path as shown to people (workspace-relative when possible). */
  dockerfile: string
  target: string
  /** The comment key this run reports under (one sticky comment per key). */
  key: string
  /**
   * The commit and run: `sha` is the PR head (not the merge commit); `pullRequest`, `runNumber` and
   * `runAttempt` let a later workflow post this report on the right PR and order it (fork PRs).
   */
  git?: { sha?: string; ref?: string; pullRequest?: number; runNumber?: number; runAttempt?: number }
  test: { stage?: string; result: 'passed' | 'failed' | 'skipped' }
  image?: { id: string; tags: string[]; digest?: string; user?: string; platform?: string }
  audit?: {
    failOn: Severity
    findings: Finding[]
    allowed: Finding[]
    failing: number
    /** How the image was read (layers streamed vs cached). */
    source?: ReadSource
    /** audit-allow patterns that matched no finding (a typo, or no longer needed). */
    unusedAllow?: string[]
  }
  /** Why the run stopped early (build, test stage, engine), with the failing build's log tail. */
  failure?: { reason: string; line?: number; logTail: string[] }
  size?: SizeReport
  /**
   * Every platform of the image (one entry for a single-platform image): its size, delta, budgets
   * and finding counts. `size`, `delta` and `image.platform` above describe the largest platform.
   */
  platforms?: PlatformReport[]
  /** Why there is no delta, when there is none (no baseline yet, ...). */
  baselineNote?: string
  /** The persisted RUN --mount=type=cache contents: restore and save outcome of each cache. */
  cacheMounts?: CacheMountLine[]
  /**
   * Size of the base branch's last reports (oldest first, at most TREND_POINTS), carried from one
   * saved report to the next; on a pull request the baseline's history plus this run.
   */
  trend?: TrendPoint[]
  delta?: SizeDelta
  budgets: BudgetViolation[]
  /** BuildKit's Dockerfile checks as findings on their lines (`call: check`, or any build on buildx ≥ 0.15); absent when none. */
  checks?: CheckFinding[]
  /** The step's verdict and every reason for a failure, one line each. */
  verdict: { passed: boolean; reasons: string[] }
  /** The run's phases in order, with their wall time (what the job summary's table shows). */
  phases?: { name: string; durationMs: number; outcome: string }[]
  /**
   * Set when this run is one part of a split build (its image pushed by digest, nothing tagged):
   * what a merge (`mode: merge`, `stagecraft merge`) needs to check it and put it in the index.
   */
  part?: PartInfo
}

/**
 * A split build's part: which image, which platforms, and the digest the registry holds. A part
 * that failed before it pushed (its test stage, its build) has no digests: it still names its image
 * and the platforms it was to build, so the merge fails naming them.
 */
export interface PartInfo {
  /** The image's canonical name without tag or digest, as pushed (e.g. `127.0.0.1:5000/org/app`). */
  name: string
  /** What the build pushed (`containerimage.digest`): a manifest, or an index (several platforms, attestations). Absent: nothing was pushed. */
  digest?: string
  /** The platforms this part built (or was to build), each with its platform manifest's digest when pushed. */
  platforms: { platform: string; digest?: string }[]
}

/** How many reports the trend keeps. */
export const TREND_POINTS = 20

/** The label of a pull request run's own point in its trend. */
export const THIS_RUN = 'this run'

export interface PlatformReport {
  platform: string
  /** The platform's manifest digest (OCI layout) or the engine's image id. */
  id: string
  user: string
  size: SizeReport
  delta?: SizeDelta
  budgets: BudgetViolation[]
  /** Findings on this platform, and how many of them fail the step. */
  findings: number
  failing: number
  /**
   * What the platform holds, bounded (the next run's baseline compares against it): directory
   * aggregates (at most 4,000), packages (at most 4,000), composition. Absent from older reports.
   */
  contents?: ImageContents
  /** The largest files later layers overwrite or delete (at most 100), with the lines involved. */
  wasted?: WastedEntry[]
}

/**
 * The default report key: one sticky comment and one baseline per Dockerfile and runner stage (an
 * unnamed stage as BuildKit names it: `Dockerfile:stage-0`).
 */
export function defaultReportKey(dockerfile: string, runner: { name?: string; index: number }): string {
  return `${dockerfile}:${stageLabel(runner)}`
}

/** Parse a report read from disk; throws a plain Error saying what is wrong. */
export function parseReport(text: string): RunReport {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Error('not JSON')
  }
  const r = data as Partial<RunReport>
  if (r?.schema !== REPORT_SCHEMA) throw new Error(`not a Stagecraft report (expected schema ${REPORT_SCHEMA})`)
  if (!r.size || !Array.isArray(r.size.layers)) throw new Error('the report has no size section (was the runner image built?)')
  checkShape(r)
  return r as RunReport
}

/**
 * The fields a baseline reads (sizes, layers, trend, platforms) have their types: a hand-edited or
 * truncated-then-patched report fails here with what is wrong, not later with a TypeError.
 */
function checkShape(r: Partial<RunReport>): void {
  const bad = (what: string) => new Error(`the report's ${what}`)
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const optionalString = (v: unknown, what: string) => {
    if (v !== undefined && typeof v !== 'string') throw bad(`${what} is not a string`)
  }
  const size = (v: unknown, what: string) => {
    if (!isObject(v)) throw bad(`${what} is not an object`)
    if (typeof v.bytes !== 'number' || typeof v.compressedBytes !== 'number') throw bad(`${what} has no byte counts`)
    if (!Array.isArray(v.layers)) throw bad(`${what}.layers is not a list`)
    v.layers.forEach((l: unknown, i) => {
      if (!isObject(l) || typeof l.instruction !== 'string' || typeof l.bytes !== 'number')
        throw bad(`${what}.layers[${i}] is not a layer (instruction, bytes)`)
    })
  }
  if (typeof r.createdAt !== 'string') throw bad('createdAt is not a string')
  if (r.git !== undefined) {
    if (!isObject(r.git)) throw bad('git is not an object')
    optionalString(r.git.sha, 'git.sha')
  }
  if (r.image !== undefined) {
    if (!isObject(r.image)) throw bad('image is not an object')
    optionalString(r.image.platform, 'image.platform')
  }
  size(r.size, 'size')
  if (r.trend !== undefined) {
    if (!Array.isArray(r.trend)) throw bad('trend is not a list')
    r.trend.forEach((t: unknown, i) => {
      if (
        !isObject(t) ||
        typeof t.label !== 'string' ||
        typeof t.createdAt !== 'string' ||
        typeof t.bytes !== 'number' ||
        typeof t.compressedBytes !== 'number'
      ) {
        throw bad(`trend[${i}] is not a trend point (label, createdAt, bytes, compressedBytes)`)
      }
    })
  }
  if (r.platforms !== undefined) {
    if (!Array.isArray(r.platforms)) throw bad('platforms is not a list')
    r.platforms.forEach((p: unknown, i) => {
      if (!isObject(p) || typeof p.platform !== 'string') throw bad(`platforms[${i}] has no platform name`)
      if (p.size !== undefined) size(p.size, `platforms[${i}].size`)
    })
  }
}
