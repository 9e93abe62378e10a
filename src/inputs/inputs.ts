/**
 * The one typed `Inputs` object, read and validated once. Keys are action.yml's kebab-case names.
 * `readInputs` takes a getter so the action (core.getInput) and the CLI (flags) share it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { parseAllow, parseFailOn, type AllowRule, type Severity } from '../audit/index.js'
import type { CommentMode } from '../github/publish.js'
import { parseIncrease, parseSize, type Increase } from '../size/units.js'
import { parseSecrets, type Secret } from './secrets.js'

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
}

export type InputGetter = (name: string) => string

/** Split a list input on newlines (and commas unless `ignoreComma`), trimmed, empties dropped. */
export function parseList(value: string, ignoreComma = false): string[] {
  return value
    .split(ignoreComma ? /\r?\n/ : /\r?\n|,/)
    .map(s => s.trim())
    .filter(s => s.length > 0 && !s.startsWith('#'))
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

function keyValueLines(name: string, lines: string[], what: string): string[] {
  lines.forEach((l, i) => {
    if (l.indexOf('=') <= 0) throw new InputError(name, `line ${i + 1}: expected ${what}, got "${l}"`)
  })
  return lines
}

/** Read every input, validate what can be validated without the engine, return `Inputs`. */
export function readInputs(
  get: InputGetter,
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; mask?: (secret: string) => void } = {}
): Inputs {
  const env = opts.env ?? process.env
  const cwd = opts.cwd ?? process.cwd()
  const context = get(Input.Context).trim() || '.'
  const remote = isRemoteContext(context)
  const contextDir = remote ? cwd : path.resolve(cwd, context)
  if (!remote && !fs.existsSync(contextDir)) {
    throw new InputError(Input.Context, `directory not found: ${context}`)
  }
  const fileRaw = get(Input.File).trim()
  const file = fileRaw ? path.resolve(cwd, fileRaw) : path.join(contextDir, 'Dockerfile')
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new InputError(Input.File, `Dockerfile not found: ${fileRaw || path.relative(cwd, file) || file}`)
  }
  const push = parseBool(Input.Push, get(Input.Push), false)
  const load = parseBool(Input.Load, get(Input.Load), false)
  const platforms = parseList(get(Input.Platforms))
  for (const p of platforms) {
    if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p)) {
      throw new InputError(Input.Platforms, `expected os/arch[/variant] such as linux/amd64, got "${p}"`)
    }
  }
  if (load && platforms.length > 1) {
    throw new InputError(Input.Load, 'cannot load a multi-platform image into the engine; drop load or use one platform')
  }
  const secrets = parseSecrets(
    { secrets: get(Input.Secrets), secretFiles: get(Input.SecretFiles), secretEnvs: get(Input.SecretEnvs) },
    env,
    cwd,
    opts.mask
  )
  return {
    context,
    file,
    target: get(Input.Target).trim(),
    'test-target': get(Input.TestTarget).trim(),
    'build-args': keyValueLines(Input.BuildArgs, parseList(get(Input.BuildArgs), true), 'NAME=value'),
    'build-contexts': keyValueLines(Input.BuildContexts, parseList(get(Input.BuildContexts), true), 'name=path-or-image'),
    labels: keyValueLines(Input.Labels, parseList(get(Input.Labels), true), 'key=value'),
    tags: parseList(get(Input.Tags)),
    push,
    load,
    platforms,
    builder: get(Input.Builder).trim(),
    pull: parseBool(Input.Pull, get(Input.Pull), false),
    'no-cache': parseBool(Input.NoCache, get(Input.NoCache), false),
    'cache-from': parseList(get(Input.CacheFrom), true),
    'cache-to': parseList(get(Input.CacheTo), true),
    secrets,
    'github-token': get(Input.GithubToken),
    ...readAuditInputs(get, cwd),
    comment: parseCommentMode(get(Input.Comment)),
    'comment-key': get(Input.CommentKey).trim(),
    'check-name': get(Input.CheckName).trim(),
    'cache-mounts': get(Input.CacheMounts).trim(),
    'cache-key-files': get(Input.CacheKeyFiles),
    'cache-dir': get(Input.CacheDir).trim()
  }
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
