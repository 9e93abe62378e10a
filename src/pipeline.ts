/**
 * The pipeline both front ends run: preflight → test-stage gate → runner build.
 * It returns data (phases, results, the reason to fail); it never decides the step's outcome.
 */
import { buildRunner, BuildFailedError, runTestStage, stageRef, type RunnerImage } from './build/build.js'
import { materializeSecrets, redactor } from './build/secrets.js'
import type { Docker } from './docker/docker.js'
import { errorMessage } from './errors.js'
import type { Inputs } from './inputs/inputs.js'
import { maskablePieces } from './inputs/secrets.js'
import type { Reporter } from './log.js'
import type { ResolvedPlan } from './plan/resolve.js'

export type TestResult = 'passed' | 'failed' | 'skipped'

export interface Phase {
  name: string
  durationMs: number
  outcome: 'ok' | 'failed' | 'skipped'
}

export interface PipelineResult {
  phases: Phase[]
  engine?: { server: string; buildx: string; builder: string; driver: string }
  testResult: TestResult
  testStage?: string
  runnerStage: string
  /** Last lines of the log of the build that failed (test stage or runner), secrets redacted. */
  failedLogTail?: string[]
  image?: RunnerImage
  /** One line saying why the step must fail; undefined when it passes. */
  failure?: string
  /** Dockerfile line BuildKit blamed for a failed build, for the annotation. */
  failedLine?: number
  warnings: string[]
}

export interface PipelineDeps {
  docker: Docker
  reporter: Reporter
}

/** Time `fn` as a phase inside a reporter group. */
async function phase<T>(result: PipelineResult, deps: PipelineDeps, name: string, fn: () => Promise<T>): Promise<T> {
  const start = Date.now()
  try {
    const v = await deps.reporter.group(name, fn)
    result.phases.push({ name, durationMs: Date.now() - start, outcome: 'ok' })
    return v
  } catch (e) {
    result.phases.push({ name, durationMs: Date.now() - start, outcome: 'failed' })
    throw e
  }
}

export async function runPipeline(inputs: Inputs, resolved: ResolvedPlan, deps: PipelineDeps): Promise<PipelineResult> {
  const result: PipelineResult = {
    phases: [],
    testResult: 'skipped',
    testStage: resolved.test ? stageRef(resolved.test) : undefined,
    runnerStage: stageRef(resolved.runner),
    warnings: []
  }
  const redact = redactor(inputs.secrets.flatMap(maskablePieces))
  const onLine = (line: string) => deps.reporter.info(redact(line))

  const pre = await phase(result, deps, 'Engine', () => deps.docker.preflight(inputs.builder || undefined))
  result.engine = { server: pre.server, buildx: pre.buildx, builder: pre.builder.name, driver: pre.builder.driver }
  deps.reporter.info(`engine ${pre.server}, buildx ${pre.buildx}, builder ${pre.builder.name} (${pre.builder.driver} driver)`)

  const provided = new Set(inputs.secrets.map(s => s.id))
  for (const m of resolved.plan.secretMounts) {
    if (!provided.has(m.id)) {
      const w = `Dockerfile line ${m.line} mounts secret "${m.id}" but no secret with that id was given (secrets, secret-files or secret-envs)`
      result.warnings.push(w)
      deps.reporter.warning(w)
    }
  }

  const secrets = materializeSecrets(inputs.secrets)
  try {
    const ctx = { docker: deps.docker, inputs, driver: pre.builder.driver, secrets, onLine }
    if (resolved.test) {
      const test = await phase(result, deps, `Test stage "${stageRef(resolved.test)}"`, () => runTestStage(ctx, resolved.test!))
      result.testResult = test.result
      if (test.result === 'failed') {
        result.phases[result.phases.length - 1].outcome = 'failed'
        result.failedLogTail = test.logTail.map(redact)
        result.failedLine = blamedLine(test.logTail)
        result.failure = `test stage "${test.stage}" failed (exit ${test.exitCode}); the runner image was not built and nothing was pushed`
        result.phases.push({ name: `Runner stage "${result.runnerStage}"`, durationMs: 0, outcome: 'skipped' })
        return result
      }
    }
    try {
      result.image = await phase(result, deps, `Runner stage "${result.runnerStage}"`, () => buildRunner(ctx, resolved.runner))
    } catch (e) {
      if (e instanceof BuildFailedError) {
        result.failedLogTail = e.logTail.map(redact)
        result.failedLine = blamedLine(e.logTail)
        result.failure = `build of runner stage "${e.stage}" failed`
        return result
      }
      throw e
    }
    const inspected = await deps.docker.inspectImage(result.image.imageId)
    if (!inspected) {
      const w = `the runner image ${result.image.imageId} is not in the engine's image store (multi-platform build on a ${pre.builder.driver} builder?); later phases cannot read it`
      result.warnings.push(w)
      deps.reporter.warning(w)
    }
  } catch (e) {
    result.failure ??= redact(errorMessage(e))
  } finally {
    secrets.cleanup()
  }
  return result
}

/** BuildKit ends a failed step's log with `Dockerfile:19` above the offending lines. */
export function blamedLine(log: string[]): number | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const m = log[i].match(/^\S*Dockerfile\S*:(\d+)$/)
    if (m) return Number(m[1])
  }
  return undefined
}
