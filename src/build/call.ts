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
  // buildx exits 1 when a check warned: the findings are the result; callFailure says the step fails.
  return { method, exitCode: r.exitCode, checks: parseCheckResult(r.stdout) }
}

/**
 * Why a `call` run fails the step, or undefined when it passes (pure). `check` fails when it found
 * anything, as buildx (exit 1: "N warnings have been found") and BPA's `call-check` job have it,
 * whatever `fail-on` says: asking for the checks alone means they are the gate.
 */
export function callFailure(call: string, r: CallResult): string | undefined {
  if (r.method === 'check') {
    const n = r.checks.length
    if (n > 0) {
      const rules = [...new Set(r.checks.map(c => c.rule))].join(', ')
      return `call "check": ${n} build check${n === 1 ? '' : 's'} found (${rules})`
    }
    return r.exitCode === 0 ? undefined : `call "check" failed (exit ${r.exitCode})`
  }
  return r.exitCode === 0 ? undefined : `call "${call}" failed (exit ${r.exitCode})`
}
