/** Telling a compression by its first bytes, and zlib's optional zstd (run on Node 20 and Node 24). */
import zlib from 'node:zlib'
import { ZSTD_MAGIC, isGzip, isZstd, zstdAvailable, zstdLib } from '../src/compression.js'

const gzipped = zlib.gzipSync(Buffer.from('hello'))
const zstdFrame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x05, 0x29, 0x00, 0x00, 0x68, 0x65, 0x6c, 0x6c, 0x6f])

test.each([
  ['a gzip member', gzipped, true, false],
  ['gzip magic alone', Buffer.from([0x1f, 0x8b]), true, false],
  ['one byte of gzip magic', Buffer.from([0x1f]), false, false],
  ['the gzip bytes swapped', Buffer.from([0x8b, 0x1f, 0x08]), false, false],
  ['a zstd frame', zstdFrame, false, true],
  ['three bytes of zstd magic', zstdFrame.subarray(0, 3), false, false],
  ['the zstd magic big-endian', Buffer.from([0xfd, 0x2f, 0xb5, 0x28]), false, false],
  ['a tar header', Buffer.concat([Buffer.from('etc/passwd'), Buffer.alloc(502)]), false, false],
  ['nothing', Buffer.alloc(0), false, false]
])('%s: gzip %s, zstd %s', (_name, head, gzip, zstd) => {
  expect(isGzip(head)).toBe(gzip)
  expect(isZstd(head)).toBe(zstd)
})

test('the zstd magic is RFC 8878’s, read little-endian', () => {
  expect(ZSTD_MAGIC).toBe(0xfd2fb528)
  expect(zstdFrame.readUInt32LE(0)).toBe(ZSTD_MAGIC)
})

test('zstdAvailable asks for both stream constructors', () => {
  const fn = (): void => undefined
  expect(zstdAvailable({ createZstdCompress: fn, createZstdDecompress: fn })).toBe(true)
  expect(zstdAvailable({ createZstdCompress: fn })).toBe(false)
  expect(zstdAvailable({ createZstdDecompress: fn })).toBe(false)
  expect(zstdAvailable({ createZstdCompress: 1, createZstdDecompress: fn })).toBe(false)
  expect(zstdAvailable({})).toBe(false)
})

test('this runtime: zstdAvailable() matches zlib, and where it says yes a frame of ours is told as zstd', () => {
  expect(zstdAvailable()).toBe(typeof zstdLib.createZstdDecompress === 'function' && typeof zstdLib.createZstdCompress === 'function')
  if (zstdAvailable()) {
    const frame = zstdLib.zstdCompressSync!(Buffer.from('hello'))
    expect(isZstd(frame)).toBe(true)
    expect(isGzip(frame)).toBe(false)
  } else {
    expect(zstdLib.zstdCompressSync).toBeUndefined()
  }
})
