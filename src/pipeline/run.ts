/**
 * The pipeline both front ends run, as data flows through it:
 * engine → baseline → cache mounts in → test-stage gate → runner build → cache mounts out → audit → size.
 * Each phase returns its outcome and `runPipeline` composes them into the result, top to bottom;
 * it returns data (phases, results, reasons to fail) and never decides the step's outcome.
 */
import fs from 'node:fs'
import path from 'node:path'
import { stageRef, type BuildContext, type RunnerImage } from '../build/build.js'
import { callUnsupported } from '../build/check.js'
import { exportPlan } from '../build/exporters.js'
import { materializeSecrets, type MaterializedSecrets } from '../build/secrets.js'
import { parseCacheMounts } from '../cache-mounts/inputs.js'
import type { Docker } from '../docker/docker.js'
import { errorMessage } from '../errors.js'
import type { RunContext } from '../github/context.js'
import { isRemoteContext, type Inputs } from '../inputs/inputs.js'
import { pushByDigestOutput } from '../inputs/outputs.js'
import { maskablePieces, secretValue } from '../inputs/secrets.js'
import { prepareSecretsKey } from '../inspect/audit-cache.js'
import type { ImageSource } from '../inspect/inspect-image.js'
import { LayoutPrefetch } from '../inspect/layout-prefetch.js'
import { secretNeedles, type SecretInput } from '../inspect/secret-search.js'
import type { Reporter } from '../log.js'
import type { PipelineResult } from '../result.js'
import { createRedactor, redactingReporter, type Redactor } from '../redact.js'
import type { ResolvedPlan } from '../plan/resolve.js'
import type { CacheStore } from '../store/store.js'
import { callPhase } from './call.js'
import { examineImage } from './examine.js'
import { mountContext, mountWarnings, restoreMounts, saveMounts } from './mounts.js'
import { partPhase, unpushedPart } from './part.js'
import { compose, failureOf, warnings, type Outcome } from './phase.js'
import { baselinePhase, checkEngine, planWarnings } from './prepare.js'
import { buildWithCacheFallback, chooseLayerCache, withLayerCache } from './runner-build.js'
import { testGate } from './test-gate.js'

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

/**
 * Run every phase and compose their outcomes into the result, secrets redacted. Never throws: a
 * phase that fails (the engine check included) ends the run with its reason in `failure`, so
 * every path publishes.
 */
export async function runPipeline(inputs: Inputs, resolved: ResolvedPlan, deps: PipelineDeps): Promise<PipelineResult> {
  const start: PipelineResult = {
    phases: [],
    testResult: 'skipped',
    testStage: resolved.test ? stageRef(resolved.test) : undefined,
    runnerStage: stageRef(resolved.runner),
    warnings: [],
    cacheMounts: [],
    budgets: []
  }
  const redact = deps.redact ?? createRedactor(inputs.secrets.flatMap(maskablePieces))
  const outcomes: Outcome[] = []
  try {
    for await (const outcome of phases(inputs, resolved, start.runnerStage, { ...deps, reporter: redactingReporter(deps.reporter, redact) })) {
      outcomes.push(outcome)
    }
  } catch (e) {
    // Each phase returns its own failure: this is what none of them expected (a bad input found on the way).
    outcomes.push(failureOf(e))
  }
  const ran = compose(start, outcomes)
  const byDigest = pushByDigestOutput(inputs.outputs, inputs.tags)
  return redact.deep(byDigest ? compose(ran, [unpushedPart(ran, byDigest, inputs.platforms)]) : ran)
}

/**
 * The phases in order, each yielding its outcome. An outcome with a failure ends the run, except
 * a split build's part: the image it built is still audited.
 */
async function* phases(inputs: Inputs, resolved: ResolvedPlan, runnerStage: string, deps: PipelineDeps): AsyncGenerator<Outcome> {
  const contextDir = isRemoteContext(inputs.context) ? path.dirname(inputs.file) : path.resolve(inputs.context)
  // Resolved before anything runs, so a bad cache-mounts value is an input error with nothing done.
  const mounts = parseCacheMounts(inputs['cache-mounts'], resolved.plan)

  const engine = await checkEngine(deps.docker, inputs.builder, deps.reporter)
  yield engine.outcome
  const pre = engine.preflight
  if (!pre) return
  const layerCache = chooseLayerCache(inputs, pre, deps)
  yield { layerCache }
  const unsupported = callUnsupported(inputs.call, pre.buildx)
  if (unsupported) {
    yield { failure: unsupported }
    return
  }

  yield { warnings: warnings(deps.reporter, planWarnings(resolved, inputs)) }
  const plan = exportPlan(inputs, pre.builder)
  if (plan.blocked) {
    yield { phases: [{ name: `Runner stage "${runnerStage}"`, durationMs: 0, outcome: 'skipped', reason: plan.blocked }], failure: plan.blocked }
    return
  }
  const baseline = await baselinePhase(inputs, deps)
  yield baseline
  if (baseline.failure) return

  const buildSecrets = inputs.secrets.flatMap(s => {
    const value = secretValue(s)
    return value ? [{ id: s.id, value }] : []
  })
  const mountCtx = mountContext(inputs, resolved, deps, { contextDir, mounts, secrets: buildSecrets })
  const persistMounts = mounts.length > 0 && deps.store !== undefined
  const restored = persistMounts ? await restoreMounts(mountCtx) : {}
  yield restored
  if (restored.failure) return

  let secrets: MaterializedSecrets
  try {
    secrets = materializeSecrets(inputs.secrets, deps.tmpDir) // removes what it wrote when it throws
  } catch (e) {
    yield { failure: errorMessage(e) }
    return
  }
  let image: RunnerImage | undefined
  let prefetch: LayoutPrefetch | undefined
  try {
    const ctx: BuildContext = {
      docker: deps.docker,
      inputs: withLayerCache(inputs, layerCache),
      driver: pre.builder.driver,
      secrets,
      onLine: line => deps.reporter.info(line),
      attestations: pre.builder.features.multiPlatform
    }
    if (inputs.call) {
      yield await callPhase(ctx, inputs.call, resolved.runner, deps.reporter)
      return
    }
    if (resolved.test) {
      const test = await testGate(ctx, resolved.test, runnerStage, deps.reporter)
      yield test
      if (test.failure) return
    }
    // The key of the audit cache's private tier is derived in the background meanwhile.
    if (deps.secretScanCacheDir) void prepareSecretsKey(buildSecrets)
    const layoutDir = path.join(deps.tmpDir, 'oci-layout')
    // The layers are read while BuildKit writes the layout, so the audit mostly finds them read.
    prefetch = plan.layout === 'none' ? undefined : watchLayout(layoutDir, buildSecrets, deps)
    const built = await buildWithCacheFallback(ctx, resolved.runner, { plan, layoutDir }, runnerStage, deps.reporter)
    prefetch?.close()
    yield built
    if (!built.image) return
    image = built.image
    const byDigest = pushByDigestOutput(inputs.outputs, inputs.tags)
    if (byDigest) yield await partPhase(image, deps, byDigest, inputs.platforms)
  } finally {
    secrets.cleanup()
    // No image to audit (a failed build, a `call`, an error): nothing read early is needed.
    if (!image) prefetch?.abort()
  }
  if (!image) return

  if (persistMounts) {
    const saved = await saveMounts(mountCtx, restored.cacheMounts ?? [])
    yield saved
    if (saved.failure) return
    yield { warnings: warnings(deps.reporter, mountWarnings([...(restored.cacheMounts ?? []), ...(saved.cacheMounts ?? [])])) }
  }

  const source = imageSource(image, prefetch)
  if (!source) {
    const failure = `the runner image ${image.imageId} cannot be audited: the ${pre.builder.driver} builder "${pre.builder.name}" left it neither in the engine's image store nor in an OCI layout`
    yield { phases: [{ name: 'Audit', durationMs: 0, outcome: 'failed', reason: failure }], failure }
    return
  }
  try {
    yield await examineImage({
      docker: deps.docker,
      reporter: deps.reporter,
      source,
      label: image.imageId,
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
      baseline: baseline.baseline,
      budgets: { maxSize: inputs['max-size'], maxIncrease: inputs['max-increase'] },
      pushed: image.digest && image.tags[0] ? { tag: image.tags[0], digest: image.digest } : undefined
    })
  } finally {
    prefetch?.abort()
    if (image.layoutDir) fs.rmSync(image.layoutDir, { recursive: true, force: true })
  }
}

/** Where the audit reads the runner image: the build's OCI layout (with what was read while it was written), else the engine's store. */
export function imageSource(image: RunnerImage, prefetch?: LayoutPrefetch): ImageSource | undefined {
  if (image.layoutDir) return prefetch ? { kind: 'layout', dir: image.layoutDir, prefetch } : { kind: 'layout', dir: image.layoutDir }
  if (image.inEngine) return { kind: 'engine', ref: image.imageId }
  return undefined
}

/**
 * Read the layer blobs of the OCI layout while the build writes them (searched for the build's
 * secrets). Not when the audit's layer cache already holds layers (a warm runner): the audit then
 * reads only the layers it lacks, and reading every layer beside the build would only cost CPU.
 */
function watchLayout(dir: string, secrets: SecretInput[], deps: Pick<PipelineDeps, 'layerCacheDir' | 'secretScanCacheDir'>): LayoutPrefetch | undefined {
  const holdsLayers = (d: string | undefined) => {
    try {
      return d !== undefined && fs.readdirSync(d).some(f => f.startsWith('layer-'))
    } catch {
      return false
    }
  }
  if (holdsLayers(deps.layerCacheDir) || holdsLayers(deps.secretScanCacheDir)) return undefined
  return new LayoutPrefetch(dir, { needles: secretNeedles(secrets) }).start()
}
