/** Severity order and the fail-on input. */
import { InputError } from '../errors.js'
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

/** Parse the fail-on input (case-insensitive, surrounding blanks ignored). */
export function parseFailOn(v: string): Severity {
  const s = v.trim().toLowerCase()
  if (s === 'error' || s === 'warning' || s === 'notice') return s
  throw new InputError('fail-on', `expected error, warning or notice, got ${JSON.stringify(v)}`)
}
