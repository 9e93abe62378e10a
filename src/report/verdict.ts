/** The verdict of a run: every reason it fails, and the count of failing findings. Pure. */
import { atLeast } from '../audit/severity.js'
import type { Severity } from '../audit/types.js'
import type { PipelineResult } from '../result.js'

/** Every reason the step fails, one line each (empty: it passes). Pure. */
export function failureReasons(r: PipelineResult, failOn: Severity): string[] {
  const reasons: string[] = []
  if (r.failure) reasons.push(r.failure)
  if (r.audit && r.audit.failing > 0) {
    const rules = [...new Set(r.audit.findings.filter(f => atLeast(f.severity, failOn)).map(f => f.rule))].join(', ')
    reasons.push(`audit: ${r.audit.failing} finding${r.audit.failing === 1 ? '' : 's'} at or above ${failOn} (${rules})`)
  }
  for (const b of r.budgets) reasons.push(b.message)
  const checks = (r.checks ?? []).filter(c => atLeast(c.severity, failOn))
  if (checks.length) reasons.push(`build checks: ${checks.length} at or above ${failOn} (${[...new Set(checks.map(c => c.rule))].join(', ')})`)
  return reasons
}

/** Findings (audit and build checks) at or above fail-on plus budget violations: the `findings` output. */
export function failingCount(r: PipelineResult, failOn: Severity = 'error'): number {
  return (r.audit?.failing ?? 0) + r.budgets.length + (r.checks ?? []).filter(c => atLeast(c.severity, failOn)).length
}
