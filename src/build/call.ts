/**
 * Run the `call` input's method instead of a build (BPA's `call`): `check` gives BuildKit's
 * build checks as findings; `outline` and `targets` print what buildx prints. Nothing is built.
 */
import type { BuildContext } from './build.js'
import { buildTarget } from './build.js'
import { callArgs, callMethod, parseCheckResult, type CheckFinding } from './check.js'
import type { Stage } from '../plan/dockerfile.js'

export interface CallResult {
  method: string
  exitCode: number
  /** `check` only: the findings, ordered by line. */
  checks: CheckFinding[]
}

export async function runCall(ctx: BuildContext, runner: Stage): Promise<CallResult> {
  const method = callMethod(ctx.inputs.call)
  const args = callArgs(ctx.inputs, { target: buildTarget(runner), secretSpecs: ctx.secrets.specs, driver: ctx.driver })
  // check's JSON (stdout) is data, kept whole and parsed; stderr (progress) and the other methods' output stream as usual.
  const r = await ctx.docker.buildx(args, { env: ctx.secrets.env, onLine: ctx.onLine, stdout: method === 'check' ? 'data' : 'log' })
  if (method !== 'check') return { method, exitCode: r.exitCode, checks: [] }
  // buildx exits 1 when a check warned; only a missing or broken result is a failure here.
  return { method, exitCode: r.exitCode, checks: parseCheckResult(r.stdout) }
}
