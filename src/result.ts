/**
 * What a run produced, as data: the shared result type the pipeline fills and the report, the
 * terminal and publishing read. Types only; it sits below every module that reads it.
 */
import type { AuditReport } from './audit/index.js'
import type { RunnerImage } from './build/build.js'
import type { CheckFinding } from './build/check.js'
import type { PartImage, UnpushedPart } from './build/part.js'
import type { ImageContents, WastedEntry } from './size/contents.js'
import type { BudgetViolation } from './size/budget.js'
import type { Baseline, SizeDelta, SizeReport } from './size/model.js'
import { type CacheMountReport } from './cache-mounts/types.js'

export type TestResult = 'passed' | 'failed' | 'skipped'

export interface Phase {
  name: string
  durationMs: number
  outcome: 'ok' | 'failed' | 'skipped'
  /** Why it failed or was skipped. */
  reason?: string
}

export interface PipelineResult {
  phases: Phase[]
  engine?: { server: string; buildx: string; builder: string; driver: string }
  testResult: TestResult
  testStage?: string
  runnerStage: string
  /** Last lines of the log of the build that failed (test stage or runner), secrets redacted. */
  failedLogTail?: string[]
  /** Dockerfile line BuildKit blamed for a failed build, for the annotation. */
  failedLine?: number
  image?: RunnerImage
  /** Why the pipeline stopped early (build, test stage, engine); undefined when it ran through. */
  failure?: string
  /** What kind of problem `failure` is, when it is the user's input or the environment (the CLI's exit code says which). */
  failureKind?: 'input' | 'environment'
  warnings: string[]
  /** The layer cache used (given, or chosen for the builder) and why. */
  layerCache?: { cacheFrom: string[]; cacheTo: string[]; reason: string }
  cacheMounts: CacheMountReport[]
  /** Findings of every platform (each names its platform); `image` is the largest platform's summary. */
  audit?: AuditReport
  /** The largest platform's size (the single-value outputs). */
  size?: SizeReport
  /** Every platform of the runner image: audit, size, delta, budgets. */
  platforms?: PlatformResult[]
  baseline?: Baseline
  delta?: SizeDelta
  budgets: BudgetViolation[]
  /** BuildKit's Dockerfile checks as findings on their lines: `call: check`'s result (nothing built), or a build's warnings (buildx ≥ 0.15; absent when none). */
  checks?: CheckFinding[]
  /**
   * This run is one part of a split build (its image pushed by digest): what the registry holds;
   * when it failed before pushing, only the image and the platforms it was to build.
   */
  part?: PartImage | UnpushedPart
}

/** What one platform of the image gave. */
export interface PlatformResult {
  /** `linux/amd64`, `linux/arm64/v8`, ... */
  platform: string
  audit: AuditReport
  size: SizeReport
  delta?: SizeDelta
  budgets: BudgetViolation[]
  /** What the platform holds (directories, packages, composition), for the contents delta and the next baseline. */
  contents?: ImageContents
  /** The largest files later layers overwrite or delete. */
  wasted?: WastedEntry[]
}
