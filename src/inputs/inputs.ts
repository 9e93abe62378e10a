/**
 * The one typed `Inputs` object, read and validated once. Keys are action.yml's kebab-case names.
 * `readInputs` takes a getter so the action (core.getInput) and the CLI (flags) share it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { type AllowRule, type Severity } from '../audit/index.js'
import { parseIncrease, parseSize, type Increase } from '../size/units.js'
import { defaultProvenance, readAttestEnvironment, resolveProvenanceAttrs, resolveProvenanceInput, hasAttestationType } from './attest.js'
import { readList, type ListInput } from './list.js'
import { parseSecrets, type Secret } from './secrets.js'
import { parseAllow, parseFailOn } from './audit-options.js'

/** The comment input: `auto` comments on pull requests only. */
export type CommentMode = 'auto' | 'true' | 'false'

export interface Inputs {
  context: string
  /** Absolute path of the Dockerfile. */
  file: string
  /** Runner stage; '' means the last stage. */
  target: string
  /** Test stage built first as a gate; '' means none. */
  'test-target': string
  'build-args': string[]
  'build-contexts': string[]
  labels: string[]
  tags: string[]
  push: boolean
  load: boolean
  platforms: string[]
  builder: string
  pull: boolean
  'no-cache': boolean
  'cache-from': string[]
  'cache-to': string[]
  secrets: Secret[]
  'github-token': string
  'require-non-root': boolean
  'forbid-toolchains': boolean
  'audit-allow': AllowRule[]
  'fail-on': Severity
  'max-size'?: number
  'max-increase'?: Increase
  /** Absolute path of an earlier run's JSON report; '' when not given. */
  'baseline-report': string
  'baseline-image': string
  comment: CommentMode
  /** '' means derived from the Dockerfile path and target. */
  'comment-key': string
  'check-name': string
  /** Raw; resolved against the Dockerfile's cache mounts once it is parsed. */
  'cache-mounts': string
  'cache-key-files': string
  'cache-dir': string
  // docker/build-push-action's inputs, read with BPA's formats (see the README's migration table).
  'add-hosts': string[]
  allow: string[]
  annotations: string[]
  /** As BPA resolves them: a provenance line gets the run URL as builder-id. */
  attests: string[]
  /** Evaluation method and options (`check`, `check,format=json`); '' is a normal build. */
  call: string
  'cgroup-parent': string
  network: string
  'no-cache-filters': string[]
  /** Extra exporters, beside the image Stagecraft loads or pushes and audits. */
  outputs: string[]
  /** As BPA resolves it: '' (not given), 'false', or attributes with the run URL as builder-id. */
  provenance: string
  /** BPA's default provenance for this run ('' outside Actions or when turned off); see attest.ts. */
  'provenance-default': string
  sbom: string
  'shm-size': string
  ssh: string[]
  ulimit: string[]
}

export type InputGetter = (name: string) => string

/** BPA's Git-context placeholder, optionally with a subdirectory: `{{defaultContext}}:app`. */
const DEFAULT_CONTEXT = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/

/** A list input read with BPA's CSV rules for it (see list.ts); values only. */
export function listInput(name: ListInput, raw: string): string[] {
  return readList(name, raw).map(i => i.value)
}

/** YAML 1.2 core-schema booleans, like core.getBooleanInput, but empty means `fallback`. */
export function parseBool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim()
  if (v === '') return fallback
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new InputError(name, `expected true or false, got "${v}"`)
}

/** True for contexts BuildKit fetches itself (git, https, tarball URLs) rather than a local dir. */
export function isRemoteContext(ctx: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(ctx)
}

function keyValueLines(name: ListInput, raw: string, what: string): string[] {
  return readList(name, raw).map(({ value, line }) => {
    if (value.indexOf('=') <= 0) throw new InputError(name, `line ${line}: expected ${what}, got "${value}"`)
    return value
  })
}

/** Read every input, validate what can be validated without the engine, return `Inputs`. */
export function readInputs(
  getRaw: InputGetter,
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; mask?: (secret: string) => void } = {}
): Inputs {
  const env = opts.env ?? process.env
  const cwd = opts.cwd ?? process.cwd()
  // The getter may hand values untrimmed (BPA keeps `secrets` byte for byte); every other input is trimmed.
  const get: InputGetter = name => getRaw(name).trim()
  // BPA's `{{defaultContext}}` is the Git ref being built; Stagecraft builds the checked-out
  // workspace at that ref, so `{{defaultContext}}:sub` is the directory `sub` of the workspace.
  const gitContext = DEFAULT_CONTEXT.exec(get(Input.Context))
  const context = gitContext ? gitContext[1]?.trim() || '.' : get(Input.Context) || '.'
  const remote = isRemoteContext(context)
  const contextDir = remote ? cwd : path.resolve(cwd, context)
  if (!remote && !fs.existsSync(contextDir)) {
    throw new InputError(Input.Context, `directory not found: ${context}`)
  }
  const fileRaw = get(Input.File).trim()
  // With BPA's Git context, `file` is a path inside that context, not the workspace.
  const file = fileRaw ? path.resolve(gitContext ? contextDir : cwd, fileRaw) : path.join(contextDir, 'Dockerfile')
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new InputError(Input.File, `Dockerfile not found: ${fileRaw || path.relative(cwd, file) || file}`)
  }
  const push = parseBool(Input.Push, get(Input.Push), false)
  const load = parseBool(Input.Load, get(Input.Load), false)
  const platforms = listInput('platforms', get(Input.Platforms))
  for (const p of platforms) {
    if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p)) {
      throw new InputError(Input.Platforms, `expected os/arch[/variant] such as linux/amd64, got "${p}"`)
    }
  }
  if (load && platforms.length > 1) {
    throw new InputError(Input.Load, 'cannot load a multi-platform image into the engine; drop load or use one platform')
  }
  const secrets = parseSecrets(
    { secrets: getRaw(Input.Secrets), secretFiles: get(Input.SecretFiles), secretEnvs: get(Input.SecretEnvs) },
    env,
    cwd,
    opts.mask
  )
  return {
    context,
    file,
    target: get(Input.Target).trim(),
    'test-target': get(Input.TestTarget).trim(),
    'build-args': keyValueLines('build-args', get(Input.BuildArgs), 'NAME=value'),
    'build-contexts': keyValueLines('build-contexts', get(Input.BuildContexts), 'name=path-or-image').map(c =>
      c.replace(/\{\{\s*defaultContext\s*\}\}(?::([^,\s]*))?/g, (_m, sub?: string) => sub || '.')
    ),
    labels: keyValueLines('labels', get(Input.Labels), 'key=value'),
    tags: listInput('tags', get(Input.Tags)),
    push,
    load,
    platforms,
    builder: get(Input.Builder).trim(),
    pull: parseBool(Input.Pull, get(Input.Pull), false),
    'no-cache': parseBool(Input.NoCache, get(Input.NoCache), false),
    'cache-from': listInput('cache-from', get(Input.CacheFrom)),
    'cache-to': listInput('cache-to', get(Input.CacheTo)),
    secrets,
    'github-token': get(Input.GithubToken),
    ...readAuditInputs(get, cwd),
    comment: parseCommentMode(get(Input.Comment)),
    'comment-key': get(Input.CommentKey).trim(),
    'check-name': get(Input.CheckName).trim(),
    'cache-mounts': get(Input.CacheMounts).trim(),
    'cache-key-files': get(Input.CacheKeyFiles),
    'cache-dir': get(Input.CacheDir).trim(),
    ...readBuildxInputs(get, env, cwd)
  }
}

type BuildxInputs = Pick<
  Inputs,
  | 'add-hosts'
  | 'allow'
  | 'annotations'
  | 'attests'
  | 'call'
  | 'cgroup-parent'
  | 'network'
  | 'no-cache-filters'
  | 'outputs'
  | 'provenance'
  | 'provenance-default'
  | 'sbom'
  | 'shm-size'
  | 'ssh'
  | 'ulimit'
>

/** buildx's RAMInBytes units (`2g`, `512m`, `1.5GiB`, `67108864`). */
const SIZE = /^\d+(\.\d+)? ?[kKmMgGtTpP]?[iI]?[bB]?$/
const CALL_METHODS = ['build', 'check', 'outline', 'targets']

/** BPA's inputs that map straight to buildx flags, with the checks buildx would fail on late. */
function readBuildxInputs(get: InputGetter, env: NodeJS.ProcessEnv, cwd: string): BuildxInputs {
  const attestEnv = readAttestEnvironment(env)
  const addHosts = listInput('add-hosts', get(Input.AddHosts))
  for (const h of addHosts) {
    if (!/^[^\s:=]+[:=]\S+$/.test(h)) throw new InputError(Input.AddHosts, `expected host:ip (e.g. docker:10.180.0.1), got "${h}"`)
  }
  const network = get(Input.Network)
  if (network && !/^[A-Za-z0-9_.:-]+$/.test(network)) {
    throw new InputError(Input.Network, `expected a network mode such as default, none or host, got "${network}"`)
  }
  const shm = get(Input.ShmSize)
  if (shm && !SIZE.test(shm)) throw new InputError(Input.ShmSize, `expected a size such as 2g or 512m, got "${shm}"`)
  const ulimit = listInput('ulimit', get(Input.Ulimit))
  for (const u of ulimit) {
    if (!/^[a-z]+=-?\d+(:-?\d+)?$/.test(u)) throw new InputError(Input.Ulimit, `expected name=soft[:hard] (e.g. nofile=1024:1024), got "${u}"`)
  }
  const call = get(Input.Call)
  const method = call.split(',')[0].trim()
  if (call && !CALL_METHODS.includes(method)) {
    throw new InputError(Input.Call, `expected one of ${CALL_METHODS.join(', ')} (with options after a comma), got "${call}"`)
  }
  const attests = listInput('attests', get(Input.Attests)).map(a =>
    hasAttestationType('provenance', a) ? resolveProvenanceAttrs(a, attestEnv.builderId) : a
  )
  return {
    'add-hosts': addHosts,
    allow: listInput('allow', get(Input.Allow)),
    annotations: listInput('annotations', get(Input.Annotations)),
    attests,
    call: method === 'build' && !call.includes(',') ? '' : call,
    'cgroup-parent': get(Input.CgroupParent),
    network,
    'no-cache-filters': listInput('no-cache-filters', get(Input.NoCacheFilters)),
    outputs: listInput('outputs', get(Input.Outputs)),
    provenance: resolveProvenanceInput(get(Input.Provenance), attestEnv.builderId),
    'provenance-default': defaultProvenance(attests, attestEnv),
    sbom: get(Input.Sbom),
    'shm-size': shm,
    ssh: readSsh(listInput('ssh', get(Input.Ssh)), env, cwd),
    ulimit
  }
}

/**
 * `ssh` entries as buildx takes them: `default` (the agent at SSH_AUTH_SOCK), `id=SOCKET_OR_KEY`
 * or `id=KEY,KEY`. Paths must exist; relative ones are resolved against the workspace. Only paths
 * are ever named in an error, never key material.
 */
function readSsh(items: string[], env: NodeJS.ProcessEnv, cwd: string): string[] {
  return items.map(item => {
    const eq = item.indexOf('=')
    const id = eq < 0 ? item : item.slice(0, eq)
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
      throw new InputError(Input.Ssh, `expected default, id or id=path-to-agent-socket-or-key, got an entry whose id is not a name`)
    }
    if (eq < 0) {
      if (!env.SSH_AUTH_SOCK) {
        throw new InputError(Input.Ssh, `"${id}" forwards the ssh agent at SSH_AUTH_SOCK, which is not set: start an agent first, or give ${id}=path/to/key`)
      }
      return item
    }
    const paths = item.slice(eq + 1).split(',')
    const abs = paths.map(p => {
      const a = path.resolve(cwd, p.trim())
      if (!p.trim() || !fs.existsSync(a)) throw new InputError(Input.Ssh, `${id}: no agent socket or key file at "${p.trim()}"`)
      return a
    })
    return `${id}=${abs.join(',')}`
  })
}

/** The audit and size inputs: all that `stagecraft audit IMAGE` needs (no Dockerfile, no build). */
export type AuditInputs = Pick<
  Inputs,
  'require-non-root' | 'forbid-toolchains' | 'audit-allow' | 'fail-on' | 'max-size' | 'max-increase' | 'baseline-report' | 'baseline-image'
>

export function readAuditInputs(get: InputGetter, cwd = process.cwd()): AuditInputs {
  return {
    'require-non-root': parseBool(Input.RequireNonRoot, get(Input.RequireNonRoot), true),
    'forbid-toolchains': parseBool(Input.ForbidToolchains, get(Input.ForbidToolchains), true),
    'audit-allow': parseAllow(get(Input.AuditAllow).split(/\r?\n/)),
    'fail-on': get(Input.FailOn).trim() ? parseFailOn(get(Input.FailOn)) : 'error',
    'max-size': get(Input.MaxSize).trim() ? parseSize(Input.MaxSize, get(Input.MaxSize)) : undefined,
    'max-increase': get(Input.MaxIncrease).trim() ? parseIncrease(Input.MaxIncrease, get(Input.MaxIncrease)) : undefined,
    'baseline-report': baselineReport(get(Input.BaselineReport), cwd),
    'baseline-image': get(Input.BaselineImage).trim()
  }
}

function parseCommentMode(value: string): CommentMode {
  const v = value.trim().toLowerCase()
  if (v === '' || v === 'auto') return 'auto'
  if (v === 'true' || v === 'false') return v
  throw new InputError(Input.Comment, `expected auto, true or false, got "${value.trim()}"`)
}

function baselineReport(value: string, cwd: string): string {
  const v = value.trim()
  if (!v) return ''
  const abs = path.resolve(cwd, v)
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new InputError(Input.BaselineReport, `file not found: ${v}`)
  return abs
}
