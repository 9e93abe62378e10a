/** Reading the build's own OCI layout: every platform, attestations skipped, only unknown blobs read. */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import { resolveImages } from '../../src/inspect/image-config.js'
import { inspectImages } from '../../src/inspect/inspect-image.js'
import { zstdAvailable, zstdLib } from '../../src/compression.js'
import { gzip, makeTar, type Entry } from './tar-fixtures.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const noEngine = new Docker(async () => {
  throw new Error('the layout reader must not call the engine')
})

interface PlatformSpec {
  os: string
  architecture: string
  variant?: string
  layers: Entry[][]
  user?: string
  /** Replace the blob of layer N by these bytes. */
  blob?: { index: number; bytes: Buffer; mediaType?: string }
}

/** Write an OCI layout as BuildKit's oci exporter does (tar=false): index.json → index → manifests (+ attestations). */
async function writeLayout(dir: string, platforms: PlatformSpec[], attestations = true): Promise<void> {
  mkdirSync(path.join(dir, 'blobs/sha256'), { recursive: true })
  const put = (b: Buffer) => {
    writeFileSync(path.join(dir, 'blobs/sha256', sha(b)), b)
    return `sha256:${sha(b)}`
  }
  const descriptors: unknown[] = []
  for (const p of platforms) {
    const tars = await Promise.all(p.layers.map(makeTar))
    const blobs = tars.map((t, i) => (p.blob?.index === i ? p.blob.bytes : gzip(t)))
    const config = Buffer.from(
      JSON.stringify({
        architecture: p.architecture,
        os: p.os,
        variant: p.variant,
        config: { User: p.user ?? '1000' },
        history: p.layers.map((_, i) => ({ created_by: `RUN step ${i} # buildkit` })),
        rootfs: { type: 'layers', diff_ids: tars.map(t => `sha256:${sha(t)}`) }
      })
    )
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: put(config), size: config.length },
        layers: blobs.map((b, i) => ({
          mediaType: p.blob?.index === i && p.blob.mediaType ? p.blob.mediaType : 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: put(b),
          size: b.length
        }))
      })
    )
    const digest = put(manifest)
    const platform = { os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : {}) }
    descriptors.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: manifest.length, platform })
    if (attestations) {
      const att = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          config: { digest: put(Buffer.from('{}')), size: 2 },
          layers: [{ mediaType: 'application/vnd.in-toto+json', digest: put(Buffer.from('{"predicateType":"https://slsa.dev/provenance/v0.2"}')), size: 10 }]
        })
      )
      descriptors.push({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: put(att),
        size: att.length,
        annotations: { 'vnd.docker.reference.digest': digest, 'vnd.docker.reference.type': 'attestation-manifest' },
        platform: { os: 'unknown', architecture: 'unknown' }
      })
    }
  }
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descriptors }))
  const top = put(index)
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: top, size: index.length }] })
  )
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
}

const shared: Entry[] = [{ name: 'app/main.js', body: 'console.log(1)\n' }]
let tmp: string
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'stagecraft-oci-'))
})
afterEach(() => rmSync(tmp, { recursive: true, force: true }))

test('two platforms: one facts each, attestation manifests skipped, exact blob sizes', async () => {
  const dir = path.join(tmp, 'layout')
  await writeLayout(dir, [
    { os: 'linux', architecture: 'amd64', layers: [shared] },
    { os: 'linux', architecture: 'arm64', variant: 'v8', layers: [shared, [{ name: 'usr/bin/gcc-12', body: Buffer.alloc(5000, 1) }]], user: '' }
  ])
  const facts = await inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })
  expect(facts.map(f => f.platform)).toEqual(['linux/amd64', 'linux/arm64/v8'])
  expect(facts[1].layers[1].facts.files.map(f => f.path)).toEqual(['usr/bin/gcc-12'])
  expect(facts[1].config.user).toBe('')
  expect(facts[0].layers[0].facts.compressedFrom).toBe('blob')
  expect(facts[0].id).toMatch(/^sha256:[0-9a-f]{64}$/)
  // The shared layer is read once, for both platforms.
  const { timings, ...source } = facts[0].source
  expect(source).toEqual({ streamed: 1, cached: 0, dockerSave: false, reader: 'oci-layout' })
  // Where the read's time went, for the report and the fresh-runner bench (values are wall times).
  expect(Object.keys(timings ?? {}).sort()).toEqual(['configsMs', 'layersMs', 'searchMs'])
  expect(facts[1].source.streamed + facts[1].source.cached).toBe(2)
})

test('a warm layer cache: only the new layer blob is read', async () => {
  const cacheDir = path.join(tmp, 'cache')
  const first = path.join(tmp, 'one')
  await writeLayout(first, [{ os: 'linux', architecture: 'amd64', layers: [shared, [{ name: 'app/v1', body: 'a' }]] }])
  await inspectImages({ docker: noEngine, source: { kind: 'layout', dir: first }, secrets: [], layerCacheDir: cacheDir })
  const second = path.join(tmp, 'two')
  await writeLayout(second, [{ os: 'linux', architecture: 'amd64', layers: [shared, [{ name: 'app/v2', body: 'b' }]] }])
  const [facts] = await inspectImages({ docker: noEngine, source: { kind: 'layout', dir: second }, secrets: [], layerCacheDir: cacheDir })
  expect({ ...facts.source, timings: undefined }).toEqual({ streamed: 1, cached: 1, dockerSave: false, reader: 'oci-layout', timings: undefined })
  expect(facts.layers[1].facts.files.map(f => f.path)).toEqual(['app/v2'])
})

test('cached layers are not opened at all (their blob files may be gone)', async () => {
  const cacheDir = path.join(tmp, 'cache')
  const dir = path.join(tmp, 'l')
  await writeLayout(dir, [{ os: 'linux', architecture: 'amd64', layers: [shared] }], false)
  await inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [], layerCacheDir: cacheDir })
  const gz = gzip(await makeTar(shared))
  rmSync(path.join(dir, 'blobs/sha256', sha(gz)))
  const [facts] = await inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [], layerCacheDir: cacheDir })
  expect(facts.source.cached).toBe(1)
  await expect(inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })).rejects.toThrow(
    /layer 0 \(sha256:[0-9a-f]{64}\) of linux\/amd64 is missing from the OCI layout/
  )
})

// A tar+zstd layer: read where Node has zstd (24, the action's runtime; scripts/test.sh runs this
// file there too), one line naming the layer and platform where it has not (20). Never a green audit.
describe('zstd layers', () => {
  const withZstd = zstdAvailable() ? test : test.skip
  const withoutZstd = zstdAvailable() ? test.skip : test
  const ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd'

  withoutZstd('on a Node.js without zstd: one line naming the layer, the platform and why', async () => {
    const dir = path.join(tmp, 'z')
    const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(100, 7)])
    await writeLayout(dir, [{ os: 'linux', architecture: 'arm64', layers: [shared], blob: { index: 0, bytes: zstd, mediaType: ZSTD } }])
    await expect(inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })).rejects.toThrow(
      /^layer 0 \(sha256:[0-9a-f]{64}\) of linux\/arm64 cannot be read: zstd-compressed layer, and Node\.js \d+\.\d+\.\d+ has no zstd/
    )
  })

  withZstd('where Node has zstd: the layer is read, its compressed size the zstd blob', async () => {
    const dir = path.join(tmp, 'z24')
    const blob = zstdLib.zstdCompressSync!(await makeTar(shared))
    await writeLayout(dir, [{ os: 'linux', architecture: 'arm64', layers: [shared], blob: { index: 0, bytes: blob, mediaType: ZSTD } }])
    const [facts] = await inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })
    expect(facts.layers[0].facts).toMatchObject({ compressedBytes: blob.length, compressedFrom: 'blob' })
    expect(facts.layers[0].facts.files.map(f => f.path)).toEqual(['app/main.js'])
  })

  withZstd('where Node has zstd, a corrupt zstd blob: one line naming the layer and platform', async () => {
    const dir = path.join(tmp, 'zbad')
    const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(100, 7)])
    await writeLayout(dir, [{ os: 'linux', architecture: 'arm64', layers: [shared], blob: { index: 0, bytes: zstd, mediaType: ZSTD } }])
    await expect(inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })).rejects.toThrow(
      /^layer 0 \(sha256:[0-9a-f]{64}\) of linux\/arm64 cannot be read: ./
    )
  })
})

test('a secret in a layer is found and its value appears nowhere in the facts', async () => {
  const dir = path.join(tmp, 's')
  const value = 'ghp_layoutSecretValue123456'
  await writeLayout(dir, [{ os: 'linux', architecture: 'amd64', layers: [[{ name: 'root/.npmrc', body: `//registry/:_authToken=${value}\n` }]] }])
  const cacheDir = path.join(tmp, 'c')
  const privateDir = path.join(tmp, 'p')
  const [facts] = await inspectImages({
    docker: noEngine,
    source: { kind: 'layout', dir },
    secrets: [{ id: 'npm', value }],
    layerCacheDir: cacheDir,
    secretScanCacheDir: privateDir
  })
  expect(facts.layers[0].facts.secretHits).toEqual([{ secretId: 'npm', path: 'root/.npmrc', where: 'content' }])
  expect(JSON.stringify(facts)).not.toContain(value)
  // Without a Dockerfile every layer may hold the secret: its searched facts go to the private
  // tier only (no value in them), nothing to the shared one.
  expect(readdirSync(cacheDir)).toEqual([])
  expect(readdirSync(privateDir)).toHaveLength(1)
  for (const f of readdirSync(privateDir)) expect(readFileSync(path.join(privateDir, f), 'utf8')).not.toContain(value)
  const [again] = await inspectImages({
    docker: noEngine,
    source: { kind: 'layout', dir },
    secrets: [{ id: 'npm', value }],
    layerCacheDir: cacheDir,
    secretScanCacheDir: privateDir
  })
  expect(again.source).toMatchObject({ streamed: 0, cached: 1 })
  expect(again.layers[0].facts.secretHits).toEqual(facts.layers[0].facts.secretHits)
})

test('no layout, or a layout of attestations only: one clear line', async () => {
  await expect(inspectImages({ docker: noEngine, source: { kind: 'layout', dir: path.join(tmp, 'none') }, secrets: [] })).rejects.toThrow(
    /wrote no OCI layout .* \(no index\.json\)$/
  )
  const dir = path.join(tmp, 'att')
  mkdirSync(dir)
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ manifests: [{ digest: 'sha256:' + 'a'.repeat(64), platform: { os: 'unknown', architecture: 'unknown' } }] })
  )
  await expect(inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })).rejects.toThrow(/holds no image manifest/)
})

test("index.json naming a blob the layout lacks (BuildKit 0.13's oci exporter beside --load): the layout's own manifests are read", async () => {
  const dir = path.join(tmp, 'broken')
  await writeLayout(dir, [{ os: 'linux', architecture: 'amd64', layers: [shared], user: '' }])
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: 'sha256:' + 'f'.repeat(64), size: 498 }]
    })
  )
  const facts = await inspectImages({ docker: noEngine, source: { kind: 'layout', dir }, secrets: [] })
  expect(facts.map(f => f.platform)).toEqual(['linux/amd64'])
  expect(facts[0].config.user).toBe('')
  expect(facts[0].layers[0].facts.files.map(f => f.path)).toEqual(['app/main.js'])
})

describe('resolveImages: which images an export holds', () => {
  const d = (c: string) => `sha256:${c.repeat(64)}`
  const docs = new Map<string, unknown>([
    // docker save (Docker 25+, containerd store) of a two-platform image: manifest.json names one platform only.
    ['manifest.json', [{ Config: `blobs/sha256/${'c'.repeat(64)}`, Layers: [`blobs/sha256/${'1'.repeat(64)}`] }]],
    ['index.json', { manifests: [{ digest: d('i') }] }],
    [
      `blobs/sha256/${'i'.repeat(64)}`,
      {
        manifests: [
          { digest: d('a'), platform: { os: 'linux', architecture: 'amd64' } },
          { digest: d('b'), platform: { os: 'linux', architecture: 'arm64' } },
          { digest: d('e'), platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
        ]
      }
    ],
    [`blobs/sha256/${'a'.repeat(64)}`, { config: { digest: d('c') }, layers: [{ digest: d('1'), size: 10 }] }],
    [`blobs/sha256/${'b'.repeat(64)}`, { config: { digest: d('f') }, layers: [{ digest: d('2'), size: 20 }] }]
  ])

  test('the index wins over manifest.json: every platform, attestations counted and skipped', () => {
    const r = resolveImages(p => docs.get(p))
    expect(r.images.map(i => i.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(r.images[1]).toMatchObject({ manifestDigest: d('b'), configPath: `blobs/sha256/${'f'.repeat(64)}`, layerSizes: [20] })
    expect(r.attestations).toBe(1)
    expect(r.missing).toEqual([])
  })

  test('a platform the index lists but the export lacks is reported missing, never dropped silently', () => {
    const partial = new Map(docs)
    partial.delete(`blobs/sha256/${'b'.repeat(64)}`)
    const r = resolveImages(p => partial.get(p))
    expect(r.images.map(i => i.platform)).toEqual(['linux/amd64'])
    expect(r.missing).toEqual(['linux/arm64'])
  })

  test('the legacy docker save (manifest.json alone) still resolves', () => {
    const legacy = new Map([['manifest.json', docs.get('manifest.json')]])
    expect(resolveImages(p => legacy.get(p)).images).toEqual([
      { platform: '', configPath: `blobs/sha256/${'c'.repeat(64)}`, layerPaths: [`blobs/sha256/${'1'.repeat(64)}`] }
    ])
  })
})

test('layers read while the build wrote them are taken as read; a layer no secret reaches keeps no hits', async () => {
  const dir = path.join(tmp, 'l')
  await writeLayout(dir, [{ os: 'linux', architecture: 'amd64', layers: [shared] }], false)
  const blobPath = `blobs/sha256/${sha(gzip(await makeTar(shared)))}`
  const early = {
    files: [{ path: 'read/early', type: 'file' as const, size: 1, mode: 0o644, uid: 0, gid: 0 }],
    whiteouts: [],
    opaqueDirs: [],
    secretHits: [{ secretId: 'x', path: 'read/early', where: 'content' as const }],
    archiveLimits: [{ path: 'read/early', reason: 'encrypted' }],
    tarBytes: 1024,
    compressedBytes: 10,
    compressedFrom: 'blob' as const
  }
  const asked: string[] = []
  const prefetch = { clock: { searchMs: 0 }, facts: async (p: string) => (asked.push(p), p === blobPath ? early : undefined) }
  const [facts] = await inspectImages({ docker: noEngine, source: { kind: 'layout', dir, prefetch: prefetch as never }, secrets: [] })
  expect(asked).toEqual([blobPath])
  expect(facts.layers[0].facts.files.map(f => f.path)).toEqual(['read/early'])
  expect(facts.layers[0].facts.secretHits).toEqual([])
  expect(facts.layers[0].facts.archiveLimits).toBeUndefined()
  expect(facts.source).toMatchObject({ streamed: 1, cached: 0, prefetched: 1 })
  // Nothing read early: the blob is read as before.
  const [plain] = await inspectImages({
    docker: noEngine,
    source: { kind: 'layout', dir, prefetch: { ...prefetch, facts: async () => undefined } as never },
    secrets: []
  })
  expect(plain.layers[0].facts.files.map(f => f.path)).toEqual(['app/main.js'])
  expect(plain.source.prefetched).toBeUndefined()
})
