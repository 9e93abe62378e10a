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
import { errorMessage, InputError } from './errors.js'
import { readCacheUsage } from './github/cache-usage.js'
import { createGitHubClient } from './github/client.js'
import { readRunContext } from './github/context.js'
import { readInputs, readRegistryAuditInputs, type Inputs, type RegistryAuditInputs } from './inputs/inputs.js'
import { runImageCommand } from './cli/image-commands.js'
import { restoreLayerCache, saveLayerCache } from './inspect/audit-cache-persist.js'
import type { Reporter } from './log.js'
import type { PipelineResult } from './result.js'
import { runPipeline } from './pipeline/run.js'
import { resolvePlan, type ResolvedPlan } from './plan/resolve.js'
import { stageRef } from './build/build.js'
import { checksAnnotationsEnabled } from './build/check.js'
import { readRecordSwitches, refFromMetadata, type RecordSwitches } from './build/record.js'
import { uploadArtifact } from './github/artifact.js'
import type { RunContext } from './github/context.js'
import { publishBuildRecord } from './publish/build-record.js'
import { findReports, parseMode, postReports } from './publish/from-report.js'
import { publishMerge } from './publish/merge-publish.js'
import { readMergeInputs } from './merge/inputs.js'
import { runMerge } from './merge/merge.js'
import { registryManifestReader } from './merge/registry-check.js'
import { appendSummary, publish, redactingCore, type ActionCore, type AnnotationProps } from './publish/publish.js'
import { readPublishInputs, stoppedResult, stoppedRunIdentity } from './publish/stopped-run.js'
import { createRedactor, redactingReporter, type Redactor } from './redact.js'
import { buildRunReport } from './report/build-report.js'
import { renderCacheUsage } from './report/cache-usage.js'
import { defaultReportKey } from './report/run-report.js'
import { ActionsCacheStore } from './store/actions-cache.js'
import { chooseStore, STAGING_ROOT, type CacheStore } from './store/store.js'

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

/**
 * The run, from inputs to outcome. Never throws: every path (inputs that cannot be read, no engine,
 * a failed build) publishes what it can (outputs, report files, summary, comment, check run), and
 * the step's exit code is returned for index.ts to exit with. Everything shown passes one redactor.
 */
export async function run(): Promise<number> {
  const redact = createRedactor()
  const sink = redactingCore(actionCore, redact)
  const reporter = redactingReporter(coreReporter, redact)
  const get = (name: string) => core.getInput(name, { trimWhitespace: false })
  let mode
  try {
    mode = parseMode(core.getInput(Input.Mode))
    if (mode === 'comment-from-report') return await commentFromReport(sink)
    if (mode === 'merge') return await mergeMode(sink, redact, get)
  } catch (e) {
    return fail(sink, redact(errorMessage(e)))
  }
  if (mode === 'audit') return auditFromRegistry(get, sink, reporter, redact)
  let inputs: Inputs
  let resolved: ResolvedPlan
  let checksAnnotations: boolean
  let recordSwitches: RecordSwitches
  try {
    checksAnnotations = checksAnnotationsEnabled(process.env)
    recordSwitches = readRecordSwitches(process.env)
    inputs = readInputs(get, {
      mask: v => {
        redact.add([v])
        core.setSecret(v)
      }
    })
    resolved = resolvePlan(inputs)
  } catch (e) {
    return publishStopped(errorMessage(e), get, sink, redact)
  }
  const dockerfile = workspacePath(inputs.file)
  const key = inputs['comment-key'] || defaultReportKey(dockerfile, resolved.runner)
  const ctx = readRunContext()
  let result: PipelineResult
  let layerCacheDir: string | undefined
  let actions: ActionsCacheStore | undefined
  let cachesApi: ReturnType<typeof createGitHubClient> | undefined
  let store: CacheStore | undefined
  const docker = new Docker()
  const startedAt = new Date()
  try {
    const tmpDir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-'))
    // Secret files are written under tmpDir: a cancelled job removes it (signal handler, post step).
    const temps = [tmpDir, path.join(os.homedir(), STAGING_ROOT.slice(2))]
    core.saveState(TEMP_PATHS_STATE, JSON.stringify(temps))
    cleanupOnSignal(() => temps)
    cachesApi =
      ctx && inputs['github-token']
        ? createGitHubClient({ token: inputs['github-token'], owner: ctx.owner, repo: ctx.repo, baseUrl: ctx.apiUrl, retries: 1 })
        : undefined
    const housekeeping = cachesApi && ctx?.fullRef ? { api: cachesApi, ref: ctx.fullRef } : undefined
    store = chooseStore({
      cacheDir: inputs['cache-dir'],
      actionsCache: () => (actions = new ActionsCacheStore({ stagingRoot: STAGING_ROOT, housekeeping }))
    })
    layerCacheDir = inputs['cache-dir'] ? path.resolve(inputs['cache-dir'], 'audit-layers') : path.join(tmpDir, 'audit-layers')
    // The secret search's results never go to the Actions cache (pull requests can restore it).
    const secretScanCacheDir = inputs['cache-dir'] ? path.resolve(inputs['cache-dir'], 'audit-secret-scans') : path.join(tmpDir, 'audit-secret-scans')
    if (store && !inputs['cache-dir']) await restoreLayerCache(store, key, layerCacheDir, reporter)

    result = await runPipeline(inputs, resolved, { docker, reporter, store, ctx, layerCacheDir, secretScanCacheDir, tmpDir, key, redact })
  } catch (e) {
    // Setting the run up failed (temp dir, stores): still a run that publishes its failure.
    result = stoppedResult(errorMessage(e), stageRef(resolved.runner), 'Setup')
  }
  const report = buildRunReport(result, { dockerfile, key, failOn: inputs['fail-on'], ctx })
  const outDir = path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft')
  await publish(inputs, result, report, {
    core: actionCore,
    redact,
    dockerfile,
    checksAnnotations,
    outDir,
    ctx,
    store,
    buildRecord: c => publishRecord(c, docker, result, { switches: recordSwitches, call: inputs.call, context: inputs.context, startedAt, outDir, ctx }),
    github: (token, c) => createGitHubClient({ token, owner: c.owner, repo: c.repo, baseUrl: c.apiUrl, onRateLimit: m => sink.info(m) })
  })
  try {
    if (store && !inputs['cache-dir'] && layerCacheDir && result.audit && result.audit.source.streamed > 0 && result.image) {
      await saveLayerCache(store, key, result.image.imageId, layerCacheDir, reporter)
    }
    if (actions && cachesApi) await appendSummary(sink, renderCacheUsage(await readCacheUsage(cachesApi), actions))
  } catch (e) {
    sink.warning(`after publishing: ${errorMessage(e)}`)
  }
  if (report.verdict.passed) return 0
  const line = result.failedLine ?? firstFailingLine(result)
  return fail(sink, report.verdict.reasons.join('; '), { file: dockerfile, startLine: line, title: 'Stagecraft' })
}

/**
 * Inputs that cannot be read (or a Dockerfile without the stage asked for): publish a failed
 * report saying why, with the few inputs publishing needs read defensively, then fail the step.
 */
async function publishStopped(reason: string, get: (name: string) => string, sink: ActionCore, redact: Redactor): Promise<number> {
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd()
  const who = stoppedRunIdentity(get, cwd)
  const dockerfile = workspacePath(who.file)
  const key = who.commentKey || `${dockerfile}:${who.runnerStage}`
  const ctx = readRunContext()
  const result = stoppedResult(reason, who.runnerStage)
  const report = buildRunReport(result, { dockerfile, key, failOn: 'error', ctx })
  await publish(readPublishInputs(get), result, report, {
    core: actionCore,
    redact,
    dockerfile,
    outDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft'),
    ctx,
    github: (token, c) => createGitHubClient({ token, owner: c.owner, repo: c.repo, baseUrl: c.apiUrl, onRateLimit: m => sink.info(m) })
  })
  return fail(sink, reason)
}

/**
 * mode: merge — check the part reports against each other and the registry, create each image's
 * index, publish one report (a section per image), and fail when any image failed.
 */
async function mergeMode(sink: ActionCore, redact: Redactor, get: (name: string) => string): Promise<number> {
  const inputs = readMergeInputs(get, { cwd: process.env.GITHUB_WORKSPACE || process.cwd() })
  const ctx = readRunContext()
  const publishInputs = readPublishInputs(get)
  const cacheDir = get(Input.CacheDir).trim()
  const store = chooseStore({ cacheDir, actionsCache: () => new ActionsCacheStore({ stagingRoot: STAGING_ROOT }) })
  const docker = new Docker()
  const result = await runMerge(inputs, {
    docker,
    reader: registryManifestReader(),
    git: ctx
      ? { sha: ctx.pullRequest?.headSha ?? ctx.sha, ref: ctx.ref, pullRequest: ctx.pullRequest?.number, runNumber: ctx.runNumber, runAttempt: ctx.runAttempt }
      : undefined,
    info: m => sink.info(m)
  })
  for (const n of result.notes) sink.warning(n)
  await publishMerge(publishInputs, result, {
    core: actionCore,
    redact,
    dockerfile: result.images[0]?.report.dockerfile ?? '',
    outDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft'),
    ctx,
    store,
    github: (token, c) => createGitHubClient({ token, owner: c.owner, repo: c.repo, baseUrl: c.apiUrl, onRateLimit: m => sink.info(m) })
  })
  const failed = result.images.filter(i => !i.report.verdict.passed)
  if (failed.length === 0) return 0
  return fail(sink, failed.map(i => `${i.name}: ${i.report.verdict.reasons.join('; ')}`).join(' · '))
}

/** mode: comment-from-report — post the sticky comment from a saved report (fork PRs, phase two). */
async function commentFromReport(sink: ActionCore): Promise<number> {
  const files = findReports(core.getInput(Input.ReportFile))
  const ctx = readRunContext()
  const token = core.getInput(Input.GithubToken)
  if (!ctx || !token) throw new Error('mode: comment-from-report needs a GitHub Actions run and github-token')
  const api = createGitHubClient({ token, owner: ctx.owner, repo: ctx.repo, baseUrl: ctx.apiUrl, onRateLimit: m => sink.info(m) })
  for (const line of await postReports(files, api, ctx)) sink[line.level](line.message)
  return 0
}

/**
 * mode: audit — audit and size an image straight from its registry (no engine, no pull), then
 * publish exactly as a build run does. The audit layer cache is restored and saved as a build's.
 */
async function auditFromRegistry(get: (name: string) => string, sink: ActionCore, reporter: Reporter, redact: Redactor): Promise<number> {
  let inputs: RegistryAuditInputs
  try {
    inputs = readRegistryAuditInputs(get, process.env.GITHUB_WORKSPACE || process.cwd())
  } catch (e) {
    return publishStopped(errorMessage(e), get, sink, redact)
  }
  const dockerfile = inputs.file ? workspacePath(inputs.file) : inputs.image
  const key = inputs['comment-key'] || inputs.image.replace(/@sha256:[0-9a-f]+$/, '')
  const ctx = readRunContext()
  const tmpDir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-'))
  core.saveState(TEMP_PATHS_STATE, JSON.stringify([tmpDir]))
  const store = chooseStore({ cacheDir: inputs['cache-dir'], actionsCache: () => new ActionsCacheStore({ stagingRoot: STAGING_ROOT }) })
  const layerCacheDir = inputs['cache-dir'] ? path.resolve(inputs['cache-dir'], 'audit-layers') : path.join(tmpDir, 'audit-layers')
  if (store && !inputs['cache-dir']) await restoreLayerCache(store, key, layerCacheDir, reporter)
  let result: PipelineResult
  try {
    result = await runImageCommand({
      docker: new Docker(),
      reporter,
      image: inputs.image,
      registry: { input: Input.Image },
      audit: true,
      inputs,
      dockerfile: inputs.file ? { path: inputs.file, target: inputs.target } : undefined,
      layerCacheDir,
      key,
      store,
      ctx
    })
  } catch (e) {
    result = stoppedResult(errorMessage(e), inputs.target || 'image', 'Audit')
    if (e instanceof InputError) result.failureKind = 'input'
  }
  const report = buildRunReport(result, { dockerfile, key, failOn: inputs['fail-on'], ctx })
  await publish(inputs, result, report, {
    core: actionCore,
    redact,
    dockerfile,
    outDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft'),
    ctx,
    store,
    github: (token, c) => createGitHubClient({ token, owner: c.owner, repo: c.repo, baseUrl: c.apiUrl, onRateLimit: m => sink.info(m) })
  })
  if (store && !inputs['cache-dir'] && result.audit && result.audit.source.streamed > 0 && result.image) {
    await saveLayerCache(store, key, result.image.imageId, layerCacheDir, reporter)
  }
  if (report.verdict.passed) return 0
  const line = inputs.file ? firstFailingLine(result) : undefined
  return fail(sink, report.verdict.reasons.join('; '), line ? { file: dockerfile, startLine: line, title: 'Stagecraft' } : undefined)
}

/**
 * The build record of the run's builds (BPA v7's summary and record upload): the builds buildx
 * started on the run's builder since the run began (the test stage's and the image's, failed ones
 * too), and the image build's own ref from its metadata.
 */
async function publishRecord(
  c: ActionCore,
  docker: Docker,
  result: PipelineResult,
  o: { switches: RecordSwitches; call: string; context: string; startedAt: Date; outDir: string; ctx?: RunContext }
): Promise<void> {
  if (!result.engine) return c.info('Build record: no build ran (the engine was not reached)')
  if (!o.ctx) return c.info('Build record: not in a GitHub Actions run (GITHUB_REPOSITORY is not set)')
  // buildx records a local context by its absolute path, a remote one as given.
  const context = /^[a-z]+:\/\/|^git@/i.test(o.context) ? o.context : path.resolve(o.context)
  let refs = docker.buildRefsSince(result.engine.builder, o.startedAt, context)
  const own = refFromMetadata(result.image?.metadata)
  if (own && !refs.includes(own)) refs.push(own)
  // A build that BuildKit kept no record of (cancelled before it solved) cannot be exported.
  const kept = refs.length > 0 ? await docker.historyRefs(result.engine.builder).catch(() => undefined) : undefined
  if (kept) refs = refs.filter(r => kept.has(r))
  const { owner, repo, runId, serverUrl } = o.ctx
  await publishBuildRecord(
    c,
    { switches: o.switches, call: o.call, serverUrl, buildx: result.engine.buildx, refs },
    {
      exportRecord: (builder, ids, file, finalize) => docker.historyExport(builder, ids, file, finalize),
      upload: uploadArtifact,
      wait: ms => new Promise(r => setTimeout(r, ms)),
      outDir: o.outDir,
      owner,
      repo,
      runId
    }
  )
}

function firstFailingLine(r: PipelineResult): number | undefined {
  return r.audit?.findings.find(f => f.severity === 'error')?.evidence.line
}

/** The Dockerfile as the runner's annotations want it: relative to the workspace when inside it. */
function workspacePath(file: string): string {
  const rel = path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), file)
  return rel && !rel.startsWith('..') ? rel : file
}

/** Fail the step with one error annotation, on the Dockerfile line when there is one; returns the exit code. */
function fail(sink: ActionCore, message: string, props?: AnnotationProps): number {
  sink.error(message, props?.startLine ? props : {})
  return core.ExitCode.Failure
}
