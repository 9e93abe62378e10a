/**
 * The action: read inputs, run the pipeline, publish (outputs, report files, annotations, job
 * summary, PR comment, check run, baseline) and decide the step's outcome. The only module that
 * fails the step; publishing problems are warnings.
 */
import * as core from '@actions/core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Finding } from './audit/types.js'
import { chooseStore, keyPart, type CacheStore } from './cache/store.js'
import { Output } from './constants.js'
import { Docker } from './docker/docker.js'
import { errorMessage } from './errors.js'
import { createGitHubClient } from './github/client.js'
import { readRunContext, type RunContext } from './github/context.js'
import { checkAnnotations, commentTarget, publishCheckRun, publishComment } from './github/publish.js'
import { readInputs, type Inputs } from './inputs/inputs.js'
import type { Reporter } from './log.js'
import { runPipeline, type PipelineResult } from './pipeline.js'
import { resolvePlan } from './plan/resolve.js'
import { buildRunReport, failingCount } from './report/build-report.js'
import { renderReport } from './report/markdown.js'
import { defaultReportKey, type RunReport } from './report/run-report.js'
import { toSarif } from './report/sarif.js'
import { renderSummary } from './report/summary.js'
import { saveBaseline } from './size/baseline.js'
import { restoreLayerCache, saveLayerCache } from './cache/audit-layers.js'

/** Reporter on top of @actions/core: groups fold in the log, secrets are registered as masks. */
export const coreReporter: Reporter = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  setSecret: v => core.setSecret(v),
  group: (name, fn) => core.group(name, fn)
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs(name => core.getInput(name, { trimWhitespace: false }), { mask: v => core.setSecret(v) })
    const resolved = resolvePlan(inputs)
    const dockerfile = workspacePath(inputs.file)
    const key = inputs['comment-key'] || defaultReportKey(dockerfile, resolved.runner)
    const tmpDir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-'))
    const ctx = readRunContext()
    const store = await chooseStore({ cacheDir: inputs['cache-dir'] })
    const docker = new Docker()
    const layerCacheDir = inputs['cache-dir'] ? path.resolve(inputs['cache-dir'], 'audit-layers') : path.join(tmpDir, 'audit-layers')
    if (store && !inputs['cache-dir']) await restoreLayerCache(store, key, layerCacheDir, coreReporter)

    const result = await runPipeline(inputs, resolved, { docker, reporter: coreReporter, store, ctx, layerCacheDir, tmpDir, key })
    const report = buildRunReport(result, { dockerfile, key, failOn: inputs['fail-on'], ctx })
    await publish(inputs, result, report, { dockerfile, tmpDir, ctx, store })
    if (store && !inputs['cache-dir'] && result.audit && result.audit.source.streamed > 0 && result.image) {
      await saveLayerCache(store, key, result.image.imageId, layerCacheDir, coreReporter)
    }
    if (!report.verdict.passed) {
      const line = result.failedLine ?? firstFailingLine(result)
      fail(report.verdict.reasons.join('; '), { file: dockerfile, startLine: line, title: 'Stagecraft' })
    }
  } catch (e) {
    fail(errorMessage(e))
  }
}

async function publish(
  inputs: Inputs,
  result: PipelineResult,
  report: RunReport,
  env: { dockerfile: string; tmpDir: string; ctx?: RunContext; store?: CacheStore }
): Promise<void> {
  core.setOutput(Output.TestResult, result.testResult)
  if (result.image) {
    core.setOutput(Output.ImageId, result.image.imageId)
    core.setOutput(Output.Metadata, result.image.metadata)
    if (result.image.digest) core.setOutput(Output.Digest, result.image.digest)
  }
  const outDir = path.join(process.env.RUNNER_TEMP || env.tmpDir, 'stagecraft')
  fs.mkdirSync(outDir, { recursive: true })
  const slug = keyPart(report.key)
  const reportPath = path.join(outDir, `${slug}.report.json`)
  fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`)
  core.setOutput(Output.Report, reportPath)
  if (result.audit) {
    const sarifPath = path.join(outDir, `${slug}.sarif`)
    fs.writeFileSync(sarifPath, `${JSON.stringify(toSarif(result.audit, env.dockerfile), null, 2)}\n`)
    core.setOutput(Output.Sarif, sarifPath)
    for (const f of result.audit.findings) annotate(f, env.dockerfile)
  }
  for (const c of result.checks ?? []) ANNOTATE[c.severity](c.message, { title: `Stagecraft ${c.rule}`, file: env.dockerfile, startLine: c.line ?? 1 })
  core.setOutput(Output.Findings, String(failingCount(result, inputs['fail-on'])))
  if (result.size) {
    core.setOutput(Output.Size, String(result.size.bytes))
    core.setOutput(Output.CompressedSize, String(result.size.compressedBytes))
  }
  if (report.platforms) core.setOutput(Output.Platforms, JSON.stringify(platformsOutput(report)))
  if (result.delta) {
    core.setOutput(Output.SizeDelta, String(result.delta.bytes - result.delta.baseBytes))
    core.setOutput(Output.SizeDeltaPercent, result.delta.percent === null ? '' : result.delta.percent.toFixed(2))
  }
  for (const b of result.budgets) core.error(b.message, { title: `Stagecraft: ${b.budget}`, file: env.dockerfile, startLine: 1 })

  try {
    await core.summary.addRaw(renderSummary(result, report, env.store?.name)).write()
  } catch (e) {
    core.warning(`could not write the job summary: ${errorMessage(e)}`)
  }

  const target = commentTarget(inputs.comment, env.ctx)
  if (target.note) core.warning(target.note)
  const needsApi = target.issue !== undefined || inputs['check-name']
  if (needsApi && env.ctx) {
    if (!inputs['github-token']) {
      core.warning('github-token is empty: no PR comment or check run (the report is in the job summary)')
    } else {
      const api = createGitHubClient({ token: inputs['github-token'], owner: env.ctx.owner, repo: env.ctx.repo, baseUrl: env.ctx.apiUrl, onRateLimit: m => core.info(m) })
      if (target.issue !== undefined) {
        const out = await publishComment(api, target.issue, report.key, renderReport(report), env.ctx)
        if (out.note) core.warning(out.note)
        else core.info(`PR comment ${out.status}: ${out.url}`)
      }
      if (inputs['check-name']) {
        const out = await publishCheckRun(api, {
          name: inputs['check-name'],
          sha: env.ctx.pullRequest?.headSha ?? env.ctx.sha,
          passed: report.verdict.passed,
          title: report.verdict.passed ? 'Passed' : report.verdict.reasons[0],
          summary: renderReport(report),
          annotations: checkAnnotations(result.audit?.findings ?? [], env.dockerfile)
        })
        if (out.note) core.warning(out.note)
      }
    }
  }
  if (env.store && env.ctx && result.size) {
    const w = await saveBaseline(env.store, report, env.ctx)
    if (w) core.warning(w)
  }
}

const ANNOTATE = { error: core.error, warning: core.warning, notice: core.notice } as const

function annotate(f: Finding, dockerfile: string): void {
  const where = f.evidence.path ? ` (${f.evidence.path})` : ''
  const platform = f.platform ? ` [${f.platform}]` : ''
  ANNOTATE[f.severity](`${f.message}${where}`, { title: `Stagecraft ${f.rule}${platform}`, file: dockerfile, startLine: f.evidence.line ?? 1 })
}

/** The `platforms` output: one compact entry per platform. */
export function platformsOutput(report: RunReport): { platform: string; size: number; compressedSize: number; sizeDelta: number | null; findings: number; failing: number }[] {
  return (report.platforms ?? []).map(p => ({
    platform: p.platform,
    size: p.size.bytes,
    compressedSize: p.size.compressedBytes,
    sizeDelta: p.delta ? p.delta.bytes - p.delta.baseBytes : null,
    findings: p.findings,
    failing: p.failing
  }))
}

function firstFailingLine(r: PipelineResult): number | undefined {
  return r.audit?.findings.find(f => f.severity === 'error')?.evidence.line
}

/** The Dockerfile as the runner's annotations want it: relative to the workspace when inside it. */
function workspacePath(file: string): string {
  const rel = path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), file)
  return rel && !rel.startsWith('..') ? rel : file
}

/** Fail the step with one error annotation, on the Dockerfile line when there is one. */
function fail(message: string, props?: core.AnnotationProperties): void {
  core.error(message, props?.startLine ? props : {})
  process.exitCode = core.ExitCode.Failure
}
