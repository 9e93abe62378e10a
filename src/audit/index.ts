/**
 * The runner audit: inspect the built image once (streamed, cached per layer), join it with the
 * Dockerfile, run the rules, apply audit-allow and count what fails.
 */
import type { Docker } from '../docker/docker.js'
import { inspectImage } from '../inspect/inspect-image.js'
import { secretCoverage, type SecretCoverage } from '../inspect/secret-search.js'
import { summarise } from '../inspect/summary.js'
import type { ImageFacts } from '../inspect/types.js'
import type { DockerfilePlan, Stage } from '../plan/dockerfile.js'
import { isAllowed, unusedAllow } from './allow.js'
import { buildContext } from './context.js'
import { devLeftoverRule } from './rules/dev-leftover.js'
import { hygieneRule } from './rules/hygiene.js'
import { nonRootRule } from './rules/non-root.js'
import { secretLeakRule } from './rules/secret-leak.js'
import { toolchainRule } from './rules/toolchain.js'
import { wastedSpaceRule } from './rules/wasted-space.js'
import { atLeast, severityRank } from './severity.js'
import type { AuditOptions, AuditReport, Finding } from './types.js'

export { parseAllow } from './allow.js'
export { parseFailOn } from './severity.js'
export type { AllowRule, AuditOptions, AuditReport, Evidence, Finding, RuleId, Severity } from './types.js'
export { RULE_IDS } from './types.js'
export type { ImageSummary, LayerSummary } from '../inspect/summary.js'

export interface AuditRequest {
  docker: Docker
  /** Image id or tag in the local store. */
  image: string
  dockerfile: { path: string; plan: DockerfilePlan }
  /** The stage the image was built from (the runner). */
  target: Stage
  /** Build secrets whose values must not leak (values are never printed nor stored). */
  secrets: { id: string; value: string }[]
  options: AuditOptions
  /** Directory for per-layer results (e.g. restored from the Actions cache); none: read everything. */
  layerCacheDir?: string
}

/**
 * Audit `image`. Throws EnvironmentError (one line) when the image is gone or its stream is corrupt.
 */
export async function auditImage(req: AuditRequest): Promise<AuditReport> {
  const facts = await inspectImage({ docker: req.docker, image: req.image, secrets: req.secrets, layerCacheDir: req.layerCacheDir })
  return auditFacts(facts, req.dockerfile.plan, req.target, req.options, secretCoverage(req.secrets))
}

/** The pure part: facts + Dockerfile + options → report. */
export function auditFacts(
  facts: ImageFacts,
  plan: DockerfilePlan,
  target: Stage,
  options: AuditOptions,
  coverage: SecretCoverage[] = []
): AuditReport {
  const ctx = buildContext(facts, plan, target, coverage)
  const all: Finding[] = [
    ...(options.requireNonRoot ? nonRootRule(ctx) : []),
    ...(options.forbidToolchains ? toolchainRule(ctx) : []),
    ...secretLeakRule(ctx),
    ...devLeftoverRule(ctx),
    ...hygieneRule(ctx),
    ...wastedSpaceRule(ctx)
  ].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.evidence.line ?? 0) - (b.evidence.line ?? 0))
  const findings = all.filter(f => !isAllowed(f, options.allow))
  const allowed = all.filter(f => isAllowed(f, options.allow))
  return {
    image: summarise(facts, ctx.layers, ctx.fs),
    findings,
    allowed,
    failing: findings.filter(f => atLeast(f.severity, options.failOn)).length,
    unusedAllow: unusedAllow(options.allow, all),
    source: facts.source
  }
}
