/**
 * `stagecraft audit IMAGE` and `stagecraft compare IMAGE BASELINE`: the audit and size phases on
 * any local image, no build; `stagecraft audit --registry REF` (and the action's `mode: audit`):
 * on an image read straight from its registry, no engine, no pull. With a Dockerfile (-f/--target)
 * findings point at its lines.
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
import { type PipelineResult } from '../result.js'
import { compose, timed } from '../pipeline/phase.js'
import { RegistryClient } from '../registry/client.js'
import type { ImageSource } from '../inspect/inspect-image.js'
import type { RunnerImage } from '../build/build.js'
import type { CacheStore } from '../store/store.js'
import type { RunContext } from '../github/context.js'

export interface ImageCommand {
  docker: Docker
  reporter: Reporter
  image: string
  /** Read `image` from its registry (OCI distribution API) rather than the engine's store. */
  registry?: { client?: RegistryClient; input: string }
  /** compare: the baseline image (overrides baseline-image). */
  baseline?: string
  /** audit: run the audit rules (compare only sizes). */
  audit: boolean
  inputs: AuditInputs
  dockerfile?: { path: string; target: string }
  layerCacheDir?: string
  secretScanCacheDir?: string
  key: string
  /** The baseline store and run (the action): the base branch's saved report is the baseline. */
  store?: CacheStore
  ctx?: RunContext
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
  const { image, source } = cmd.registry ? await fromRegistry(cmd.image, cmd.registry) : await fromEngine(cmd)
  const start: PipelineResult = {
    phases: [],
    testResult: 'skipped',
    runnerStage: target.name ?? 'image',
    warnings: [],
    cacheMounts: [],
    budgets: [],
    image
  }
  // The baseline is an input: one that does not resolve fails before the image is read.
  const baseline = await timed(cmd.reporter, 'Baseline', () =>
    loadBaseline({
      baselineReport: cmd.baseline ? '' : cmd.inputs['baseline-report'],
      baselineImage: cmd.baseline ?? cmd.inputs['baseline-image'],
      key: cmd.key,
      docker: cmd.docker,
      store: cmd.store,
      ctx: cmd.ctx,
      layerCacheDir: cmd.layerCacheDir
    })
  )
  if (!baseline.ok) throw baseline.error
  const examined = await examineImage({
    docker: cmd.docker,
    reporter: cmd.reporter,
    source,
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
    secretScanCacheDir: cmd.secretScanCacheDir,
    baseline: baseline.value,
    budgets: { maxSize: cmd.inputs['max-size'], maxIncrease: cmd.inputs['max-increase'] }
  })
  const result = compose(start, [{ phases: [baseline.phase], baseline: baseline.value }, examined])
  return cmd.audit ? result : { ...result, audit: undefined }
}

async function fromEngine(cmd: ImageCommand): Promise<{ image: RunnerImage; source: ImageSource }> {
  const info = await cmd.docker.inspectImage(cmd.image)
  if (!info) throw new EnvironmentError(`image ${cmd.image} is not in the local image store`)
  return { image: { imageId: info.Id, metadata: '{}', tags: info.RepoTags ?? [], inEngine: true }, source: { kind: 'engine', ref: info.Id } }
}

/**
 * The image in its registry: the reference checked (InputError naming `input`) and its manifest's
 * digest read up front, so a reference the registry does not hold fails before anything else.
 */
async function fromRegistry(ref: string, registry: NonNullable<ImageCommand['registry']>): Promise<{ image: RunnerImage; source: ImageSource }> {
  const client = registry.client ?? RegistryClient.for(ref, {}, registry.input)
  const digest = await client.manifestDigest()
  if (!digest) throw new EnvironmentError(`${ref}: manifest unknown (the registry ${client.ref.registry} does not hold it)`)
  if (client.ref.digest && digest !== client.ref.digest) throw new EnvironmentError(`${ref}: the registry holds ${digest} under that digest`)
  const tags = client.ref.tag ? [`${client.ref.registry}/${client.ref.repository}:${client.ref.tag}`] : []
  // Read what the HEAD saw: a tag moved meanwhile cannot mix two images into one audit.
  client.pin(digest)
  return {
    image: { imageId: digest, digest, manifestDigest: digest, metadata: '{}', tags, inEngine: false },
    source: { kind: 'registry', client }
  }
}
