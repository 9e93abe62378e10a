/** audit-allow matching: which findings the parsed patterns (see ../inputs/audit-options.ts) accept. */
import type { AllowRule, Finding } from './types.js'

/** True when `rule` accepts `finding`. */
export function allows(r: AllowRule, finding: Finding): boolean {
  if (r.rule && r.rule !== finding.rule && !(r.rule === 'hygiene' && finding.rule.startsWith('hygiene/'))) return false
  if (r.path) return finding.evidence.path !== undefined && r.path.test(finding.evidence.path)
  return true
}

/** True when `finding` matches one of `rules`. */
export function isAllowed(finding: Finding, rules: AllowRule[]): boolean {
  return rules.some(r => allows(r, finding))
}

/** The patterns (as written, comment stripped) that accept none of `findings`: typos, or stale entries. */
export function unusedAllow(rules: AllowRule[], findings: Finding[]): string[] {
  return rules.filter(r => !findings.some(f => allows(r, f))).map(r => r.pattern)
}
