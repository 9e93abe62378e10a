/**
 * The action: read inputs, run the pipeline, publish (outputs, report files, annotations, job
 * summary, PR comment, check run, baseline) and decide the step's outcome. The only module that
 * fails the step; publishing problems are warnings.
 */
import * as core from '@actions/core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cleanupOnSignal, TEMP_PATHS_STATE } from './cleanup.js'
import { Input } from './constants.js'
import { Docker } from './docker/docker.js'
import { errorMessage } from './errors.js'
import { readCacheUsage } from './github/cache-usage.js'
import { createGitHubClient } from './github/client.js'
import { readRunContext } from './github/context.js'
import { readInputs } from './inputs/inputs.js'
import { restoreLayerCache, saveLayerCache } from './inspect/layer-cache-persist.js'
import type { Reporter } from './log.js'
import type { PipelineResult } from './model/result.js'
import { runPipeline } from './pipeline/run.js'
import { resolvePlan } from './plan/resolve.js'
import { findReports, parseMode, postReports } from './publish/from-report.js'
import { appendSummary, publish, type ActionCore } from './publish/publish.js'
import { buildRunReport } from './report/build-report.js'
import { renderCacheUsage } from './report/cache-usage.js'
import { defaultReportKey } from './report/run-report.js'
import { ActionsCacheStore } from './store/actions-cache.js'
import { chooseStore, STAGING_ROOT } from './store/store.js'

/** Reporter on top of @actions/core: groups fold in the log, secrets are registered as masks. */
export const coreReporter: Reporter = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  setSecret: v => core.setSecret(v),
  group: (name, fn) => core.group(name, fn)
}

/** What publishing uses of @actions/core. */
const actionCore: ActionCore = {
  setOutput: (name, value) => core.setOutput(name, value),
  info: m => core.info(m),
  warning: (m, props) => core.warning(m, props ?? {}),
  error: (m, props) => core.error(m, props ?? {}),
  notice: (m, props) => core.notice(m, props ?? {}),
  appendSummary: async markdown => {
    await core.summary.addRaw(markdown).write()
  }
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
    // The secret search's results never go to the Actions cache (pull requests can restore it).
    const secretScanCacheDir = inputs['cache-dir'] ? path.resolve(inputs['cache-dir'], 'audit-secret-scans') : path.join(tmpDir, 'audit-secret-scans')
    if (store && !inputs['cache-dir']) await restoreLayerCache(store, key, layerCacheDir, coreReporter)

    const result = await runPipeline(inputs, resolved, { docker, reporter: coreReporter, store, ctx, layerCacheDir, secretScanCacheDir, tmpDir, key })
    const report = buildRunReport(result, { dockerfile, key, failOn: inputs['fail-on'], ctx })
    await publish(inputs, result, report, {
      core: actionCore,
      dockerfile,
      outDir: path.join(process.env.RUNNER_TEMP || tmpDir, 'stagecraft'),
      ctx,
      store,
      github: (token, c) => createGitHubClient({ token, owner: c.owner, repo: c.repo, baseUrl: c.apiUrl, onRateLimit: m => core.info(m) })
    })
    if (store && !inputs['cache-dir'] && result.audit && result.audit.source.streamed > 0 && result.image) {
      await saveLayerCache(store, key, result.image.imageId, layerCacheDir, coreReporter)
    }
    if (actions && cachesApi) await appendSummary(actionCore, renderCacheUsage(await readCacheUsage(cachesApi), actions))
    if (!report.verdict.passed) {
      const line = result.failedLine ?? firstFailingLine(result)
      fail(report.verdict.reasons.join('; '), { file: dockerfile, startLine: line, title: 'Stagecraft' })
    }
  } catch (e) {
    fail(errorMessage(e))
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
