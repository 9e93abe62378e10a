/**
 * The entries of a zip held in memory (jar, war, wheel, egg, apk and plain .zip), read from the
 * central directory at its end: so entries written with a data descriptor (sizes after the data,
 * as streaming zippers do) have their sizes, which a local-header-only reader would not know for
 * stored data. Stored and deflated entries are read (deflate by Node's native zlib, bounded by
 * `maxOutputLength`); anything else (encrypted, other methods, zip64) is named, not guessed at.
 */
import zlib from 'node:zlib'

/** One entry of the zip: its bytes, or why they could not be read. */
export type ZipEntry = { name: string; data: Buffer } | { name: string; skipped: string }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** True when `head` starts like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
}

/**
 * The file entries of `zip` in central-directory order. `budget()` is asked before each entry
 * is inflated how many bytes it may still produce; an entry that would exceed it is skipped
 * with a reason. Throws when the zip has no readable central directory.
 */
export function* zipEntries(zip: Buffer, budget: () => number): Generator<ZipEntry> {
  const end = findEnd(zip)
  if (end < 0) throw new Error('no zip end-of-central-directory record')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archive (not supported)')
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new Error('corrupt zip central directory')
    const flags = zip.readUInt16LE(at + 8)
    const method = zip.readUInt16LE(at + 10)
    const csize = zip.readUInt32LE(at + 20)
    const usize = zip.readUInt32LE(at + 24)
    const nameLen = zip.readUInt16LE(at + 28)
    const extraLen = zip.readUInt16LE(at + 30)
    const commentLen = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen)
    at += 46 + nameLen + extraLen + commentLen
    if (name.endsWith('/')) continue
    yield entry(zip, name, { flags, method, csize, usize, local }, budget)
  }
}

function entry(zip: Buffer, name: string, e: { flags: number; method: number; csize: number; usize: number; local: number }, budget: () => number): ZipEntry {
  if (e.flags & 1) return { name, skipped: 'encrypted' }
  if (e.csize === 0xffffffff || e.usize === 0xffffffff || e.local === 0xffffffff) return { name, skipped: 'zip64 entry (not supported)' }
  if (e.local + 30 > zip.length || zip.readUInt32LE(e.local) !== LOCAL) return { name, skipped: 'corrupt local header' }
  const start = e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28)
  if (start + e.csize > zip.length) return { name, skipped: 'truncated entry' }
  const raw = zip.subarray(start, start + e.csize)
  const left = budget()
  if (e.method === 0) return raw.length > left ? { name, skipped: 'decompression bound reached' } : { name, data: raw }
  if (e.method !== 8) return { name, skipped: `compression method ${e.method} (not supported)` }
  if (left <= 0) return { name, skipped: 'decompression bound reached' }
  try {
    return { name, data: zlib.inflateRawSync(raw, { maxOutputLength: left, chunkSize: 1024 * 1024 }) }
  } catch (error) {
    const code = (error as { code?: string }).code
    return { name, skipped: code === 'ERR_BUFFER_TOO_LARGE' ? 'decompression bound reached' : 'corrupt deflate data' }
  }
}

/** Offset of the end-of-central-directory record (it ends the file, after a comment of < 64 KB). */
function findEnd(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff)
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD) return i
  return -1
}
