/**
 * The phases before anything is built: the engine check, the plan's warnings, the baseline. Each
 * returns its outcome; a failure here means nothing was built.
 */
import { loadBaseline } from '../baseline/baseline.js'
import type { Docker, Preflight } from '../docker/docker.js'
import { errorMessage, InputError } from '../errors.js'
import type { Inputs } from '../inputs/inputs.js'
import type { Reporter } from '../log.js'
import type { ResolvedPlan } from '../plan/resolve.js'
import { timed, warnings, type Outcome } from './phase.js'
import type { PipelineDeps } from './run.js'

/** The phase that checks the engine, buildx and the builder before anything else runs. */
export const ENGINE_PHASE = 'Engine'

/** The engine check's outcome, and what it found when it passed (the builder the later phases use). */
export interface EngineCheck {
  outcome: Outcome
  preflight?: Preflight
}

/** Check the engine, buildx and the builder. An engine that cannot be used fails the run as the environment's fault. */
export async function checkEngine(docker: Docker, builder: string, reporter: Reporter): Promise<EngineCheck> {
  const t = await timed(reporter, ENGINE_PHASE, () => docker.preflight(builder || undefined))
  if (!t.ok) return { outcome: { phases: [t.phase], failure: errorMessage(t.error), failureKind: 'environment' } }
  const pre = t.value
  reporter.info(`engine ${pre.server}, buildx ${pre.buildx}, builder ${pre.builder.name} (${pre.builder.driver} driver)`)
  return {
    outcome: { phases: [t.phase], engine: { server: pre.server, buildx: pre.buildx, builder: pre.builder.name, driver: pre.builder.driver } },
    preflight: pre
  }
}

/** The plan's own warnings, then each secret the Dockerfile mounts that no input provides. Pure. */
export function planWarnings(resolved: ResolvedPlan, inputs: Pick<Inputs, 'secrets'>): string[] {
  const provided = new Set(inputs.secrets.map(s => s.id))
  const unprovided = resolved.plan.secretMounts
    .filter(m => !provided.has(m.id))
    .map(m => `Dockerfile line ${m.line} mounts secret "${m.id}" but no secret with that id was given (secrets, secret-files or secret-envs)`)
  return [...(resolved.warnings ?? []), ...unprovided]
}

/**
 * Load the size baseline. Checked before anything is built: a baseline input that does not
 * resolve is the user's to fix (an input failure); any other problem names the baseline.
 */
export async function baselinePhase(
  inputs: Pick<Inputs, 'baseline-report' | 'baseline-image'>,
  deps: Pick<PipelineDeps, 'docker' | 'reporter' | 'key' | 'store' | 'ctx' | 'layerCacheDir'>
): Promise<Outcome> {
  const t = await timed(deps.reporter, 'Baseline', () =>
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
  if (!t.ok) {
    const e = t.error
    return { phases: [t.phase], ...(e instanceof InputError ? { failure: e.message, failureKind: 'input' } : { failure: `baseline: ${errorMessage(e)}` }) }
  }
  return { phases: [t.phase], baseline: t.value, warnings: warnings(deps.reporter, t.value.warning ? [t.value.warning] : []) }
}
