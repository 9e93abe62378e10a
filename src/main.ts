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
import { chooseStore, keyPart, STAGING_ROOT, type CacheStore } from './store/store.js'
import { cleanupOnSignal, TEMP_PATHS_STATE } from './cleanup.js'
import { Input, Output } from './constants.js'
import { findReports, parseMode, postReports } from './publish/from-report.js'
import { Docker } from './docker/docker.js'
import { errorMessage } from './errors.js'
import { createGitHubClient } from './github/client.js'
import { readRunContext, type RunContext } from './github/context.js'
import { checkAnnotations, commentTarget, publishCheckRun, publishComment, runStamp } from './publish/pull-request.js'
import { readInputs, type Inputs } from './inputs/inputs.js'
import type { Reporter } from './log.js'
import { runPipeline } from './pipeline/run.js'
import { resolvePlan } from './plan/resolve.js'
import { buildRunReport } from './report/build-report.js'
import { renderReport } from './report/markdown.js'
import { defaultReportKey, type RunReport } from './report/run-report.js'
import { toSarif } from './report/sarif.js'
import { renderSummary } from './report/summary.js'
import { saveBaseline } from './baseline/baseline.js'
import { restoreLayerCache, saveLayerCache } from './inspect/layer-cache-persist.js'
import { ActionsCacheStore } from './store/actions-cache.js'
import { readCacheUsage } from './github/cache-usage.js'
import { type PipelineResult } from './model/result.js'
import { failingCount } from './report/verdict.js'
import { renderCacheUsage } from './report/cache-usage.js'

/** Reporter on top of @actions/core: groups fold in the log, secrets are registered as masks. */
export const coreReporter: Reporter = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  setSecret: v => core.setSecret(v),
  group: (name, fn) => core.group(name, fn)
}

export async function run(): Promise<void> {
  try {
    if (parseMode(core.getInput(Input.Mode)) === 'comment-from-report') return await commentFromReport()
    const inputs = readInputs(name => core.getInput(name, { trimWhitespace: false }), { mask: v => core.setSecret(v) })
    const resolved = resolvePlan(inputs)
    const dockerfile = workspacePath(inputs.file)
    const key = inputs['comment-key'] || defaultReportKey(dockerfile, resolved.runner)
    const tmpDir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-'))
    // Secret files are written under tmpDir: a cancelled job removes it (signal handler, post step).
    const temps = [tmpDir, path.join(os.homedir(), STAGING_ROOT.slice(2))]
    core.saveState(TEMP_PATHS_STATE, JSON.stringify(temps))
    cleanupOnSignal(() => temps)
    const ctx = readRunContext()
    const cachesApi = ctx && inputs['github-token'] ? createGitHubClient({ token: inputs['github-token'], owner: ctx.owner, repo: ctx.repo, baseUrl: ctx.apiUrl, retries: 1 }) : undefined
    let actions: ActionsCacheStore | undefined
    const store = chooseStore({
      cacheDir: inputs['cache-dir'],
      actionsCache: () => (actions = new ActionsCacheStore({ stagingRoot: STAGING_ROOT, housekeeping: cachesApi && ctx?.fullRef ? { api: cachesApi, ref: ctx.fullRef } : undefined }))
    })
    const docker = new Docker()
    const layerCacheDir = inputs['cache-dir'] ? path.resolve(inputs['cache-dir'], 'audit-layers') : path.join(tmpDir, 'audit-layers')
    if (store && !inputs['cache-dir']) await restoreLayerCache(store, key, layerCacheDir, coreReporter)

    const result = await runPipeline(inputs, resolved, { docker, reporter: coreReporter, store, ctx, layerCacheDir, tmpDir, key })
    const report = buildRunReport(result, { dockerfile, key, failOn: inputs['fail-on'], ctx })
    await publish(inputs, result, report, { dockerfile, tmpDir, ctx, store })
    if (store && !inputs['cache-dir'] && result.audit && result.audit.source.streamed > 0 && result.image) {
      await saveLayerCache(store, key, result.image.imageId, layerCacheDir, coreReporter)
    }
    if (actions && cachesApi) await appendSummary(renderCacheUsage(await readCacheUsage(cachesApi), actions))
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
  const markdown = renderReport(report)
  const commentPath = path.join(outDir, `${slug}.comment.md`)
  fs.writeFileSync(commentPath, `${markdown}\n`)
  core.setOutput(Output.CommentFile, commentPath)
  core.setOutput(Output.CommentMarkdown, markdown)
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
        else core.info(out.info ?? `PR comment ${out.status}: ${out.url}`)
      }
      if (inputs['check-name']) {
        const out = await publishCheckRun(api, {
          name: inputs['check-name'],
          sha: env.ctx.pullRequest?.headSha ?? env.ctx.sha,
          passed: report.verdict.passed,
          title: report.verdict.passed ? 'Passed' : report.verdict.reasons[0],
          summary: renderReport(report),
          annotations: checkAnnotations(result.audit?.findings ?? [], env.dockerfile),
          stamp: runStamp(env.ctx)
        })
        if (out.note) core.warning(out.note)
        else if (out.info) core.info(out.info)
      }
    }
  }
  if (env.store && env.ctx && result.size) {
    const w = await saveBaseline(env.store, report, env.ctx)
    if (w) core.warning(w)
  }
}

/** mode: comment-from-report — post the sticky comment from a saved report (fork PRs, phase two). */
async function commentFromReport(): Promise<void> {
  const files = findReports(core.getInput(Input.ReportFile))
  const ctx = readRunContext()
  const token = core.getInput(Input.GithubToken)
  if (!ctx || !token) throw new Error('mode: comment-from-report needs a GitHub Actions run and github-token')
  const api = createGitHubClient({ token, owner: ctx.owner, repo: ctx.repo, baseUrl: ctx.apiUrl, onRateLimit: m => core.info(m) })
  for (const line of await postReports(files, api, ctx)) core[line.level](line.message)
}

/** Add a section to the job summary; a failure is a warning. */
async function appendSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write()
  } catch (e) {
    core.warning(`could not write the job summary: ${errorMessage(e)}`)
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
