import { jest } from '@jest/globals'
import zlib from 'node:zlib'
import { ContentSearch, MAX_DEPTH, MAX_ZIP_BYTES } from '../../src/inspect/content-search.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import { makeTar } from './tar-fixtures.js'
import { makeZip } from './zip-fixtures.js'
import { zstdAvailable, zstdLib } from '../../src/compression.js'

const SECRET = 'sekrit-value-0123456789'
const needles = secretNeedles([{ id: 'token', value: SECRET }])
const env = `PATH=/usr/bin\nTOKEN=${SECRET}\n`

/** Search `bytes` as the file `path`, fed in chunks of `size` bytes: the hits (member, encoding) and limits. */
async function search(bytes: Buffer, path = 'app/file', size = 1000) {
  const s = ContentSearch.forFile(needles, path, bytes.length)
  for (let i = 0; i < bytes.length; i += size) if (!s.done()) await s.write(bytes.subarray(i, i + size))
  const { hits, limits } = await s.end()
  return { hits: hits.map(h => [h.member ?? '', h.where, h.match.encoding]), limits }
}

test('a plain file: the hit has no member', async () => {
  expect(await search(Buffer.from(env))).toEqual({ hits: [['', 'content', 'raw']], limits: [] })
})

test('gzip: the decompressed bytes are searched, named as gunzip names them', async () => {
  expect((await search(zlib.gzipSync(env), 'app/env.txt.gz')).hits).toEqual([['env.txt', 'content', 'raw']])
  // Sniffed by magic bytes, not by name.
  expect((await search(zlib.gzipSync(Buffer.from(Buffer.from(env).toString('base64'))), 'app/blob')).hits).toEqual([['blob', 'content', 'base64']])
})

test('tar and tar.gz: the member holding the value is named; chunked every way', async () => {
  const tar = await makeTar([
    { name: 'logs/other.txt', body: 'x'.repeat(3000) },
    { name: './logs/env.txt', body: env }
  ])
  for (const size of [1, 7, 512, 100_000]) {
    expect((await search(tar, 'app/debug.tar', size)).hits).toEqual([['logs/env.txt', 'content', 'raw']])
    expect((await search(zlib.gzipSync(tar), 'app/debug.tgz', size)).hits).toEqual([['debug.tar!logs/env.txt', 'content', 'raw']])
  }
})

test('a tgz nested in a tar, and a member named with the value', async () => {
  const inner = zlib.gzipSync(await makeTar([{ name: 'env.txt', body: env }]))
  const outer = await makeTar([
    { name: 'bundle/inner.tar.gz', body: inner },
    { name: `keys/${SECRET}`, body: 'k' }
  ])
  expect((await search(outer, 'app/all.tar')).hits).toEqual([
    ['bundle/inner.tar.gz!inner.tar!env.txt', 'content', 'raw'],
    [`keys/${SECRET}`, 'path', 'raw']
  ])
})

test.each([
  ['stored', { method: 'store' as const }],
  ['deflated', { method: 'deflate' as const }],
  ['stored with a data descriptor', { method: 'store' as const, descriptor: true }],
  ['deflated with a data descriptor', { method: 'deflate' as const, descriptor: true }]
])('zip, %s: the entry holding the value is named', async (_name, how) => {
  const zip = makeZip([
    { name: 'META-INF/', body: '' },
    { name: 'a.txt', body: 'nothing here '.repeat(100), ...how },
    { name: 'conf/app.env', body: env, ...how }
  ])
  expect(await search(zip, 'app/lib.jar', 333)).toEqual({ hits: [['conf/app.env', 'content', 'raw']], limits: [] })
})

test('a zip inside a tgz inside a zip, down to the depth bound, which is reported', async () => {
  let bytes: Buffer = Buffer.from(env)
  const layers = [(b: Buffer) => makeZip([{ name: 'e', body: b, method: 'deflate' }]), (b: Buffer) => zlib.gzipSync(b)]
  for (let i = 0; i < MAX_DEPTH; i++) bytes = layers[i % 2](bytes)
  expect((await search(bytes, 'app/x.zip')).hits).toEqual([['e!e!e', 'content', 'raw']])
  bytes = layers[MAX_DEPTH % 2](bytes)
  const deep = await search(bytes, 'app/x.gz')
  expect(deep.hits).toEqual([])
  expect(deep.limits).toEqual([{ member: 'x!e!e', reason: expect.stringMatching(/nested deeper than 3/) }])
})

test('a zip bomb is bounded: it stops at the decompression bound, and says so', async () => {
  const zeros = Buffer.alloc(200 * 1024 * 1024)
  const bomb = zlib.gzipSync(zeros, { level: 9 }) // ~200 KB -> 200 MB, over the 64 MB floor
  const r = await search(bomb, 'app/bomb.gz', 64 * 1024)
  expect(r.limits).toEqual([{ reason: 'decompression bound reached (16x the file size, at most 1 GiB): the rest was not searched' }])
  const zip = makeZip([{ name: 'zeros', body: zeros, method: 'deflate' }])
  expect((await search(zip, 'app/bomb.zip', 64 * 1024)).limits).toEqual([{ member: 'zeros', reason: expect.stringMatching(/decompression bound/) }])
})

test.each([
  ['a truncated gzip', async () => zlib.gzipSync(env).subarray(0, 20), /corrupt gzip/],
  [
    'a corrupt tar',
    async () => Buffer.concat([(await makeTar([{ name: 'a', body: 'hello' }])).subarray(0, 512), Buffer.alloc(512, 'z'), Buffer.alloc(300, 1)]),
    /corrupt tar|^$/
  ],
  ['a zip with no central directory', async () => makeZip([{ name: 'a', body: env }]).subarray(0, 60), /unreadable zip/],
  ['an encrypted zip entry', async () => makeZip([{ name: 'a', body: 'x', encrypted: true }]), /encrypted/]
])('%s: no crash, the raw bytes are still searched, and the limit is reported', async (_name, make, reason) => {
  const r = await search(await make(), 'app/broken')
  for (const l of r.limits) expect(l.reason).toMatch(reason)
  if (String(reason) !== '/corrupt tar|^$/') expect(r.limits.length).toBeGreaterThan(0)
})

/** gzip bytes with the header fields the gzip tool writes: FNAME (the original name), optionally FEXTRA before it. */
function gzipWithName(data: Buffer | string, fname: string, extra?: Buffer): Buffer {
  const plain = zlib.gzipSync(data)
  const flags = (extra ? 0x04 : 0) | 0x08
  const head = Buffer.from(plain.subarray(0, 10))
  head[3] = flags
  const xlen = extra ? Buffer.alloc(2) : Buffer.alloc(0)
  if (extra) xlen.writeUInt16LE(extra.length)
  return Buffer.concat([head, xlen, extra ?? Buffer.alloc(0), Buffer.from(`${fname}\0`, 'latin1'), plain.subarray(10)])
}

describe('names inside a gzip', () => {
  test('the name the gzip header carries (FNAME) wins over the file name, with or without an extra field first', async () => {
    const tar = await makeTar([{ name: 'env.txt', body: env }])
    expect((await search(gzipWithName(tar, 'debug-bundle.tar'), 'app/support.gz')).hits).toEqual([['debug-bundle.tar!env.txt', 'content', 'raw']])
    expect((await search(gzipWithName(tar, './out/dump.tar', Buffer.from('BC\x02\x00\x1b\x00', 'latin1')), 'app/x.gz')).hits).toEqual([
      ['out/dump.tar!env.txt', 'content', 'raw']
    ])
  })

  test('an empty FNAME falls back to the file name', async () => {
    expect((await search(gzipWithName(env, ''), 'app/env.txt.gz')).hits).toEqual([['env.txt', 'content', 'raw']])
  })

  test.each([
    ['app/logs.TGZ', 'logs.tar'],
    ['app/dump.gz.part', 'dump.gz.part'],
    ['app/notes.GZ', 'notes'],
    ['app/.gz', '.gz']
  ])('without FNAME, %s holds %s', async (path, name) => {
    expect((await search(zlib.gzipSync(env), path)).hits).toEqual([[name, 'content', 'raw']])
  })
})

test.each([
  ['60 001 ms', 60_001, [{ reason: 'time bound reached (60 s): the rest was not searched' }]],
  ['60 000 ms (a minute is allowed to the millisecond)', 60_000, []]
])('the time bound: an archive still being decompressed after %s', async (_, later, limits) => {
  let now = 1_000_000
  const clock = jest.spyOn(Date, 'now').mockImplementation(() => now)
  try {
    const gz = zlib.gzipSync(env)
    const s = ContentSearch.forFile(needles, 'app/slow.gz', gz.length)
    now += later
    await s.write(gz)
    const found = await s.end()
    expect(found.limits).toEqual(limits)
    // Left at the bound: the member holding the value was not searched.
    expect(found.hits.map(h => h.member)).toEqual(limits.length ? [] : ['slow'])
  } finally {
    clock.mockRestore()
  }
})

test('a zip over the in-memory bound: its raw bytes are searched (a stored entry is found), its entries are not opened', async () => {
  const zip = makeZip([
    { name: 'big.bin', body: Buffer.alloc(MAX_ZIP_BYTES) },
    { name: 'conf/app.env', body: env }
  ])
  expect(await search(zip, 'app/huge.jar', 8 * 1024 * 1024)).toEqual({
    hits: [['', 'content', 'raw']],
    limits: [{ reason: 'zip larger than 64 MB: its entries were not opened (only its raw bytes were searched)' }]
  })
})

test('a zip of exactly the bound is opened', async () => {
  const small = makeZip([{ name: 'conf/app.env', body: env }])
  const filler = MAX_ZIP_BYTES - small.length - 30 - 'f'.length - 46 - 'f'.length
  const zip = makeZip([
    { name: 'f', body: Buffer.alloc(filler) },
    { name: 'conf/app.env', body: env }
  ])
  expect(zip.length).toBe(MAX_ZIP_BYTES)
  expect((await search(zip, 'app/edge.jar', 8 * 1024 * 1024)).hits).toEqual([['conf/app.env', 'content', 'raw']])
})

describe('what is a tar', () => {
  test("'ustar' at offset 257 with a header checksum that does not add up is not a tar: only the raw bytes are searched", async () => {
    const tar = await makeTar([{ name: 'env.txt', body: env }])
    const bad = Buffer.from(tar)
    bad.write('0000000\0', 148, 'latin1')
    expect(await search(bad, 'app/fake.tar')).toEqual({ hits: [['', 'content', 'raw']], limits: [] })
    expect((await search(tar, 'app/real.tar')).hits).toEqual([['env.txt', 'content', 'raw']])
  })

  test('a file shorter than the tar magic is not a tar, and a gzip magic of one byte is not a gzip', async () => {
    expect(await search(Buffer.from(`${SECRET}`), 'app/short')).toEqual({ hits: [['', 'content', 'raw']], limits: [] })
    expect(await search(Buffer.concat([Buffer.from([0x1f]), Buffer.from(env)]), 'app/x.gz')).toEqual({ hits: [['', 'content', 'raw']], limits: [] })
    expect(await search(Buffer.concat([Buffer.from([0x1f, 0x8c]), Buffer.from(env)]), 'app/y.gz')).toEqual({ hits: [['', 'content', 'raw']], limits: [] })
  })

  test('a tar cut inside its first header (ustar and a sound checksum as far as it goes) is opened, and its end reported', async () => {
    const tar = await makeTar([{ name: `keys/${SECRET}`, body: env }])
    const r = await search(tar.subarray(0, 400), 'app/cut.tar')
    expect(r.limits).toEqual([{ reason: expect.stringMatching(/^corrupt tar \(.+\): searched up to the error$/) }])
  })
})

test('the raw bytes of a member are searched once more only when no member holds the value', async () => {
  const tar = await makeTar([
    { name: 'a.txt', body: env },
    { name: 'b.txt', body: 'clean' }
  ])
  expect((await search(tar, 'app/t.tar')).hits).toEqual([['a.txt', 'content', 'raw']])
})

describe('zstd inside an image (a .tar.zst debug bundle)', () => {
  const withZstd = zstdAvailable() ? test : test.skip
  const withoutZstd = zstdAvailable() ? test.skip : test

  withZstd('decompressed like gzip: the member holding the value is named, .tzst gives a .tar', async () => {
    const tar = await makeTar([{ name: 'logs/env.txt', body: env }])
    expect((await search(zstdLib.zstdCompressSync!(tar), 'app/bundle.tar.zst')).hits).toEqual([['bundle.tar!logs/env.txt', 'content', 'raw']])
    expect((await search(zstdLib.zstdCompressSync!(tar), 'app/bundle.TZST')).hits).toEqual([['bundle.tar!logs/env.txt', 'content', 'raw']])
    expect((await search(zstdLib.zstdCompressSync!(Buffer.from(env)), 'app/env')).hits).toEqual([['env', 'content', 'raw']])
  })

  withZstd('a corrupt zstd frame: searched up to the error, and said so', async () => {
    const z = zstdLib.zstdCompressSync!(Buffer.from(env.repeat(50)))
    const r = await search(z.subarray(0, z.length - 8), 'app/cut.zst')
    expect(r.limits).toEqual([{ reason: expect.stringMatching(/^corrupt zstd data \(.+\): searched up to the error$/) }])
  })

  withoutZstd('where Node has no zstd: not opened, and a limit says so (its raw bytes are still searched)', async () => {
    const frame = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.from(env)])
    expect(await search(frame, 'app/bundle.tar.zst')).toEqual({
      hits: [['', 'content', 'raw']],
      limits: [{ reason: `zstd-compressed, and Node.js ${process.versions.node} has no zstd: not opened (only its raw bytes were searched)` }]
    })
  })
})
