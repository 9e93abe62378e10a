/**
 * The gateway to the Docker engine and buildx: the only module that runs `docker`.
 * Everything else receives a `Docker` and gets data back.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { EnvironmentError } from '../errors.js'
import { parseBuilderInspect, type BuilderInfo } from './builder.js'
import { saveViaApi, saveViaCli } from './save.js'
import { TailText } from '../log.js'
import { trackChild } from './children.js'
import { firstLine, LOG_TAIL_CHARS, MAX_LINE_CHARS, seconds, STDERR_TAIL_CHARS } from './text.js'

export interface RunResult {
  exitCode: number
  /** All of stdout when it is data (`stdout: 'data'`); only its last LOG_TAIL_CHARS when it is a log. */
  stdout: string
  /** The last STDERR_TAIL_CHARS of stderr (what error messages quote; the whole log streamed to `onLine`). */
  stderr: string
}

export interface StreamOptions {
  /** Extra environment for the child (merged over process.env); used for `--secret env=`. */
  env?: Record<string, string>
  /** Called for every line the command prints on stderr, and on stdout when it is a log, as it arrives. */
  onLine?: (line: string) => void
  /**
   * What stdout is: `data` the caller parses (kept whole, not given to `onLine`) or a `log`
   * (streamed to `onLine`, only its tail kept). Default: `log` when there is an `onLine`, else `data`.
   */
  stdout?: 'data' | 'log'
  /** Stop the call and fail with a message naming it after this long (none: no limit). */
  timeoutMs?: number
}

/** Low-level process runner; swappable so pure callers can be unit-tested without an engine. */
export type Runner = (args: string[], opts?: StreamOptions) => Promise<RunResult>

/**
 * Run `docker ARGS`, streaming whole lines to `onLine` (decoded across chunk boundaries, so a
 * multibyte character split between two reads stays whole) and keeping bounded tails of the logs:
 * a build's output of any size costs the same memory. Never throws on a non-zero exit; a missing
 * docker CLI is an EnvironmentError, and so is a call that outlives its `timeoutMs` (it is
 * stopped, and the error names the call). The child is tracked, so a cancelled run stops it.
 */
export const runDocker: Runner = (args, opts = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    trackChild(child)
    const stdoutIsLog = (opts.stdout ?? (opts.onLine ? 'log' : 'data')) === 'log'
    const data: string[] = []
    const outTail = new TailText(LOG_TAIL_CHARS)
    const errTail = new TailText(STDERR_TAIL_CHARS)
    const o = stdoutIsLog ? lineSplitter(opts.onLine, t => outTail.push(t)) : lineSplitter(undefined, t => data.push(t))
    const e = lineSplitter(opts.onLine, t => errTail.push(t))
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
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        reject(new EnvironmentError('docker CLI not found on PATH; install the docker client (see scripts/setup-engine.sh)'))
      else reject(error)
    })
    child.on('close', code => {
      if (timer) clearTimeout(timer)
      if (settled) return
      settled = true
      o.flush()
      e.flush()
      resolve({ exitCode: code ?? 1, stdout: stdoutIsLog ? outTail.get() : data.join(''), stderr: errTail.get() })
    })
  })

/**
 * Decode output chunks as UTF-8 (a character split between chunks stays whole) and hand each
 * whole line to `onLine` (CRLF or LF; the last line on flush); `onText` gets the decoded text.
 * Only the new text is split: a long line arriving in many chunks costs linear time, not quadratic.
 * A line longer than `maxLine` is cut there (memory stays bounded with no newline in sight).
 */
export function lineSplitter(
  onLine: ((line: string) => void) | undefined,
  onText: (text: string) => void = () => {},
  maxLine = MAX_LINE_CHARS
): { feed: (chunk: Buffer) => void; flush: () => void } {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  let cut = 0
  const keep = (text: string) => {
    const room = maxLine - rest.length
    if (text.length <= room) rest += text
    else {
      rest += text.slice(0, Math.max(0, room))
      cut += text.length - Math.max(0, room)
    }
  }
  const emit = (line: string) => {
    const whole = line.endsWith('\r') ? line.slice(0, -1) : line
    onLine!(cut ? `${whole} [${cut} more characters of this line not shown]` : whole)
    cut = 0
  }
  const take = (text: string) => {
    onText(text)
    if (!onLine) return
    const parts = text.split('\n')
    keep(parts[0])
    if (parts.length === 1) return
    emit(rest)
    rest = ''
    const last = parts.pop() ?? ''
    for (let i = 1; i < parts.length; i++) {
      keep(parts[i])
      emit(rest)
      rest = ''
    }
    keep(last)
  }
  return {
    feed: chunk => take(decoder.write(chunk)),
    flush: () => {
      take(decoder.end())
      if ((rest || cut) && onLine) emit(rest)
      rest = ''
    }
  }
}

/** `buildx imagetools inspect`, `image inspect`: the command words of a docker call, for messages. */
export function callName(args: string[]): string {
  return args
    .filter(a => !a.startsWith('-'))
    .slice(0, 3)
    .join(' ')
}

/** How long the engine gets to answer a question (not a build: builds take what they take). */
export const QUERY_TIMEOUT_MS = 60_000
/** A registry round trip (imagetools). */
export const REGISTRY_TIMEOUT_MS = 120_000

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
    // The four questions at once (each is a CLI start, ~0.1-0.2 s); their answers are checked in
    // order, so the first problem is the one reported, as when they ran one after another.
    const settle = <T>(p: Promise<T>) =>
      p.then(
        value => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error })
      )
    const [v, bx, inspected, store] = await Promise.all([
      this.run(['version', '--format', '{{.Server.Version}}'], { timeoutMs: QUERY_TIMEOUT_MS }),
      this.run(['buildx', 'version'], { timeoutMs: QUERY_TIMEOUT_MS }),
      settle(this.builder(builder)),
      this.run(['info', '--format', '{{json .DriverStatus}}'], { timeoutMs: QUERY_TIMEOUT_MS })
    ])
    if (v.exitCode !== 0 || !v.stdout.trim()) {
      const why = firstLine(v.stderr) || 'no answer'
      throw new EnvironmentError(`no Docker engine reachable (${why}); start one, e.g. with scripts/setup-engine.sh`)
    }
    if (bx.exitCode !== 0) {
      throw new EnvironmentError('docker buildx is missing: install the buildx CLI plugin (see scripts/setup-engine.sh)')
    }
    if (!inspected.ok) throw inspected.error
    const info = inspected.value
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

  /**
   * Run `docker buildx build ARGS`; the log streams to `onLine` (only its tail is kept unless stdout is data).
   * BUILDX_METADATA_WARNINGS=true, as BPA sets it: buildx ≥ 0.15 puts the build checks in the metadata file.
   */
  buildx(args: string[], opts: StreamOptions = {}): Promise<RunResult> {
    return this.run(['buildx', 'build', ...args], { stdout: 'log', ...opts, env: { BUILDX_METADATA_WARNINGS: 'true', ...opts.env } })
  }

  /** `docker image inspect REF`, or undefined when the image is not in the local store. */
  async inspectImage(ref: string): Promise<ImageInspect | undefined> {
    const r = await this.run(['image', 'inspect', ref], { timeoutMs: QUERY_TIMEOUT_MS })
    if (r.exitCode !== 0) return undefined
    const parsed = JSON.parse(r.stdout) as ImageInspect[]
    return parsed[0]
  }

  /** A manifest or index as the registry serves it (`docker buildx imagetools inspect --raw`). */
  async registryManifest(ref: string): Promise<RegistryManifest> {
    return JSON.parse(await this.registryManifestText(ref)) as RegistryManifest
  }

  /** The bytes of a manifest or index as the registry serves it (`imagetools inspect --raw`): what its digest is the sha256 of. */
  async registryManifestText(ref: string): Promise<string> {
    const r = await this.run(['buildx', 'imagetools', 'inspect', '--raw', ref], { timeoutMs: REGISTRY_TIMEOUT_MS })
    if (r.exitCode !== 0) throw new EnvironmentError(`cannot read the manifest of ${ref} from its registry (${firstLine(r.stderr)})`)
    return r.stdout
  }

  /** `docker buildx imagetools create ARGS` (an index from manifests already in the registry); returns stdout (the index with --dry-run). */
  async imagetoolsCreate(args: string[]): Promise<string> {
    const r = await this.run(['buildx', 'imagetools', 'create', ...args], { timeoutMs: REGISTRY_TIMEOUT_MS, stdout: 'data' })
    if (r.exitCode !== 0)
      throw new EnvironmentError(`docker buildx imagetools create failed (${firstLine(r.stderr.split('\n').find(l => l.startsWith('ERROR')) ?? r.stderr)})`)
    return r.stdout
  }

  /**
   * `docker buildx history export`: the build records of `ids` (all on `builder`) into one
   * `.dockerbuild` file at `file`; `finalize` (buildx ≥ 0.24) waits for BuildKit to finish the records.
   */
  async historyExport(builder: string, ids: string[], file: string, finalize: boolean): Promise<void> {
    const args = ['buildx', 'history', 'export', '--builder', builder, '--output', file, ...(finalize ? ['--finalize'] : []), ...ids]
    const r = await this.run(args, { timeoutMs: REGISTRY_TIMEOUT_MS })
    if (r.exitCode !== 0) throw new EnvironmentError(`docker buildx history export failed (${firstLine(r.stderr) || `exit ${r.exitCode}`})`)
  }

  /** Refs (`builder/node/id`) of the build records `builder` keeps (`docker buildx history ls`); undefined when it cannot list them. */
  async historyRefs(builder: string): Promise<Set<string> | undefined> {
    const r = await this.run(['buildx', 'history', 'ls', '--builder', builder, '--format', 'json', '--no-trunc'], { timeoutMs: QUERY_TIMEOUT_MS })
    if (r.exitCode !== 0) return undefined
    const refs = new Set<string>()
    for (const line of r.stdout.split('\n')) {
      try {
        const ref = (JSON.parse(line) as { ref?: unknown }).ref
        if (typeof ref === 'string') refs.add(ref)
      } catch {
        // not a record line
      }
    }
    return refs
  }

  /**
   * Refs (`builder/node/id`) of the builds buildx started on `builder` since `since` from the build
   * context `context` (other clients of the same builder are not this run's), oldest first, from
   * buildx's local state (`$BUILDX_CONFIG` or `$DOCKER_CONFIG/buildx`, `refs/BUILDER/NODE/ID`, a
   * JSON file naming the LocalPath): how BPA finds a build that wrote no metadata (a failed one).
   */
  buildRefsSince(builder: string, since: Date, context: string): string[] {
    const root = path.join(buildxConfigDir(), 'refs', builder)
    const found: { ref: string; at: number }[] = []
    let nodes: string[]
    try {
      nodes = fs.readdirSync(root)
    } catch {
      return []
    }
    for (const node of nodes) {
      let ids: string[]
      try {
        ids = fs.readdirSync(path.join(root, node))
      } catch {
        continue
      }
      for (const id of ids) {
        const file = path.join(root, node, id)
        const st = fs.statSync(file, { throwIfNoEntry: false })
        if (!st?.isFile() || st.mtime < since) continue
        let local: unknown
        try {
          local = (JSON.parse(fs.readFileSync(file, 'utf8')) as { LocalPath?: unknown }).LocalPath
        } catch {
          continue
        }
        if (local === context) found.push({ ref: `${builder}/${node}/${id}`, at: st.mtimeMs })
      }
    }
    return found.sort((a, b) => a.at - b.at).map(f => f.ref)
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
  manifests?: { digest: string; platform?: { os: string; architecture: string; variant?: string }; annotations?: Record<string, string> }[]
  /** An image manifest: the layer blobs as pushed. */
  layers?: { digest: string; size: number }[]
}

/** buildx's own state directory: $BUILDX_CONFIG, else $DOCKER_CONFIG/buildx, else ~/.docker/buildx. */
export function buildxConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BUILDX_CONFIG) return env.BUILDX_CONFIG
  return path.join(env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'buildx')
}
