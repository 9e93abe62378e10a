/**
 * The test stage as the build's gate: it runs first, and when it fails the runner is not built
 * and nothing is pushed.
 */
import { runTestStage, stageRef, type BuildContext } from '../build/build.js'
import { errorMessage } from '../errors.js'
import type { Reporter } from '../log.js'
import type { Stage } from '../plan/dockerfile.js'
import { timed, type Outcome } from './phase.js'
import { blamedLine } from './runner-build.js'

/** Run the test stage; a failure carries its log tail and the Dockerfile line BuildKit blamed, and skips the runner stage. */
export async function testGate(ctx: BuildContext, test: Stage, runnerStage: string, reporter: Reporter): Promise<Outcome> {
  const t = await timed(reporter, `Test stage "${stageRef(test)}"`, () => runTestStage(ctx, test))
  if (!t.ok) return { phases: [t.phase], failure: errorMessage(t.error) }
  const run = t.value
  if (run.result !== 'failed') return { phases: [t.phase], testResult: run.result }
  return {
    phases: [
      { ...t.phase, outcome: 'failed' },
      { name: `Runner stage "${runnerStage}"`, durationMs: 0, outcome: 'skipped', reason: 'the test stage failed' }
    ],
    testResult: 'failed',
    failedLogTail: run.logTail,
    failedLine: blamedLine(run.logTail),
    failure: `test stage "${run.stage}" failed (exit ${run.exitCode}); the runner image was not built and nothing was pushed`
  }
}
