/**
 * The gateway to OCI registries (distribution API v2), over Node's own fetch: manifests by tag or
 * digest (verified against the digest asked for), config blobs, layer blobs as streams (redirects
 * followed, digest verified at the end), HEAD of a manifest. Auth as docker does it: anonymous
 * first, and on a 401 the `WWW-Authenticate` challenge (Bearer: a token from the realm with the
 * docker config's credentials or identity token; Basic: the credentials). Counts the bytes it
 * reads. Errors are one line (EnvironmentError) and never hold a credential.
 */
import { createHash } from 'node:crypto'
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { EnvironmentError, errorMessage } from '../errors.js'
import { lookupCredentials, type Credentials } from './credentials.js'
import { formatReference, parseReference, type ImageReference } from './reference.js'

/** Media types of the manifests and indexes we read, as docker asks for them. */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

/** Manifests and configs larger than this are refused (they are kilobytes). */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
const DOCUMENT_TIMEOUT_MS = 60_000

/** What was read from the registry, for the report and the bench. */
export interface RegistryStats {
  requests: number
  /** Bytes of manifests and indexes. */
  manifestBytes: number
  /** Bytes of JSON blobs (image configs). */
  configBytes: number
  /** Bytes of layer blobs streamed. */
  layerBytes: number
  /** Layer blobs fetched. */
  layers: number
}

export interface Manifest {
  /** sha256 of the bytes fetched. */
  digest: string
  mediaType: string
  body: unknown
  bytes: number
}

export interface ClientOptions {
  /** Credentials to use; undefined: looked up in the docker config when the registry asks for them. */
  credentials?: Credentials | null
  /** The docker config file to read credentials from (default: `$DOCKER_CONFIG/config.json`). */
  dockerConfig?: string
}

type Challenge = { scheme: 'bearer' | 'basic'; params: Record<string, string> }

/** Parse a `WWW-Authenticate` header (one challenge; the first when several). */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(Bearer|Basic)\b(.*)$/i.exec(header)
  if (!m) return undefined
  const params: Record<string, string> = {}
  for (const p of m[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) params[p[1].toLowerCase()] = p[2] ?? p[3]
  return { scheme: m[1].toLowerCase() as Challenge['scheme'], params }
}

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** A client for one repository of one registry. */
export class RegistryClient {
  readonly stats: RegistryStats = { requests: 0, manifestBytes: 0, configBytes: 0, layerBytes: 0, layers: 0 }
  private authorization?: string
  private credentials?: Credentials | null

  constructor(
    private reference: ImageReference,
    private readonly options: ClientOptions = {}
  ) {
    this.credentials = options.credentials
  }

  /** The reference this client reads (its digest once pinned). */
  get ref(): ImageReference {
    return this.reference
  }

  /** Read `digest` from now on, whatever the reference's tag points at later. */
  pin(digest: string): void {
    this.reference = { ...this.reference, digest }
  }

  /** A client for the repository of `ref` (a reference string, parsed as the `input` named). */
  static for(ref: string, options: ClientOptions = {}, input = 'image'): RegistryClient {
    return new RegistryClient(parseReference(ref, input), options)
  }

  /** `host/repo` for messages. */
  get name(): string {
    return `${this.ref.registry}/${this.ref.repository}`
  }

  /** The manifest (or index) under `reference` (a tag or a digest; default: the reference's digest, else its tag). */
  async manifest(reference = this.ref.digest ?? this.ref.tag ?? 'latest'): Promise<Manifest> {
    const res = await this.request(`manifests/${reference}`, { method: 'GET', headers: { accept: MANIFEST_TYPES.join(', ') } }, DOCUMENT_TIMEOUT_MS)
    const what = this.describe(reference)
    if (res.status === 404) throw new EnvironmentError(`${what}: manifest unknown (the registry ${this.ref.registry} does not hold it)`)
    await this.expectOk(res, what)
    const bytes = await this.readDocument(res, what)
    this.stats.manifestBytes += bytes.length
    const digest = sha256(bytes)
    if (reference.startsWith('sha256:') && digest !== reference) throw new EnvironmentError(`${what}: the registry sent a manifest whose digest is ${digest}`)
    const body = this.parse(bytes, what)
    const mediaType =
      (typeof (body as { mediaType?: unknown }).mediaType === 'string' && (body as { mediaType: string }).mediaType) || res.headers.get('content-type') || ''
    return { digest, mediaType, body, bytes: bytes.length }
  }

  /** Whether the registry holds a manifest under `reference` (HEAD): its digest, or undefined when it does not. */
  async manifestDigest(reference = this.ref.digest ?? this.ref.tag ?? 'latest'): Promise<string | undefined> {
    const res = await this.request(`manifests/${reference}`, { method: 'HEAD', headers: { accept: MANIFEST_TYPES.join(', ') } }, DOCUMENT_TIMEOUT_MS)
    if (res.status === 404) return undefined
    await this.expectOk(res, this.describe(reference))
    return res.headers.get('docker-content-digest') ?? (reference.startsWith('sha256:') ? reference : undefined)
  }

  /** A JSON blob (an image config), verified against its digest. */
  async blobJson(digest: string): Promise<unknown> {
    const what = `blob ${digest} of ${this.name}`
    const res = await this.request(`blobs/${digest}`, { method: 'GET' }, DOCUMENT_TIMEOUT_MS)
    if (res.status === 404) throw new EnvironmentError(`${what}: blob unknown (the registry does not hold it)`)
    await this.expectOk(res, what)
    const bytes = await this.readDocument(res, what)
    this.stats.configBytes += bytes.length
    if (sha256(bytes) !== digest) throw new EnvironmentError(`${what}: the registry sent bytes of another digest (${sha256(bytes)})`)
    return this.parse(bytes, what)
  }

  /** A layer blob as a stream; it errors at its end when the bytes do not hash to `digest`. */
  async blobStream(digest: string): Promise<Readable> {
    const what = `blob ${digest} of ${this.name}`
    const res = await this.request(`blobs/${digest}`, { method: 'GET' })
    if (res.status === 404) throw new EnvironmentError(`${what}: blob unknown (the registry does not hold it)`)
    await this.expectOk(res, what)
    if (!res.body) throw new EnvironmentError(`${what}: the registry sent no body`)
    this.stats.layers++
    const hash = createHash('sha256')
    const stats = this.stats
    const check = new Transform({
      highWaterMark: 1024 * 1024,
      transform(chunk: Buffer, _enc, cb) {
        stats.layerBytes += chunk.length
        hash.update(chunk)
        cb(null, chunk)
      },
      flush(cb) {
        const got = `sha256:${hash.digest('hex')}`
        cb(got === digest ? null : new Error(`the registry sent bytes of another digest (${got})`))
      }
    })
    const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)
    body.on('error', e => check.destroy(e))
    return body.pipe(check)
  }

  private describe(reference: string): string {
    return formatReference({
      ...this.ref,
      tag: reference.startsWith('sha256:') ? undefined : reference,
      digest: reference.startsWith('sha256:') ? reference : undefined
    })
  }

  private parse(bytes: Uint8Array, what: string): unknown {
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown
    } catch {
      throw new EnvironmentError(`${what}: the registry sent something that is not JSON`)
    }
  }

  private async readDocument(res: Response, what: string): Promise<Uint8Array> {
    const length = Number(res.headers.get('content-length') ?? 0)
    if (length > MAX_DOCUMENT_BYTES) {
      await res.body?.cancel()
      throw new EnvironmentError(`${what}: ${length} bytes is too large for a manifest or config`)
    }
    return new Uint8Array(await res.arrayBuffer())
  }

  private async expectOk(res: Response, what: string): Promise<void> {
    if (res.ok) return
    await res.body?.cancel().catch(() => {})
    if (res.status === 401 || res.status === 403) {
      const how = this.credentials ? 'with the credentials of the docker config' : 'anonymously (no credentials for it in the docker config)'
      throw new EnvironmentError(`${what}: access denied ${how} (HTTP ${res.status}); run docker login ${this.ref.registry}`)
    }
    throw new EnvironmentError(`${what}: the registry answered HTTP ${res.status}`)
  }

  /** One request to the repository's API, authorizing on a 401 challenge once. */
  private async request(pathPart: string, init: RequestInit & { headers?: Record<string, string> }, timeoutMs?: number): Promise<Response> {
    const url = `${this.ref.scheme}://${this.ref.apiHost}/v2/${this.ref.repository}/${pathPart}`
    const send = () => {
      this.stats.requests++
      const headers = { ...init.headers, ...(this.authorization ? { authorization: this.authorization } : {}) }
      return this.fetch(url, { ...init, headers, redirect: 'follow', signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined })
    }
    let res = await send()
    if (res.status !== 401) return res
    const challenge = parseChallenge(res.headers.get('www-authenticate') ?? '')
    if (!challenge) return res
    await res.body?.cancel().catch(() => {})
    await this.authorize(challenge)
    res = await send()
    return res
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init)
    } catch (e) {
      // undici's TypeError('fetch failed') carries the reason (ECONNREFUSED, a TLS error...) as its cause.
      const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause
      const why = typeof cause?.message === 'string' && cause.message ? cause.message : typeof cause?.code === 'string' ? cause.code : errorMessage(e)
      throw new EnvironmentError(`the registry ${this.ref.registry} cannot be reached (${why})`)
    }
  }

  private async creds(): Promise<Credentials | undefined> {
    if (this.credentials === undefined) this.credentials = (await lookupCredentials(this.ref.registry, this.options.dockerConfig)) ?? null
    return this.credentials ?? undefined
  }

  private async authorize(challenge: Challenge): Promise<void> {
    const creds = await this.creds()
    const basic = creds?.username && creds.password ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined
    if (challenge.scheme === 'basic') {
      if (!basic)
        throw new EnvironmentError(
          `${this.name}: the registry asks for a login and the docker config has none for ${this.ref.registry}; run docker login ${this.ref.registry}`
        )
      this.authorization = basic
      return
    }
    const realm = challenge.params.realm
    if (!realm) throw new EnvironmentError(`${this.name}: the registry's Bearer challenge names no realm`)
    const scope = challenge.params.scope || `repository:${this.ref.repository}:pull`
    const service = challenge.params.service
    let url: URL
    try {
      url = new URL(realm)
    } catch {
      throw new EnvironmentError(`${this.name}: the registry's token realm is not a URL`)
    }
    let res: Response
    if (creds?.identityToken) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken, client_id: 'stagecraft', scope })
      if (service) form.set('service', service)
      res = await this.fetch(url.href, { method: 'POST', body: form, signal: AbortSignal.timeout(DOCUMENT_TIMEOUT_MS) })
    } else {
      if (service) url.searchParams.set('service', service)
      url.searchParams.set('scope', scope)
      res = await this.fetch(url.href, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(DOCUMENT_TIMEOUT_MS) })
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {})
      throw new EnvironmentError(
        `${this.name}: the token service ${url.host} refused ${creds ? 'the docker config credentials' : 'an anonymous token'} (HTTP ${res.status})${creds ? '' : `; run docker login ${this.ref.registry}`}`
      )
    }
    const doc = (await res.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown }
    const token = typeof doc.token === 'string' && doc.token ? doc.token : typeof doc.access_token === 'string' ? doc.access_token : ''
    if (!token) throw new EnvironmentError(`${this.name}: the token service ${url.host} sent no token`)
    this.authorization = `Bearer ${token}`
  }
}

/** The manifest (or index) `ref` names, e.g. `127.0.0.1:5000/app@sha256:…` (verified when by digest). */
export async function fetchManifest(ref: string, options: ClientOptions = {}): Promise<Manifest> {
  return RegistryClient.for(ref, options).manifest()
}

/** Whether the registry holds `ref` (a HEAD request; no body is read). Throws only when the registry cannot be asked. */
export async function manifestExists(ref: string, options: ClientOptions = {}): Promise<boolean> {
  const client = RegistryClient.for(ref, options)
  const digest = await client.manifestDigest()
  return digest !== undefined && (!client.ref.digest || digest === client.ref.digest)
}
