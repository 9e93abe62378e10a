/** Severity order. */
import type { Severity } from './types.js'

const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 }

/** True when `s` is at or above `threshold` (error > warning > notice). */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold]
}

/** Sort key: errors first. */
export function severityRank(s: Severity): number {
  return RANK[s]
}
