/**
 * `stagecraft audit IMAGE` and `stagecraft compare IMAGE BASELINE`: the audit and size phases on
 * any local image, no build. With a Dockerfile (-f/--target) findings point at its lines.
 */
import fs from 'node:fs'
import { auditImage } from '../audit/index.js'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError } from '../errors.js'
import type { AuditInputs } from '../inputs/inputs.js'
import type { Reporter } from '../log.js'
import { findStage, parseDockerfile, stageList, type DockerfilePlan, type Stage } from '../plan/dockerfile.js'
import { InputError } from '../errors.js'
import { phase, type PipelineResult } from '../pipeline.js'
import { loadBaseline } from '../size/baseline.js'
import { checkBudgets } from '../size/budget.js'
import { measureImage } from '../size/measure.js'
import { sizeDelta, sizeReportOf } from '../size/model.js'

export interface ImageCommand {
  docker: Docker
  reporter: Reporter
  image: string
  /** compare: the baseline image (overrides baseline-image). */
  baseline?: string
  /** audit: run the audit rules (compare only sizes). */
  audit: boolean
  inputs: AuditInputs
  dockerfile?: { path: string; target: string }
  layerCacheDir?: string
  key: string
}

/** An image-only plan: no Dockerfile, so no lines (0) and everything attributed to the image. */
function planFor(cmd: ImageCommand): { plan: DockerfilePlan; target: Stage; path: string } {
  if (!cmd.dockerfile) {
    const target: Stage = { index: 0, base: cmd.image, line: 0, endLine: 0, instructions: [] }
    return { plan: { stages: [], cacheMounts: [], secretMounts: [] }, target, path: '' }
  }
  if (!fs.existsSync(cmd.dockerfile.path)) throw new InputError('file', `Dockerfile not found: ${cmd.dockerfile.path}`)
  const plan = parseDockerfile(fs.readFileSync(cmd.dockerfile.path, 'utf8'))
  const target = cmd.dockerfile.target ? findStage(plan, cmd.dockerfile.target) : plan.stages[plan.stages.length - 1]
  if (!target) throw new InputError('target', `no stage "${cmd.dockerfile.target}" in the Dockerfile; its stages are: ${stageList(plan)}`)
  return { plan, target, path: cmd.dockerfile.path }
}

export async function runImageCommand(cmd: ImageCommand): Promise<PipelineResult> {
  const { plan, target, path } = planFor(cmd)
  const info = await cmd.docker.inspectImage(cmd.image)
  if (!info) throw new EnvironmentError(`image ${cmd.image} is not in the local image store`)
  const result: PipelineResult = {
    phases: [],
    testResult: 'skipped',
    runnerStage: target.name ?? 'image',
    warnings: [],
    cacheMounts: [],
    budgets: [],
    image: { imageId: info.Id, metadata: '{}', tags: info.RepoTags ?? [] }
  }
  const timed = <T>(name: string, fn: () => Promise<T>): Promise<T> => phase(result, cmd, name, fn)
  let layers
  if (cmd.audit) {
    result.audit = await timed('Audit', () =>
      auditImage({
        docker: cmd.docker,
        image: info.Id,
        dockerfile: { path, plan },
        target,
        secrets: [],
        options: {
          requireNonRoot: cmd.inputs['require-non-root'],
          forbidToolchains: cmd.inputs['forbid-toolchains'],
          allow: cmd.inputs['audit-allow'],
          failOn: cmd.inputs['fail-on']
        },
        layerCacheDir: cmd.layerCacheDir
      })
    )
    layers = result.audit.image.layers
  } else {
    layers = (await timed('Measure', () => measureImage(cmd.docker, info.Id, cmd.layerCacheDir))).layers
  }
  await timed('Size', async () => {
    result.size = sizeReportOf(cmd.image, layers)
    result.baseline = await loadBaseline({
      baselineReport: cmd.baseline ? '' : cmd.inputs['baseline-report'],
      baselineImage: cmd.baseline ?? cmd.inputs['baseline-image'],
      key: cmd.key,
      docker: cmd.docker,
      layerCacheDir: cmd.layerCacheDir
    })
    if (result.baseline.report && result.baseline.info) result.delta = sizeDelta(result.size, result.baseline.report, result.baseline.info)
    result.budgets = checkBudgets({ maxSize: cmd.inputs['max-size'], maxIncrease: cmd.inputs['max-increase'] }, result.size, result.delta)
  })
  return result
}
