/** Size budgets (`max-size`, `max-increase`) checked against the report and delta (pure). */
import type { SizeDelta, SizeReport } from './model.js'
import { formatBytes, formatDelta, formatPercent, type Increase } from './units.js'

export interface Budgets {
  maxSize?: number
  maxIncrease?: Increase
}

export interface BudgetViolation {
  budget: 'max-size' | 'max-increase'
  message: string
  limit: string
  actual: string
  /** The platform over budget, when the image has several (budgets apply to each). */
  platform?: string
}

/** Violations of the budgets; an increase budget without a baseline cannot be violated. */
export function checkBudgets(b: Budgets, report: SizeReport, delta?: SizeDelta): BudgetViolation[] {
  const out: BudgetViolation[] = []
  if (b.maxSize !== undefined && report.bytes > b.maxSize) {
    out.push({
      budget: 'max-size',
      limit: formatBytes(b.maxSize),
      actual: formatBytes(report.bytes),
      message: `image is ${formatBytes(report.bytes)}, over the max-size budget of ${formatBytes(b.maxSize)}`
    })
  }
  if (b.maxIncrease && delta) {
    const grew = delta.bytes - delta.baseBytes
    const over = b.maxIncrease.kind === 'bytes' ? grew > b.maxIncrease.value : delta.percent !== null && delta.percent > b.maxIncrease.value
    if (over) {
      const limit = b.maxIncrease.kind === 'bytes' ? formatBytes(b.maxIncrease.value) : `${b.maxIncrease.value}%`
      out.push({
        budget: 'max-increase',
        limit,
        actual: `${formatDelta(grew)} (${formatPercent(delta.percent)})`,
        message: `image grew by ${formatDelta(grew)} (${formatPercent(delta.percent)}) against the baseline, over the max-increase budget of ${limit}`
      })
    }
  }
  return out
}
