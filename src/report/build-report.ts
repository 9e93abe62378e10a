/** Assemble the JSON report from a pipeline result (pure). */
import type { Severity } from '../audit/types.js'
import type { RunContext } from '../github/context.js'
import { compactContents } from '../size/contents.js'
import { REPORT_SCHEMA, THIS_RUN, TREND_POINTS, type RunReport } from './run-report.js'
import { type PipelineResult } from '../result.js'
import { failureReasons } from './verdict.js'
import { cacheMountLines } from './cache-mounts.js'

export function buildRunReport(r: PipelineResult, opts: { dockerfile: string; key: string; failOn: Severity; ctx?: RunContext; now?: Date }): RunReport {
  const reasons = failureReasons(r, opts.failOn)
  const summary = r.audit?.image
  return {
    schema: REPORT_SCHEMA,
    createdAt: (opts.now ?? new Date()).toISOString(),
    dockerfile: opts.dockerfile,
    target: r.runnerStage,
    key: opts.key,
    git: opts.ctx
      ? {
          sha: opts.ctx.pullRequest?.headSha ?? opts.ctx.sha,
          ref: opts.ctx.ref,
          pullRequest: opts.ctx.pullRequest?.number,
          runNumber: opts.ctx.runNumber,
          runAttempt: opts.ctx.runAttempt
        }
      : undefined,
    test: { stage: r.testStage, result: r.testResult },
    image: r.image
      ? {
          id: r.image.imageId,
          tags: r.image.tags,
          digest: r.image.digest,
          user: summary?.user,
          platform: summary ? [summary.os, summary.architecture, summary.variant].filter(Boolean).join('/') : undefined
        }
      : undefined,
    audit: r.audit
      ? {
          failOn: opts.failOn,
          findings: r.audit.findings,
          allowed: r.audit.allowed,
          failing: r.audit.failing,
          source: r.audit.source,
          unusedAllow: r.audit.unusedAllow?.length ? r.audit.unusedAllow : undefined
        }
      : undefined,
    failure: r.failure ? { reason: r.failure, line: r.failedLine, logTail: r.failedLogTail ?? [] } : undefined,
    size: r.size,
    platforms: r.platforms?.map(p => ({
      platform: p.platform,
      id: p.audit.image.id,
      user: p.audit.image.user,
      size: p.size,
      delta: p.delta,
      budgets: p.budgets,
      findings: p.audit.findings.length,
      failing: p.audit.failing,
      contents: p.contents ? compactContents(p.contents) : undefined,
      wasted: p.wasted
    })),
    baselineNote: r.baseline?.note,
    trend:
      r.baseline?.trend && r.size
        ? [
            ...r.baseline.trend.slice(-(TREND_POINTS - 1)),
            { label: THIS_RUN, createdAt: (opts.now ?? new Date()).toISOString(), bytes: r.size.bytes, compressedBytes: r.size.compressedBytes }
          ]
        : undefined,
    delta: r.delta,
    budgets: r.budgets,
    cacheMounts: r.cacheMounts.length ? cacheMountLines(r.cacheMounts) : undefined,
    checks: r.checks,
    verdict: { passed: reasons.length === 0, reasons },
    phases: r.phases.length ? r.phases.map(p => ({ name: p.name, durationMs: p.durationMs, outcome: p.outcome })) : undefined,
    part: r.part ? { name: r.part.name, ...(r.part.digest ? { digest: r.part.digest } : {}), platforms: r.part.platforms.map(p => ({ ...p })) } : undefined
  }
}
