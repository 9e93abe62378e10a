import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { EnvironmentError } from '../../src/errors.js'
import { inspectImage } from '../../src/inspect/inspect-image.js'
import { FakeDocker, ociArchive } from './archive-fixtures.js'

const SECRET = 'unit-secret-value-42'
const layers = [[{ name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n' }], [{ name: 'tmp/t', body: `${SECRET}\n` }], [{ name: 'tmp/.wh.t' }]]
const history = [
  { created_by: '' },
  { created_by: `RUN |1 TOKEN=${SECRET} /bin/sh -c cp /run/secrets/token /tmp/t # buildkit` },
  { created_by: 'RUN /bin/sh -c rm /tmp/t # buildkit' }
]

let dir: string
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'stagecraft-inspect-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fake(spec = {}) {
  const a = await ociArchive({ layers, history, config: { Env: [`API_KEY=${SECRET}`] }, ...spec })
  return new FakeDocker({ id: 'sha256:img', archive: a.archive, diffIds: a.diffIds })
}

test('finds secrets in layers and config, and keeps no value anywhere', async () => {
  const docker = await fake()
  const facts = await inspectImage({ docker, image: 'img', secrets: [{ id: 'token', value: SECRET }], layerCacheDir: dir })
  expect(facts.layers[1].facts.secretHits).toEqual([{ secretId: 'token', path: 'tmp/t', where: 'content' }])
  expect(facts.configSecretHits).toEqual([
    { secretId: 'token', field: 'env', key: 'API_KEY' },
    { secretId: 'token', field: 'history', key: '1', arg: 'TOKEN' }
  ])
  expect(JSON.stringify(facts)).not.toContain(SECRET)
  for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f), 'utf8')).not.toContain(SECRET)
})

test('a second inspection of the unchanged image reads the cache, not docker save', async () => {
  const docker = await fake()
  const secrets = [{ id: 'token', value: SECRET }]
  const privateDir = path.join(dir, 'private')
  const first = await inspectImage({ docker, image: 'img', secrets, layerCacheDir: dir, secretScanCacheDir: privateDir })
  const second = await inspectImage({ docker, image: 'img', secrets, layerCacheDir: dir, secretScanCacheDir: privateDir })
  expect(docker.saves).toBe(1)
  expect(second.source).toEqual({ streamed: 0, cached: 3, dockerSave: false, reader: 'cache' })
  expect(second.layers).toEqual(first.layers)
  expect(second.configSecretHits).toEqual(first.configSecretHits)
  // Other secrets: other cache entries.
  const other = await inspectImage({ docker, image: 'img', secrets: [], layerCacheDir: dir })
  expect(docker.saves).toBe(2)
  expect(other.layers[1].facts.secretHits).toEqual([])
})

test('a new image with known layers skips their blobs while streaming', async () => {
  const docker = await fake()
  await inspectImage({ docker, image: 'img', secrets: [], layerCacheDir: dir })
  const a = await ociArchive({ layers: [...layers, [{ name: 'new', body: 'x' }]], history: [...history, { created_by: 'COPY new / # buildkit' }] })
  const next = await inspectImage({
    docker: new FakeDocker({ id: 'sha256:img2', archive: a.archive, diffIds: a.diffIds }),
    image: 'img2',
    secrets: [],
    layerCacheDir: dir
  })
  expect(next.source).toEqual({ streamed: 1, cached: 3, dockerSave: true, reader: 'engine-export' })
})

test('an image that vanished: one clear line', async () => {
  const docker = new FakeDocker(undefined)
  await expect(inspectImage({ docker, image: 'gone:1', secrets: [] })).rejects.toThrow(new EnvironmentError("image gone:1 is not in the engine's image store"))
})

test('docker save failing mid-way: its message, not a parser trace', async () => {
  const a = await ociArchive({ layers })
  const docker = new FakeDocker({ id: 'sha256:x', archive: a.archive.subarray(0, 3000), diffIds: a.diffIds }, 'docker save x failed: No such image')
  await expect(inspectImage({ docker, image: 'x', secrets: [] })).rejects.toThrow('docker save x failed: No such image')
})

test('a corrupt image stream: one clear line', async () => {
  const a = await ociArchive({ layers })
  const docker = new FakeDocker({ id: 'sha256:x', archive: a.archive.subarray(0, 3000), diffIds: a.diffIds })
  await expect(inspectImage({ docker, image: 'x', secrets: [] })).rejects.toThrow(/^the image stream of x is corrupt: /)
})

test('a corrupt layer: names the layer', async () => {
  const bad = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(2000, 0x55)])
  const docker = await fake({ corruptLayer: { index: 2, bytes: bad } })
  await expect(inspectImage({ docker, image: 'img', secrets: [] })).rejects.toThrow(/^layer 2 \(sha256:[0-9a-f]{64}\) of img \(linux\/amd64\) cannot be read: /)
})

test('a stream that goes bad mid-way is stopped, not left blocking docker save', async () => {
  // Incompressible: megabytes of archive, more than the reader's read-ahead (coalesce.ts) holds.
  const a = await ociArchive({ layers: [[{ name: 'big', body: randomBytes(8_000_000) }]] })
  expect(a.archive.length).toBeGreaterThan(8_000_000)
  const broken = Buffer.from(a.archive)
  broken.fill(0x41, 0, 512) // the first header is garbage; megabytes follow
  const docker = new FakeDocker({ id: 'sha256:x', archive: broken, diffIds: a.diffIds })
  // The fake's export, like the engine's, only ends once its stream is read to the end or closed:
  // a reader that gives up without closing it leaves inspectImage waiting on docker save forever.
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_ok, ko) => {
    timer = setTimeout(() => ko(new Error('inspectImage still waits on docker save 3 s after the stream went bad')), 3000)
  })
  try {
    await expect(Promise.race([inspectImage({ docker, image: 'x', secrets: [] }), stuck])).rejects.toThrow(/^the image stream of x is corrupt: /)
  } finally {
    clearTimeout(timer)
  }
  const [stream] = docker.streams
  expect(stream.destroyed).toBe(true)
  expect(stream.readableEnded).toBe(false) // stopped early: the megabytes after the bad header were not read
})
