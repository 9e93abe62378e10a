/**
 * The runner build as a phase: the default layer cache chosen for the builder, and one retry
 * without cache-to when only the cache export failed (a cache problem never fails a build).
 */
import { buildRunner, BuildFailedError, type BuildContext, type RunnerExport, type RunnerImage } from '../build/build.js'
import { cacheExportFailed, defaultLayerCache } from '../build/buildkit-cache.js'
import type { Preflight } from '../docker/docker.js'
import type { Inputs } from '../inputs/inputs.js'
import type { PipelineResult } from '../result.js'
import type { ResolvedPlan } from '../plan/resolve.js'
import { phase, warn } from './phase.js'
import type { PipelineDeps } from './run.js'

/** Inputs with the layer cache filled in for the builder when the user gave none. */
export function withLayerCache(inputs: Inputs, pre: Preflight, deps: PipelineDeps, result: PipelineResult): Inputs {
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
  result.layerCache = chosen
  deps.reporter.info(`layer cache: ${chosen.reason}`)
  return { ...inputs, 'cache-from': chosen.cacheFrom, 'cache-to': chosen.cacheTo }
}

/**
 * Build the runner. A build whose only failure was exporting the layer cache is built again
 * without cache-to (its layers are all cached by then): a cache problem never fails a build.
 */
export async function buildWithCacheFallback(
  result: PipelineResult,
  deps: PipelineDeps,
  ctx: BuildContext,
  resolved: ResolvedPlan,
  exp: RunnerExport
): Promise<RunnerImage | undefined> {
  const name = `Runner stage "${result.runnerStage}"`
  try {
    return await phase(result, deps, name, () => buildRunner(ctx, resolved.runner, exp))
  } catch (e) {
    if (!(e instanceof BuildFailedError)) throw e
    let failed = e
    if (ctx.inputs['cache-to'].length && cacheExportFailed(e.logTail)) {
      warn(result, deps.reporter, 'exporting the layer cache failed; the image is built again without cache-to (from the build cache), the cache is not saved')
      try {
        return await phase(result, deps, `${name} (without cache-to)`, () =>
          buildRunner({ ...ctx, inputs: { ...ctx.inputs, 'cache-to': [] } }, resolved.runner, exp)
        )
      } catch (again) {
        if (!(again instanceof BuildFailedError)) throw again
        failed = again
      }
    }
    result.failedLogTail = failed.logTail
    result.failedLine = blamedLine(failed.logTail)
    result.failure = `build of runner stage "${failed.stage}" failed`
    return undefined
  }
}

/** BuildKit ends a failed step's log with `Dockerfile:19` above the offending lines. */
export function blamedLine(log: string[]): number | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const m = log[i].match(/^\S*Dockerfile\S*:(\d+)$/)
    if (m) return Number(m[1])
  }
  return undefined
}
