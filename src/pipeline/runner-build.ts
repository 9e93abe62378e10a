/**
 * The runner build as a phase: the default layer cache chosen for the builder, and one retry
 * without cache-to when only the cache export failed (a cache problem never fails a build).
 */
import { buildRunner, BuildFailedError, type BuildContext, type RunnerExport } from '../build/build.js'
import { cacheExportFailed, defaultLayerCache } from '../build/buildkit-cache.js'
import { parseBuildWarnings } from '../build/check.js'
import type { Preflight } from '../docker/docker.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/inputs.js'
import type { Reporter } from '../log.js'
import type { Phase, PipelineResult } from '../result.js'
import type { Stage } from '../plan/dockerfile.js'
import { timed, warnings, type Outcome } from './phase.js'
import type { PipelineDeps } from './run.js'

export type LayerCache = NonNullable<PipelineResult['layerCache']>

/** The layer cache for the builder: the user's, else the default the builder can use, and why (shown). */
export function chooseLayerCache(inputs: Inputs, pre: Preflight, deps: Pick<PipelineDeps, 'env' | 'key' | 'reporter'>): LayerCache {
  const chosen = defaultLayerCache({
    driver: pre.builder.driver,
    env: deps.env ?? process.env,
    cacheFrom: inputs['cache-from'],
    cacheTo: inputs['cache-to'],
    containerdStore: pre.containerdStore,
    engineVersion: pre.server,
    buildkitVersion: pre.builder.buildkit,
    scope: deps.key
  })
  deps.reporter.info(`layer cache: ${chosen.reason}`)
  return chosen
}

/** Inputs with the chosen layer cache in place of the user's. Pure. */
export function withLayerCache(inputs: Inputs, chosen: LayerCache): Inputs {
  return { ...inputs, 'cache-from': chosen.cacheFrom, 'cache-to': chosen.cacheTo }
}

/**
 * Build the runner. A build whose only failure was exporting the layer cache is built again
 * without cache-to (its layers are all cached by then): a cache problem never fails a build.
 * The outcome holds the image and BuildKit's Dockerfile checks of the build, or why it failed.
 */
export async function buildWithCacheFallback(ctx: BuildContext, runner: Stage, exp: RunnerExport, runnerStage: string, reporter: Reporter): Promise<Outcome> {
  const name = `Runner stage "${runnerStage}"`
  const first = await timed(reporter, name, () => buildRunner(ctx, runner, exp))
  const phases: Phase[] = [first.phase]
  if (first.ok) return built(phases, [], first.value)
  let failed = first.error
  const said: string[] = []
  if (failed instanceof BuildFailedError && ctx.inputs['cache-to'].length && cacheExportFailed(failed.logTail)) {
    said.push(
      ...warnings(reporter, ['exporting the layer cache failed; the image is built again without cache-to (from the build cache), the cache is not saved'])
    )
    const again = await timed(reporter, `${name} (without cache-to)`, () => buildRunner({ ...ctx, inputs: { ...ctx.inputs, 'cache-to': [] } }, runner, exp))
    phases.push(again.phase)
    if (again.ok) return built(phases, said, again.value)
    failed = again.error
  }
  if (!(failed instanceof BuildFailedError)) return { phases, warnings: said, failure: errorMessage(failed) }
  return {
    phases,
    warnings: said,
    failedLogTail: failed.logTail,
    failedLine: blamedLine(failed.logTail),
    failure: `build of runner stage "${failed.stage}" failed`
  }
}

/** A built runner's outcome: the image, and BuildKit's Dockerfile checks of the build (buildx ≥ 0.15) when it found any. */
function built(phases: Phase[], said: string[], image: NonNullable<PipelineResult['image']>): Outcome {
  const checks = parseBuildWarnings(image.metadata)
  return { phases, warnings: said, image, checks: checks.length ? checks : undefined }
}

/** BuildKit ends a failed step's log with `Dockerfile:19` above the offending lines. */
export function blamedLine(log: string[]): number | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const m = log[i].match(/^\S*Dockerfile\S*:(\d+)$/)
    if (m) return Number(m[1])
  }
  return undefined
}
