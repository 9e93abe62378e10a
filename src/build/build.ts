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
import { TailBuffer } from '../log.js'
import { stageLabel, type Stage } from '../plan/dockerfile.js'
import { buildArgs } from './args.js'
import type { MaterializedSecrets } from './secrets.js'

export interface BuildContext {
  docker: Docker
  inputs: Inputs
  driver: string
  secrets: MaterializedSecrets
  /** Every log line passes through here (redaction, printing). */
  onLine: (line: string) => void
}

export interface TestStageResult {
  result: 'passed' | 'failed'
  stage: string
  exitCode: number
  /** Last lines of the build log, secrets redacted. */
  logTail: string[]
}

export interface RunnerImage {
  imageId: string
  digest?: string
  /** buildx's metadata JSON, as text. */
  metadata: string
  tags: string[]
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

/** Build the runner stage and return what identifies the image. */
export async function buildRunner(ctx: BuildContext, stage: Stage): Promise<RunnerImage> {
  const dir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-build-'))
  try {
    const iidFile = path.join(dir, 'iid')
    const metadataFile = path.join(dir, 'metadata.json')
    const tail = new TailBuffer(TEST_LOG_TAIL_LINES)
    const args = buildArgs(ctx.inputs, {
      kind: 'runner',
      target: buildTarget(stage),
      secretSpecs: ctx.secrets.specs,
      driver: ctx.driver,
      iidFile,
      metadataFile
    })
    const r = await ctx.docker.buildx(args, {
      env: ctx.secrets.env,
      onLine: line => {
        ctx.onLine(line)
        tail.push(line)
      }
    })
    if (r.exitCode !== 0) throw new BuildFailedError(stageRef(stage), tail.get())
    const imageId = fs.existsSync(iidFile) ? fs.readFileSync(iidFile, 'utf8').trim() : ''
    if (!imageId) throw new EnvironmentError('buildx finished without an image id (no --iidfile written)')
    const metadata = fs.existsSync(metadataFile) ? fs.readFileSync(metadataFile, 'utf8') : '{}'
    let digest: string | undefined
    try {
      const m = JSON.parse(metadata) as Record<string, unknown>
      if (ctx.inputs.push && typeof m['containerimage.digest'] === 'string') digest = m['containerimage.digest']
    } catch {
      // metadata is informational; an unreadable file leaves digest unset
    }
    return { imageId, digest, metadata, tags: ctx.inputs.tags }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
