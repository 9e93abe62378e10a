/**
 * One streaming pass over an image archive as `docker save` writes it, in either layout:
 * classic (`manifest.json`, `<id>.json`, `<id>/layer.tar`) or OCI (`index.json`, `blobs/sha256/…`,
 * layers possibly gzip- or zstd-compressed). The manifest and config may come after the layer blobs,
 * so every blob is sniffed: small JSON documents are kept, anything else is scanned as a candidate
 * layer tar (decompressed in-stream when it starts with the gzip or zstd magic) and mapped to a
 * layer later.
 * Nothing touches disk; only the current chunk and the per-layer facts are held in memory.
 */
import { Transform, type Readable, type Writable } from 'node:stream'
import zlib from 'node:zlib'
import { isGzip, isZstd, zstdAvailable, zstdLib } from '../compression.js'
import { coalesced } from './coalesce.js'
import { scanLayerTar, type SearchClock } from './layer-scan.js'
import type { Needle } from './secret-search.js'
import { drained, forEachTarEntry, normalisePath, skipBody } from './tar-entries.js'
import type { LayerFacts } from './types.js'

/** JSON documents (manifests, configs, attestations) larger than this are not kept. */
const MAX_JSON_BYTES = 32 * 1024 * 1024
const SNIFF_BYTES = 512
/** Larger zlib output chunks: fewer callbacks and stream hops per gigabyte. */
const ZLIB_CHUNK = 256 * 1024

export interface ArchiveOptions {
  needles: Needle[]
  /** Archive paths whose facts are already cached: drained without parsing. */
  skip?: (path: string) => boolean
  /** gzip level for estimating the compressed size of uncompressed layer tars (default 6, as docker push). */
  gzipLevel?: number
  /** Adds up the time spent in the secret search. */
  clock?: SearchClock
}

/** A blob that could not be read as a layer tar (only an error if the manifest names it a layer). */
export interface UnreadableBlob {
  error: string
}

export interface ArchiveContents {
  /** Small JSON documents by archive path (manifest.json, index.json, configs, OCI manifests). */
  json: Map<string, unknown>
  /** Layer facts (or why the blob is unreadable) by archive path. */
  blobs: Map<string, LayerFacts | UnreadableBlob>
}

/** Read the archive streaming from `input`. Rejects when the archive itself is not a valid tar. */
export async function readImageArchive(input: Readable, options: ArchiveOptions): Promise<ArchiveContents> {
  const contents: ArchiveContents = { json: new Map(), blobs: new Map() }
  await forEachTarEntry(coalesced(input), async (header, body) => {
    const path = normalisePath(header.name)
    if (header.type !== 'file' || options.skip?.(path)) return skipBody(body)
    const { first, rest } = await readHead(body[Symbol.asyncIterator]() as AsyncIterator<Buffer>, SNIFF_BYTES)
    if (first.length === 0) return
    if (looksLikeJson(first)) {
      const doc = await collectJson(first, rest)
      if (doc !== undefined) contents.json.set(path, doc)
      return
    }
    contents.blobs.set(path, await scanBlob(first, rest, header.size ?? 0, options))
  })
  return contents
}

function looksLikeJson(head: Buffer): boolean {
  // A tar whose first entry is named `{…` is still a tar.
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return false
  const text = head.subarray(0, 64).toString('latin1').trimStart()
  return text.startsWith('{') || text.startsWith('[')
}

async function collectJson(first: Buffer, rest: AsyncIterator<Buffer>): Promise<unknown> {
  const parts = [first]
  let size = first.length
  for (let n = await rest.next(); !n.done; n = await rest.next()) {
    size += n.value.length
    if (size <= MAX_JSON_BYTES) parts.push(n.value)
  }
  if (size > MAX_JSON_BYTES) return undefined
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'))
  } catch {
    return undefined
  }
}

async function* emptyIterator(): AsyncGenerator<Buffer> {}

/** Scan one layer blob (gzip, zstd or plain tar) streaming from `input`, e.g. a file of an OCI layout. */
export async function scanLayerStream(input: Readable, blobSize: number, options: ArchiveOptions): Promise<LayerFacts | UnreadableBlob> {
  const { first, rest } = await readHead(coalesced(input)[Symbol.asyncIterator]() as AsyncIterator<Buffer>, 4)
  if (first.length < 4) return { error: first.length === 0 ? 'empty blob' : 'truncated blob' }
  return scanBlob(first, rest, blobSize, options)
}

/** The first `min` bytes or more of a stream (all of it when shorter), and an iterator over the rest. */
async function readHead(chunks: AsyncIterator<Buffer>, min: number): Promise<{ first: Buffer; rest: AsyncIterator<Buffer> }> {
  const head: Buffer[] = []
  let bytes = 0
  while (bytes < min) {
    const n = await chunks.next()
    if (n.done) return { first: Buffer.concat(head), rest: emptyIterator() }
    head.push(n.value)
    bytes += n.value.length
  }
  return { first: Buffer.concat(head), rest: chunks }
}

/**
 * Scan one candidate layer blob, decompressing it when compressed: gzip, or zstd (OCI's
 * `tar+zstd` layers, e.g. pushed with `compression=zstd`) where this Node.js has zstd.
 */
async function scanBlob(first: Buffer, rest: AsyncIterator<Buffer>, blobSize: number, options: ArchiveOptions): Promise<LayerFacts | UnreadableBlob> {
  const zstd = isZstd(first)
  if (zstd && !zstdAvailable()) {
    await drain(first, rest, [])
    return {
      error: `zstd-compressed layer, and Node.js ${process.versions.node} has no zstd (Node.js 24, the action's runtime, reads it; or export the image with gzip layers)`
    }
  }
  const gzipped = isGzip(first)
  const compressed = gzipped || zstd
  let tarBytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      tarBytes += chunk.length
      cb(null, chunk)
    }
  })
  let estimate = 0
  let gzip: zlib.Gzip | undefined
  let gzipDone: Promise<void> = Promise.resolve()
  if (!compressed) {
    gzip = zlib.createGzip({ level: options.gzipLevel ?? 6, chunkSize: ZLIB_CHUNK })
    const g = gzip
    gzipDone = new Promise(resolve => {
      g.on('data', (c: Buffer) => (estimate += c.length))
      g.on('end', resolve)
      g.on('error', () => resolve())
    })
  }
  const sinks: Writable[] = []
  let scanError: unknown
  let scan: Awaited<ReturnType<typeof scanLayerTar>> | undefined
  let scanning: Promise<void>
  if (compressed) {
    const decompress = zstd ? zstdLib.createZstdDecompress!({ chunkSize: ZLIB_CHUNK }) : zlib.createGunzip({ chunkSize: ZLIB_CHUNK })
    decompress.on('error', e => counter.destroy(e)) // surfaces as the scan's input error
    scanning = scanLayerTar(decompress.pipe(counter), options.needles, options.clock).then(
      s => void (scan = s),
      e => {
        scanError = e
        // Nobody reads any more: stop the chain so the writer does not wait for a drain.
        decompress.destroy()
        counter.destroy()
      }
    )
    sinks.push(decompress)
  } else {
    scanning = scanLayerTar(counter, options.needles, options.clock).then(
      s => void (scan = s),
      e => {
        scanError = e
        counter.destroy()
      }
    )
    sinks.push(counter)
  }
  if (gzip) sinks.push(gzip)
  await drain(first, rest, sinks)
  await scanning
  await gzipDone
  if (scanError !== undefined || !scan) {
    return { error: scanError instanceof Error ? scanError.message : 'not a tar archive' }
  }
  return {
    ...scan,
    tarBytes,
    compressedBytes: compressed ? blobSize : estimate,
    compressedFrom: compressed ? 'blob' : 'gzip-estimate'
  }
}

/** Write the blob's chunks to every live sink (honouring back-pressure), then end them. */
async function drain(first: Buffer, rest: AsyncIterator<Buffer>, sinks: Writable[]): Promise<void> {
  const write = async (chunk: Buffer) => {
    const waits: Promise<void>[] = []
    for (const s of sinks) {
      if (s.destroyed || s.writableEnded) continue
      if (!s.write(chunk)) waits.push(drained(s))
    }
    if (waits.length) await Promise.all(waits)
  }
  await write(first)
  for (let n = await rest.next(); !n.done; n = await rest.next()) await write(n.value)
  for (const s of sinks) if (!s.destroyed && !s.writableEnded) s.end()
}
