/**
 * One image's merged report (pure): the parts' platforms, findings, budgets and build checks put
 * together, the size and delta of the largest platform (as a multi-platform build reports it), the
 * index's digest and tags, and a verdict that fails when any part failed or any merge check did.
 */
import type { RunReport } from '../report/run-report.js'
import type { ImageGroup } from './parts.js'

export interface MergeOutcome {
  /** The index pushed (or computed on a dry run); absent when the image's checks failed. */
  digest?: string
  tags: string[]
  /** The merge's own problems for this image (missing parts, registry, push), one line each. */
  problems: string[]
  createdAt: string
  git?: RunReport['git']
}

/** The platforms of a part, for messages: `linux/amd64, linux/arm64`. */
function platformsOf(r: RunReport): string {
  return (r.part?.platforms ?? []).map(p => p.platform).join(', ')
}

export function mergeReports(group: ImageGroup, outcome: MergeOutcome, order: string[] = []): RunReport {
  const reports = group.parts.map(p => p.report)
  const first = reports[0]
  const largest = reports.reduce((a, b) => ((b.size?.bytes ?? -1) > (a.size?.bytes ?? -1) ? b : a))
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length)
  const platforms = reports.flatMap(r => r.platforms ?? []).sort((a, b) => rank(a.platform) - rank(b.platform) || (a.platform < b.platform ? -1 : 1))
  const seenChecks = new Set<string>()
  const checks = reports
    .flatMap(r => r.checks ?? [])
    .filter(c => {
      const id = `${c.rule}\u0000${c.line ?? ''}\u0000${c.message}`
      return seenChecks.has(id) ? false : (seenChecks.add(id), true)
    })
  const audits = reports.map(r => r.audit).filter(a => a !== undefined)
  const tests = reports.map(r => r.test.result)
  const failedPart = reports.find(r => r.failure)
  const reasons = [...outcome.problems, ...reports.flatMap(r => (r.verdict.passed ? [] : r.verdict.reasons.map(x => `${platformsOf(r)}: ${x}`)))]
  return {
    schema: first.schema,
    createdAt: outcome.createdAt,
    dockerfile: first.dockerfile,
    target: first.target,
    key: group.key,
    ...(outcome.git ? { git: outcome.git } : {}),
    test: { stage: first.test.stage, result: tests.includes('failed') ? 'failed' : tests.every(t => t === 'skipped') ? 'skipped' : 'passed' },
    image: {
      id: outcome.digest ?? largest.image?.id ?? '',
      tags: outcome.tags,
      ...(outcome.digest ? { digest: outcome.digest } : {}),
      user: largest.image?.user,
      platform: largest.image?.platform ?? largest.part?.platforms[0]?.platform
    },
    ...(audits.length
      ? {
          audit: {
            failOn: audits[0].failOn,
            findings: audits.flatMap(a => a.findings),
            allowed: audits.flatMap(a => a.allowed),
            failing: audits.reduce((n, a) => n + a.failing, 0),
            unusedAllow: intersect(audits.map(a => a.unusedAllow ?? []))
          }
        }
      : {}),
    ...(failedPart?.failure ? { failure: { ...failedPart.failure, reason: `${platformsOf(failedPart)}: ${failedPart.failure.reason}` } } : {}),
    ...(largest.size ? { size: largest.size } : {}),
    platforms,
    ...(largest.baselineNote ? { baselineNote: largest.baselineNote } : {}),
    ...(largest.trend ? { trend: largest.trend } : {}),
    ...(largest.delta ? { delta: largest.delta } : {}),
    budgets: reports.flatMap(r => r.budgets),
    ...(checks.length ? { checks } : {}),
    verdict: { passed: reasons.length === 0, reasons }
  }
}

/** Patterns every part left unused (one part's unused pattern may match on another platform). */
function intersect(lists: string[][]): string[] | undefined {
  const [head, ...rest] = lists
  const out = (head ?? []).filter(x => rest.every(l => l.includes(x)))
  return out.length ? out : undefined
}

/** Worst first: failed before passed, then more failing findings, then by key. */
export function worstFirst(reports: RunReport[]): RunReport[] {
  const failing = (r: RunReport) => (r.audit?.failing ?? 0) + r.budgets.length + r.verdict.reasons.length
  return [...reports].sort((a, b) => Number(a.verdict.passed) - Number(b.verdict.passed) || failing(b) - failing(a) || (a.key < b.key ? -1 : 1))
}
