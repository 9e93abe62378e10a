/**
 * The build record, decided as build-push-action v7 decides it (pure): BPA's environment switches
 * (DOCKER_BUILD_SUMMARY, DOCKER_BUILD_RECORD_UPLOAD, DOCKER_BUILD_RECORD_RETENTION_DAYS, and the
 * parser DOCKER_BUILD_CHECKS_ANNOTATIONS shares), when a record is exported (`docker buildx history
 * export`, buildx ≥ 0.23) and uploaded as an artifact, and what the file is called.
 */
import { InputError } from '../errors.js'
import { versionAtLeast } from '../docker/builder.js'

/** The buildx that has `history export` (BPA: "Build summary requires Buildx >= 0.23.0"). */
export const HISTORY_EXPORT_BUILDX = '0.23.0'
/** From this buildx on, `history export --finalize` waits for the record; before it BPA waits 3 s. */
export const HISTORY_FINALIZE_BUILDX = '0.24.0'
/** How long BPA waits for BuildKit to finalize a record when buildx has no `--finalize`. */
export const FINALIZE_WAIT_MS = 3000

const TRUE = ['1', 't', 'T', 'true', 'TRUE', 'True']
const FALSE = ['0', 'f', 'F', 'false', 'FALSE', 'False']

/**
 * A boolean environment switch as BPA reads it: unset or empty is `fallback`; the values Go's
 * strconv.ParseBool takes; anything else is an error naming the variable.
 */
export function envSwitch(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const v = env[name] ?? ''
  if (v === '') return fallback
  if (TRUE.includes(v)) return true
  if (FALSE.includes(v)) return false
  throw new InputError(name, `expected true or false, got "${v}"`)
}

/** BPA's record switches, as the environment sets them. */
export interface RecordSwitches {
  /** DOCKER_BUILD_SUMMARY (default true): the build summary and with it the build record. */
  summary: boolean
  /** DOCKER_BUILD_RECORD_UPLOAD (default true): upload the record as an artifact. */
  upload: boolean
  /** DOCKER_BUILD_RECORD_RETENTION_DAYS, raw (parsed only when a record is uploaded, as BPA does). */
  retentionDays: string
}

/** Read the switches; a value that is not a boolean is an InputError naming the variable (BPA fails the step too). */
export function readRecordSwitches(env: NodeJS.ProcessEnv): RecordSwitches {
  return {
    summary: envSwitch(env, 'DOCKER_BUILD_SUMMARY', true),
    upload: envSwitch(env, 'DOCKER_BUILD_RECORD_UPLOAD', true),
    retentionDays: env.DOCKER_BUILD_RECORD_RETENTION_DAYS ?? ''
  }
}

/**
 * DOCKER_BUILD_RECORD_RETENTION_DAYS as BPA parses it (parseInt: a leading integer, `7d` is 7);
 * undefined when unset (the repository's default retention). Not a number: an error naming it.
 */
export function parseRetentionDays(raw: string): number | undefined {
  if (!raw) return undefined
  const n = parseInt(raw, 10)
  if (Number.isNaN(n)) throw new InputError('DOCKER_BUILD_RECORD_RETENTION_DAYS', `expected a number of days, got "${raw}"`)
  return n
}

/** GitHub Enterprise Server, as @actions/artifact tells it (github.com, *.ghe.com and *.localhost are not). */
export function isGhes(serverUrl: string): boolean {
  let host: string
  try {
    host = new URL(serverUrl).hostname.trimEnd().toUpperCase()
  } catch {
    return false
  }
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST')
}

/** BPA's version check: at least `min`, or a development build named by a 7-hex commit. */
export function buildxSatisfies(buildx: string, min: string): boolean {
  return /^[0-9a-f]{7}$/.test(buildx.replace(/^v/, '')) || versionAtLeast(buildx, min)
}

export interface RecordFacts {
  switches: RecordSwitches
  /** The `call` input ('' or `build` build; anything else is a subrequest). */
  call: string
  /** GITHUB_SERVER_URL. */
  serverUrl: string
  /** `docker buildx version` (e.g. `0.29.1+ds1`); undefined when the engine was never reached. */
  buildx?: string
  /** Refs (`builder/node/id`) of the builds this run made, oldest first. */
  refs: string[]
}

/** What to do about the build record: skip it (with BPA's info line) or export it, then maybe upload it. */
export type RecordPlan =
  | { action: 'skip'; reason: string }
  | {
      action: 'export'
      refs: string[]
      /** Pass `--finalize` (buildx ≥ 0.24); else wait FINALIZE_WAIT_MS first. */
      finalize: boolean
      /** Upload it as an artifact (DOCKER_BUILD_RECORD_UPLOAD). */
      upload: boolean
    }

/** BPA's "Check build summary support" decision, in its order and with its messages. */
export function planRecord(f: RecordFacts): RecordPlan {
  const skip = (reason: string): RecordPlan => ({ action: 'skip', reason })
  if (!f.switches.summary) return skip('Build summary disabled')
  if (f.call && f.call !== 'build') return skip(`Build summary skipped for ${f.call} subrequest`)
  if (isGhes(f.serverUrl)) return skip('Build summary is not yet supported on GHES')
  if (!f.buildx || !buildxSatisfies(f.buildx, HISTORY_EXPORT_BUILDX)) return skip(`Build summary requires Buildx >= ${HISTORY_EXPORT_BUILDX}`)
  if (f.refs.length === 0) return skip('Build summary requires a build reference')
  return { action: 'export', refs: f.refs, finalize: buildxSatisfies(f.buildx, HISTORY_FINALIZE_BUILDX), upload: f.switches.upload }
}

/** `builder/node/id` → its parts; undefined unless it has exactly three. */
export function splitRef(ref: string): { builder: string; node: string; id: string } | undefined {
  const p = ref.split('/')
  return p.length === 3 && p.every(Boolean) ? { builder: p[0], node: p[1], id: p[2] } : undefined
}

/**
 * The record's file (and artifact) name as BPA names it: `OWNER~REPO~ID6.dockerbuild`, the first
 * ref's id cut to 6 characters and upper-cased, `+N` when it holds N more records.
 */
export function recordFileName(owner: string, repo: string, ids: string[]): string {
  const more = ids.length > 1 ? `+${ids.length - 1}` : ''
  return `${owner}~${repo}~${ids[0].substring(0, 6).toUpperCase()}${more}.dockerbuild`
}

/** The build's ref from buildx's metadata file (`buildx.build.ref`), if it has one. */
export function refFromMetadata(metadata: string | undefined): string | undefined {
  if (!metadata) return undefined
  try {
    const ref = (JSON.parse(metadata) as Record<string, unknown>)['buildx.build.ref']
    return typeof ref === 'string' && splitRef(ref) ? ref : undefined
  } catch {
    return undefined
  }
}

/** A size as BPA's summary shows it (1024-based: `1.5 KB`). */
export function formatFileSize(bytes: number): string {
  if (bytes <= 0) return '0 Bytes'
  const units = ['Bytes', 'KB', 'MB', 'GB', 'TB']
  const i = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)))
  return `${parseFloat((bytes / 1024 ** i).toFixed(2))} ${units[i]}`
}
