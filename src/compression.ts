/**
 * The compressions a layer or a file in it may carry, told by their first bytes; and zstd in Node's
 * own zlib: Node ≥ 22.15 / 23.8 has it, and the action runs on Node 24; the CLI and the tests may
 * run on Node 20, which has not. One place that knows the optional functions' shape.
 */
import zlib from 'node:zlib'

export type ZlibWithZstd = typeof zlib & {
  createZstdCompress?: (opts?: object) => zlib.Gzip
  createZstdDecompress?: (opts?: object) => zlib.Gunzip
  zstdCompressSync?: (buf: Buffer, opts?: object) => Buffer
  constants: typeof zlib.constants & { ZSTD_c_compressionLevel?: number }
}

/** Node's zlib, with the zstd functions typed as optional. */
export const zstdLib = zlib as ZlibWithZstd

/** True when this Node.js's zlib has zstd streams. */
export function zstdAvailable(lib: object = zlib): boolean {
  return typeof (lib as ZlibWithZstd).createZstdCompress === 'function' && typeof (lib as ZlibWithZstd).createZstdDecompress === 'function'
}

/** The first four bytes of every zstd frame (RFC 8878), little-endian. */
export const ZSTD_MAGIC = 0xfd2fb528

/** True when `head` starts a zstd frame. */
export function isZstd(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === ZSTD_MAGIC
}

/** True when `head` starts a gzip member (RFC 1952: ID1 0x1f, ID2 0x8b). */
export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
}
