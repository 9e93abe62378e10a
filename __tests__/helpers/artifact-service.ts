/**
 * The GitHub Actions artifact service (v4) on 127.0.0.1, for tests of the bundled action: the
 * Twirp JSON endpoints `@actions/artifact` calls under ACTIONS_RESULTS_URL
 * (`/twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,FinalizeArtifact,ListArtifacts}`),
 * authorised by an ACTIONS_RUNTIME_TOKEN JWT whose `scp` claim carries
 * `Actions.Results:<workflow run backend id>:<job run backend id>`, with the bytes in Azurite
 * behind a SAS-signed upload URL, so the real @actions/artifact and @azure/storage-blob code in
 * dist/ uploads unmodified.
 *
 * The semantics are the service's: requests use the proto field names (`workflow_run_backend_id`,
 * `expires_at` as an RFC 3339 time, `mime_type` and `hash` as wrapped strings, int64 as strings);
 * the backend ids must be the token's; an artifact name is unique in its workflow run (a second
 * CreateArtifact is Twirp `already_exists`, HTTP 409); FinalizeArtifact checks the blob is there
 * with the size announced; ListArtifacts lists the run's finalized artifacts.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob'
import { ACCOUNT, ACCOUNT_KEY, startAzurite } from './cache-service.js'

const CONTAINER = 'actions-results'
const SERVICE = 'github.actions.results.api.v1.ArtifactService'

/** An artifact as the service keeps it. */
export interface StoredArtifact {
  id: number
  workflowRunBackendId: string
  workflowJobRunBackendId: string
  name: string
  /** The RFC 3339 expiry the client asked for (retention days), if any. */
  expiresAt?: string
  mimeType?: string
  version?: number
  /** 0 until finalized. */
  size: number
  /** `sha256:…` as the client sent it on finalize. */
  hash?: string
  finalized: boolean
  createdAt: Date
  blob: string
}

export interface FakeArtifactService {
  /** ACTIONS_RESULTS_URL (with a trailing slash, as the runner gives it). */
  url: string
  artifacts: StoredArtifact[]
  /** Every RPC received: method, artifact name, HTTP status answered. */
  calls: { rpc: string; name?: string; status: number }[]
  /** The job environment the runner sets for artifacts: ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN. */
  env(): Record<string, string>
  /** The bytes of an artifact's blob. */
  download(id: number): Promise<Buffer>
  /** Answer the next `times` calls of `rpc` with HTTP `status` (a Twirp error body). */
  failNext(rpc: string, status: number, times?: number): void
  close(): Promise<void>
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

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url')
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Start the artifact service and Azurite on random 127.0.0.1 ports. */
export async function startArtifactService(): Promise<FakeArtifactService> {
  const azurite = await startAzurite()
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)
  const container = new BlobServiceClient(azurite.endpoint, credential).getContainerClient(CONTAINER)
  await container.createIfNotExists()
  const secret = randomBytes(32)
  const runId = randomBytes(8).toString('hex')
  const jobId = randomBytes(8).toString('hex')
  const artifacts: StoredArtifact[] = []
  const calls: FakeArtifactService['calls'] = []
  const faults: { rpc: string; status: number; remaining: number }[] = []
  let nextId = 1000

  function token(): string {
    const now = Math.floor(Date.now() / 1000)
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))
    const body = b64url(
      JSON.stringify({
        scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runId}:${jobId}`,
        iss: 'vstoken.actions.githubusercontent.com',
        nbf: now - 60,
        exp: now + 6 * 3600
      })
    )
    return `${header}.${body}.${b64url(createHmac('sha256', secret).update(`${header}.${body}`).digest())}`
  }

  /** The token's backend ids, after checking its signature. */
  function idsOf(req: IncomingMessage): { run: string; job: string } {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (!m) throw new TwirpError(401, 'unauthenticated', 'missing bearer token')
    const [h, b, s] = m[1].split('.')
    if (!s || s !== b64url(createHmac('sha256', secret).update(`${h}.${b}`).digest())) throw new TwirpError(401, 'unauthenticated', 'invalid token')
    const scp = str((JSON.parse(Buffer.from(b, 'base64url').toString()) as { scp?: unknown }).scp)
    const results = scp.split(' ').find(x => x.startsWith('Actions.Results:'))
    const [, run, job] = (results ?? '').split(':')
    if (!run || !job) throw new TwirpError(403, 'permission_denied', 'the token has no Actions.Results scope')
    return { run, job }
  }

  function sas(blob: string, perms: string): string {
    const q = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(perms),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + 60 * 60_000)
      },
      credential
    ).toString()
    return `${azurite.endpoint}/${CONTAINER}/${encodeURIComponent(blob)}?${q}`
  }

  async function rpc(method: string, ids: { run: string; job: string }, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (method !== 'ListArtifacts' && (str(body.workflow_run_backend_id) !== ids.run || str(body.workflow_job_run_backend_id) !== ids.job))
      throw new TwirpError(403, 'permission_denied', 'backend ids do not match the token')
    switch (method) {
      case 'CreateArtifact': {
        const name = str(body.name)
        if (!name) throw new TwirpError(400, 'invalid_argument', 'name is required')
        if (artifacts.some(a => a.workflowRunBackendId === ids.run && a.name === name))
          throw new TwirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run`)
        const id = nextId++
        const blob = `${ids.run}/${id}/${name}`
        artifacts.push({
          id,
          workflowRunBackendId: ids.run,
          workflowJobRunBackendId: ids.job,
          name,
          expiresAt: str(body.expires_at) || undefined,
          mimeType: str(body.mime_type) || undefined,
          version: typeof body.version === 'number' ? body.version : undefined,
          size: 0,
          finalized: false,
          createdAt: new Date(),
          blob
        })
        return { ok: true, signed_upload_url: sas(blob, 'cw') }
      }
      case 'FinalizeArtifact': {
        const a = artifacts.find(x => !x.finalized && x.workflowRunBackendId === ids.run && x.name === str(body.name))
        if (!a) throw new TwirpError(404, 'not_found', 'artifact not found')
        const size = Number(str(body.size) || '0')
        let actual = -1
        try {
          actual = (await container.getBlobClient(a.blob).getProperties()).contentLength ?? -1
        } catch {
          actual = -1
        }
        if (actual !== size) throw new TwirpError(400, 'invalid_argument', `uploaded blob is ${actual < 0 ? 'missing' : `${actual} bytes`}, expected ${size}`)
        a.size = size
        a.hash = str(body.hash) || undefined
        a.finalized = true
        return { ok: true, artifact_id: String(a.id) }
      }
      case 'ListArtifacts': {
        const nameFilter = str(body.name_filter)
        const idFilter = str(body.id_filter)
        const list = artifacts.filter(
          a => a.finalized && a.workflowRunBackendId === ids.run && (!nameFilter || a.name === nameFilter) && (!idFilter || String(a.id) === idFilter)
        )
        return {
          artifacts: list.map(a => ({
            workflow_run_backend_id: a.workflowRunBackendId,
            workflow_job_run_backend_id: a.workflowJobRunBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString(),
            ...(a.hash ? { digest: a.hash } : {})
          }))
        }
      }
      default:
        throw new TwirpError(404, 'bad_route', `no handler for path "/twirp/${SERVICE}/${method}"`)
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const m = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(new URL(req.url ?? '/', 'http://x').pathname)
    const method = m?.[1] ?? ''
    const call: FakeArtifactService['calls'][number] = { rpc: method || (req.url ?? ''), status: 0 }
    calls.push(call)
    let status = 200
    let out: Record<string, unknown>
    try {
      if (req.method !== 'POST' || !m) throw new TwirpError(404, 'bad_route', `no handler for path "${req.url}"`)
      const ids = idsOf(req)
      let body: Record<string, unknown>
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      } catch {
        throw new TwirpError(400, 'malformed', 'the request body is not JSON')
      }
      call.name = str(body.name) || undefined
      const fault = faults.find(f => f.rpc === method && f.remaining > 0)
      if (fault) {
        fault.remaining--
        throw new TwirpError(fault.status, fault.status >= 500 ? 'internal' : 'invalid_argument', `injected fault (${fault.status})`)
      }
      out = await rpc(method, ids, body)
    } catch (e) {
      if (!(e instanceof TwirpError)) throw e
      status = e.status
      out = { code: e.code, msg: e.message }
    }
    call.status = status
    const text = JSON.stringify(out)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
    res.end(text)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 'internal', msg: String(e) }))
    })
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
  const url = `http://127.0.0.1:${port}/`

  return {
    url,
    artifacts,
    calls,
    env: () => ({ ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: token() }),
    download: async id => {
      const a = artifacts.find(x => x.id === id)
      if (!a) throw new Error(`no artifact ${id}`)
      return container.getBlobClient(a.blob).downloadToBuffer()
    },
    failNext(rpcName, status, times = 1) {
      faults.push({ rpc: rpcName, status, remaining: times })
    },
    async close() {
      await new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      azurite.child.kill('SIGTERM')
      await new Promise(resolve => (azurite.child.exitCode !== null ? resolve(null) : azurite.child.once('exit', resolve)))
      rmSync(azurite.dir, { recursive: true, force: true })
    }
  }
}
