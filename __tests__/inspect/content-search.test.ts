import zlib from 'node:zlib'
import { ContentSearch, MAX_DEPTH } from '../../src/inspect/content-search.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import { makeTar } from './tar-fixtures.js'
import { makeZip } from './zip-fixtures.js'

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
  const t = Date.now()
  const r = await search(bomb, 'app/bomb.gz', 64 * 1024)
  expect(Date.now() - t).toBeLessThan(20_000)
  expect(r.limits).toEqual([{ reason: expect.stringMatching(/decompression bound/) }])
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
