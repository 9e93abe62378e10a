/**
 * `provenance`, `sbom` and `attests` resolved the way docker/build-push-action v7 resolves them
 * (its context.ts `getAttestArgs` and @docker/actions-toolkit's `Build` helpers), so the same
 * inputs give the same `--attest` flags. Attribute lists are CSV (csv-parse, as the toolkit does).
 */
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'

/** The comma-separated fields of an attribute list, CSV-quoted as buildx reads them. */
export function fields(attrs: string): string[] {
  return parse(attrs, { delimiter: ',', trim: true, columns: false, relax_column_count: true }).flat()
}

/** buildx's ParseBool spellings (what BPA's `Util.parseBool` accepts); undefined for anything else. */
export function parseBuildxBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false
  return undefined
}

/** Whether an attribute list (`type=sbom,generator=x`) has `type=NAME`. */
export function hasAttestationType(name: string, attrs: string): boolean {
  return fields(attrs).some(f => {
    const [k, v] = f.split('=').map(x => x.trim())
    return k === 'type' && v === name
  })
}

/** A bare boolean attribute becomes `disabled=<not it>`, as buildx reads `--attest type=sbom,true`. */
export function resolveAttestationAttrs(attrs: string): string {
  return fields(attrs)
    .map(f => {
      const b = parseBuildxBool(f)
      return b === undefined ? f : `disabled=${!b}`
    })
    .join(',')
}

/** Add `builder-id=<run URL>` unless the attributes carry one (no run URL: unchanged). */
export function resolveProvenanceAttrs(attrs: string, builderId: string | undefined): string {
  if (!builderId) return attrs
  if (!attrs) return `builder-id=${builderId}`
  const has = fields(attrs).some(f => f.split(/(?<=^[^=]+?)=/)[0].trim() === 'builder-id')
  return has ? attrs : `${attrs},builder-id=${builderId}`
}

/** The `provenance` input as BPA reads it: true → builder id, false → `false`, else attributes. */
export function resolveProvenanceInput(raw: string, builderId: string | undefined): string {
  const v = raw.trim()
  if (!v) return ''
  if (['true', 'True', 'TRUE'].includes(v)) return builderId ? `builder-id=${builderId}` : 'true'
  if (['false', 'False', 'FALSE'].includes(v)) return 'false'
  return resolveProvenanceAttrs(v, builderId)
}

/** What BPA's default provenance depends on, read from the Actions environment. */
export interface AttestEnvironment {
  /** `<server>/<repo>/actions/runs/<id>/attempts/<n>`; undefined outside Actions. */
  builderId?: string
  /** The event payload says the repository is private. */
  privateRepo: boolean
  /** BUILDX_NO_DEFAULT_ATTESTATIONS is a true boolean. */
  noDefault: boolean
}

export function readAttestEnvironment(env: NodeJS.ProcessEnv): AttestEnvironment {
  const noDefault = parseBuildxBool(env.BUILDX_NO_DEFAULT_ATTESTATIONS ?? '') === true
  if (!env.GITHUB_ACTIONS || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return { privateRepo: false, noDefault }
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  let privateRepo = false
  try {
    if (env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH)) {
      const payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { private?: boolean } }
      privateRepo = payload.repository?.private === true
    }
  } catch {
    // an unreadable payload: treat as public, as BPA's `?? false` does
  }
  return {
    builderId: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    privateRepo,
    noDefault
  }
}

/**
 * BPA's default provenance attributes, used when neither `provenance` nor a provenance `attests`
 * line is given: `mode=max` for a public repository, buildx's own `mode=min,inline-only=true` for
 * a private one, each with the run URL as builder id. '' outside Actions or when disabled (buildx
 * then applies its own default). Whether an image is loaded (BPA skips the default then) is
 * decided with the build's exporters, in the argv builder.
 */
export function defaultProvenance(attests: string[], e: AttestEnvironment): string {
  if (!e.builderId || e.noDefault) return ''
  if (attests.some(a => hasAttestationType('provenance', a))) return ''
  return resolveProvenanceAttrs(e.privateRepo ? 'mode=min,inline-only=true' : 'mode=max', e.builderId)
}

/** Whether an `--output` list has an exporter of this type (no `type=` means local, as in buildx). */
export function hasExporterType(name: string, outputs: string[]): boolean {
  for (const o of outputs) {
    const fs_ = fields(o)
    if (fs_.length === 1 && !fs_[0].startsWith('type=')) {
      if (name === 'local') return true
      continue
    }
    if (fs_.some(f => f.replace(/\s/g, '') === `type=${name}`)) return true
  }
  return false
}
