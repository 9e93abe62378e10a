/** Phases of a run: timed, folded in the log, and ending in an outcome recorded on the result. */
import { errorMessage } from '../errors.js'
import type { Reporter } from '../log.js'
import type { PipelineResult } from '../result.js'

/** Time `fn` as a phase of `result` inside a reporter group (the CLI's image commands use it too). */
export async function phase<T>(result: Pick<PipelineResult, 'phases'>, deps: { reporter: Reporter }, name: string, fn: () => Promise<T>): Promise<T> {
  const start = Date.now()
  try {
    const v = await deps.reporter.group(name, fn)
    result.phases.push({ name, durationMs: Date.now() - start, outcome: 'ok' })
    return v
  } catch (e) {
    result.phases.push({ name, durationMs: Date.now() - start, outcome: 'failed', reason: errorMessage(e) })
    throw e
  }
}

/** Record a warning in the result and show it (the pipeline's and the examine phases' one way to warn). */
export function warn(result: Pick<PipelineResult, 'warnings'>, reporter: Reporter, message: string): void {
  result.warnings.push(message)
  reporter.warning(message)
}
