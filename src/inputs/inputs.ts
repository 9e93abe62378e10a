/**
 * The one typed `Inputs` object, read and validated once. Keys are action.yml's kebab-case names.
 * `readInputs` takes a getter so the action (core.getInput) and the CLI (flags) share it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import { errorMessage, InputError } from '../errors.js'
import type { AllowRule, Severity } from '../audit/types.js'
import { parseIncrease, parseSize, type Increase } from '../size/units.js'
import { parseAllow, parseFailOn } from './audit-options.js'
import { readBuildxInputs } from './buildx.js'
import { namesTagOrDigest, repositoryOf } from '../image-ref.js'
import { pushByDigestOutput } from './outputs.js'
import { listInput, readList, type ListInput } from './list.js'
import { parseSecrets, type Secret, type UnresolvedSecret } from './secrets.js'

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
  /** Secret lines that parse but cannot be resolved: warnings, or an error when the Dockerfile mounts the id (see resolvePlan). */
  'secrets-unresolved': UnresolvedSecret[]
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
export function readInputs(getRaw: InputGetter, opts: { env?: NodeJS.ProcessEnv; cwd?: string; mask?: (secret: string) => void } = {}): Inputs {
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
  const { secrets, unresolved } = parseSecrets(
    { secrets: getRaw(Input.Secrets), secretFiles: get(Input.SecretFiles), secretEnvs: get(Input.SecretEnvs) },
    env,
    cwd,
    opts.mask
  )
  const tags = listInput('tags', get(Input.Tags))
  const buildx = readBuildxInputs(get, env, cwd)
  checkPart(tags, buildx.outputs)
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
    tags,
    push,
    load,
    platforms,
    builder: get(Input.Builder).trim(),
    pull: parseBool(Input.Pull, get(Input.Pull), false),
    'no-cache': parseBool(Input.NoCache, get(Input.NoCache), false),
    'cache-from': listInput('cache-from', get(Input.CacheFrom)),
    'cache-to': listInput('cache-to', get(Input.CacheTo)),
    secrets,
    'secrets-unresolved': unresolved,
    'github-token': get(Input.GithubToken),
    ...readAuditInputs(get, cwd),
    comment: parseCommentMode(get(Input.Comment)),
    'comment-key': get(Input.CommentKey).trim(),
    'check-name': get(Input.CheckName).trim(),
    'cache-mounts': get(Input.CacheMounts).trim(),
    'cache-key-files': get(Input.CacheKeyFiles),
    'cache-dir': get(Input.CacheDir).trim(),
    ...buildx
  }
}

/**
 * A part of a split build (an output pushed by digest) names the repository it pushes to and is
 * tagged by nobody but the merge. buildx hands `tags` to the exporter as its names, so a repository
 * there (the docs recipe's `tags: REGISTRY_IMAGE`) names the part; a tag or digest would never be
 * pushed as one, so it is refused rather than silently dropped.
 */
function checkPart(tags: string[], outputs: string[]): void {
  let part: ReturnType<typeof pushByDigestOutput>
  try {
    part = pushByDigestOutput(outputs, tags)
  } catch (e) {
    throw new InputError(Input.Outputs, `not a CSV attribute list (${errorMessage(e)})`)
  }
  if (!part) return
  if (!part.name) {
    throw new InputError(Input.Outputs, `"${part.line}" pushes by digest but names no repository: add name=REGISTRY/IMAGE or set tags: REGISTRY/IMAGE`)
  }
  const tagged = tags.filter(namesTagOrDigest)
  if (tagged.length) {
    throw new InputError(
      Input.Tags,
      `a part of a split build (outputs: push-by-digest=true) is not tagged: give tags the repository only (e.g. "${repositoryOf(tagged[0])}") and the tags to the merge step (mode: merge), got "${tagged.join(', ')}"`
    )
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

/** `mode: audit`: an image read from its registry, its optional Dockerfile, and what publishing needs. No build input. */
export type RegistryAuditInputs = AuditInputs &
  Pick<Inputs, 'target' | 'github-token' | 'comment' | 'comment-key' | 'check-name' | 'cache-dir'> & {
    /** The image reference as given (NAME@DIGEST or NAME:TAG), checked by the registry gateway. */
    image: string
    /** The Dockerfile (absolute) for findings on its lines; empty: none. */
    file: string
  }

/** Read and validate the inputs of `mode: audit`. */
export function readRegistryAuditInputs(getRaw: InputGetter, cwd = process.cwd()): RegistryAuditInputs {
  const get: InputGetter = name => getRaw(name).trim()
  const image = get(Input.Image)
  if (!image) throw new InputError(Input.Image, 'required with mode: audit (the image to audit, e.g. ghcr.io/org/app@sha256:… or ghcr.io/org/app:1.2)')
  const fileRaw = get(Input.File)
  const file = fileRaw ? path.resolve(cwd, fileRaw) : ''
  if (file && (!fs.existsSync(file) || !fs.statSync(file).isFile())) throw new InputError(Input.File, `Dockerfile not found: ${fileRaw}`)
  return {
    ...readAuditInputs(get, cwd),
    image,
    file,
    target: get(Input.Target),
    'github-token': get(Input.GithubToken),
    comment: parseCommentMode(get(Input.Comment)),
    'comment-key': get(Input.CommentKey),
    'check-name': get(Input.CheckName),
    'cache-dir': get(Input.CacheDir)
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
