/**
 * Secret values in the image config: found (by id) and then redacted, so that nothing downstream
 * (the report's history column, the cache) ever holds a value.
 */
import { textHasSecret, type Needle } from './secret-search.js'
import type { ConfigSecretHit, ImageConfigFacts, LayerFacts } from './types.js'

export const REDACTED = '***'

/** Where in the config each secret occurs. */
export function findConfigSecrets(config: ImageConfigFacts, needles: Needle[]): ConfigSecretHit[] {
  if (needles.length === 0) return []
  const hits: ConfigSecretHit[] = []
  const check = (field: ConfigSecretHit['field'], key: string, text: string) => {
    for (const secretId of textHasSecret(needles, text)) hits.push({ secretId, field, key })
  }
  for (const e of config.env) check('env', e.split('=')[0], e)
  for (const [k, v] of Object.entries(config.labels)) check('label', k, `${k}=${v}`)
  config.history.forEach((h, i) => check('history', String(i), `${h.createdBy}\n${h.comment ?? ''}`))
  check('config', 'User', config.user)
  check('config', 'Entrypoint', config.entrypoint.join(' '))
  check('config', 'Cmd', config.cmd.join(' '))
  check('config', 'WorkingDir', config.workingDir)
  return hits
}

/** Replace every occurrence of a secret value with `***`. */
export function redact(text: string, needles: Needle[]): string {
  let out = text
  // Longest first, so the trimmed variant does not leave the untrimmed one's remainder behind.
  for (const n of [...needles].sort((a, b) => b.bytes.length - a.bytes.length)) {
    const value = n.bytes.toString('utf8')
    if (value && out.includes(value)) out = out.split(value).join(REDACTED)
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

/** Redact values that appear in file names or link targets of a layer (rare, but never kept). */
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
    secretHits: facts.secretHits.map(h => ({ ...h, path: r(h.path) }))
  }
}
