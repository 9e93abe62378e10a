/**
 * Read layer blobs of an OCI layout while BuildKit still writes it. The oci exporter (tar=false)
 * writes each blob through a local content store: `ingest/<key>/ref` names it (`layer-sha256:<hex>`
 * for a layer), `ingest/<key>/total` holds its size, and `ingest/<key>/data` grows front to back
 * until the blob is complete and renamed to `blobs/sha256/<hex>` (the same file). Each layer is
 * scanned as its bytes arrive, so the audit finds it read when the build ends.
 *
 * Only a blob whose bytes hash to the digest its ref names is ever used: anything else (a writer
 * that started over, a blob cut short, a failed build) is dropped and the audit reads the committed
 * blob as before. Nothing here throws into the build: a prefetch that fails only costs a re-read.
 */
import { createHash, type Hash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { scanLayerStream } from './archive.js'
import type { SearchClock } from './layer-scan.js'
import type { Needle } from './secret-search.js'
import type { LayerFacts } from './types.js'

/** How often the ingest directory is looked at, and a growing blob's end waited on (milliseconds). */
const POLL_MS = 15
const READ_BYTES = 1024 * 1024
/** A blob still unfinished this long after the build ended is given up. */
const GIVE_UP_MS = 2000

export interface PrefetchOptions {
  /** Searched in every layer (the audit drops hits in layers no secret could reach). */
  needles: Needle[]
  gzipLevel?: number
}

export class LayoutPrefetch {
  private readonly started = new Map<string, Promise<LayerFacts | undefined>>()
  private readonly seen = new Set<string>()
  private timer?: NodeJS.Timeout
  private aborted = false
  /** Time the prefetch spent in the secret search (main thread). */
  readonly clock: SearchClock = { searchMs: 0 }

  constructor(
    private readonly dir: string,
    private readonly options: PrefetchOptions
  ) {}

  /** Start watching the layout directory (it may not exist yet, or be removed and made again). */
  start(): this {
    const tick = () => {
      this.look()
      if (this.timer) this.timer = setTimeout(tick, POLL_MS).unref()
    }
    this.timer = setTimeout(tick, 0).unref()
    return this
  }

  /** The build ended: no new blobs. Blobs already being read are read to their end. */
  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (!this.aborted) this.look()
  }

  /** Stop everything: reads in progress end without a result. */
  abort(): void {
    this.close()
    this.aborted = true
  }

  /** The facts of the layer blob at `blobPath` (`blobs/sha256/<hex>`), when it was read while written and its digest checked. */
  async facts(blobPath: string): Promise<LayerFacts | undefined> {
    const m = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(blobPath)
    const found = m ? this.started.get(m[1]) : undefined
    return found ? found.catch(() => undefined) : undefined
  }

  /** Digests being read or read (for tests and the report). */
  get digests(): string[] {
    return [...this.started.keys()].map(h => `sha256:${h}`)
  }

  private look(): void {
    const ingest = path.join(this.dir, 'ingest')
    let keys: string[]
    try {
      keys = fs.readdirSync(ingest)
    } catch {
      return
    }
    for (const key of keys) {
      if (this.seen.has(key)) continue
      // The store writes `ref` and `data` just after making the directory: a ref not there yet
      // (or still empty), or a blob that is not a layer, is looked at again on the next look.
      let ref: string
      try {
        ref = fs.readFileSync(path.join(ingest, key, 'ref'), 'utf8').trim()
      } catch {
        continue
      }
      const m = /^layer-sha256:([0-9a-f]{64})$/.exec(ref)
      if (!m) continue
      if (this.started.has(m[1])) {
        this.seen.add(key)
        continue
      }
      let fd: number
      try {
        fd = fs.openSync(path.join(ingest, key, 'data'), 'r')
      } catch {
        continue // not made yet (next look), or committed already (the audit reads the blob)
      }
      this.seen.add(key)
      const reading = this.read(fd, path.join(ingest, key), m[1])
      reading.catch(() => undefined)
      this.started.set(m[1], reading)
    }
  }

  /** Scan the growing blob; its facts only when every byte hashed to `hex`. */
  private async read(fd: number, ingestDir: string, hex: string): Promise<LayerFacts | undefined> {
    const blob: Growing = { fd, ingestDir, hex, hash: createHash('sha256'), total: -1, bytes: 0, complete: false }
    try {
      const size = totalOf(blob)
      const facts = await scanLayerStream(Readable.from(this.chunks(blob)), size > 0 ? size : 0, {
        needles: this.options.needles,
        gzipLevel: this.options.gzipLevel,
        clock: this.clock
      })
      if (!blob.complete || 'error' in facts) return undefined
      return { ...facts, compressedBytes: blob.bytes }
    } finally {
      fs.close(fd, () => undefined)
    }
  }

  /** The blob's bytes as they are written, to its end; throws when they are not the blob its ref names. */
  private async *chunks(blob: Growing): AsyncGenerator<Buffer> {
    let idle = 0
    for (;;) {
      if (this.aborted) throw new Error('prefetch stopped')
      const want = totalOf(blob)
      if (want >= 0 && blob.bytes >= want) break
      const buf = Buffer.allocUnsafe(READ_BYTES)
      const n = await new Promise<number>((resolve, reject) => fs.read(blob.fd, buf, 0, READ_BYTES, blob.bytes, (e, r) => (e ? reject(e) : resolve(r))))
      if (n > 0) {
        idle = 0
        blob.bytes += n
        const chunk = buf.subarray(0, n)
        blob.hash.update(chunk)
        yield chunk
        continue
      }
      // At the end of what is written so far: wait while the writer is still at it (the build
      // ended and the blob made no progress for a while: it never will).
      const writing = fs.existsSync(blob.ingestDir)
      if (!writing && ++idle > 1) break // committed (or dropped): what the file holds is all
      if (writing && !this.timer && ++idle * POLL_MS > GIVE_UP_MS) break
      await new Promise(r => setTimeout(r, POLL_MS))
    }
    blob.complete = (totalOf(blob) < 0 || blob.total === blob.bytes) && blob.hash.digest('hex') === blob.hex
    if (!blob.complete) throw new Error('the blob is not the one its ref names')
  }
}

/** A blob being written: where it is, what was read of it. */
interface Growing {
  fd: number
  ingestDir: string
  hex: string
  hash: Hash
  /** Its size from the ingest's `total` (-1 until read). */
  total: number
  bytes: number
  complete: boolean
}

function totalOf(blob: Growing): number {
  if (blob.total >= 0) return blob.total
  try {
    const total = Number(fs.readFileSync(path.join(blob.ingestDir, 'total'), 'utf8').trim())
    if (Number.isSafeInteger(total) && total > 0) blob.total = total
  } catch {
    // not written (yet), or committed: its size is then what the file holds
  }
  return blob.total
}
