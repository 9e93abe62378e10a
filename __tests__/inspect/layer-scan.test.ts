import { Readable } from 'node:stream'
import { scanLayerTar } from '../../src/inspect/layer-scan.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import { chunked, makeTar } from './tar-fixtures.js'

const SECRET = 'sekrit-value-0123456789'
const big = Buffer.concat([Buffer.alloc(100_000, 'a'), Buffer.from(SECRET), Buffer.alloc(50_000, 'b')])

test('entries, whiteouts, opaque dirs, databases and secrets, in one pass', async () => {
  const tar = await makeTar([
    { name: './etc/', type: 'directory' },
    { name: './etc/passwd', body: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n' },
    {
      name: 'var/lib/dpkg/status',
      body: 'Package: make\nStatus: install ok installed\nVersion: 4.3\nInstalled-Size: 1500\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n'
    },
    { name: 'usr/bin/su', body: 'x', mode: 0o4755 },
    { name: 'usr/bin/sh', type: 'symlink', linkname: 'dash' },
    { name: 'tmp/.wh.t' },
    { name: 'app/.wh..wh..opq' },
    { name: 'data/blob.bin', body: big }
  ])
  const scan = await scanLayerTar(chunked(tar, 4096), secretNeedles([{ id: 'token', value: SECRET }]))
  expect(scan.files.map(f => [f.path, f.type, f.size])).toEqual([
    ['etc', 'dir', 0],
    ['etc/passwd', 'file', 63],
    ['var/lib/dpkg/status', 'file', expect.any(Number)],
    ['usr/bin/su', 'file', 1],
    ['usr/bin/sh', 'symlink', 0],
    ['data/blob.bin', 'file', big.length]
  ])
  expect(scan.files[3].mode & 0o4000).toBe(0o4000)
  expect(scan.files[4].link).toBe('dash')
  expect(scan.whiteouts).toEqual(['tmp/t'])
  expect(scan.opaqueDirs).toEqual(['app'])
  expect(scan.passwd?.map(p => [p.name, p.uid])).toEqual([
    ['root', 0],
    ['app', 1000]
  ])
  expect(scan.packages).toEqual([{ source: 'var/lib/dpkg/status', packages: [{ name: 'make', version: '4.3', manager: 'dpkg', installedBytes: 1500 * 1024 }] }])
  expect(scan.secretHits).toEqual([{ secretId: 'token', path: 'data/blob.bin', where: 'content' }])
})

test('without secrets, bodies other than databases are skipped', async () => {
  const tar = await makeTar([{ name: 'data/blob.bin', body: big }])
  const scan = await scanLayerTar(Readable.from([tar]), [])
  expect(scan.secretHits).toEqual([])
  expect(scan.files).toHaveLength(1)
})

test('a corrupt tar rejects', async () => {
  const tar = await makeTar([{ name: 'a', body: 'hello' }])
  tar.write('garbage!', 148) // break the header checksum
  await expect(scanLayerTar(Readable.from([tar]), [])).rejects.toThrow()
})

test('a truncated tar rejects', async () => {
  const tar = await makeTar([{ name: 'a', body: Buffer.alloc(10_000, 1) }])
  await expect(scanLayerTar(Readable.from([tar.subarray(0, 3000)]), [])).rejects.toThrow(/Unexpected end/)
})

test('npm and Python manifests: name and version kept, other package.json files not; a huge one read only in part', async () => {
  const huge = `{"name":"huge-pkg","version":"2.0.0","description":"${'x'.repeat(400_000)}${SECRET}"}`
  const tar = await makeTar([
    { name: 'app/node_modules/left-pad/package.json', body: '{"name":"left-pad","version":"1.3.0","main":"index.js"}' },
    { name: 'app/node_modules/@babel/core/package.json', body: '{"version":"7.24.0","name":"@babel/core"}' },
    { name: 'app/node_modules/left-pad/lib/package.json', body: '{"type":"module"}' },
    { name: 'app/package.json', body: '{"name":"my-app","version":"0.0.1"}' },
    { name: 'app/node_modules/huge-pkg/package.json', body: huge },
    { name: 'usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA', body: 'Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n\nName: not-this\n' }
  ])
  const scan = await scanLayerTar(chunked(tar, 8192), secretNeedles([{ id: 'token', value: SECRET }]))
  expect(scan.manifests).toEqual([
    { path: 'app/node_modules/left-pad/package.json', manager: 'npm', name: 'left-pad', version: '1.3.0' },
    { path: 'app/node_modules/@babel/core/package.json', manager: 'npm', name: '@babel/core', version: '7.24.0' },
    { path: 'app/node_modules/huge-pkg/package.json', manager: 'npm', name: 'huge-pkg', version: '2.0.0' },
    { path: 'usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA', manager: 'python', name: 'six', version: '1.16.0' }
  ])
  // The part beyond the read cap still goes through the secret search.
  expect(scan.secretHits).toEqual([{ secretId: 'token', path: 'app/node_modules/huge-pkg/package.json', where: 'content' }])
})

test('encoded values are found in the same pass and say their encoding; weak values are not searched in files', async () => {
  const b64 = Buffer.from(`{"auth":"${Buffer.from(`user:${SECRET}`).toString('base64')}"}`)
  const tar = await makeTar([
    { name: 'root/.docker/config.json', body: Buffer.concat([Buffer.alloc(70_000, 'x'), b64]) },
    { name: 'app/key.hex', body: Buffer.from(SECRET).toString('hex') },
    { name: 'app/db.conf', body: 'user=postgres\n' }
  ])
  const needles = secretNeedles([
    { id: 'token', value: SECRET },
    { id: 'db', value: 'postgres' }
  ])
  const scan = await scanLayerTar(chunked(tar, 1000), needles)
  expect(scan.secretHits).toEqual([
    { secretId: 'token', path: 'root/.docker/config.json', where: 'content', encoding: 'base64' },
    { secretId: 'token', path: 'app/key.hex', where: 'content', encoding: 'hex' }
  ])
})

test('only weak secrets: bodies are skipped as without secrets', async () => {
  const tar = await makeTar([{ name: 'data/blob.bin', body: Buffer.from('postgres') }])
  const scan = await scanLayerTar(Readable.from([tar]), secretNeedles([{ id: 'db', value: 'postgres' }]))
  expect(scan.secretHits).toEqual([])
})

test('a secret in an archived file: the hit names the archive and the member; bounds land in archiveLimits', async () => {
  const { gzipSync } = await import('node:zlib')
  const { makeZip } = await import('./zip-fixtures.js')
  const tgz = gzipSync(await makeTar([{ name: 'logs/env.txt', body: `TOKEN=${SECRET}\n` }]))
  const tar = await makeTar([
    { name: 'app/debug.tar.gz', body: tgz },
    { name: 'app/lib.jar', body: makeZip([{ name: 'conf/app.env', body: SECRET, method: 'deflate', descriptor: true }]) },
    { name: 'app/locked.zip', body: makeZip([{ name: 'x', body: 'y', encrypted: true }]) }
  ])
  const scan = await scanLayerTar(chunked(tar, 4096), secretNeedles([{ id: 'token', value: SECRET }]))
  expect(scan.secretHits).toEqual([
    { secretId: 'token', path: 'app/debug.tar.gz', member: 'debug.tar!logs/env.txt', where: 'content' },
    { secretId: 'token', path: 'app/lib.jar', member: 'conf/app.env', where: 'content' }
  ])
  expect(scan.archiveLimits).toEqual([{ path: 'app/locked.zip', member: 'x', reason: 'encrypted' }])
})

describe('entries as a layer tar writes them', () => {
  test('whiteouts at the root and below; opaque markers; special .wh..wh. files and a bare .wh. are not whiteouts, nor files', async () => {
    const tar = await makeTar([
      { name: '.wh.etc' },
      { name: 'usr/local/.wh.bin' },
      { name: '.wh..wh.plnk' },
      { name: 'a/.wh..wh..opq' },
      { name: '.wh..wh..opq' },
      { name: 'b/.wh.' }
    ])
    const scan = await scanLayerTar(Readable.from([tar]), [])
    expect(scan.whiteouts).toEqual(['etc', 'usr/local/bin'])
    expect(scan.opaqueDirs).toEqual(['a', ''])
    expect(scan.files).toEqual([])
  })

  test('types, sizes, owners and link targets: hard links normalised like paths, symlinks as written', async () => {
    const tar = await makeTar([
      { name: './usr/bin/gcc-12', body: 'ELF', mode: 0o755, uid: 1000, gid: 1001 },
      { name: './usr/bin/gcc', type: 'link', linkname: './usr/bin/gcc-12' },
      { name: 'usr/bin/cc', type: 'symlink', linkname: '../../etc/alternatives/cc' },
      { name: 'opt/data', type: 'contiguous-file', body: 'abcd' },
      { name: 'dev/null', type: 'character-device' },
      { name: 'run/fifo', type: 'fifo' }
    ])
    const scan = await scanLayerTar(Readable.from([tar]), [])
    expect(scan.files).toEqual([
      { path: 'usr/bin/gcc-12', type: 'file', size: 3, mode: 0o755, uid: 1000, gid: 1001 },
      { path: 'usr/bin/gcc', type: 'hardlink', size: 0, mode: expect.any(Number), uid: 0, gid: 0, link: 'usr/bin/gcc-12' },
      { path: 'usr/bin/cc', type: 'symlink', size: 0, mode: expect.any(Number), uid: 0, gid: 0, link: '../../etc/alternatives/cc' },
      { path: 'opt/data', type: 'file', size: 4, mode: expect.any(Number), uid: 0, gid: 0 },
      { path: 'dev/null', type: 'other', size: 0, mode: expect.any(Number), uid: 0, gid: 0 },
      { path: 'run/fifo', type: 'other', size: 0, mode: expect.any(Number), uid: 0, gid: 0 }
    ])
  })

  test('a value in a file name or a link target is found there, without reading any body', async () => {
    const tar = await makeTar([
      { name: `keys/${SECRET}.pem`, body: '' },
      { name: 'app/token', type: 'symlink', linkname: `/run/secrets/${SECRET}` },
      { name: 'app/empty', body: '' }
    ])
    const scan = await scanLayerTar(Readable.from([tar]), secretNeedles([{ id: 'token', value: SECRET }]))
    expect(scan.secretHits).toEqual([
      { secretId: 'token', path: `keys/${SECRET}.pem`, where: 'path' },
      { secretId: 'token', path: 'app/token', where: 'link' }
    ])
  })

  test('a weak value (searched in the config only) is not looked for in names or bodies', async () => {
    const tar = await makeTar([{ name: 'etc/postgres', body: 'postgres' }])
    expect((await scanLayerTar(Readable.from([tar]), secretNeedles([{ id: 'db', value: 'postgres' }]))).secretHits).toEqual([])
  })

  test('a database too large to keep is not parsed; the one after it is', async () => {
    const huge = Buffer.alloc(32 * 1024 * 1024 + 1, 'x')
    huge.write('root:x:0:0::/root:/bin/sh\n')
    const tar = await makeTar([
      { name: 'etc/passwd', body: huge },
      { name: 'var/lib/dpkg/status', body: 'Package: gcc\nStatus: install ok installed\nVersion: 1\n' }
    ])
    const scan = await scanLayerTar(Readable.from([tar]), [])
    expect(scan.passwd).toBeUndefined()
    expect(scan.packages).toEqual([{ source: 'var/lib/dpkg/status', packages: [{ name: 'gcc', version: '1', manager: 'dpkg', installedBytes: 0 }] }])
  })

  test('archive limits: ten per file, then one line with the count of the rest', async () => {
    const { makeZip } = await import('./zip-fixtures.js')
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `e${i}`, body: 'x', encrypted: true }))
    const tar = await makeTar([
      { name: 'app/twelve.zip', body: makeZip(entries(12)) },
      { name: 'app/ten.zip', body: makeZip(entries(10)) }
    ])
    const scan = await scanLayerTar(Readable.from([tar]), secretNeedles([{ id: 'token', value: SECRET }]))
    const of = (p: string) => scan.archiveLimits!.filter(l => l.path === p)
    expect(of('app/twelve.zip')).toHaveLength(11)
    expect(of('app/twelve.zip')[10]).toEqual({ path: 'app/twelve.zip', reason: 'and 2 more members not searched' })
    expect(of('app/twelve.zip')[0]).toEqual({ path: 'app/twelve.zip', member: 'e0', reason: 'encrypted' })
    expect(of('app/ten.zip')).toHaveLength(10)
    expect(of('app/ten.zip').every(l => l.reason === 'encrypted')).toBe(true)
  })

  test('without archive limits there is no archiveLimits list', async () => {
    const tar = await makeTar([{ name: 'a', body: 'plain' }])
    expect(await scanLayerTar(Readable.from([tar]), secretNeedles([{ id: 'token', value: SECRET }]))).not.toHaveProperty('archiveLimits')
  })

  test('time spent searching is added to the clock given', async () => {
    const tar = await makeTar([{ name: 'data/blob.bin', body: big }])
    const clock = { searchMs: 5 }
    await scanLayerTar(Readable.from([tar]), secretNeedles([{ id: 'token', value: SECRET }]), clock)
    expect(clock.searchMs).toBeGreaterThan(5)
  })
})
