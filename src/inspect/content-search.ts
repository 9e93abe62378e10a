/**
 * The secret search of one file's bytes, and of the files archived inside it: a debug bundle
 * (`.tar.gz`, `.tgz`, `.tar.zst`), a `.tar`, a `.gz`, a zip (jar, war, wheel, egg, apk). Archives
 * are sniffed by their magic bytes, not their names: gzip (and zstd, where Node has it; a limit
 * where not) is decompressed streaming (and if it holds a tar, its members are searched), a tar's
 * members are read streaming, a zip is held in memory up to
 * MAX_ZIP_BYTES and read from its central directory (zip-entries.ts). Archives nest up to
 * MAX_DEPTH. Every bound (depth, decompressed bytes, time, zip size) and every archive that could
 * not be read is recorded as a limit, never passed over silently.
 *
 * The file's own bytes are always searched as well; a secret found inside a member is reported
 * with the member's path, and not again on the archive's raw bytes (a stored zip or a tar holds the
 * member's bytes as they are).
 */
import { PassThrough, type Writable } from 'node:stream'
import zlib from 'node:zlib'
import { isGzip, isZstd, zstdAvailable, zstdLib } from '../compression.js'
import { StreamSearch, findSecrets, type Needle, type SecretMatch } from './secret-search.js'
import { drained, forEachTarEntry, normalisePath, skipBody, type TarBody } from './tar-entries.js'
import { looksLikeZip, zipEntries } from './zip-entries.js'

/** Archives inside archives are opened down to this depth (a tgz in a tar in a zip: 3). */
export const MAX_DEPTH = 3
/** A zip is read from its central directory at its end: held in memory up to this size. */
export const MAX_ZIP_BYTES = 64 * 1024 * 1024
/** Decompressed bytes allowed per file: this many times its size ... */
export const EXPANSION = 16
/** ... but at least this much (small archives of text compress well) ... */
export const MIN_EXPANDED_BYTES = 64 * 1024 * 1024
/** ... and at most this much, whatever the file's size. */
export const MAX_EXPANDED_BYTES = 1024 * 1024 * 1024
/** Time allowed for looking inside one file's archives. */
export const MAX_ARCHIVE_MS = 60_000

const SNIFF = 263

/** A secret found in a file: member is the path inside the archive (nested: `a.tgz!b/c.txt`). */
export interface ContentHit {
  match: SecretMatch
  member?: string
  where: 'content' | 'path'
}

/** Why (part of) an archive in the file was not searched. */
export interface ContentLimit {
  member?: string
  reason: string
}

/** The bounds shared by a file and everything archived inside it. */
interface Budget {
  bytesLeft: number
  deadline: number
  limits: ContentLimit[]
}

/** What a sniffed archive reader does with the file's bytes. */
interface Inner {
  write(chunk: Buffer): Promise<void> | void
  end(): Promise<void>
}

/** Searches one file's bytes and the archives inside them; write chunks, then `end()`. */
export class ContentSearch {
  private readonly search: StreamSearch
  private readonly head: Buffer[] = []
  private headBytes = 0
  private sniffed = false
  private inner: Inner | undefined
  private readonly innerHits: ContentHit[] = []

  private constructor(
    private readonly needles: Needle[],
    private readonly budget: Budget,
    private readonly depth: number,
    private readonly member: string | undefined,
    private readonly nameHint: string
  ) {
    this.search = new StreamSearch(needles)
  }

  /** The search of a file of `size` bytes at `path` in a layer. */
  static forFile(needles: Needle[], path: string, size: number): ContentSearch {
    const bytesLeft = Math.min(MAX_EXPANDED_BYTES, Math.max(MIN_EXPANDED_BYTES, EXPANSION * size))
    return new ContentSearch(needles, { bytesLeft, deadline: Date.now() + MAX_ARCHIVE_MS, limits: [] }, 0, undefined, path)
  }

  /** True when nothing more can be learnt from the rest of the bytes. */
  done(): boolean {
    return this.sniffed && !this.inner && this.search.done()
  }

  /** Look at the next chunk of the file. */
  write(chunk: Buffer): Promise<void> | void {
    if (!this.search.done()) this.search.feed(chunk)
    if (this.sniffed) return this.inner?.write(chunk)
    this.head.push(chunk)
    this.headBytes += chunk.length
    if (this.headBytes >= SNIFF) return this.sniff()
  }

  /** The end of the file: finish reading the archives in it; the hits and limits. */
  async end(): Promise<{ hits: ContentHit[]; limits: ContentLimit[] }> {
    if (!this.sniffed) await this.sniff()
    if (this.inner) await this.inner.end()
    const inside = new Set(this.innerHits.map(h => h.match.id))
    const own = this.search
      .matches()
      .filter(m => !inside.has(m.id))
      .map((match): ContentHit => (this.member === undefined ? { match, where: 'content' } : { match, member: this.member, where: 'content' }))
    return { hits: [...own, ...this.innerHits], limits: this.depth === 0 ? this.budget.limits : [] }
  }

  private sniff(): Promise<void> | void {
    this.sniffed = true
    const head = this.head.length === 1 ? this.head[0] : Buffer.concat(this.head)
    this.head.length = 0
    const kind = isGzip(head) ? 'gzip' : isZstd(head) ? 'zstd' : looksLikeZip(head) ? 'zip' : isTar(head) ? 'tar' : undefined
    if (!kind) return
    if (kind === 'zstd' && !zstdAvailable()) {
      this.limit(`zstd-compressed, and Node.js ${process.versions.node} has no zstd: not opened (only its raw bytes were searched)`)
      return
    }
    if (this.depth >= MAX_DEPTH) {
      this.limit(`${kind} nested deeper than ${MAX_DEPTH} archives: not opened`)
      return
    }
    this.inner = kind === 'gzip' || kind === 'zstd' ? this.decompressed(kind, head) : kind === 'zip' ? this.zip() : this.tar()
    return this.inner.write(head)
  }

  private limit(reason: string, member = this.member): void {
    this.budget.limits.push(member === undefined ? { reason } : { member, reason })
  }

  /** A search of a member of this file's archive (one level down). */
  private child(name: string): ContentSearch {
    const member = this.member === undefined ? name : `${this.member}!${name}`
    for (const match of findSecrets(this.needles, name)) this.innerHits.push({ match, member, where: 'path' })
    return new ContentSearch(this.needles, this.budget, this.depth + 1, member, name)
  }

  private async finishChild(c: ContentSearch): Promise<void> {
    const { hits } = await c.end()
    this.innerHits.push(...hits)
  }

  /** Bytes about to be produced by decompression: false (and a limit) once a bound is reached. */
  private spend(bytes: number): boolean {
    if (this.budget.bytesLeft < bytes) {
      this.limit(`decompression bound reached (${EXPANSION}x the file size, at most ${MAX_EXPANDED_BYTES / 1024 ** 3} GiB): the rest was not searched`)
      this.budget.bytesLeft = -1
      return false
    }
    if (Date.now() > this.budget.deadline) {
      this.limit(`time bound reached (${MAX_ARCHIVE_MS / 1000} s): the rest was not searched`)
      this.budget.bytesLeft = -1
      return false
    }
    this.budget.bytesLeft -= bytes
    return true
  }

  /**
   * gzip or zstd: decompressed streaming into a search of its content, named as gunzip (or unzstd)
   * would name it.
   */
  private decompressed(kind: 'gzip' | 'zstd', head: Buffer): Inner {
    const decompress = kind === 'zstd' ? zstdLib.createZstdDecompress!({ chunkSize: 256 * 1024 }) : zlib.createGunzip({ chunkSize: 256 * 1024 })
    const content = this.child(kind === 'zstd' ? zstdName(this.nameHint) : gzipName(head, this.nameHint))
    let failed: string | undefined
    const reading = (async () => {
      try {
        for await (const out of decompress as AsyncIterable<Buffer>) {
          if (!this.spend(out.length)) break
          await content.write(out)
        }
      } catch (error) {
        failed = `corrupt ${kind} data (${(error as Error).message}): searched up to the error`
      }
      decompress.destroy()
      await this.finishChild(content)
    })()
    return {
      write: chunk => feed(decompress, chunk),
      end: async () => {
        if (!decompress.destroyed) decompress.end()
        await reading
        if (failed) this.limit(failed)
      }
    }
  }

  /** tar: each member read streaming into its own search. */
  private tar(): Inner {
    const input = new PassThrough()
    let failed: string | undefined
    const reading = forEachTarEntry(input, async (header, body) => {
      const name = normalisePath(header.name)
      if (header.type !== 'file' && header.type !== 'contiguous-file') return skipBody(body)
      const c = this.child(name)
      for await (const chunk of body as TarBody & AsyncIterable<Buffer>) await c.write(chunk)
      await this.finishChild(c)
    }).catch((error: unknown) => {
      failed = `corrupt tar (${(error as Error).message}): searched up to the error`
      input.destroy()
    })
    return {
      write: chunk => feed(input, chunk),
      end: async () => {
        if (!input.destroyed) input.end()
        await reading
        if (failed) this.limit(failed)
      }
    }
  }

  /** zip: held in memory up to MAX_ZIP_BYTES, then read from its central directory. */
  private zip(): Inner {
    const parts: Buffer[] = []
    let size = 0
    return {
      write: chunk => {
        size += chunk.length
        if (size <= MAX_ZIP_BYTES) parts.push(chunk)
        else parts.length = 0
      },
      end: async () => {
        if (size > MAX_ZIP_BYTES)
          return this.limit(`zip larger than ${MAX_ZIP_BYTES / 1024 ** 2} MB: its entries were not opened (only its raw bytes were searched)`)
        try {
          for (const e of zipEntries(Buffer.concat(parts), () => this.budget.bytesLeft)) {
            const c = this.child(e.name)
            if ('skipped' in e) this.limit(e.skipped, c.member)
            else if (this.spend(e.data.length)) await c.write(e.data)
            await this.finishChild(c)
          }
        } catch (error) {
          this.limit(`unreadable zip (${(error as Error).message})`)
        }
      }
    }
  }
}

/** A ustar or GNU tar header: the magic at offset 257 and a valid header checksum. */
function isTar(head: Buffer): boolean {
  if (head.length < 263 || head.toString('latin1', 257, 262) !== 'ustar') return false
  let sum = 0
  for (let i = 0; i < 512 && i < head.length; i++) sum += i >= 148 && i < 156 ? 32 : head[i]
  return head.length < 512 || parseInt(head.toString('latin1', 148, 156), 8) === sum
}

/** The name unzstd gives the content: the file name less .zst (`.tzst` → `.tar`). */
function zstdName(hint: string): string {
  const base = hint.slice(hint.lastIndexOf('/') + 1)
  return base.replace(/\.t?zst$/i, m => (m.toLowerCase() === '.tzst' ? '.tar' : '')) || base
}

/** The name gunzip gives the content: the FNAME in the gzip header, else the file name less .gz. */
function gzipName(head: Buffer, hint: string): string {
  if (head.length > 10 && head[3] & 0x08) {
    let at = 10
    if (head[3] & 0x04) at += 2 + head.readUInt16LE(10)
    const end = head.indexOf(0, at)
    if (end > at) return normalisePath(head.toString('latin1', at, end))
  }
  const base = hint.slice(hint.lastIndexOf('/') + 1)
  return base.replace(/\.t?gz$/i, m => (m.toLowerCase() === '.tgz' ? '.tar' : '')) || base
}

/** Write `chunk` to a stream, waiting for it to drain (or to close or fail: never forever). */
function feed(s: Writable, chunk: Buffer): Promise<void> | void {
  if (s.destroyed || s.writableEnded) return
  if (s.write(chunk)) return
  return drained(s)
}
