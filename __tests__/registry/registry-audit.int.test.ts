/**
 * The registry audit on the real engine and the local registry: an index built and pushed by plain
 * `docker buildx build` (two platforms, attestations on, no emulation: a scratch runner laid out by
 * a $BUILDPLATFORM stage) is audited and sized from the registry exactly as from its OCI layout;
 * a second audit with the layer cache reads no layer blob; a digest the registry lacks fails with
 * one line naming it.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runImageCommand } from '../../src/cli/image-commands.js'
import { Docker } from '../../src/docker/docker.js'
import type { ImageSource } from '../../src/inspect/inspect-image.js'
import type { PlatformResult } from '../../src/result.js'
import { examineImage } from '../../src/pipeline/examine.js'
import type { Outcome } from '../../src/pipeline/phase.js'
import { findStage, parseDockerfile } from '../../src/plan/dockerfile.js'
import { RegistryClient } from '../../src/registry/client.js'
import { recordImage } from '../helpers/engine-images.js'
import { recordingReporter } from '../helpers/reporter.js'

const REGISTRY = '127.0.0.1:5000'
const DOCKERFILE = `FROM --platform=$BUILDPLATFORM busybox:stable AS build
ARG NONCE=0
ARG TARGETARCH
RUN mkdir -p /out/app /out/bin && echo "app $NONCE $TARGETARCH" > /out/app/app.txt \\
 && head -c 300000 /dev/urandom > /out/app/blob.bin && cp /bin/busybox /out/bin/sh && chmod 4755 /out/bin/sh
FROM scratch AS runner
COPY --from=build /out/app /app
COPY --from=build /out/bin /bin
`
const plan = parseDockerfile(DOCKERFILE)
const target = findStage(plan, 'runner')!
const options = { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' as const }

let work: string
let ref: string
let layout: string
let digest: string

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'reg-audit-'))
  fs.writeFileSync(path.join(work, 'Dockerfile'), DOCKERFILE)
  const nonce = randomBytes(4).toString('hex')
  ref = `${REGISTRY}/reg-app:${nonce}`
  layout = path.join(work, 'layout')
  const meta = path.join(work, 'meta.json')
  const args = [
    'buildx',
    'build',
    '--platform',
    'linux/amd64,linux/arm64',
    '--build-arg',
    `NONCE=${nonce}`,
    // The layout first: with several exporters buildx ≥ 0.2x writes the last one's digest to the
    // metadata, and the docker driver's image exporter is the pushed one (Docker 28's pushes other
    // media types than the OCI layout holds, so another digest).
    '--output',
    `type=oci,dest=${layout},tar=false`,
    '--output',
    `type=image,name=${ref},push=true`,
    '--metadata-file',
    meta,
    work
  ]
  // The shared registry has answered a HEAD with a transient 500 under load: one more try then.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] })
      break
    } catch (e) {
      if (attempt === 2) throw e
    }
  }
  recordImage(ref) // the docker driver also stores it in the engine
  digest = (JSON.parse(fs.readFileSync(meta, 'utf8')) as Record<string, string>)['containerimage.digest']
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

async function examine(source: ImageSource, layerCacheDir?: string): Promise<Outcome> {
  const result = await examineImage({
    docker: new Docker(),
    reporter: recordingReporter(),
    source,
    label: ref,
    dockerfile: { plan, target },
    secrets: [],
    options,
    audit: true,
    layerCacheDir,
    budgets: {}
  })
  expect(result.failure).toBeUndefined()
  return result
}

/** What must be equal whichever way the image was read. */
const view = (platforms: PlatformResult[] = []) =>
  platforms
    .map(p => ({
      platform: p.platform,
      findings: p.audit.findings.map(f => `${f.rule} ${f.severity} ${f.evidence.path ?? ''} line ${f.evidence.line ?? '-'}`).sort(),
      bytes: p.size.bytes,
      compressedBytes: p.size.compressedBytes,
      compressedFrom: p.size.compressedFrom,
      layers: p.size.layers.map(l => [l.bytes, l.compressedBytes])
    }))
    .sort((a, b) => a.platform.localeCompare(b.platform))

test('every platform of the index: the same findings and sizes as from the OCI layout; the cache then reads no layer blob', async () => {
  const fromLayout = view((await examine({ kind: 'layout', dir: layout })).platforms)
  expect(fromLayout.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
  expect(fromLayout[0].findings.some(f => f.startsWith('non-root error'))).toBe(true)
  expect(fromLayout[0].findings).toContain('hygiene/setuid warning /bin/sh line 8')

  const cache = path.join(work, 'cache')
  const cold = RegistryClient.for(`${ref.replace(/:[^:/]+$/, '')}@${digest}`, { credentials: null })
  const coldResult = await examine({ kind: 'registry', client: cold }, cache)
  expect(view(coldResult.platforms)).toEqual(fromLayout)
  expect(coldResult.audit?.source).toMatchObject({ reader: 'registry', cached: 0 })
  expect(coldResult.platforms?.every(p => p.size.compressedFrom === 'blob')).toBe(true)
  // Two platforms × two layers, every distinct blob read once (the /bin layer is the same for both), verified, counted.
  const distinct = new Map(coldResult.platforms!.flatMap(p => p.size.layers.map(l => [l.digest, l.compressedBytes] as const)))
  expect(distinct.size).toBe(3)
  expect(cold.stats.layers).toBe(3)
  expect(cold.stats.layerBytes).toBe([...distinct.values()].reduce((n, b) => n + b, 0))

  const warm = RegistryClient.for(ref, { credentials: null })
  const warmResult = await examine({ kind: 'registry', client: warm }, cache)
  expect(view(warmResult.platforms)).toEqual(fromLayout)
  expect(warmResult.audit?.source).toMatchObject({ reader: 'registry', streamed: 0, cached: 4 })
  expect(warm.stats).toMatchObject({ layers: 0, layerBytes: 0 })
  expect(warm.stats.manifestBytes).toBeGreaterThan(0)
  expect(warm.stats.manifestBytes + warm.stats.configBytes).toBeLessThan(20_000)
})

test('the audit front end (stagecraft audit --registry / mode: audit): the index digest, per platform, findings on the Dockerfile lines', async () => {
  const file = path.join(work, 'Dockerfile')
  const result = await runImageCommand({
    docker: new Docker(),
    reporter: recordingReporter(),
    image: ref,
    registry: { input: 'image' },
    audit: true,
    inputs: {
      'require-non-root': true,
      'forbid-toolchains': true,
      'audit-allow': [],
      'fail-on': 'error',
      'max-size': undefined,
      'max-increase': undefined,
      'baseline-report': '',
      'baseline-image': ''
    },
    dockerfile: { path: file, target: 'runner' },
    key: 'reg-app'
  })
  expect(result.failure).toBeUndefined()
  expect(result.image).toMatchObject({ imageId: digest, digest, inEngine: false, tags: [ref] })
  expect(result.platforms?.map(p => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64'])
  const nonRoot = result.audit?.findings.find(f => f.rule === 'non-root')
  expect(nonRoot?.evidence.line).toBe(target.line)
})

test('a digest the registry does not hold: one clear line naming it', async () => {
  const absent = `${REGISTRY}/reg-app@sha256:${'0'.repeat(64)}`
  const run = runImageCommand({
    docker: new Docker(),
    reporter: recordingReporter(),
    image: absent,
    registry: { input: 'image' },
    audit: true,
    inputs: {
      'require-non-root': true,
      'forbid-toolchains': true,
      'audit-allow': [],
      'fail-on': 'error',
      'max-size': undefined,
      'max-increase': undefined,
      'baseline-report': '',
      'baseline-image': ''
    },
    key: 'reg-app'
  })
  await expect(run).rejects.toThrow(`${absent}: manifest unknown (the registry ${REGISTRY} does not hold it)`)
  await expect(RegistryClient.for(absent, { credentials: null }).manifest()).rejects.toThrow(`${absent}: manifest unknown`)
})
