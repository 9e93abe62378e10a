/**
 * A run that stopped before its pipeline could start (an input that cannot be read, a Dockerfile
 * without the asked-for stage): what can still be published about it. The few inputs publishing
 * needs are read defensively here, each falling back to its default, so the failure still reaches
 * the outputs, the summary, the sticky comment and the check run.
 */
import path from 'node:path'
import { Input } from '../constants.js'
import type { PipelineResult } from '../result.js'
import { stageLabel } from '../plan/dockerfile.js'
import { resolvePlan } from '../plan/resolve.js'
import type { PublishInputs } from './publish.js'

/** The phase a stopped run reports as failed. */
export const INPUTS_PHASE = 'Inputs'

/** A failed result with `reason` as the only failure, in phase `phase`: nothing was built. */
export function stoppedResult(reason: string, runnerStage: string, phase = INPUTS_PHASE): PipelineResult {
  return {
    phases: [{ name: phase, durationMs: 0, outcome: 'failed', reason }],
    testResult: 'skipped',
    runnerStage,
    failure: reason,
    failureKind: phase === INPUTS_PHASE ? 'input' : undefined,
    warnings: [],
    cacheMounts: [],
    budgets: []
  }
}

/** The inputs publishing reads, each falling back to its action.yml default when it is not valid. */
export function readPublishInputs(get: (name: string) => string): PublishInputs {
  const comment = get(Input.Comment).trim().toLowerCase()
  return {
    'fail-on': 'error',
    comment: comment === 'true' || comment === 'false' ? comment : 'auto',
    'github-token': get(Input.GithubToken).trim(),
    'check-name': get(Input.CheckName).trim()
  }
}

/**
 * The Dockerfile path, the runner stage and the report key as a full run would have them, as far
 * as they can be known (so the failure replaces the comment a passing run of the same key left).
 */
export function stoppedRunIdentity(get: (name: string) => string, cwd: string): { file: string; runnerStage: string; commentKey: string } {
  const context = get(Input.Context).trim() || '.'
  const fileRaw = get(Input.File).trim()
  const file = fileRaw ? path.resolve(cwd, fileRaw) : path.join(path.resolve(cwd, context), 'Dockerfile')
  const target = get(Input.Target).trim()
  let runnerStage = target || 'runner'
  try {
    runnerStage = stageLabel(resolvePlan({ file, target, 'test-target': '' }).runner)
  } catch {
    // the Dockerfile or the target is what failed: the target as given names the stage
  }
  return { file, runnerStage, commentKey: get(Input.CommentKey).trim() }
}
