/**
 * The registry gateway against a tiny registry in the test (a fake peer for the protocol logic):
 * the Bearer challenge and token flows, Basic, digest verification, byte counts, clear errors.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Readable } from 'node:stream'
import { fetchManifest, manifestExists, parseChallenge, RegistryClient } from '../../src/registry/client.js'

const digest = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] }))
const config = Buffer.from('{"architecture":"amd64","os":"linux"}')
const layer = Buffer.alloc(300_000, 7)
const MANIFEST = digest(manifest)
const CONFIG = digest(config)
const LAYER = digest(layer)
const LIE = `sha256:${'0'.repeat(64)}`

interface Seen {
  method: string
  url: string
  authorization?: string
  body?: string
}

let server: http.Server
let host: string
let seen: Seen[]
/** What the fake asks for: none, a Bearer token, or Basic. */
let mode: 'open' | 'bearer' | 'basic'

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const url = req.url ?? ''
      seen.push({ method: req.method ?? '', url, authorization: req.headers.authorization, body: body || undefined })
      if (url.startsWith('/token')) {
        const u = new URL(url, 'http://x')
        const ok =
          (req.method === 'GET' && req.headers.authorization === `Basic ${Buffer.from('user:pw').toString('base64')}`) ||
          (req.method === 'GET' && !req.headers.authorization && u.searchParams.get('scope') === 'repository:public:pull') ||
          (req.method === 'POST' && new URLSearchParams(body).get('refresh_token') === 'refresh')
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
        return res.end(ok ? JSON.stringify({ token: 'T0K3N' }) : '{}')
      }
      const authorized =
        mode === 'open' ||
        (mode === 'bearer' && req.headers.authorization === 'Bearer T0K3N') ||
        (mode === 'basic' && req.headers.authorization === `Basic ${Buffer.from('user:pw').toString('base64')}`)
      if (!authorized) {
        const repo = url.replace(/^\/v2\//, '').replace(/\/(manifests|blobs)\/.*$/, '')
        const challenge = mode === 'bearer' ? `Bearer realm="http://${host}/token",service="fake",scope="repository:${repo}:pull"` : 'Basic realm="fake"'
        res.writeHead(401, { 'www-authenticate': challenge })
        return res.end()
      }
      const send = (b: Buffer, type = 'application/octet-stream') => {
        res.writeHead(200, { 'content-type': type, 'content-length': b.length, 'docker-content-digest': digest(b) })
        res.end(req.method === 'HEAD' ? undefined : b)
      }
      if (url.endsWith(`/manifests/${MANIFEST}`) || url.endsWith('/manifests/v1')) return send(manifest, 'application/vnd.oci.image.manifest.v1+json')
      if (url.endsWith(`/manifests/${LIE}`)) return send(manifest)
      if (url.endsWith(`/blobs/${CONFIG}`)) return send(config)
      if (url.endsWith(`/blobs/${LAYER}`)) {
        res.writeHead(307, { location: `/storage/${LAYER}` })
        return res.end()
      }
      if (url === `/storage/${LAYER}`) return send(layer)
      if (url.endsWith(`/blobs/${LIE}`)) return send(layer)
      res.writeHead(404)
      res.end()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
beforeEach(() => {
  seen = []
  mode = 'open'
})

async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const c of s) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

test.each([
  [
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
    'bearer',
    'repository:library/alpine:pull'
  ],
  ['bearer realm=https://r.example/token, service=svc', 'bearer', undefined],
  ['Basic realm="Registry Realm"', 'basic', undefined]
])('parseChallenge(%s)', (header, scheme, scope) => {
  const c = parseChallenge(header)
  expect(c?.scheme).toBe(scheme)
  expect(c?.params.scope).toBe(scope)
})

test('Bearer: anonymous first, then a token fetched with the credentials (Basic to the realm), reused for the next requests', async () => {
  mode = 'bearer'
  const client = RegistryClient.for(`${host}/team/app:v1`, { credentials: { username: 'user', password: 'pw' } })
  const m = await client.manifest()
  expect(m.digest).toBe(MANIFEST)
  expect(await client.blobJson(CONFIG)).toEqual({ architecture: 'amd64', os: 'linux' })
  expect(seen.map(s => `${s.method} ${s.url.replace(host, 'H')} ${s.authorization ?? '-'}`)).toEqual([
    'GET /v2/team/app/manifests/v1 -',
    `GET /token?service=fake&scope=repository%3Ateam%2Fapp%3Apull Basic ${Buffer.from('user:pw').toString('base64')}`,
    'GET /v2/team/app/manifests/v1 Bearer T0K3N',
    `GET /v2/team/app/blobs/${CONFIG} Bearer T0K3N`
  ])
  expect(client.stats).toMatchObject({ manifestBytes: manifest.length, configBytes: config.length, layerBytes: 0 })
})

test('Bearer with an identity token: the refresh token is POSTed to the realm', async () => {
  mode = 'bearer'
  const client = RegistryClient.for(`${host}/team/app@${MANIFEST}`, { credentials: { identityToken: 'refresh' } })
  await client.manifest()
  const post = seen.find(s => s.method === 'POST')
  expect(post?.url).toBe('/token')
  expect(Object.fromEntries(new URLSearchParams(post?.body))).toMatchObject({
    grant_type: 'refresh_token',
    refresh_token: 'refresh',
    service: 'fake',
    scope: 'repository:team/app:pull'
  })
})

test('Bearer with no credentials: an anonymous token when the realm gives one, else one line saying to log in (no secret in it)', async () => {
  mode = 'bearer'
  await expect(RegistryClient.for(`${host}/public@${MANIFEST}`, { credentials: null }).manifest()).resolves.toMatchObject({ digest: MANIFEST })
  await expect(RegistryClient.for(`${host}/private@${MANIFEST}`, { credentials: null }).manifest()).rejects.toThrow(
    `${host}/private: the token service ${host} refused an anonymous token (HTTP 401); run docker login ${host}`
  )
  const wrong = RegistryClient.for(`${host}/private@${MANIFEST}`, { credentials: { username: 'user', password: 'not-the-password' } })
  const error = await wrong.manifest().catch((e: Error) => e)
  expect((error as Error).message).toBe(`${host}/private: the token service ${host} refused the docker config credentials (HTTP 401)`)
  expect((error as Error).message).not.toContain('not-the-password')
})

test('Basic: the credentials, when the registry asks for them', async () => {
  mode = 'basic'
  const client = RegistryClient.for(`${host}/team/app@${MANIFEST}`, { credentials: { username: 'user', password: 'pw' } })
  await expect(client.manifest()).resolves.toMatchObject({ digest: MANIFEST })
  await expect(RegistryClient.for(`${host}/team/app@${MANIFEST}`, { credentials: null }).manifest()).rejects.toThrow(
    `${host}/team/app: the registry asks for a login and the docker config has none for ${host}; run docker login ${host}`
  )
})

test('a manifest fetched by digest is verified: bytes of another digest fail, naming both', async () => {
  await expect(RegistryClient.for(`${host}/app@${LIE}`, { credentials: null }).manifest()).rejects.toThrow(
    `${host}/app@${LIE}: the registry sent a manifest whose digest is ${MANIFEST}`
  )
})

test('a digest the registry does not hold: one clear line naming it; HEAD says it is absent', async () => {
  const absent = `sha256:${'1'.repeat(64)}`
  await expect(fetchManifest(`${host}/app@${absent}`, { credentials: null })).rejects.toThrow(
    `${host}/app@${absent}: manifest unknown (the registry ${host} does not hold it)`
  )
  expect(await manifestExists(`${host}/app@${absent}`, { credentials: null })).toBe(false)
  expect(await manifestExists(`${host}/app@${MANIFEST}`, { credentials: null })).toBe(true)
  expect(seen.filter(s => s.method === 'HEAD')).toHaveLength(2)
})

test('a layer blob streams through a redirect, verified and counted', async () => {
  const client = RegistryClient.for(`${host}/app:v1`, { credentials: null })
  expect((await readAll(await client.blobStream(LAYER))).equals(layer)).toBe(true)
  expect(client.stats).toMatchObject({ layers: 1, layerBytes: layer.length })
  await expect(readAll(await client.blobStream(LIE))).rejects.toThrow(`the registry sent bytes of another digest (${LAYER})`)
})

test('a registry that does not answer: one line naming it', async () => {
  const closed = http.createServer()
  await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise<void>(resolve => closed.close(() => resolve()))
  await expect(RegistryClient.for(`127.0.0.1:${port}/app:v1`, { credentials: null }).manifest()).rejects.toThrow(
    new RegExp(`^the registry 127\\.0\\.0\\.1:${port} cannot be reached \\(.*ECONNREFUSED`)
  )
})
