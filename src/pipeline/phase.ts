/**
 * Phases of a run as values: each phase returns its outcome (the phases it timed, the warnings it
 * raised, why it stopped the run, the result fields it fills) and the pipeline composes them into
 * one result in one place. Nothing here writes to a shared result.
 */
import { EnvironmentError, errorMessage, InputError } from '../errors.js'
import type { Reporter } from '../log.js'
import type { Phase, PipelineResult } from '../result.js'

/**
 * What one phase gives the run: the result fields it fills. `phases`, `warnings`, `cacheMounts`
 * and `budgets` add to what came before; `failure` (with its kind) says the run stops here.
 */
export type Outcome = Partial<PipelineResult>

/** Why a phase failed, with the kind the CLI's exit code tells apart. */
export type Failure = Pick<PipelineResult, 'failure' | 'failureKind'>

/** A timed phase: its record, and its value or what it threw. */
export type Timed<T> = { phase: Phase; ok: true; value: T } | { phase: Phase; ok: false; error: unknown }

/** Run `fn` as the phase `name` inside a reporter group and time it; never throws (the CLI's image commands use it too). */
export async function timed<T>(reporter: Reporter, name: string, fn: () => Promise<T>): Promise<Timed<T>> {
  const start = Date.now()
  try {
    const value = await reporter.group(name, fn)
    return { phase: { name, durationMs: Date.now() - start, outcome: 'ok' }, ok: true, value }
  } catch (error) {
    return { phase: { name, durationMs: Date.now() - start, outcome: 'failed', reason: errorMessage(error) }, ok: false, error }
  }
}

/** The failure `e` makes: its message, and its kind when it is the user's input or the environment. */
export function failureOf(e: unknown): Failure {
  const failureKind = e instanceof InputError ? 'input' : e instanceof EnvironmentError ? 'environment' : undefined
  return failureKind ? { failure: errorMessage(e), failureKind } : { failure: errorMessage(e) }
}

/** Show each warning now (in the order the run raises them) and return them for the outcome. */
export function warnings(reporter: Reporter, messages: string[]): string[] {
  for (const m of messages) reporter.warning(m)
  return messages
}

/**
 * Fold outcomes into `start`, in order: lists add up, a field an outcome sets replaces the one
 * before, and the first failure stays the run's failure (with its kind). Pure.
 */
export function compose(start: PipelineResult, outcomes: Outcome[]): PipelineResult {
  return outcomes.reduce<PipelineResult>((r, o) => {
    const { phases = [], warnings = [], cacheMounts = [], budgets = [], failure, failureKind, ...fields } = o
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Outcome
    const next: PipelineResult = {
      ...r,
      ...set,
      phases: [...r.phases, ...phases],
      warnings: [...r.warnings, ...warnings],
      cacheMounts: [...r.cacheMounts, ...cacheMounts],
      budgets: [...r.budgets, ...budgets]
    }
    if (r.failure === undefined && failure !== undefined) {
      next.failure = failure
      if (failureKind) next.failureKind = failureKind
    }
    return next
  }, start)
}
