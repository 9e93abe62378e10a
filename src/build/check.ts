/**
 * The `call` input (BPA's `--call`): evaluate the build another way instead of building it.
 * `check` runs BuildKit's build checks; each warning becomes a finding on its Dockerfile line.
 * Pure: version gate, argv and the parser of `--call check,format=json` output.
 */
import type { Severity } from '../audit/types.js'
import type { Inputs } from '../inputs/inputs.js'
import { versionAtLeast } from '../docker/builder.js'
import { InputError } from '../errors.js'
import { buildArgs, type BuildRequest } from './args.js'

/** `--call` (and its `--check` shorthand) came with buildx 0.15.0. */
export const CALL_MIN_BUILDX = '0.15.0'

/** The method of a `call` value: `check` for `check,format=json`; `build` when empty. */
export function callMethod(call: string): string {
  return call.split(',')[0].trim() || 'build'
}

/** A one-line error when this buildx cannot run `call`; undefined when it can (or call is a build). */
export function callUnsupported(call: string, buildx: string): string | undefined {
  const method = callMethod(call)
  if (method === 'build' || versionAtLeast(buildx, CALL_MIN_BUILDX)) return undefined
  const why = method === 'check' ? ' (BuildKit build checks)' : ''
  return `call: "${method}" needs buildx ${CALL_MIN_BUILDX} or newer${why}; this runner has buildx ${buildx}`
}

/**
 * Argv for `docker buildx build` with `--call`: the shared flags of the test-stage build (so checks
 * see the same build args, contexts and secrets) without its exporter; `check` asks for JSON.
 */
export function callArgs(inputs: Inputs, req: Omit<BuildRequest, 'kind'>): string[] {
  const argv = buildArgs(inputs, { ...req, kind: 'test' })
  const out = argv.indexOf('--output')
  if (out >= 0 && argv[out + 1] === 'type=cacheonly') argv.splice(out, 2)
  const call = callMethod(inputs.call) === 'check' && !/format=/.test(inputs.call) ? `${inputs.call},format=json` : inputs.call
  return ['--call', call, ...argv]
}

/** One BuildKit build check result, as a finding. */
export interface CheckFinding {
  /** `build-check/<RuleName>`, e.g. `build-check/JSONArgsRecommended`. */
  rule: string
  severity: Severity
  message: string
  /** 1-based Dockerfile line; undefined for a check about the whole file. */
  line?: number
  /** Dockerfile the check is about (the source's file name). */
  file?: string
  /** The rule's documentation (https://docs.docker.com/go/dockerfile/rule/<kebab-rule>/). */
  url?: string
  /** What the rule asks for in general (BuildKit's rule description), when buildx gave it. */
  description?: string
}

interface LintJson {
  warnings?: {
    ruleName: string
    description?: string
    url?: string
    detail?: string
    location?: { sourceIndex?: number; ranges?: { start?: { line?: number } }[] }
  }[]
  sources?: { filename?: string }[]
  buildError?: { message: string; location?: { sourceIndex?: number; ranges?: { start?: { line?: number } }[] } }
}

/**
 * Parse buildx's `--call check,format=json` stdout (BuildKit's `lint.LintResults`: `warnings`
 * with ruleName/description/url/detail/location, `sources`, optional `buildError`). Each warning
 * is a `warning` finding; a build error (e.g. with `# check=error=true`) is an `error` one.
 */
export function parseCheckResult(stdout: string): CheckFinding[] {
  const start = stdout.indexOf('{')
  if (start < 0) throw new Error('build checks printed no JSON result')
  const r = JSON.parse(stdout.slice(start)) as LintJson
  const where = (loc?: { sourceIndex?: number; ranges?: { start?: { line?: number } }[] }) => {
    // protobuf JSON omits a zero sourceIndex; -1 means "no source".
    const idx = loc ? (loc.sourceIndex ?? 0) : -1
    const line = loc?.ranges?.[0]?.start?.line
    return { line: line && line > 0 ? line : undefined, file: idx >= 0 ? r.sources?.[idx]?.filename : undefined }
  }
  const out: CheckFinding[] = (r.warnings ?? []).map(w => ({
    rule: `build-check/${w.ruleName}`,
    severity: 'warning',
    message: `${w.detail || w.description || w.ruleName}${w.url ? ` (${w.url})` : ''}`,
    ...where(w.location),
    url: w.url,
    description: w.description
  }))
  if (r.buildError) out.push({ rule: 'build-check/error', severity: 'error', message: r.buildError.message, ...where(r.buildError.location) })
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/** The link BuildKit gives a Dockerfile check: `JSONArgsRecommended` → …/rule/json-args-recommended/. */
export function checkRuleUrl(ruleName: string): string {
  const kebab = ruleName
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
  return `https://docs.docker.com/go/dockerfile/rule/${kebab}/`
}

/** One entry of `buildx.build.warnings` (buildx ≥ 0.15 writes them when BUILDX_METADATA_WARNINGS=true). */
interface MetadataWarning {
  /** base64 of "Rule: message (line N)". */
  short?: string
  /** base64 lines: the rule's description. */
  detail?: string[]
  url?: string
  sourceInfo?: { filename?: string }
  range?: { start?: { line?: number } }[]
}

const b64 = (s: string | undefined): string => (s ? Buffer.from(s, 'base64').toString('utf8').trim() : '')

/**
 * The build checks a normal build reported, from buildx's `--metadata-file` JSON (pure). buildx
 * writes `buildx.build.warnings` only with BUILDX_METADATA_WARNINGS=true (what BPA sets; the
 * gateway sets it too) and only from 0.15; an older buildx, or BuildKit before 0.14 (no checks),
 * gives none. Each warning is a `warning` finding on its line; a multi-platform build reports a
 * check once per platform, so duplicates are dropped. Unreadable metadata gives none.
 */
export function parseBuildWarnings(metadata: string): CheckFinding[] {
  let list: unknown
  try {
    list = (JSON.parse(metadata) as Record<string, unknown>)['buildx.build.warnings']
  } catch {
    return []
  }
  if (!Array.isArray(list)) return []
  const seen = new Set<string>()
  const out: CheckFinding[] = []
  for (const w of list as MetadataWarning[]) {
    const short = b64(w.short)
    if (!short) continue
    // "JSONArgsRecommended: JSON arguments recommended for … (line 12)"; other vertex warnings have no rule prefix.
    const m = /^([A-Z][A-Za-z0-9]+): ([\s\S]*?)(?: \(line \d+\))?$/.exec(short)
    const ruleName = m?.[1]
    const text = m ? m[2] : short
    const line = w.range?.[0]?.start?.line
    const url = w.url || (ruleName ? checkRuleUrl(ruleName) : undefined)
    const finding: CheckFinding = {
      rule: `build-check/${ruleName ?? 'warning'}`,
      severity: 'warning',
      message: `${text}${url ? ` (${url})` : ''}`,
      line: line && line > 0 ? line : undefined,
      file: w.sourceInfo?.filename,
      url,
      description: (w.detail ?? []).map(b64).filter(Boolean).join(' ') || undefined
    }
    const key = [finding.rule, finding.file, finding.line, finding.message].join('|')
    if (seen.has(key)) continue
    seen.add(key)
    out.push(finding)
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/**
 * BPA's DOCKER_BUILD_CHECKS_ANNOTATIONS (default true): whether build checks become annotations on
 * their lines. The values BPA's parseBool takes; anything else is an error naming the variable.
 */
export function checksAnnotationsEnabled(env: NodeJS.ProcessEnv): boolean {
  const v = (env.DOCKER_BUILD_CHECKS_ANNOTATIONS ?? '').trim()
  if (v === '') return true
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false
  throw new InputError('DOCKER_BUILD_CHECKS_ANNOTATIONS', `expected true or false, got "${v}"`)
}
