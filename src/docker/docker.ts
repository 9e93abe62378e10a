/**
 * The gateway to the Docker engine and buildx: the only module that runs `docker`.
 * Everything else receives a `Docker` and gets data back.
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { EnvironmentError } from '../errors.js'

export interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface StreamOptions {
  /** Extra environment for the child (merged over process.env); used for `--secret env=`. */
  env?: Record<string, string>
  /** Called for every line the command prints on stdout or stderr, as it arrives. */
  onLine?: (line: string) => void
  /** Stop the call and fail with a message naming it after this long (none: no limit). */
  timeoutMs?: number
}

export interface BuilderInfo {
  name: string
  driver: string
  /** Platforms the builder's nodes support, e.g. `linux/amd64`. */
  platforms: string[]
  /** BuildKit version of the first node (`v0.13.2`; `v0.0.0+unknown` for some engine builds). */
  buildkit?: string
  /** What the builder says it can do (`docker --debug buildx inspect`), or what is inferred when it does not say. */
  features: BuilderFeatures
}

/** The builder capabilities Stagecraft depends on. */
export interface BuilderFeatures {
  /** `--output type=oci` works (docker-container/remote/kubernetes, or the docker driver on the containerd store). */
  ociExporter: boolean
  /** A multi-platform image can be built (and, on the docker driver, stored). */
  multiPlatform: boolean
  /** BuildKit accepts several `--output`s in one build (BuildKit 0.13+). */
  multipleExporters: boolean
  /** Where the answer came from: buildx's own feature list, or inferred from driver and labels. */
  source: 'buildx' | 'inferred'
}

/** Low-level process runner; swappable so pure callers can be unit-tested without an engine. */
export type Runner = (args: string[], opts?: StreamOptions) => Promise<RunResult>

/**
 * Run `docker ARGS`, capturing output and streaming whole lines to `onLine` (decoded across chunk
 * boundaries, so a multibyte character split between two reads stays whole). Never throws on a
 * non-zero exit; a missing docker CLI is an EnvironmentError, and so is a call that outlives its
 * `timeoutMs` (it is stopped, and the error names the call).
 */
export const runDocker: Runner = (args, opts = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const collect = (sink: string[]) => lineSplitter(opts.onLine, text => sink.push(text))
    const out: string[] = []
    const err: string[] = []
    const o = collect(out)
    const e = collect(err)
    child.stdout.on('data', o.feed)
    child.stderr.on('data', e.feed)
    let settled = false
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          // Settle now: whatever the process left holding its pipes must not keep the step waiting.
          settled = true
          child.kill('SIGTERM')
          setTimeout(() => child.kill('SIGKILL'), 5000).unref()
          child.stdout.destroy()
          child.stderr.destroy()
          reject(new EnvironmentError(`docker ${callName(args)} did not answer within ${seconds(opts.timeoutMs!)} and was stopped`))
        }, opts.timeoutMs)
      : undefined
    child.on('error', error => {
      if (timer) clearTimeout(timer)
      if (settled) return
      settled = true
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new EnvironmentError('docker CLI not found on PATH; install the docker client (see scripts/setup-engine.sh)'))
      else reject(error)
    })
    child.on('close', code => {
      if (timer) clearTimeout(timer)
      if (settled) return
      settled = true
      o.flush()
      e.flush()
      resolve({ exitCode: code ?? 1, stdout: out.join(''), stderr: err.join('') })
    })
  })

/**
 * Decode output chunks as UTF-8 (a character split between chunks stays whole) and hand each
 * whole line to `onLine` (CRLF or LF; the last line on flush); `onText` gets the decoded text.
 * Only the new text is split: a long line arriving in many chunks costs linear time, not quadratic.
 */
export function lineSplitter(onLine: ((line: string) => void) | undefined, onText: (text: string) => void = () => {}): { feed(chunk: Buffer): void; flush(): void } {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  const take = (text: string) => {
    onText(text)
    if (!onLine) return
    const parts = text.split('\n')
    if (parts.length === 1) {
      rest += text
      return
    }
    parts[0] = rest + parts[0]
    rest = parts.pop() ?? ''
    for (const p of parts) onLine(p.endsWith('\r') ? p.slice(0, -1) : p)
  }
  return {
    feed: chunk => take(decoder.write(chunk)),
    flush: () => {
      take(decoder.end())
      if (rest && onLine) onLine(rest)
      rest = ''
    }
  }
}

/** `buildx imagetools inspect`, `image inspect`: the command words of a docker call, for messages. */
export function callName(args: string[]): string {
  return args.filter(a => !a.startsWith('-')).slice(0, 3).join(' ')
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}

/** How long the engine gets to answer a question (not a build: builds take what they take). */
export const QUERY_TIMEOUT_MS = 60_000
/** A registry round trip (imagetools). */
export const REGISTRY_TIMEOUT_MS = 120_000
/** The image export may go quiet this long before it counts as stuck. */
export const EXPORT_IDLE_MS = 300_000

export interface Preflight {
  /** Engine version, e.g. `26.1.5`. */
  server: string
  buildx: string
  builder: BuilderInfo
  /** The engine keeps images in containerd (needed by the docker driver to export a cache). */
  containerdStore: boolean
}

export class Docker {
  constructor(private readonly run: Runner = runDocker) {}

  /** Fail with one line when no engine answers or buildx is missing. Returns versions. */
  async preflight(builder?: string): Promise<Preflight> {
    const v = await this.run(['version', '--format', '{{.Server.Version}}'], { timeoutMs: QUERY_TIMEOUT_MS })
    if (v.exitCode !== 0 || !v.stdout.trim()) {
      const why = firstLine(v.stderr) || 'no answer'
      throw new EnvironmentError(`no Docker engine reachable (${why}); start one, e.g. with scripts/setup-engine.sh`)
    }
    const bx = await this.run(['buildx', 'version'], { timeoutMs: QUERY_TIMEOUT_MS })
    if (bx.exitCode !== 0) {
      throw new EnvironmentError('docker buildx is missing: install the buildx CLI plugin (see scripts/setup-engine.sh)')
    }
    const info = await this.builder(builder)
    const store = await this.run(['info', '--format', '{{json .DriverStatus}}'], { timeoutMs: QUERY_TIMEOUT_MS })
    return {
      server: v.stdout.trim(),
      buildx: bx.stdout.trim().split(/\s+/)[1] ?? bx.stdout.trim(),
      builder: info,
      containerdStore: store.stdout.includes('io.containerd.snapshotter')
    }
  }

  /** `docker buildx inspect [name]`: driver, platforms and features (buildx prints the features in debug mode). */
  async builder(name?: string): Promise<BuilderInfo> {
    const r = await this.run(['--debug', 'buildx', 'inspect', ...(name ? [name] : [])], { timeoutMs: QUERY_TIMEOUT_MS })
    if (r.exitCode !== 0) {
      throw new EnvironmentError(`builder: ${name ?? 'default'} not found (${firstLine(r.stderr)})`)
    }
    return parseBuilderInspect(r.stdout)
  }

  /** Run `docker buildx build ARGS`; the log streams to `onLine`. */
  buildx(args: string[], opts: StreamOptions = {}): Promise<RunResult> {
    return this.run(['buildx', 'build', ...args], opts)
  }

  /** `docker image inspect REF`, or undefined when the image is not in the local store. */
  async inspectImage(ref: string): Promise<ImageInspect | undefined> {
    const r = await this.run(['image', 'inspect', ref], { timeoutMs: QUERY_TIMEOUT_MS })
    if (r.exitCode !== 0) return undefined
    const parsed = JSON.parse(r.stdout) as ImageInspect[]
    return parsed[0]
  }

  /** `docker history --no-trunc` as JSON lines (newest first, as docker prints it). */
  async history(ref: string): Promise<HistoryEntry[]> {
    const r = await this.run(['history', '--no-trunc', '--format', '{{json .}}', ref], { timeoutMs: QUERY_TIMEOUT_MS })
    if (r.exitCode !== 0) throw new EnvironmentError(`image ${ref} not found (${firstLine(r.stderr)})`)
    return r.stdout
      .split('\n')
      .filter(l => l.trim())
      .map(l => JSON.parse(l) as HistoryEntry)
  }

  /** A manifest or index as the registry serves it (`docker buildx imagetools inspect --raw`). */
  async registryManifest(ref: string): Promise<RegistryManifest> {
    const r = await this.run(['buildx', 'imagetools', 'inspect', '--raw', ref], { timeoutMs: REGISTRY_TIMEOUT_MS })
    if (r.exitCode !== 0) throw new EnvironmentError(`cannot read the manifest of ${ref} from its registry (${firstLine(r.stderr)})`)
    return JSON.parse(r.stdout) as RegistryManifest
  }

  /** Any other docker command, for the few places that need one (rmi, tag, buildx prune). */
  raw(args: string[], opts?: StreamOptions): Promise<RunResult> {
    return this.run(args, opts)
  }

  /**
   * Stream the image export (what `docker save REF` writes: config, manifests, layer blobs)
   * without touching disk. Read straight from the engine's API socket when the CLI talks to a
   * local one (no CLI process copying every byte in between), else through `docker save`.
   * The caller must consume `stream` (or destroy it); `done` settles when the export ends.
   */
  async save(ref: string): Promise<{ stream: Readable; done: Promise<void> }> {
    const socket = await this.engineSocket()
    return socket ? saveViaApi(socket, ref) : saveViaCli(ref)
  }

  private socket?: Promise<string | undefined>

  /** The unix socket of the engine the CLI uses (DOCKER_HOST, else the current context), if any. */
  engineSocket(): Promise<string | undefined> {
    this.socket ??= (async () => {
      const host = process.env.DOCKER_HOST
      if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined
      const r = await this.run(['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'], { timeoutMs: QUERY_TIMEOUT_MS })
      const h = r.stdout.trim()
      return r.exitCode === 0 && h.startsWith('unix://') ? h.slice('unix://'.length) : undefined
    })()
    return this.socket
  }
}

/** A settled-later promise that never counts as unhandled (the caller may look at it late). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {})
  return p
}

function ended(): Readable {
  return Readable.from([])
}

function saveViaApi(socketPath: string, ref: string): Promise<{ stream: Readable; done: Promise<void> }> {
  const fail = (why: string) => new EnvironmentError(`docker save ${ref} failed: ${why}`)
  return new Promise(resolve => {
    const req = http.request({ socketPath, method: 'GET', path: `/images/get?names=${encodeURIComponent(ref)}` })
    // A stuck export (no byte for EXPORT_IDLE_MS) is cut and says so, instead of hanging the step.
    req.setTimeout(EXPORT_IDLE_MS, () => req.destroy(new Error(`the engine sent nothing for ${seconds(EXPORT_IDLE_MS)}`)))
    req.on('response', res => {
      if (res.statusCode !== 200) {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString('utf8')))
        const done = quiet(
          new Promise<void>((_ok, ko) =>
            res.on('end', () => {
              let message = body.trim()
              try {
                message = (JSON.parse(body) as { message?: string }).message ?? message
              } catch {
                // not JSON: keep the text
              }
              ko(fail(firstLine(message) || `HTTP ${res.statusCode}`))
            })
          )
        )
        resolve({ stream: ended(), done })
        return
      }
      const done = quiet(
        new Promise<void>((ok, ko) => {
          res.on('end', ok)
          res.on('error', e => ko(fail(errorText(e))))
          req.on('error', e => ko(fail(errorText(e))))
          res.on('close', () => (res.readableEnded ? ok() : ko(fail('the stream was cut short'))))
        })
      )
      resolve({ stream: res, done })
    })
    req.on('error', e => resolve({ stream: ended(), done: quiet(Promise.reject(fail(errorText(e)))) }))
    req.end()
  })
}

function saveViaCli(ref: string): { stream: Readable; done: Promise<void> } {
  const child = spawn('docker', ['save', ref], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  let idle = false
  let watchdog: NodeJS.Timeout
  const arm = () => {
    clearTimeout(watchdog)
    watchdog = setTimeout(() => {
      idle = true
      child.kill('SIGKILL')
    }, EXPORT_IDLE_MS)
    watchdog.unref()
  }
  arm()
  child.stdout.on('data', arm)
  const done = quiet(
    new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', code => {
        clearTimeout(watchdog)
        if (idle) reject(new EnvironmentError(`docker save ${ref} failed: no data for ${seconds(EXPORT_IDLE_MS)}, stopped`))
        else if (code === 0) resolve()
        else reject(new EnvironmentError(`docker save ${ref} failed: ${firstLine(stderr) || `exit ${code}`}`))
      })
    })
  )
  return { stream: child.stdout, done }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

export interface ImageInspect {
  Id: string
  RepoTags?: string[]
  RepoDigests?: string[]
  Size: number
  Architecture?: string
  Os?: string
  Config?: {
    User?: string
    Env?: string[]
    Labels?: Record<string, string> | null
    Healthcheck?: { Test?: string[] } | null
    Entrypoint?: string[] | null
    Cmd?: string[] | null
  }
  RootFS?: { Layers?: string[] }
}

export interface RegistryManifest {
  mediaType?: string
  /** An image index: one manifest per platform (and attestations). */
  manifests?: { digest: string; platform?: { os: string; architecture: string; variant?: string } }[]
  /** An image manifest: the layer blobs as pushed. */
  layers?: { digest: string; size: number }[]
}

export interface HistoryEntry {
  CreatedBy: string
  Size: string
  Comment: string
  ID: string
}

/** Parse `docker [--debug] buildx inspect` text output. */
export function parseBuilderInspect(text: string): BuilderInfo {
  const get = (key: string) => text.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? ''
  const platforms = get('Platforms')
    .split(',')
    .map(p => p.replace('*', '').trim())
    .filter(Boolean)
  const driver = get('Driver')
  const buildkit = get('BuildKit version') || get('BuildKit') || undefined
  return { name: get('Name'), driver, platforms, buildkit, features: builderFeatures(text, driver, buildkit) }
}

/**
 * The builder's features: buildx's own list when it printed one (the `Features:` block of
 * `docker --debug buildx inspect`, buildx 0.13+), else inferred the way buildx itself decides:
 * the docker driver can export OCI and build multi-platform only on the containerd store (its
 * worker then carries a snapshotter label); the other drivers always can.
 */
export function builderFeatures(text: string, driver: string, buildkit?: string): BuilderFeatures {
  const listed = new Map<string, boolean>()
  const block = text.match(/^Features:\n((?:[ \t]+.*\n?)*)/m)?.[1] ?? ''
  for (const line of block.split('\n')) {
    const m = line.match(/^\s+(.+?):\s+(true|false)\s*$/)
    if (m) listed.set(m[1].toLowerCase(), m[2] === 'true')
  }
  const multipleExporters = buildkitAtLeast(buildkit, 0, 13, driver === 'docker')
  if (listed.has('oci exporter')) {
    return { ociExporter: listed.get('oci exporter')!, multiPlatform: listed.get('multi-platform build') ?? false, multipleExporters, source: 'buildx' }
  }
  const capable = driver !== 'docker' || /org\.mobyproject\.buildkit\.worker\.snapshotter:/.test(text)
  return { ociExporter: capable, multiPlatform: capable, multipleExporters, source: 'inferred' }
}

/**
 * Whether a BuildKit version is at least major.minor. Versions the build did not stamp
 * (`v0.0.0+unknown`, distribution builds of the engine) count as recent when `unknownIsRecent`
 * (the docker driver: its BuildKit is the engine's, and an engine with the buildx this needs has 0.13+).
 */
export function buildkitAtLeast(version: string | undefined, major: number, minor: number, unknownIsRecent: boolean): boolean {
  const m = version?.match(/^v?(\d+)\.(\d+)\.(\d+)/)
  if (!m || (m[1] === '0' && m[2] === '0' && m[3] === '0')) return unknownIsRecent
  const [maj, min] = [Number(m[1]), Number(m[2])]
  return maj > major || (maj === major && min >= minor)
}

function firstLine(s: string): string {
  return (s.split('\n').find(l => l.trim()) ?? '').trim()
}
