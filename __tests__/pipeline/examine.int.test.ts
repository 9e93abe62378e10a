/**
 * The gate never passes blind, on the real engine, on whichever image store it runs (npm test
 * runs this file on both): the audit reads what the build produced, every platform of it, with
 * attestations on or off, and a runner image that cannot be read fails the step with its reason.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import { readInputs } from '../../src/inputs/inputs.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { buildRunReport } from '../../src/report/build-report.js'
import { getter } from '../fixtures/inputs.js'
import { recordBuild, recordImage } from '../helpers/engine-images.js'
import { recordingReporter } from '../helpers/reporter.js'

const containerdStore = execFileSync('docker', ['info', '--format', '{{json .DriverStatus}}'], { encoding: 'utf8' }).includes('io.containerd.snapshotter')
const REGISTRY = '127.0.0.1:5000'

let work: string
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-examine-'))
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

/** Write a context with this Dockerfile and run the whole pipeline on it. */
async function pipeline(dockerfile: string, inputs: Record<string, string> = {}, env: Record<string, string | undefined> = {}) {
  const dir = fs.mkdtempSync(path.join(work, 'ctx-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile)
  const saved = { ...process.env }
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  try {
    const parsed = readInputs(getter({ context: dir, ...inputs }), { cwd: dir })
    const reporter = recordingReporter()
    const tmpDir = fs.mkdtempSync(path.join(work, 'run-'))
    const result = await runPipeline(parsed, resolvePlan(parsed), { docker: new Docker(), reporter, tmpDir, key: 'Dockerfile:runner' })
    recordBuild(result.image?.inEngine ? result.image.imageId : undefined, parsed.tags) // untagged builds leave no dangling image behind
    const report = buildRunReport(result, { dockerfile: 'Dockerfile', key: 'Dockerfile:runner', failOn: parsed['fail-on'] })
    return { result, report, reporter }
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k]
    Object.assign(process.env, saved)
  }
}

const tag = (name: string) => `stagecraft-test/${name}:${randomBytes(4).toString('hex')}`

// A runner of static files, its files made by a build stage: no emulation needed for any platform.
const scratchRunner = (user: string) => `FROM busybox:stable AS build
ARG NONCE=0
RUN mkdir -p /out/app && echo "app $NONCE" > /out/app/app.txt
FROM scratch AS runner
COPY --from=build /out/ /
${user}
`

describe('attestations off (BUILDX_NO_DEFAULT_ATTESTATIONS=1): the runner image is still the one audited', () => {
  const env = { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' }

  test('a root runner fails non-root, with the image in the engine and imageid what docker image inspect accepts', async () => {
    const t = tag('root')
    const { result, report } = await pipeline(scratchRunner(''), { tags: t, 'build-args': `NONCE=${randomBytes(4).toString('hex')}` }, env)
    expect(result.audit).toBeDefined()
    expect(result.audit!.findings.filter(f => f.severity === 'error').map(f => f.rule)).toEqual(['non-root'])
    expect(report.verdict.passed).toBe(false)
    expect(report.verdict.reasons.join('\n')).toMatch(/non-root/)
    const inspected = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', t], { encoding: 'utf8' }).trim()
    expect(result.image?.imageId).toBe(inspected)
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', result.image!.imageId], { encoding: 'utf8' }).trim()).toBe(inspected)
    expect(result.audit!.source.reader).toBe(containerdStore ? 'oci-layout' : 'engine-export')
  })

  test('a clean runner passes, sized from what was read', async () => {
    const { result, report } = await pipeline(scratchRunner('USER 65532:65532'), { 'build-args': `NONCE=${randomBytes(4).toString('hex')}` }, env)
    expect(result.failure).toBeUndefined()
    expect(result.audit!.failing).toBe(0)
    expect(report.verdict.passed).toBe(true)
    expect(result.size!.bytes).toBeGreaterThan(0)
    expect(report.platforms?.map(p => p.platform)).toEqual(['linux/amd64'])
  })
})

describe('attestations on (provenance mode=max): attestation manifests are recognised and skipped', () => {
  test('the audit and size describe the image alone', async () => {
    if (!containerdStore) return // the classic store cannot hold attestations (buildx refuses them on its docker driver)
    const nonce = randomBytes(4).toString('hex')
    const plain = await pipeline(scratchRunner('USER 65532:65532'), { 'build-args': `NONCE=${nonce}` }, { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' })
    const attested = await pipeline(scratchRunner('USER 65532:65532'), { 'build-args': `NONCE=${nonce}` }, { BUILDX_NO_DEFAULT_ATTESTATIONS: undefined })
    expect(attested.result.failure).toBeUndefined()
    expect(attested.result.size!.bytes).toBe(plain.result.size!.bytes)
    expect(attested.result.size!.layerCount).toBe(plain.result.size!.layerCount)
    expect(attested.report.platforms?.map(p => p.platform)).toEqual(['linux/amd64'])
  })
})

// Two platforms without emulation: the runner is FROM scratch and its files come from a
// --platform=$BUILDPLATFORM stage; SHIP_COMPILER puts a "compiler" into one platform only.
const twoPlatforms = `FROM --platform=$BUILDPLATFORM busybox:stable AS build
ARG TARGETARCH
ARG SHIP_COMPILER=none
ARG NONCE=0
RUN mkdir -p /out/app /out/usr/bin && echo "app for $TARGETARCH $NONCE" > /out/app/app.txt && \\
    if [ "$SHIP_COMPILER" = "$TARGETARCH" ]; then head -c 300000 /dev/zero > /out/usr/bin/gcc-12; fi
FROM scratch AS runner
COPY --from=build /out/ /
USER 65532:65532
`

describe('two platforms (linux/amd64 + linux/arm64)', () => {
  const platforms = 'linux/amd64,linux/arm64'

  test('a compiler shipped only in the arm64 runner fails toolchain, naming linux/arm64 and not linux/amd64', async () => {
    const { result, report } = await pipeline(twoPlatforms, { platforms, 'build-args': `SHIP_COMPILER=arm64\nNONCE=${randomBytes(4).toString('hex')}` })
    if (!containerdStore) {
      // The classic store cannot build, hold or export it: the step fails before building, saying what to do.
      expect(result.failure).toMatch(/^platforms: a multi-platform image .* classic image store .* docker-container builder/)
      expect(report.verdict.passed).toBe(false)
      expect(result.phases.find(p => p.name === 'Runner stage "runner"')).toMatchObject({ outcome: 'skipped', durationMs: 0 })
      return
    }
    const toolchain = result.audit!.findings.filter(f => f.rule === 'toolchain')
    expect(toolchain.length).toBeGreaterThan(0)
    expect(new Set(toolchain.map(f => f.platform))).toEqual(new Set(['linux/arm64']))
    expect(toolchain[0].evidence.path).toBe('/usr/bin/gcc-12')
    expect(report.verdict.passed).toBe(false)
    const byPlatform = Object.fromEntries(report.platforms!.map(p => [p.platform, p]))
    expect(Object.keys(byPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(byPlatform['linux/arm64'].failing).toBeGreaterThan(0)
    expect(byPlatform['linux/amd64'].failing).toBe(0)
    // The single-value size is the largest platform: arm64, which carries the 300 kB "compiler".
    expect(report.image?.platform).toBe('linux/arm64')
    expect(result.size!.bytes).toBe(byPlatform['linux/arm64'].size.bytes)
    expect(byPlatform['linux/arm64'].size.bytes - byPlatform['linux/amd64'].size.bytes).toBeGreaterThan(290_000)
  })

  test('both platforms clean: passes, and the report names both with their sizes; budgets apply to each', async () => {
    const { result, report } = await pipeline(twoPlatforms, { platforms, 'build-args': `NONCE=${randomBytes(4).toString('hex')}` })
    if (!containerdStore) {
      expect(result.failure).toMatch(/classic image store/)
      return
    }
    expect(result.failure).toBeUndefined()
    expect(report.verdict.passed).toBe(true)
    expect(report.platforms!.map(p => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    for (const p of report.platforms!) expect(p.size.bytes).toBeGreaterThan(0)
    const tight = await pipeline(twoPlatforms, { platforms, 'max-size': '1k', 'build-args': `NONCE=${randomBytes(4).toString('hex')}` })
    expect(tight.result.budgets.map(b => b.platform).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(tight.report.verdict.reasons.filter(r => /^linux\/(amd64|arm64): image is .* over the max-size budget/.test(r))).toHaveLength(2)
  })
})

describe('an image that cannot be read after a push: every output is still there, and the step fails with the reason', () => {
  const base = `${REGISTRY}/stagecraft-test/zstd-base:${randomBytes(3).toString('hex')}`
  beforeAll(() => {
    // A base image whose layers are zstd-compressed, as some registries serve them. The exporters
    // reuse its blobs as they are, so the runner's own layout holds a zstd layer Node 20 cannot read.
    const dir = fs.mkdtempSync(path.join(work, 'zstd-'))
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:stable\nRUN echo base > /base.txt\n')
    if (containerdStore) {
      execFileSync('docker', ['buildx', 'build', '--quiet', '--output', `type=image,name=${base},push=true,compression=zstd,force-compression=true`, dir], {
        stdio: 'ignore'
      })
      recordImage(base) // the image exporter keeps it in the engine too
    }
  })

  test('zstd base layers on the containerd store: audit failed, imageid/digest/metadata and the report are set', async () => {
    if (!containerdStore) return // the classic store's export is uncompressed: nothing to show there
    const t = `${REGISTRY}/stagecraft-test/pushed-zstd:${randomBytes(3).toString('hex')}`
    const { result, report, reporter } = await pipeline(`FROM ${base} AS runner\nCOPY --link Dockerfile /app/Dockerfile\nUSER 65532\n`, {
      push: 'true',
      tags: t
    })
    if (!result.image) throw new Error(`${result.failure}\n${reporter.lines.slice(-30).join('\n')}`)
    expect(result.image?.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.image?.metadata).toContain('containerimage.digest')
    expect(result.image?.inEngine).toBe(true)
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', result.image.imageId], { encoding: 'utf8' }).trim()).toBe(result.image.imageId)
    expect(result.failure).toMatch(
      /^audit: the image sha256:[0-9a-f]{64} could not be read, so it was not audited or sized \(layer \d+ \(sha256:[0-9a-f]{64}\) of linux\/amd64 cannot be read: zstd-compressed layer/
    )
    expect(result.phases.find(p => p.name === 'Audit')?.outcome).toBe('failed')
    expect(report.verdict.passed).toBe(false)
    expect(report.verdict.reasons[0]).toBe(result.failure)
    expect(report.image?.digest).toBe(result.image?.digest)
  })
})
