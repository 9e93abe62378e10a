import { Docker } from '../../src/docker/docker.js'
import type { RunnerImage } from '../../src/build/build.js'
import type { PipelineResult } from '../../src/result.js'
import { PART_PHASE, partPhase, unpushedPart } from '../../src/pipeline/part.js'
import { fakeRunner } from '../helpers/fake-docker.js'
import { recordingReporter } from '../helpers/reporter.js'
import { pipelineResult } from '../fixtures/result.js'

const D = 'sha256:' + 'd'.repeat(64)
const output = { name: '127.0.0.1:5000/part-app:ignored-tag', line: 'type=image,...' }
const image = (manifestDigest: string | undefined): RunnerImage => ({
  imageId: 'sha256:c',
  metadata: '{}',
  tags: [],
  inEngine: false,
  manifestDigest,
  descriptorPlatform: 'linux/arm64'
})
const result = (manifestDigest: string | undefined): PipelineResult => pipelineResult({ image: image(manifestDigest) })

describe('partPhase: the part from what the registry serves under the pushed digest', () => {
  test('the registry serves the manifest: part given (canonical name, no tag), phase ok, the one call is imagetools inspect --raw NAME@DIGEST', async () => {
    const runner = fakeRunner(() => ({ stdout: JSON.stringify({ mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] }) }))
    const r = await partPhase(image(D), { docker: new Docker(runner), reporter: recordingReporter() }, output, ['linux/arm64'])
    expect(r.part).toEqual({ name: '127.0.0.1:5000/part-app', digest: D, platforms: [{ platform: 'linux/arm64', digest: D }] })
    expect(r.failure).toBeUndefined()
    expect(r.phases).toEqual([expect.objectContaining({ name: PART_PHASE, outcome: 'ok' })])
    expect(runner.calls).toEqual([['buildx', 'imagetools', 'inspect', '--raw', `127.0.0.1:5000/part-app@${D}`]])
  })

  test('the registry does not serve it: the run fails naming the digest, no part', async () => {
    const runner = fakeRunner(() => ({ exitCode: 1, stderr: `ERROR: 127.0.0.1:5000/part-app@${D}: not found` }))
    const r = await partPhase(image(D), { docker: new Docker(runner), reporter: recordingReporter() }, output, [])
    expect(r.part).toBeUndefined()
    expect(r.failure).toBe(
      `part of a split build: cannot read the manifest of 127.0.0.1:5000/part-app@${D} from its registry (ERROR: 127.0.0.1:5000/part-app@${D}: not found)`
    )
    expect(r.phases).toEqual([expect.objectContaining({ name: PART_PHASE, outcome: 'failed' })])
  })

  test('buildx named no digest: the run fails, the registry is not asked', async () => {
    const runner = fakeRunner()
    const r = await partPhase(image(undefined), { docker: new Docker(runner), reporter: recordingReporter() }, output, [])
    expect(r.failure).toBe('part of a split build: buildx wrote no containerimage.digest for the image pushed by digest to 127.0.0.1:5000/part-app')
    expect(runner.calls).toEqual([])
  })
})

describe('unpushedPart: a part that failed before it pushed still names its image and platforms', () => {
  const failed = (): PipelineResult => ({ ...result(undefined), image: undefined, failure: 'test stage "test" failed (exit 1)' })
  test('a failed part: its canonical name and the platforms it was to build, no digest', () => {
    expect(unpushedPart(failed(), output, ['linux/arm64']).part).toEqual({ name: '127.0.0.1:5000/part-app', platforms: [{ platform: 'linux/arm64' }] })
  })
  test('a run that passed, one that recorded its part, or one with no platforms input: left as it is', () => {
    expect(unpushedPart(result(D), output, ['linux/arm64'])).toEqual({})
    const recorded = { ...failed(), part: { name: 'n', digest: D, platforms: [{ platform: 'linux/arm64', digest: D }] } }
    expect(unpushedPart(recorded, output, ['linux/arm64'])).toEqual({})
    expect(unpushedPart(failed(), output, [])).toEqual({})
  })
})
