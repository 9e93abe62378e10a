/**
 * The action: read inputs, run the pipeline, publish outputs and the job summary, and decide
 * the step's outcome. The only module that fails the step.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { Output } from './constants.js'
import { Docker } from './docker/docker.js'
import { errorMessage } from './errors.js'
import { readInputs } from './inputs/inputs.js'
import type { Reporter } from './log.js'
import { runPipeline, type PipelineResult } from './pipeline.js'
import { resolvePlan } from './plan/resolve.js'
import { renderSummary } from './report/summary.js'

/** Reporter on top of @actions/core: groups fold in the log, secrets are registered as masks. */
export const coreReporter: Reporter = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  setSecret: v => core.setSecret(v),
  group: (name, fn) => core.group(name, fn)
}

function publish(result: PipelineResult): void {
  core.setOutput(Output.TestResult, result.testResult)
  if (result.image) {
    core.setOutput(Output.ImageId, result.image.imageId)
    core.setOutput(Output.Metadata, result.image.metadata)
    if (result.image.digest) core.setOutput(Output.Digest, result.image.digest)
  }
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs(name => core.getInput(name), { mask: v => core.setSecret(v) })
    const resolved = resolvePlan(inputs)
    const result = await runPipeline(inputs, resolved, { docker: new Docker(), reporter: coreReporter })
    publish(result)
    const dockerfile = workspacePath(inputs.file)
    try {
      await core.summary.addRaw(renderSummary(result, dockerfile)).write()
    } catch (e) {
      core.warning(`could not write the job summary: ${errorMessage(e)}`)
    }
    if (result.failure) fail(result.failure, { file: dockerfile, startLine: result.failedLine, title: 'Stagecraft' })
  } catch (e) {
    fail(errorMessage(e))
  }
}

/** The Dockerfile as the runner's annotations want it: relative to the workspace when inside it. */
function workspacePath(file: string): string {
  const rel = path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), file)
  return rel && !rel.startsWith('..') ? rel : file
}

/** Fail the step with one error annotation, on the Dockerfile line when there is one. */
function fail(message: string, props?: core.AnnotationProperties): void {
  core.error(message, props?.startLine ? props : {})
  process.exitCode = core.ExitCode.Failure
}
