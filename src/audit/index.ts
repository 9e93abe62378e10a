/**
 * The runner audit (pure): the image's facts joined with the Dockerfile, the rules run,
 * audit-allow applied, and what fails counted. Reading the image is the caller's (examine.ts).
 */
import { summarise } from '../inspect/summary.js'
import type { SecretCoverage } from '../inspect/secret-search.js'
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

export type { AllowRule, AuditOptions, AuditReport, Evidence, Finding, RuleId, Severity } from './types.js'
export { RULE_IDS } from './types.js'
export type { ImageSummary, LayerSummary } from '../inspect/summary.js'

/** The pure part: facts + Dockerfile + options → report. */
export function auditFacts(facts: ImageFacts, plan: DockerfilePlan, target: Stage, options: AuditOptions, coverage: SecretCoverage[] = []): AuditReport {
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
