/**
 * The two builds: the test-stage gate, then the runner image. Both go through the Docker
 * gateway with the same builder, build args, cache and secrets, so the runner build reuses the
 * stages the test build already made.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TEST_LOG_TAIL_LINES } from '../constants.js'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError } from '../errors.js'
import type { Inputs } from '../inputs/inputs.js'
import { outputsPush, writesImageId } from '../inputs/outputs.js'
import { TailBuffer } from '../log.js'
import { stageLabel, type Stage } from '../plan/dockerfile.js'
import { buildArgs } from './args.js'
import { resolveImages } from '../inspect/image-config.js'
import { layoutImages } from '../inspect/inspect-image.js'
import type { ExportPlan } from './exporters.js'
import { platformName } from './part.js'
import type { MaterializedSecrets } from './secrets.js'

export interface BuildContext {
  docker: Docker
  inputs: Inputs
  driver: string
  secrets: MaterializedSecrets
  /** Every log line passes through here (redaction, printing). */
  onLine: (line: string) => void
  /** The builder can attach attestations (see BuildRequest.attestations). */
  attestations?: boolean
}

export interface TestStageResult {
  result: 'passed' | 'failed'
  stage: string
  exitCode: number
  /** Last lines of the build log, secrets redacted. */
  logTail: string[]
}

export interface RunnerImage {
  /** What `docker image inspect` accepts when the image is in the engine; else the build's image id (--iidfile). */
  imageId: string
  /**
   * True when BPA would leave the `imageid` output empty: buildx writes no --iidfile for the
   * build the user asked for (no image exporter: neither the docker driver, load, push nor an
   * image/registry/docker/oci output; or a local/tar output, beside which buildx refuses one).
   */
  noImageIdOutput?: boolean
  /** The pushed digest (manifest or index), when pushed. */
  digest?: string
  /** buildx's metadata JSON, as text. */
  metadata: string
  tags: string[]
  /** The build result's manifest or index digest (`containerimage.digest`). */
  manifestDigest?: string
  /** The build result's config digest (`containerimage.config.digest`). */
  configDigest?: string
  /** The platform of the build result's descriptor (`containerimage.descriptor.platform`), when it is one manifest. */
  descriptorPlatform?: string
  /** The image is in the engine's store (`docker image inspect imageId` works). */
  inEngine: boolean
  /** The OCI layout the build wrote for the audit, when the builder can write one. */
  layoutDir?: string
}

/** How the runner build exports its image (see exportPlan), and where the OCI layout goes. */
export interface RunnerExport {
  plan: ExportPlan
  layoutDir?: string
}

/** How a stage is shown to people: its name, or `stage-N` as BuildKit names an unnamed one. */
export function stageRef(stage: Stage): string {
  return stageLabel(stage)
}

/** What buildx gets as --target: the name; none for an unnamed stage (only the last can be built). */
export function buildTarget(stage: Stage): string | undefined {
  return stage.name
}

/** Build the test stage; a non-zero exit means the tests failed (or the stage did not build). */
export async function runTestStage(ctx: BuildContext, stage: Stage): Promise<TestStageResult> {
  const tail = new TailBuffer(TEST_LOG_TAIL_LINES)
  const args = buildArgs(ctx.inputs, {
    kind: 'test',
    target: buildTarget(stage),
    secretSpecs: ctx.secrets.specs,
    driver: ctx.driver
  })
  const r = await ctx.docker.buildx(args, {
    env: ctx.secrets.env,
    onLine: line => {
      ctx.onLine(line)
      tail.push(line)
    }
  })
  return { result: r.exitCode === 0 ? 'passed' : 'failed', stage: stageRef(stage), exitCode: r.exitCode, logTail: tail.get() }
}

export class BuildFailedError extends Error {
  constructor(
    readonly stage: string,
    readonly logTail: string[]
  ) {
    super(`build of stage "${stage}" failed`)
    this.name = 'BuildFailedError'
  }
}

/** Build the runner stage and return what identifies the image, from the build's own result. */
export async function buildRunner(ctx: BuildContext, stage: Stage, exp: RunnerExport): Promise<RunnerImage> {
  const dir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-build-'))
  try {
    const iidFile = path.join(dir, 'iid')
    const metadataFile = path.join(dir, 'metadata.json')
    const layoutDir = exp.plan.layout === 'none' ? undefined : exp.layoutDir
    if (layoutDir) fs.rmSync(layoutDir, { recursive: true, force: true })
    const tail = new TailBuffer(TEST_LOG_TAIL_LINES)
    const onLine = (line: string) => {
      ctx.onLine(line)
      tail.push(line)
    }
    const base = { kind: 'runner' as const, target: buildTarget(stage), secretSpecs: ctx.secrets.specs, driver: ctx.driver, attestations: ctx.attestations }
    const args = buildArgs(ctx.inputs, {
      ...base,
      iidFile,
      metadataFile,
      load: exp.plan.load,
      ociDir: exp.plan.layout === 'same-build' ? layoutDir : undefined
    })
    const r = await ctx.docker.buildx(args, { env: ctx.secrets.env, onLine })
    if (r.exitCode !== 0) throw new BuildFailedError(stageRef(stage), tail.get())
    if (exp.plan.layout === 'second-build' && layoutDir) {
      // BuildKit before 0.13 runs one exporter per build: export the (now cached) result once more.
      const only = { ...ctx.inputs, push: false, tags: [], labels: ctx.inputs.labels, 'cache-to': [], outputs: [] }
      const again = await ctx.docker.buildx(buildArgs(only, { ...base, ociDir: layoutDir }), { env: ctx.secrets.env, onLine })
      if (again.exitCode !== 0) throw new BuildFailedError(stageRef(stage), tail.get())
    }
    const metadata = fs.existsSync(metadataFile) ? fs.readFileSync(metadataFile, 'utf8') : '{}'
    const ids = buildIdentity(metadata)
    // buildx writes no iidfile beside a local or tar exporter (`outputs`): the metadata names the image then.
    // With an attestation the metadata names only the index: the OCI layout the audit reads has the config.
    const iid = (fs.existsSync(iidFile) ? fs.readFileSync(iidFile, 'utf8').trim() : '') || ids.configDigest || (layoutDir ? layoutConfigDigest(layoutDir) : undefined) || ''
    if (!iid) throw new EnvironmentError('buildx finished without an image id (no --iidfile or metadata written)')
    let imageId = iid
    let inEngine = false
    if (exp.plan.inEngine) {
      // The engine names an image by its config digest (classic store) or its manifest/index digest
      // (containerd store). Beside a push the metadata names the pushed manifest or index, which the
      // engine's copy (the docker exporter's) is not: the layout's manifests, then its first tag, find it.
      for (const ref of [...engineRefs(ids.manifestDigest, iid, layoutDir), ...ctx.inputs.tags.slice(0, 1)]) {
        const found = await ctx.docker.inspectImage(ref)
        if (found) {
          imageId = found.Id
          inEngine = true
          break
        }
      }
    }
    return {
      imageId,
      ...(writesImageId(ctx.inputs, ctx.driver) ? {} : { noImageIdOutput: true }),
      // BPA's `digest` is the metadata's containerimage.digest; here only when the image was pushed (input or an output).
      digest: ctx.inputs.push || outputsPush(ctx.inputs.outputs) ? ids.manifestDigest : undefined,
      metadata,
      tags: ctx.inputs.tags,
      manifestDigest: ids.manifestDigest,
      configDigest: ids.configDigest ?? iid,
      descriptorPlatform: ids.descriptorPlatform,
      inEngine,
      layoutDir
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The references the loaded image may have in the engine, in order: the engine names an image by
 * its config digest (classic store) or its manifest/index digest (containerd store), which the
 * metadata and the iidfile give. Beside a push, they name the pushed index; buildx 0.29's docker
 * exporter (a docker-container builder, `load` + `push`) loads the platform manifest alone, without
 * the attestation index: the OCI layout the same build wrote holds that manifest.
 */
export function engineRefs(manifestDigest: string | undefined, iid: string, layoutDir: string | undefined): string[] {
  const refs = [manifestDigest, iid]
  if (layoutDir && fs.existsSync(path.join(layoutDir, 'index.json'))) refs.push(...layoutImages(layoutDir).images.map(i => i.manifestDigest))
  return [...new Set(refs.filter((x): x is string => !!x))]
}

/** The digests buildx's metadata file gives for the exported image (pure; unreadable metadata gives none). */
export function buildIdentity(metadata: string): { manifestDigest?: string; configDigest?: string; descriptorPlatform?: string } {
  try {
    const m = JSON.parse(metadata) as Record<string, unknown>
    const str = (v: unknown) => (typeof v === 'string' && v.startsWith('sha256:') ? v : undefined)
    const descriptor = m['containerimage.descriptor'] as { digest?: unknown; platform?: { os?: unknown; architecture?: unknown; variant?: unknown } } | undefined
    const p = descriptor?.platform
    const descriptorPlatform =
      p && typeof p.os === 'string' && typeof p.architecture === 'string'
        ? platformName({ os: p.os, architecture: p.architecture, variant: typeof p.variant === 'string' ? p.variant : undefined })
        : undefined
    return {
      manifestDigest: str(m['containerimage.digest']) ?? str(descriptor?.digest),
      configDigest: str(m['containerimage.config.digest']),
      ...(descriptorPlatform ? { descriptorPlatform } : {})
    }
  } catch {
    return {}
  }
}

/** The config digest of the (first) platform image an OCI layout holds, or undefined. */
export function layoutConfigDigest(layoutDir: string): string | undefined {
  const readJson = (p: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(path.join(layoutDir, p), 'utf8'))
    } catch {
      return undefined
    }
  }
  const image = resolveImages(readJson).images[0]
  return image ? image.configPath.replace(/^blobs\/(\w+)\//, '$1:') : undefined
}
