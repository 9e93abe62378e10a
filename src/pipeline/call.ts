/** The `call` input's phase: buildx's method (check, outline, targets) instead of a build; it ends the run. */
import type { BuildContext } from '../build/build.js'
import { callFailure, runCall } from '../build/call.js'
import { errorMessage } from '../errors.js'
import type { Reporter } from '../log.js'
import type { Stage } from '../plan/dockerfile.js'
import { timed, type Outcome } from './phase.js'

/** Run `call` on the runner stage: `check`'s findings come back as the result's checks; a method that failed fails the run. */
export async function callPhase(ctx: BuildContext, call: string, runner: Stage, reporter: Reporter): Promise<Outcome> {
  const t = await timed(reporter, `Call "${call}"`, () => runCall(ctx, runner))
  if (!t.ok) return { phases: [t.phase], failure: errorMessage(t.error) }
  const failure = callFailure(call, t.value)
  return {
    phases: [failure ? { ...t.phase, outcome: 'failed' } : t.phase],
    checks: t.value.method === 'check' ? t.value.checks : undefined,
    failure
  }
}
