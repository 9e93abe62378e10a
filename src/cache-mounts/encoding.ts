/**
 * How a cache mount's tarball is stored: plain (`cache.tar`), zstd (`cache.tar.zst`, Node 24's
 * zlib) or gzip (`cache.tar.gz`, read only: never chosen, it costs more time than it saves). The
 * entry's `entry.json` names the encoding; an entry written before encodings existed has none and
 * holds `cache.tar`. The choice and the detection are pure; the codecs stream file to file.
 */
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { zstdLib } from '../compression.js'

export type Encoding = 'none' | 'gzip' | 'zstd'

/** The tarball's file name in a store entry, by encoding. */
export const TARBALL_NAMES: Record<Encoding, string> = { none: 'cache.tar', gzip: 'cache.tar.gz', zstd: 'cache.tar.zst' }

/** Version of entry.json's format: 2 adds `encoding` and `storedBytes`. */
export const ENTRY_FORMAT = 2

/** Bytes sampled from the start of a tarball to tell whether it compresses. */
export const SAMPLE_BYTES = 4 * 1024 * 1024

/** Compressed ÷ raw size of the sample above which compressing is not worth its time. */
export const MAX_USEFUL_RATIO = 0.85

/** Zstd level: 1 compresses text to about what level 3 does at twice the speed. */
const ZSTD_LEVEL = 1

const z = zstdLib

export interface EncodingChoice {
  encoding: Encoding
  /** Why, for the report. */
  reason: string
}

/** What the `encoding` option may say: `auto` (chooseEncoding's rules) or one encoding. */
export type EncodingSetting = 'auto' | Encoding

/**
 * The encoding to store a tarball with. `sampleRatio`: compressed ÷ raw of its first MBs (undefined
 * when not sampled). Compression pays only where bytes are copied: a store that compresses its
 * archives itself (the Actions cache) gets the plain tarball (compressing twice only costs time),
 * and so does a store that hard-links the tarball in (a cache-dir on the same filesystem: measured
 * on 261 MB of text, zstd cost 2.2 s to encode and 2.1 s to decode against no copy at all). Without
 * zstd, plain: gzip is slower than the I/O it saves. `setting` other than auto forces an encoding
 * (zstd falls back to plain without zstd).
 */
export function chooseEncoding(o: {
  zstd: boolean
  storeCompresses: boolean
  storeLinks?: boolean
  sampleRatio?: number
  setting?: EncodingSetting
}): EncodingChoice {
  const setting = o.setting ?? 'auto'
  if (setting === 'zstd' && !o.zstd) return { encoding: 'none', reason: 'zstd was asked for, but this Node.js has no zstd' }
  if (setting !== 'auto') return { encoding: setting, reason: 'as configured' }
  if (o.storeCompresses) return { encoding: 'none', reason: 'the store compresses its archives itself' }
  if (o.storeLinks) return { encoding: 'none', reason: 'the store hard-links the tarball: no bytes are copied' }
  if (!o.zstd) return { encoding: 'none', reason: 'this Node.js has no zstd' }
  if (o.sampleRatio === undefined || o.sampleRatio > MAX_USEFUL_RATIO)
    return { encoding: 'none', reason: `the contents do not compress${o.sampleRatio === undefined ? '' : ` (sample at ${Math.round(o.sampleRatio * 100)}%)`}` }
  return { encoding: 'zstd', reason: `the contents compress (sample at ${Math.round(o.sampleRatio * 100)}%)` }
}

/**
 * The encoding of a store entry: `entry.json`'s `encoding` when it says one, else the tarball the
 * entry holds (entries written before encodings existed hold `cache.tar`). Undefined: no tarball,
 * or an encoding this version does not know.
 */
export function entryEncoding(meta: unknown, files: string[]): Encoding | undefined {
  const said = meta && typeof meta === 'object' ? (meta as { encoding?: unknown }).encoding : undefined
  if (said !== undefined)
    return typeof said === 'string' && said in TARBALL_NAMES && files.includes(TARBALL_NAMES[said as Encoding]) ? (said as Encoding) : undefined
  return (['none', 'zstd', 'gzip'] as const).find(e => files.includes(TARBALL_NAMES[e]))
}

/** Why this process cannot read `encoding`, or undefined when it can. */
export function unreadableReason(encoding: Encoding, zstd: boolean, nodeVersion = process.versions.node): string | undefined {
  if (encoding === 'zstd' && !zstd) return `it is zstd-compressed and Node.js ${nodeVersion} has no zstd (Node.js 24, the action's runtime, reads it)`
  return undefined
}

/** Compressed ÷ raw size of the first `SAMPLE_BYTES` of `file` (zstd; undefined without zstd or for an empty file). */
export function sampleRatio(file: string): number | undefined {
  if (!z.zstdCompressSync) return undefined
  const fd = fs.openSync(file, 'r')
  try {
    const buf = Buffer.allocUnsafe(SAMPLE_BYTES)
    const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0)
    if (n === 0) return undefined
    const sample = buf.subarray(0, n)
    return z.zstdCompressSync(sample, zstdOptions()).length / n
  } finally {
    fs.closeSync(fd)
  }
}

/** Stream `src` through the encoder into `dest`. */
export async function encodeFile(src: string, dest: string, encoding: Encoding): Promise<void> {
  if (encoding === 'none') return fs.promises.copyFile(src, dest)
  await pipeline(fs.createReadStream(src, { highWaterMark: 1 << 20 }), encoder(encoding), fs.createWriteStream(dest))
}

/** Stream `src` through the decoder into `dest`. */
export async function decodeFile(src: string, dest: string, encoding: Encoding): Promise<void> {
  if (encoding === 'none') return fs.promises.copyFile(src, dest)
  const decoder = encoding === 'gzip' ? zlib.createGunzip() : zstdStream('decompress')
  await pipeline(fs.createReadStream(src, { highWaterMark: 1 << 20 }), decoder, fs.createWriteStream(dest))
}

function encoder(encoding: Exclude<Encoding, 'none'>): NodeJS.ReadWriteStream {
  return encoding === 'gzip' ? zlib.createGzip({ level: 1 }) : zstdStream('compress')
}

function zstdOptions(): object {
  const param = z.constants.ZSTD_c_compressionLevel
  return param === undefined ? {} : { params: { [param]: ZSTD_LEVEL } }
}

function zstdStream(dir: 'compress' | 'decompress'): NodeJS.ReadWriteStream {
  const make = dir === 'compress' ? z.createZstdCompress : z.createZstdDecompress
  if (!make) throw new Error('this Node.js has no zstd')
  return dir === 'compress' ? make(zstdOptions()) : make()
}
