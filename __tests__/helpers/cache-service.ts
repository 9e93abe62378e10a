/**
 * The GitHub Actions cache service (v2) on 127.0.0.1, for end-to-end tests of the bundled action:
 * the Twirp JSON endpoints `@actions/cache` calls under ACTIONS_RESULTS_URL
 * (`/twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,FinalizeCacheEntryUpload,
 * GetCacheEntryDownloadURL}`), authorised by an ACTIONS_RUNTIME_TOKEN JWT whose `ac` claim lists
 * the cache scopes of the run, with the blobs in Azurite (the Azure Storage emulator, a child
 * process on a random port, data in memory) behind SAS-signed URLs, so the real @actions/cache and
 * @azure/storage-blob code in dist/ uploads and downloads unmodified.
 *
 * The semantics are GitHub's documented ones:
 * - a lookup searches each readable scope in the token's order (the run's own ref first, then the
 *   PR's base branch, then the default branch): exact key, then prefix of the key, then each
 *   restore key as a prefix; the newest entry wins a prefix match; the version (hash of the
 *   paths and compression) must match;
 * - an entry is written to the token's writable scope only; a second CreateCacheEntry for the
 *   same key, version and scope is refused with Twirp `already_exists` (HTTP 409);
 * - FinalizeCacheEntryUpload checks the blob is there with the size announced;
 * - the repository quota (10 GB by default) evicts the least recently used entries.
 *
 * Faults can be injected per RPC (an HTTP status, e.g. 500 or 429) and for uploads (the blob
 * proxy cuts the connection half way through a PUT).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Azurite's well-known development account. */
export const ACCOUNT = 'devstoreaccount1'
export const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
const CONTAINER = 'actions-cache'
const SERVICE = 'github.actions.results.api.v1.CacheService'
/** The default repository cache quota GitHub documents. */
export const DEFAULT_QUOTA_BYTES = 10 * 1024 ** 3

/** Bits of a scope's Permission in the token's `ac` claim. */
export const READ = 1
export const WRITE = 2

/** One scope of the `ac` claim, e.g. `{ Scope: 'refs/heads/main', Permission: 3 }`. */
export interface CacheScope {
  Scope: string
  Permission: number
}

/** A cache entry as the service keeps it. */
export interface CacheEntry {
  id: number
  key: string
  version: string
  scope: string
  /** 0 until finalized. */
  sizeBytes: number
  finalized: boolean
  createdAt: Date
  lastAccessedAt: Date
  blob: string
}

/** The kind of run a token is for; decides its scopes as GitHub does. */
export type RunScope = { ref: string; defaultBranch?: string } | { pullRequest: number; baseRef: string; defaultBranch?: string; readOnly?: boolean }

export type CacheRpc = 'CreateCacheEntry' | 'FinalizeCacheEntryUpload' | 'GetCacheEntryDownloadURL'

export interface FakeCacheService {
  /** ACTIONS_RESULTS_URL (with a trailing slash, as the runner gives it). */
  url: string
  /** Azurite's blob endpoint (the SAS URLs point at a proxy in front of it). */
  blobEndpoint: string
  entries: CacheEntry[]
  /** Every RPC received: method, key, the HTTP status answered. */
  calls: { rpc: string; key?: string; status: number; scope?: string }[]
  /** A runtime token for a run: push to a branch, or a pull request (merge ref + base + default branch). */
  token(run: RunScope): string
  /** The job environment the runner sets for the cache: ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2. */
  env(run: RunScope): Record<string, string>
  /** Answer the next `times` calls of `rpc` with HTTP `status` (a Twirp error body). */
  failNext(rpc: CacheRpc, status: number, times?: number): void
  /** Cut the next `times` blob uploads (PUT) half way (the connection is destroyed); 0 stops. */
  cutUploads(times?: number): void
  /** Entries readable by a run, finalized only. */
  visibleTo(run: RunScope): CacheEntry[]
  /** The repository quota in bytes (settable). */
  quotaBytes: number
  /** Delete an entry (what the REST API's DELETE /actions/caches does). */
  delete(id: number): boolean
  close(): Promise<void>
}

export interface CacheServiceOptions {
  /** Repository quota in bytes; least recently used entries are evicted above it. */
  quotaBytes?: number
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string
  ) {
    super(msg)
  }
}

function b64url(s: string | Buffer): string {
  return Buffer.from(s).toString('base64url')
}

/** The scopes GitHub gives a run's token. */
export function scopesFor(run: RunScope): CacheScope[] {
  const def = `refs/heads/${run.defaultBranch ?? 'main'}`
  if ('pullRequest' in run) {
    const own = { Scope: `refs/pull/${run.pullRequest}/merge`, Permission: run.readOnly ? READ : READ | WRITE }
    const out = [own, { Scope: `refs/heads/${run.baseRef}`, Permission: READ }]
    if (out.every(s => s.Scope !== def)) out.push({ Scope: def, Permission: READ })
    return out
  }
  const out = [{ Scope: run.ref, Permission: READ | WRITE }]
  if (run.ref !== def) out.push({ Scope: def, Permission: READ })
  return out
}

/** Start Azurite (blob service only, in memory) and wait for its listening line (shared with the artifact service). */
export async function startAzurite(): Promise<{ endpoint: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-azurite-'))
  const main = path.join(REPO_ROOT, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js')
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '2048',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--loose'
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }
  )
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${out}`)), 20000)
    const onData = (d: Buffer): void => {
      out += d.toString()
      const m = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(`${m[1]}/${ACCOUNT}`)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`Azurite exited (${code}): ${out}`))
    })
  })
  child.stdout.resume()
  child.stderr.resume()
  return { endpoint, child, dir }
}

/** Start the cache service and Azurite on random 127.0.0.1 ports. */
export async function startCacheService(opts: CacheServiceOptions = {}): Promise<FakeCacheService> {
  let quota = opts.quotaBytes ?? DEFAULT_QUOTA_BYTES
  const azurite = await startAzurite()
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)
  const blobService = new BlobServiceClient(azurite.endpoint, credential)
  const container = blobService.getContainerClient(CONTAINER)
  await container.createIfNotExists()
  const azuriteUrl = new URL(azurite.endpoint)

  const secret = randomBytes(32)
  const entries: CacheEntry[] = []
  const calls: FakeCacheService['calls'] = []
  const faults: { rpc: string; status: number; remaining: number }[] = []
  let cuts = 0
  let nextId = 1
  let url = ''
  let proxyUrl = ''

  function token(run: RunScope): string {
    const now = Math.floor(Date.now() / 1000)
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))
    const claims = {
      nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
      scp: 'Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:1:2',
      ac: JSON.stringify(scopesFor(run)),
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vso:00000000-0000-0000-0000-000000000000',
      nbf: now - 60,
      exp: now + 6 * 3600
    }
    const body = b64url(JSON.stringify(claims))
    const sig = b64url(createHmac('sha256', secret).update(`${header}.${body}`).digest())
    return `${header}.${body}.${sig}`
  }

  /** Verify the bearer token and return its scopes. */
  function scopesOf(req: IncomingMessage): CacheScope[] {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (!m) throw new TwirpError(401, 'unauthenticated', 'missing bearer token')
    const [h, b, s] = m[1].split('.')
    const expected = b64url(createHmac('sha256', secret).update(`${h}.${b}`).digest())
    if (!s || s !== expected) throw new TwirpError(401, 'unauthenticated', 'invalid token signature')
    const claims = JSON.parse(Buffer.from(b, 'base64url').toString()) as { ac?: string; exp?: number }
    if (!claims.exp || claims.exp * 1000 < Date.now()) throw new TwirpError(401, 'unauthenticated', 'token expired')
    return JSON.parse(claims.ac ?? '[]') as CacheScope[]
  }

  function sas(blob: string, perms: string, minutes: number): string {
    const q = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(perms),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + minutes * 60_000)
      },
      credential
    ).toString()
    return `${proxyUrl}/${ACCOUNT}/${CONTAINER}/${encodeURIComponent(blob)}?${q}`
  }

  const byNewest = (a: CacheEntry, b: CacheEntry): number => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id

  function lookup(scopes: CacheScope[], key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    for (const s of scopes.filter(x => x.Permission & READ)) {
      const here = entries.filter(e => e.finalized && e.scope === s.Scope && e.version === version)
      const exact = here.find(e => e.key === key)
      if (exact) return exact
      for (const prefix of [key, ...restoreKeys]) {
        const hit = here.filter(e => e.key.startsWith(prefix)).sort(byNewest)[0]
        if (hit) return hit
      }
    }
    return undefined
  }

  function evict(): void {
    let total = entries.filter(e => e.finalized).reduce((n, e) => n + e.sizeBytes, 0)
    const lru = entries.filter(e => e.finalized).sort((a, b) => a.lastAccessedAt.getTime() - b.lastAccessedAt.getTime())
    while (total > quota && lru.length > 0) {
      const e = lru.shift()!
      total -= e.sizeBytes
      entries.splice(entries.indexOf(e), 1)
      void container.deleteBlob(e.blob).catch(() => undefined)
    }
  }

  function str(v: unknown): string {
    return typeof v === 'string' ? v : ''
  }

  async function rpc(method: string, scopes: CacheScope[], body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const key = str(body.key)
    const version = str(body.version)
    if (!key) throw new TwirpError(400, 'invalid_argument', 'key is required')
    if (!version) throw new TwirpError(400, 'invalid_argument', 'version is required')
    switch (method) {
      case 'CreateCacheEntry': {
        const writable = scopes.find(s => s.Permission & WRITE)
        if (!writable) return { ok: false, message: 'cache write denied: the token of this run is read-only' }
        if (key.length > 512 || key.includes(',')) throw new TwirpError(400, 'invalid_argument', 'invalid key')
        if (entries.some(e => e.key === key && e.version === version && e.scope === writable.Scope)) {
          throw new TwirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists')
        }
        const id = nextId++
        const now = new Date()
        const blob = `${id}-${randomBytes(6).toString('hex')}`
        entries.push({ id, key, version, scope: writable.Scope, sizeBytes: 0, finalized: false, createdAt: now, lastAccessedAt: now, blob })
        return { ok: true, signed_upload_url: sas(blob, 'cw', 60) }
      }
      case 'FinalizeCacheEntryUpload': {
        const writable = scopes.find(s => s.Permission & WRITE)
        const e = entries.find(x => !x.finalized && x.key === key && x.version === version && x.scope === writable?.Scope)
        if (!e) throw new TwirpError(404, 'not_found', 'cache entry not found')
        const size = Number(body.size_bytes ?? 0)
        let actual: number
        try {
          actual = (await container.getBlobClient(e.blob).getProperties()).contentLength ?? -1
        } catch {
          actual = -1
        }
        if (actual !== size) {
          entries.splice(entries.indexOf(e), 1)
          return { ok: false, message: `uploaded blob is ${actual < 0 ? 'missing' : `${actual} bytes`}, expected ${size}` }
        }
        e.sizeBytes = size
        e.finalized = true
        e.createdAt = new Date()
        e.lastAccessedAt = e.createdAt
        evict()
        return { ok: true, entry_id: String(e.id) }
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(str) : []
        const hit = lookup(scopes, key, restoreKeys, version)
        if (!hit) return { ok: false, signed_download_url: '', matched_key: '' }
        hit.lastAccessedAt = new Date()
        return { ok: true, signed_download_url: sas(hit.blob, 'r', 10), matched_key: hit.key }
      }
      default:
        throw new TwirpError(404, 'bad_route', `no handler for path "/twirp/${SERVICE}/${method}"`)
    }
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    const m = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(new URL(req.url ?? '/', url).pathname)
    const method = m?.[1] ?? ''
    const call: FakeCacheService['calls'][number] = { rpc: method || (req.url ?? ''), status: 0 }
    calls.push(call)
    let status = 200
    let out: Record<string, unknown>
    try {
      if (req.method !== 'POST' || !m) throw new TwirpError(404, 'bad_route', `no handler for path "${req.url}"`)
      const fault = faults.find(f => f.rpc === method && f.remaining > 0)
      const scopes = scopesOf(req)
      call.scope = scopes.find(s => s.Permission & WRITE)?.Scope ?? scopes[0]?.Scope
      let body: Record<string, unknown>
      try {
        body = JSON.parse(raw) as Record<string, unknown>
      } catch {
        throw new TwirpError(400, 'malformed', 'the request body is not JSON')
      }
      call.key = str(body.key)
      if (fault) {
        fault.remaining--
        throw new TwirpError(fault.status, fault.status >= 500 ? 'internal' : 'resource_exhausted', `injected fault (${fault.status})`)
      }
      out = await rpc(method, scopes, body)
    } catch (e) {
      if (!(e instanceof TwirpError)) throw e
      status = e.status
      out = { code: e.code, msg: e.message }
    }
    call.status = status
    const text = JSON.stringify(out)
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }
    if (status === 429) headers['retry-after'] = '60'
    res.writeHead(status, headers)
    res.end(text)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 'internal', msg: String(e) }))
    })
  })

  /** The blob endpoint the SAS URLs name: a pass-through to Azurite that can cut uploads. */
  const proxy = createServer((req, res) => {
    const cut = req.method === 'PUT' && cuts > 0
    if (cut) cuts--
    const upstream = httpRequest({ host: azuriteUrl.hostname, port: azuriteUrl.port, method: req.method, path: req.url, headers: req.headers }, up => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    if (cut) {
      let seen = 0
      const total = Number(req.headers['content-length'] ?? 0)
      req.on('data', (d: Buffer) => {
        seen += d.length
        if (seen >= total / 2) {
          upstream.destroy()
          req.socket.destroy()
        }
      })
      req.pipe(upstream)
    } else {
      req.pipe(upstream)
    }
  })

  const listen = (s: ReturnType<typeof createServer>): Promise<number> =>
    new Promise((resolve, reject) => {
      s.once('error', reject)
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port))
    })
  url = `http://127.0.0.1:${await listen(server)}/`
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`

  const readable = (run: RunScope): string[] =>
    scopesFor(run)
      .filter(s => s.Permission & READ)
      .map(s => s.Scope)

  return {
    url,
    blobEndpoint: azurite.endpoint,
    entries,
    calls,
    token,
    env: run => ({ ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: token(run), ACTIONS_CACHE_SERVICE_V2: 'true' }),
    failNext(rpcName, status, times = 1) {
      faults.push({ rpc: rpcName, status, remaining: times })
    },
    cutUploads(times = 1) {
      cuts = times
    },
    get quotaBytes() {
      return quota
    },
    set quotaBytes(v: number) {
      quota = v
    },
    visibleTo: run => entries.filter(e => e.finalized && readable(run).includes(e.scope)),
    delete(id) {
      const i = entries.findIndex(e => e.id === id)
      if (i < 0) return false
      const [e] = entries.splice(i, 1)
      void container.deleteBlob(e.blob).catch(() => undefined)
      return true
    },
    async close() {
      await Promise.all(
        [server, proxy].map(
          s =>
            new Promise<void>(resolve => {
              s.close(() => resolve())
              s.closeAllConnections()
            })
        )
      )
      azurite.child.kill('SIGTERM')
      await new Promise(resolve => (azurite.child.exitCode !== null ? resolve(null) : azurite.child.once('exit', resolve)))
      rmSync(azurite.dir, { recursive: true, force: true })
    }
  }
}
