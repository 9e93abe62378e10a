/**
 * A split build's part (its image pushed by digest): read back what the registry holds under the
 * pushed digest and name each platform's manifest, for the part report a merge reads.
 */
import type { RunnerImage } from '../build/build.js'
import { assemblePart } from '../build/part.js'
import { EnvironmentError, errorMessage } from '../errors.js'
import { canonicalName } from '../image-ref.js'
import type { PushByDigestOutput } from '../inputs/outputs.js'
import type { PipelineResult } from '../result.js'
import { timed, type Outcome } from './phase.js'
import type { PipelineDeps } from './run.js'

export const PART_PHASE = 'Part: pushed by digest'

/**
 * The part `image` is, from the pushed digest. The registry not serving it back (or buildx naming
 * no digest) fails the run: a part the merge cannot check must not pass.
 */
export async function partPhase(
  image: RunnerImage,
  deps: Pick<PipelineDeps, 'docker' | 'reporter'>,
  output: PushByDigestOutput,
  requested: string[]
): Promise<Outcome> {
  const name = canonicalName(output.name)
  const t = await timed(deps.reporter, PART_PHASE, async () => {
    const digest = image.manifestDigest
    if (!digest) throw new EnvironmentError(`buildx wrote no containerimage.digest for the image pushed by digest to ${name}`)
    const pushed = await deps.docker.registryManifest(`${name}@${digest}`)
    const part = assemblePart(name, digest, pushed, { descriptorPlatform: image.descriptorPlatform, requested })
    deps.reporter.info(`part of a split build: ${part.platforms.map(p => p.platform).join(', ')} pushed as ${name}@${digest} (not tagged)`)
    return part
  })
  return t.ok ? { phases: [t.phase], part: t.value } : { phases: [t.phase], failure: `part of a split build: ${errorMessage(t.error)}` }
}

/**
 * A part that failed before it recorded what it pushed (its test stage, its build, the registry
 * read-back) still says which image and platforms it is, with no digest: the merge then fails
 * naming its platforms, and publishing leaves the comment and check run to the merge. Nothing when
 * the run passed, already has its part, or cannot name a platform (no `platforms` input). Pure.
 */
export function unpushedPart(result: Pick<PipelineResult, 'part' | 'failure'>, output: PushByDigestOutput, requested: string[]): Outcome {
  if (result.part || !result.failure || requested.length === 0) return {}
  return { part: { name: canonicalName(output.name), platforms: requested.map(platform => ({ platform })) } }
}
