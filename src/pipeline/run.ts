/**
 * The pipeline both front ends run, as data flows through it:
 * engine → cache mounts in → test-stage gate → runner build → cache mounts out → audit → size.
 * It returns data (phases, results, reasons to fail); it never decides the step's outcome.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadBaseline } from '../baseline/baseline.js'
import { runTestStage, stageRef, type BuildContext, type RunnerExport, type RunnerImage } from '../build/build.js'
import { callFailure, runCall } from '../build/call.js'
import { callUnsupported, parseBuildWarnings } from '../build/check.js'
import { exportPlan } from '../build/exporters.js'
import { materializeSecrets, type MaterializedSecrets } from '../build/secrets.js'
import { cacheKeyFiles, parseCacheMounts } from '../cache-mounts/inputs.js'
import { restoreCacheMounts, saveCacheMounts } from '../cache-mounts/mounts.js'
import type { Docker, Preflight } from '../docker/docker.js'
import { EnvironmentError, errorMessage, InputError } from '../errors.js'
import type { RunContext } from '../github/context.js'
import { isRemoteContext, type Inputs } from '../inputs/inputs.js'
import { pushByDigestOutput } from '../inputs/outputs.js'
import { maskablePieces, secretValue } from '../inputs/secrets.js'
import type { ImageSource } from '../inspect/inspect-image.js'
import type { Reporter } from '../log.js'
import type { PipelineResult } from '../result.js'
import { createRedactor, redactingReporter, type Redactor } from '../redact.js'
import type { ResolvedPlan } from '../plan/resolve.js'
import type { CacheStore } from '../store/store.js'
import { examineImage } from './examine.js'
import { recordPart, recordUnpushedPart } from './part.js'
import { phase, warn } from './phase.js'
import { blamedLine, buildWithCacheFallback, withLayerCache } from './runner-build.js'

export interface PipelineDeps {
  docker: Docker
  reporter: Reporter
  /** Persistent store for cache mounts and the size baseline; none: both live only in this run. */
  store?: CacheStore
  /** The GitHub run, when this is one (the PR's base branch gives the default baseline). */
  ctx?: RunContext
  /** Where per-layer audit results are kept between runs (the shared tier: nothing secret-dependent). */
  layerCacheDir?: string
  /** Where the secret search's results are kept (a directory only the user reads: see inspect/audit-cache.ts). */
  secretScanCacheDir?: string
  /** Scratch space for this run. */
  tmpDir: string
  /** The report key (one sticky comment and one baseline per key). */
  key: string
  env?: NodeJS.ProcessEnv
  /** The run's one redactor (the front end's); none: one made from `inputs.secrets`. */
  redact?: Redactor
}

/** The phase that checks the engine, buildx and the builder before anything else runs. */
export const ENGINE_PHASE = 'Engine'

/**
 * Run every phase and return what they gave, secrets redacted. Never throws: a phase that fails
 * (the engine check included) ends the run with its reason in `failure`, so every path publishes.
 */
export async function runPipeline(inputs: Inputs, resolved: ResolvedPlan, deps: PipelineDeps): Promise<PipelineResult> {
  const result: PipelineResult = {
    phases: [],
    testResult: 'skipped',
    testStage: resolved.test ? stageRef(resolved.test) : undefined,
    runnerStage: stageRef(resolved.runner),
    warnings: [],
    cacheMounts: [],
    budgets: []
  }
  const redact = deps.redact ?? createRedactor(inputs.secrets.flatMap(maskablePieces))
  try {
    await runPhases(inputs, resolved, { ...deps, reporter: redactingReporter(deps.reporter, redact) }, result)
  } catch (e) {
    result.failure ??= errorMessage(e)
    result.failureKind ??= e instanceof InputError ? 'input' : e instanceof EnvironmentError ? 'environment' : undefined
  }
  const byDigest = pushByDigestOutput(inputs.outputs, inputs.tags)
  if (byDigest) recordUnpushedPart(result, byDigest, inputs.platforms)
  return redact.deep(result)
}

/** The phases in order; each records its outcome on `result`, a stop returns early. */
async function runPhases(inputs: Inputs, resolved: ResolvedPlan, deps: PipelineDeps, result: PipelineResult): Promise<void> {
  const onLine = (line: string) => deps.reporter.info(line)
  const contextDir = isRemoteContext(inputs.context) ? path.dirname(inputs.file) : path.resolve(inputs.context)
  // Resolved before anything runs, so a bad cache-mounts value is an input error with nothing done.
  const mounts = parseCacheMounts(inputs['cache-mounts'], resolved.plan)

  let pre: Preflight
  try {
    pre = await phase(result, deps, ENGINE_PHASE, () => deps.docker.preflight(inputs.builder || undefined))
  } catch (e) {
    // The engine check is a phase like the others: failed, with its reason (phase() recorded it).
    result.failure = errorMessage(e)
    result.failureKind = 'environment'
    return
  }
  result.engine = { server: pre.server, buildx: pre.buildx, builder: pre.builder.name, driver: pre.builder.driver }
  deps.reporter.info(`engine ${pre.server}, buildx ${pre.buildx}, builder ${pre.builder.name} (${pre.builder.driver} driver)`)
  const effective = withLayerCache(inputs, pre, deps, result)
  const unsupported = callUnsupported(inputs.call, pre.buildx)
  if (unsupported) {
    result.failure = unsupported
    return
  }

  for (const w of resolved.warnings ?? []) warn(result, deps.reporter, w)
  const provided = new Set(inputs.secrets.map(s => s.id))
  for (const m of resolved.plan.secretMounts) {
    if (!provided.has(m.id)) {
      warn(
        result,
        deps.reporter,
        `Dockerfile line ${m.line} mounts secret "${m.id}" but no secret with that id was given (secrets, secret-files or secret-envs)`
      )
    }
  }

  const plan = exportPlan(inputs, pre.builder)
  if (plan.blocked) {
    result.failure = plan.blocked
    result.phases.push({ name: `Runner stage "${result.runnerStage}"`, durationMs: 0, outcome: 'skipped', reason: plan.blocked })
    return
  }
  // Checked before anything is built: a baseline input that does not resolve is the user's to fix.
  try {
    result.baseline = await phase(result, deps, 'Baseline', () =>
      loadBaseline({
        baselineReport: inputs['baseline-report'],
        baselineImage: inputs['baseline-image'],
        key: deps.key,
        docker: deps.docker,
        store: deps.store,
        ctx: deps.ctx,
        layerCacheDir: deps.layerCacheDir
      })
    )
  } catch (e) {
    result.failure = e instanceof InputError ? e.message : `baseline: ${errorMessage(e)}`
    if (e instanceof InputError) result.failureKind = 'input'
    return
  }
  if (result.baseline.warning) warn(result, deps.reporter, result.baseline.warning)
  const runnerExport: RunnerExport = { plan, layoutDir: path.join(deps.tmpDir, 'oci-layout') }

  const buildSecrets = inputs.secrets.flatMap(s => {
    const value = secretValue(s)
    return value ? [{ id: s.id, value }] : []
  })
  const mountCtx = {
    docker: deps.docker,
    plan: resolved.plan,
    contextDir,
    options: {
      mounts,
      keyFiles: mounts.length ? cacheKeyFiles(inputs['cache-key-files'], contextDir) : [],
      builder: inputs.builder || undefined,
      platform: inputs.platforms.length === 1 ? inputs.platforms[0] : undefined,
      namespace: inputs['build-args'].find(a => a.startsWith('BUILDKIT_CACHE_MOUNT_NS='))?.slice('BUILDKIT_CACHE_MOUNT_NS='.length)
    },
    store: deps.store,
    reporter: deps.reporter,
    tmpDir: deps.tmpDir,
    secrets: buildSecrets
  }
  if (mounts.length && deps.store) {
    result.cacheMounts.push(...(await phase(result, deps, 'Cache mounts: restore', () => restoreCacheMounts(mountCtx))))
  }

  let secrets: MaterializedSecrets | undefined
  try {
    // Written inside the try whose finally removes them.
    secrets = materializeSecrets(inputs.secrets, deps.tmpDir)
    const ctx: BuildContext = {
      docker: deps.docker,
      inputs: effective,
      driver: pre.builder.driver,
      secrets,
      onLine,
      attestations: pre.builder.features.multiPlatform
    }
    if (inputs.call) {
      const call = await phase(result, deps, `Call "${inputs.call}"`, () => runCall(ctx, resolved.runner))
      result.checks = call.method === 'check' ? call.checks : undefined
      const failed = callFailure(inputs.call, call)
      if (failed) {
        result.phases[result.phases.length - 1].outcome = 'failed'
        result.failure = failed
      }
      return
    }
    if (resolved.test) {
      const test = await phase(result, deps, `Test stage "${stageRef(resolved.test)}"`, () => runTestStage(ctx, resolved.test!))
      result.testResult = test.result
      if (test.result === 'failed') {
        result.phases[result.phases.length - 1].outcome = 'failed'
        result.failedLogTail = test.logTail
        result.failedLine = blamedLine(test.logTail)
        result.failure = `test stage "${test.stage}" failed (exit ${test.exitCode}); the runner image was not built and nothing was pushed`
        result.phases.push({ name: `Runner stage "${result.runnerStage}"`, durationMs: 0, outcome: 'skipped', reason: 'the test stage failed' })
        return
      }
    }
    const image = await buildWithCacheFallback(result, deps, ctx, resolved, runnerExport)
    if (!image) return
    result.image = image
    // BuildKit's Dockerfile checks of this build (buildx ≥ 0.15): findings that fail-on gates.
    const checks = parseBuildWarnings(image.metadata)
    if (checks.length) result.checks = checks
    const byDigest = pushByDigestOutput(inputs.outputs, inputs.tags)
    if (byDigest) await recordPart(result, deps, byDigest, inputs.platforms)
  } catch (e) {
    result.failure ??= errorMessage(e)
    return
  } finally {
    secrets?.cleanup()
  }

  if (mounts.length && deps.store) {
    const restored = result.cacheMounts
    result.cacheMounts = [...restored, ...(await phase(result, deps, 'Cache mounts: save', () => saveCacheMounts(mountCtx, restored)))]
  }
  for (const r of result.cacheMounts) if (r.outcome === 'failed' && r.message) warn(result, deps.reporter, `cache mount ${r.id}: ${r.message}`)

  const source = imageSource(result.image)
  if (!source) {
    result.failure = `the runner image ${result.image.imageId} cannot be audited: the ${pre.builder.driver} builder "${pre.builder.name}" left it neither in the engine's image store nor in an OCI layout`
    result.phases.push({ name: 'Audit', durationMs: 0, outcome: 'failed', reason: result.failure })
    return
  }
  try {
    await examineImage(
      result,
      {
        docker: deps.docker,
        reporter: deps.reporter,
        source,
        label: result.image.imageId,
        dockerfile: { plan: resolved.plan, target: resolved.runner },
        secrets: buildSecrets,
        options: {
          requireNonRoot: inputs['require-non-root'],
          forbidToolchains: inputs['forbid-toolchains'],
          allow: inputs['audit-allow'],
          failOn: inputs['fail-on']
        },
        audit: true,
        layerCacheDir: deps.layerCacheDir,
        secretScanCacheDir: deps.secretScanCacheDir,
        baseline: result.baseline,
        budgets: { maxSize: inputs['max-size'], maxIncrease: inputs['max-increase'] },
        pushed: result.image.digest && result.image.tags[0] ? { tag: result.image.tags[0], digest: result.image.digest } : undefined
      },
      (name, fn) => phase(result, deps, name, fn)
    )
  } finally {
    if (result.image.layoutDir) fs.rmSync(result.image.layoutDir, { recursive: true, force: true })
  }
}

/** Where the audit reads the runner image: the build's OCI layout, else the engine's store. */
export function imageSource(image: RunnerImage): ImageSource | undefined {
  if (image.layoutDir) return { kind: 'layout', dir: image.layoutDir }
  if (image.inEngine) return { kind: 'engine', ref: image.imageId }
  return undefined
}
