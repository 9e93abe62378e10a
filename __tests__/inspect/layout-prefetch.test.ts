/** Reading layer blobs of an OCI layout while BuildKit's local content store still writes them. */
import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { scanLayerStream } from '../../src/inspect/archive.js'
import { LayoutPrefetch } from '../../src/inspect/layout-prefetch.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import { gzip, makeTar } from './tar-fixtures.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const secret = { id: 'token', value: 'prefetch-test-secret-value-1234567890' }
const needles = secretNeedles([secret])
const tick = () => new Promise(r => setTimeout(r, 30))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stagecraft-prefetch-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A gzip layer blob big enough to arrive in several pieces, with the secret in one file. */
async function layerBlob(): Promise<Buffer> {
  const tar = await makeTar([
    { name: 'app/random.bin', body: randomBytes(600_000) },
    { name: 'app/.npmrc', body: `//registry.npmjs.org/:_authToken=${secret.value}\n` },
    { name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n' }
  ])
  return gzip(tar)
}

/** Begin an ingest as the local content store does, at once: its directory, `ref`, `total` (unless undefined) and the first bytes of `data`. */
function beginIngest(ref: string, data: Buffer | string, total: string | undefined): string {
  const ingest = path.join(dir, 'ingest', sha(Buffer.from(ref.trim())))
  mkdirSync(ingest, { recursive: true })
  writeFileSync(path.join(ingest, 'ref'), ref)
  if (total !== undefined) writeFileSync(path.join(ingest, 'total'), total)
  writeFileSync(path.join(ingest, 'data'), data)
  return ingest
}

/** The store's commit: the ingest's data renamed to the blob of `blob`'s digest, the ingest removed. */
function commitIngest(ingest: string, blob: Buffer): void {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true })
  renameSync(path.join(ingest, 'data'), path.join(dir, 'blobs', 'sha256', sha(blob)))
  rmSync(ingest, { recursive: true, force: true })
}

/** Write `blob` as the local content store does: ingest ref/total/data in pieces, then the commit (rename). */
async function writeAsExporter(blob: Buffer, ref: string, opts: { pieces?: number; commit?: boolean } = {}): Promise<void> {
  const ingest = beginIngest(ref, '', String(blob.length))
  const pieces = opts.pieces ?? 4
  const step = Math.ceil(blob.length / pieces)
  for (let at = 0; at < blob.length; at += step) {
    appendFileSync(path.join(ingest, 'data'), blob.subarray(at, at + step))
    await tick()
  }
  if (opts.commit !== false) commitIngest(ingest, blob)
}

test('a layer read while it is written gives the facts of the committed blob, secret hits included', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(path.join(dir), { needles }).start()
  await writeAsExporter(blob, `layer-sha256:${sha(blob)}`)
  prefetch.close()
  const early = await prefetch.facts(`blobs/sha256/${sha(blob)}`)
  const whole = await scanLayerStream(Readable.from([blob]), blob.length, { needles })
  expect(prefetch.digests).toEqual([`sha256:${sha(blob)}`])
  expect(early).toEqual(whole)
  expect(early?.secretHits.map(h => h.path)).toEqual(['app/.npmrc'])
  expect(early?.files.map(f => f.path)).toEqual(['app/random.bin', 'app/.npmrc', 'etc/passwd'])
})

test('bytes that are not the blob the ref names are dropped (the audit reads the committed blob)', async () => {
  const blob = await layerBlob()
  const other = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob, `layer-sha256:${sha(other)}`)
  prefetch.close()
  expect(prefetch.digests).toEqual([`sha256:${sha(other)}`])
  await expect(prefetch.facts(`blobs/sha256/${sha(other)}`)).resolves.toBeUndefined()
})

test('only layers are read: manifests, configs and unknown blobs are left to the audit', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob, `manifest-sha256:${sha(blob)}`, { pieces: 1 })
  await writeAsExporter(Buffer.from('{}'), `config-sha256:${sha(Buffer.from('{}'))}`, { pieces: 1 })
  prefetch.close()
  expect(prefetch.digests).toEqual([])
  await expect(prefetch.facts(`blobs/sha256/${sha(blob)}`)).resolves.toBeUndefined()
  await expect(prefetch.facts('blobs/sha256/not-a-digest')).resolves.toBeUndefined()
})

test('a blob cut short (the build failed): abort ends the read without facts', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob.subarray(0, blob.length / 2), `layer-sha256:${sha(blob)}`, { commit: false })
  // `total` still says the whole blob: the reader waits for the rest ...
  writeFileSync(path.join(dir, 'ingest', sha(Buffer.from(`layer-sha256:${sha(blob)}`)), 'total'), String(blob.length))
  const pending = prefetch.facts(`blobs/sha256/${sha(blob)}`)
  await tick()
  prefetch.abort()
  await expect(pending).resolves.toBeUndefined()
})

test('a blob that stops growing after the build ended is given up, not waited on forever', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob.subarray(0, 1000), `layer-sha256:${sha(blob)}`, { commit: false, pieces: 1 })
  writeFileSync(path.join(dir, 'ingest', sha(Buffer.from(`layer-sha256:${sha(blob)}`)), 'total'), String(blob.length))
  await tick()
  prefetch.close()
  await expect(prefetch.facts(`blobs/sha256/${sha(blob)}`)).resolves.toBeUndefined()
})

test('a layout directory that does not exist yet (or is removed and made again) is watched all the same', async () => {
  const blob = await layerBlob()
  const later = path.join(dir, 'later')
  const prefetch = new LayoutPrefetch(later, { needles: [] }).start()
  await tick()
  const saved = dir
  dir = later
  try {
    await writeAsExporter(blob, `layer-sha256:${sha(blob)}`)
  } finally {
    dir = saved
  }
  prefetch.close()
  const early = await prefetch.facts(`blobs/sha256/${sha(blob)}`)
  expect(early?.files).toHaveLength(3)
  expect(early?.secretHits).toEqual([])
})

test('an ingest looked at before its ref and data are written is looked at again', async () => {
  const blob = await layerBlob()
  const ref = `layer-sha256:${sha(blob)}`
  const ingest = path.join(dir, 'ingest', sha(Buffer.from(ref)))
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  mkdirSync(ingest, { recursive: true })
  writeFileSync(path.join(ingest, 'ref'), '')
  await tick()
  writeFileSync(path.join(ingest, 'ref'), ref)
  await tick()
  await writeAsExporter(blob, ref)
  prefetch.close()
  expect((await prefetch.facts(`blobs/sha256/${sha(blob)}`))?.secretHits).toHaveLength(1)
})

/** Files of the test's layout that this process still holds open. */
const openInLayout = () =>
  readdirSync('/proc/self/fd').flatMap(fd => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      return target.startsWith(dir) ? [target] : []
    } catch {
      return []
    }
  })

test.each([
  ['no total file', undefined],
  ['a total of 0', '0'],
  ['a total that is not a number', 'unknown']
])('a blob whose size the ingest does not tell (%s) is read until it is committed', async (_, total) => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  const ingest = beginIngest(`layer-sha256:${sha(blob)}`, blob.subarray(0, 1000), total)
  await tick()
  appendFileSync(path.join(ingest, 'data'), blob.subarray(1000))
  commitIngest(ingest, blob)
  prefetch.close()
  const early = await prefetch.facts(`blobs/sha256/${sha(blob)}`)
  expect(early).toEqual(await scanLayerStream(Readable.from([blob]), blob.length, { needles }))
})

test('close looks once more: a blob written since the last look is still read', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  // No await between start and close: the watch never looked on its own.
  beginIngest(`layer-sha256:${sha(blob)}\n`, blob, `${blob.length}\n`)
  prefetch.close()
  expect((await prefetch.facts(`blobs/sha256/${sha(blob)}`))?.secretHits).toHaveLength(1)
})

test('after close, blobs written later are not read', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await tick()
  prefetch.close()
  await writeAsExporter(blob, `layer-sha256:${sha(blob)}`, { pieces: 1 })
  await tick()
  expect(prefetch.digests).toEqual([])
})

test('abort ends a read for good: the rest of the blob arriving later gives no facts', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  const ingest = beginIngest(`layer-sha256:${sha(blob)}`, blob.subarray(0, 1000), String(blob.length))
  await tick()
  expect(prefetch.digests).toEqual([`sha256:${sha(blob)}`])
  prefetch.abort()
  appendFileSync(path.join(ingest, 'data'), blob.subarray(1000))
  await expect(prefetch.facts(`blobs/sha256/${sha(blob)}`)).resolves.toBeUndefined()
})

test('facts are asked by the blob path of the layout only', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob, `layer-sha256:${sha(blob)}`)
  prefetch.close()
  expect(await prefetch.facts(`blobs/sha256/${sha(blob)}`)).toBeDefined()
  await expect(prefetch.facts(`x/blobs/sha256/${sha(blob)}`)).resolves.toBeUndefined()
  await expect(prefetch.facts(`blobs/sha256/${sha(blob)}.tmp`)).resolves.toBeUndefined()
})

test('a ref that only contains a layer ref is not a layer', async () => {
  const blob = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob, `index-layer-sha256:${sha(blob)}`, { pieces: 1 })
  await writeAsExporter(blob, `layer-sha256:${sha(blob)}-old`, { pieces: 1 })
  prefetch.close()
  expect(prefetch.digests).toEqual([])
})

test('every blob file opened while it was written is closed again, read or dropped', async () => {
  const blob = await layerBlob()
  const other = await layerBlob()
  const prefetch = new LayoutPrefetch(dir, { needles }).start()
  await writeAsExporter(blob, `layer-sha256:${sha(blob)}`)
  await writeAsExporter(other, `layer-sha256:${sha(blob.subarray(1))}`)
  prefetch.close()
  expect(await prefetch.facts(`blobs/sha256/${sha(blob)}`)).toBeDefined()
  expect(await prefetch.facts(`blobs/sha256/${sha(blob.subarray(1))}`)).toBeUndefined()
  await tick()
  expect(openInLayout()).toEqual([])
})
