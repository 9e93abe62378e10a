/**
 * `stagecraft audit IMAGE` and `stagecraft compare IMAGE BASELINE`: the audit and size phases on
 * any local image, no build. With a Dockerfile (-f/--target) findings point at its lines.
 */
import fs from 'node:fs'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError } from '../errors.js'
import type { AuditInputs } from '../inputs/inputs.js'
import type { Reporter } from '../log.js'
import { findStage, parseDockerfile, stageList, type DockerfilePlan, type Stage } from '../plan/dockerfile.js'
import { InputError } from '../errors.js'
import { loadBaseline } from '../baseline/baseline.js'
import { examineImage } from '../pipeline/examine.js'
import { type PipelineResult } from '../model/result.js'
import { phase } from '../pipeline/phase.js'

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
  const { plan, target } = planFor(cmd)
  const info = await cmd.docker.inspectImage(cmd.image)
  if (!info) throw new EnvironmentError(`image ${cmd.image} is not in the local image store`)
  const result: PipelineResult = {
    phases: [],
    testResult: 'skipped',
    runnerStage: target.name ?? 'image',
    warnings: [],
    cacheMounts: [],
    budgets: [],
    image: { imageId: info.Id, metadata: '{}', tags: info.RepoTags ?? [], inEngine: true }
  }
  const timed = <T>(name: string, fn: () => Promise<T>): Promise<T> => phase(result, cmd, name, fn)
  // The baseline is an input: one that does not resolve fails before the image is read.
  result.baseline = await timed('Baseline', () =>
    loadBaseline({
      baselineReport: cmd.baseline ? '' : cmd.inputs['baseline-report'],
      baselineImage: cmd.baseline ?? cmd.inputs['baseline-image'],
      key: cmd.key,
      docker: cmd.docker,
      layerCacheDir: cmd.layerCacheDir
    })
  )
  await examineImage(
    result,
    {
      docker: cmd.docker,
      reporter: cmd.reporter,
      source: { kind: 'engine', ref: info.Id },
      label: cmd.image,
      dockerfile: { plan, target },
      secrets: [],
      options: {
        requireNonRoot: cmd.inputs['require-non-root'],
        forbidToolchains: cmd.inputs['forbid-toolchains'],
        allow: cmd.inputs['audit-allow'],
        failOn: cmd.inputs['fail-on']
      },
      audit: cmd.audit,
      layerCacheDir: cmd.layerCacheDir,
      baseline: result.baseline,
      budgets: { maxSize: cmd.inputs['max-size'], maxIncrease: cmd.inputs['max-increase'] }
    },
    timed
  )
  if (!cmd.audit) result.audit = undefined
  return result
}
