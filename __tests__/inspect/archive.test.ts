import { Readable } from 'node:stream'
import { readImageArchive, scanLayerStream } from '../../src/inspect/archive.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import { zstdAvailable, zstdLib } from '../../src/compression.js'
import { parseImageConfig, resolveImages } from '../../src/inspect/image-config.js'
import type { LayerFacts } from '../../src/inspect/types.js'
import { classicArchive, ociArchive } from './archive-fixtures.js'
import { makeTar } from './tar-fixtures.js'

const layers = [
  [
    { name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n' },
    { name: 'bin/sh', body: 'ELF' }
  ],
  [{ name: 'app/server', body: Buffer.alloc(300_000, 7) }]
]

test('OCI layout, gzip blobs before index.json: layers mapped through index → manifest → config', async () => {
  const { archive, diffIds } = await ociArchive({ layers })
  const contents = await readImageArchive(Readable.from([archive]), { needles: [] })
  const layout = resolveImages(p => contents.json.get(p)).images[0]
  const config = parseImageConfig(contents.json.get(layout.configPath))
  expect(config.diffIds).toEqual(diffIds)
  expect(config.user).toBe('1000')
  const facts = layout.layerPaths.map(p => contents.blobs.get(p) as LayerFacts)
  expect(facts.map(f => f.files.map(x => x.path))).toEqual([['etc/passwd', 'bin/sh'], ['app/server']])
  expect(facts[1].compressedFrom).toBe('blob')
  expect(facts[1].tarBytes).toBeGreaterThan(300_000)
  expect(facts[1].compressedBytes).toBeLessThan(5_000) // the exact size of the gzip blob
})

test('classic layout, uncompressed layer.tar: compressed size estimated with gzip while streaming', async () => {
  const { archive, diffIds } = await classicArchive({ layers })
  const contents = await readImageArchive(Readable.from([archive]), { needles: [] })
  const layout = resolveImages(p => contents.json.get(p)).images[0]
  expect(layout.layerPaths).toEqual(['layer0/layer.tar', 'layer1/layer.tar'])
  expect(parseImageConfig(contents.json.get(layout.configPath)).diffIds).toEqual(diffIds)
  const f = contents.blobs.get('layer1/layer.tar') as LayerFacts
  expect(f.compressedFrom).toBe('gzip-estimate')
  expect(f.compressedBytes).toBeGreaterThan(0)
  expect(f.compressedBytes).toBeLessThan(f.tarBytes / 10)
})

test('a corrupt layer blob is recorded as unreadable, not thrown (it may not be a layer)', async () => {
  const bad = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(2000, 0x55)])
  const { archive } = await ociArchive({ layers, corruptLayer: { index: 1, bytes: bad } })
  const contents = await readImageArchive(Readable.from([archive]), { needles: [] })
  const layout = resolveImages(p => contents.json.get(p)).images[0]
  expect(contents.blobs.get(layout.layerPaths[1])).toEqual({ error: expect.any(String) })
  expect((contents.blobs.get(layout.layerPaths[0]) as LayerFacts).files).toHaveLength(2)
})

// OCI `tar+zstd` layers (pushed with compression=zstd): read where Node has zstd (24, the action's
// runtime: scripts/test.sh runs this file on Node 24 too), named in one line where it has not (20).
const withZstd = zstdAvailable() ? test : test.skip
const withoutZstd = zstdAvailable() ? test.skip : test

withZstd('a zstd layer blob is read like a gzip one: the exact blob size, and the secret inside found', async () => {
  const tar = await makeTar([
    { name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n' },
    { name: 'app/.npmrc', body: '//registry.npmjs.org/:_authToken=zstd-layer-secret-0123456789\n' }
  ])
  const blob = zstdLib.zstdCompressSync!(tar)
  const facts = (await scanLayerStream(Readable.from([blob]), blob.length, {
    needles: secretNeedles([{ id: 'npm', value: 'zstd-layer-secret-0123456789' }])
  })) as LayerFacts
  expect(facts.files.map(f => f.path)).toEqual(['etc/passwd', 'app/.npmrc'])
  expect(facts).toMatchObject({ tarBytes: tar.length, compressedBytes: blob.length, compressedFrom: 'blob' })
  expect(facts.secretHits).toEqual([{ secretId: 'npm', path: 'app/.npmrc', where: 'content' }])
  expect(facts.passwd).toEqual([{ name: 'root', uid: 0, gid: 0, shell: '/bin/sh' }])
})

withZstd('a zstd blob that is not a tar inside is unreadable, not thrown', async () => {
  const blob = zstdLib.zstdCompressSync!(Buffer.alloc(2000, 0x55))
  expect(await scanLayerStream(Readable.from([blob]), blob.length, { needles: [] })).toEqual({ error: expect.any(String) })
})

withoutZstd('a zstd layer on a Node.js without zstd: one line naming zstd and the Node.js version', async () => {
  const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(600, 1)])
  const { archive } = await ociArchive({ layers, corruptLayer: { index: 0, bytes: zstd } })
  const contents = await readImageArchive(Readable.from([archive]), { needles: [] })
  const layout = resolveImages(p => contents.json.get(p)).images[0]
  expect(contents.blobs.get(layout.layerPaths[0])).toEqual({
    error: `zstd-compressed layer, and Node.js ${process.versions.node} has no zstd (Node.js 24, the action's runtime, reads it; or export the image with gzip layers)`
  })
  // The other layer is read as usual.
  expect((contents.blobs.get(layout.layerPaths[1]) as LayerFacts).files.map(f => f.path)).toEqual(['app/server'])
})

test('blobs too short to be a layer: empty, or under four bytes', async () => {
  expect(await scanLayerStream(Readable.from([Buffer.alloc(0)]), 0, { needles: [] })).toEqual({ error: 'empty blob' })
  expect(await scanLayerStream(Readable.from([Buffer.from([0x1f, 0x8b, 8])]), 3, { needles: [] })).toEqual({ error: 'truncated blob' })
  const tiny = await scanLayerStream(Readable.from([Buffer.from('abcd')]), 4, { needles: [] })
  expect(tiny).toEqual({ error: expect.any(String) })
})

test('a truncated archive rejects', async () => {
  const { archive } = await ociArchive({ layers })
  await expect(readImageArchive(Readable.from([archive.subarray(0, archive.length / 2)]), { needles: [] })).rejects.toThrow()
})

test('a layer whose first entry is named like JSON is still read as a layer', async () => {
  const { archive } = await classicArchive({ layers: [[{ name: '{weird}.json', body: '{}' }]] })
  const contents = await readImageArchive(Readable.from([archive]), { needles: [] })
  expect((contents.blobs.get('layer0/layer.tar') as LayerFacts).files.map(f => f.path)).toEqual(['{weird}.json'])
})
