/**
 * Secret values in the image config: found (by id) and then redacted, so that nothing downstream
 * (the report's history column, the cache) ever holds a value.
 */
import { findSecrets, type Needle } from './secret-search.js'
import type { ConfigSecretHit, ImageConfigFacts, LayerFacts } from './types.js'

export const REDACTED = '***'

/**
 * Where in the config each secret occurs. Values searched everywhere (see secret-search) are looked
 * for in every field and encoding; short or low-entropy values only as whole values of ENV, labels
 * and build args (`|N NAME=value` in RUN history), where they cannot be ordinary words of a command.
 */
export function findConfigSecrets(config: ImageConfigFacts, needles: Needle[]): ConfigSecretHit[] {
  if (needles.length === 0) return []
  const full = needles.filter(n => n.scope === 'all')
  const hits: ConfigSecretHit[] = []
  const seen = new Set<string>()
  const push = (found: ConfigSecretHit) => {
    // An ENV name, label key or build arg name can hold the value too: the hit keeps only its redaction.
    const hit = { ...found, key: redact(found.key, needles), ...(found.arg !== undefined && { arg: redact(found.arg, needles) }) }
    const key = `${hit.secretId}\n${hit.field}\n${hit.key}`
    if (seen.has(key)) return
    seen.add(key)
    hits.push(hit)
  }
  const check = (field: ConfigSecretHit['field'], key: string, text: string, value?: string) => {
    for (const m of findSecrets(full, text)) push(hit(m.id, field, key, m.encoding))
    if (value === undefined) return
    for (const m of findSecrets(needles, value, 'config')) push(hit(m.id, field, key, m.encoding))
  }
  for (const e of config.env) {
    const eq = e.indexOf('=')
    check('env', eq < 0 ? e : e.slice(0, eq), e, eq < 0 ? undefined : e.slice(eq + 1))
  }
  for (const [k, v] of Object.entries(config.labels)) check('label', k, `${k}=${v}`, v)
  config.history.forEach((h, i) => {
    // Build args first, so a hit that is a build arg's value says which arg.
    for (const { name, value } of buildArgs(h.createdBy)) {
      for (const m of findSecrets(needles, value, 'config')) push({ ...hit(m.id, 'history', String(i), m.encoding), arg: name })
      for (const m of findSecrets(full, value)) push({ ...hit(m.id, 'history', String(i), m.encoding), arg: name })
    }
    check('history', String(i), `${h.createdBy}\n${h.comment ?? ''}`)
  })
  check('config', 'User', config.user)
  check('config', 'Entrypoint', config.entrypoint.join(' '))
  check('config', 'Cmd', config.cmd.join(' '))
  check('config', 'WorkingDir', config.workingDir)
  return hits
}

function hit(secretId: string, field: ConfigSecretHit['field'], key: string, encoding: string): ConfigSecretHit {
  return encoding === 'raw' ? { secretId, field, key } : { secretId, field, key, encoding: encoding as ConfigSecretHit['encoding'] }
}

/** The build args recorded before a RUN command: `RUN |2 A=x B=y cmd` (BuildKit), `|2 A=x B=y cmd` (classic builder). */
function buildArgs(createdBy: string): { name: string; value: string }[] {
  const m = createdBy.match(/^(?:RUN )?\|(\d+) (.*)$/s)
  if (!m) return []
  return m[2]
    .split(' ')
    .slice(0, Number(m[1]))
    .map(a => ({ name: a.slice(0, Math.max(0, a.indexOf('='))), value: a.slice(a.indexOf('=') + 1) }))
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Replace every occurrence of a secret value (or its encodings) with `***`. */
export function redact(text: string, needles: Needle[]): string {
  let out = text
  // Longest first, so the trimmed variant does not leave the untrimmed one's remainder behind.
  for (const n of [...needles].sort((a, b) => b.bytes.length - a.bytes.length)) {
    const value = n.bytes.toString('utf8')
    if (!value || !out.includes(value)) continue
    // Config-only values are replaced where they stand as a whole value, not inside longer words.
    out = n.scope === 'config' ? out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRe(value)}(?![A-Za-z0-9])`, 'g'), REDACTED) : out.split(value).join(REDACTED)
  }
  return out
}

/** A copy of the config with every secret value redacted. */
export function redactConfig(config: ImageConfigFacts, needles: Needle[]): ImageConfigFacts {
  if (needles.length === 0) return config
  const r = (s: string) => redact(s, needles)
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(config.labels)) labels[r(k)] = r(v)
  return {
    ...config,
    user: r(config.user),
    env: config.env.map(r),
    labels,
    entrypoint: config.entrypoint.map(r),
    cmd: config.cmd.map(r),
    workingDir: r(config.workingDir),
    healthcheck: config.healthcheck?.map(r),
    history: config.history.map(h => ({ ...h, createdBy: r(h.createdBy), comment: h.comment === undefined ? undefined : r(h.comment) }))
  }
}

/** Redact values that appear in file names, link targets or archive member names of a layer (rare, but never kept). */
export function redactLayer(facts: LayerFacts, needles: Needle[]): LayerFacts {
  if (facts.secretHits.length === 0) return facts
  const r = (s: string) => redact(s, needles)
  // A manifest's name or version is content: redacted whenever the layer holds any secret.
  const manifests = facts.manifests ? { manifests: facts.manifests.map(m => ({ ...m, path: r(m.path), name: r(m.name), version: r(m.version) })) } : {}
  if (!facts.secretHits.some(h => h.where !== 'content')) return { ...facts, ...manifests }
  return {
    ...facts,
    ...manifests,
    files: facts.files.map(f => ({ ...f, path: r(f.path), link: f.link === undefined ? undefined : r(f.link) })),
    whiteouts: facts.whiteouts.map(r),
    secretHits: facts.secretHits.map(h => (h.member === undefined ? { ...h, path: r(h.path) } : { ...h, path: r(h.path), member: r(h.member) })),
    ...(facts.archiveLimits && {
      archiveLimits: facts.archiveLimits.map(l => (l.member === undefined ? { ...l, path: r(l.path) } : { ...l, path: r(l.path), member: r(l.member) }))
    })
  }
}
