/** The audit's vocabulary: findings, their evidence, the options and the report. */
import type { ReadSource } from '../inspect/types.js'
import type { ImageSummary } from '../inspect/summary.js'

export type Severity = 'error' | 'warning' | 'notice'

/** Stable rule ids (hygiene rules share the `hygiene/` prefix; `hygiene` in audit-allow allows them all). */
export const RULE_IDS = [
  'non-root',
  'toolchain',
  'secret-leak',
  'dev-leftover',
  'hygiene/no-healthcheck',
  'hygiene/setuid',
  'hygiene/package-cache',
  'hygiene/shell',
  'hygiene/wasted-space'
] as const
export type RuleId = (typeof RULE_IDS)[number]

export interface Evidence {
  /** Absolute path in the image (`/usr/bin/gcc-12`). */
  path?: string
  /** When the evidence is inside an archive at `path`: the member's path in it (`logs/env.txt`). */
  member?: string
  /** Bytes the finding costs (file sizes, or installed size of packages). */
  bytes?: number
  /** The layer holding the evidence: index in rootfs order and diff id. */
  layer?: { index: number; digest: string }
  /** Dockerfile line (1-based) that produced it; the root stage's FROM line for base-image content. */
  line?: number
  /** The history `created_by` of that layer or the instruction text (values redacted). */
  instruction?: string
  /** For secret-leak: the id of the build secret (never its value). */
  secretId?: string
}

export interface Finding {
  rule: RuleId
  severity: Severity
  /** One or two sentences a person understands: what, where, why it matters, what to do. */
  message: string
  evidence: Evidence
  /** The image platform the finding is on (`linux/arm64`); every platform of a multi-platform image is audited. */
  platform?: string
}

/** An audit-allow line: a rule id (or `hygiene` for all hygiene rules), a path glob, or both. */
export interface AllowRule {
  /** The line as written, for the report. */
  pattern: string
  rule?: string
  path?: RegExp
}

export interface AuditOptions {
  /** non-root findings are reported (default true). */
  requireNonRoot: boolean
  /** toolchain findings are reported (default true). */
  forbidToolchains: boolean
  /** Findings that match are moved to `allowed`. */
  allow: AllowRule[]
  /** Lowest severity that counts as failing. */
  failOn: Severity
}

export interface AuditReport {
  image: ImageSummary
  /** Findings that remain (not allowed), errors first. */
  findings: Finding[]
  /** Findings matched by an audit-allow rule. */
  allowed: Finding[]
  /** Number of remaining findings at or above failOn. */
  failing: number
  /** audit-allow patterns (comment stripped) that matched no finding: a typo or a stale entry. */
  unusedAllow: string[]
  /** How the image was read: layers streamed vs from the layer cache, and whether docker save ran. */
  source: ReadSource
}
