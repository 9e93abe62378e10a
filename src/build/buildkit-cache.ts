/**
 * The layer cache to use when the user gave no cache-from/cache-to: the GitHub Actions cache
 * (`type=gha`) where the builder can reach it, nothing elsewhere. Pure: the caller passes the
 * builder facts (driver, image store, versions) it already has.
 */
import { versionParts } from '../docker/builder.js'
import { actionsCacheAvailable } from '../store/store.js'
import { fields } from '../inputs/attest.js'

export interface LayerCacheInput {
  /** The builder's driver: docker, docker-container, kubernetes, remote... */
  driver: string
  env: NodeJS.ProcessEnv
  cacheFrom: string[]
  cacheTo: string[]
  /** docker driver: true when the engine uses the containerd image store (needed for any cache export). */
  containerdStore?: boolean
  /** docker driver: the engine version (its BuildKit is built in), e.g. `26.1.5`. */
  engineVersion?: string
  /** The builder node's BuildKit version, e.g. `v0.13.2`, when known. */
  buildkitVersion?: string
  /** Cache scope, so several images of one repository keep apart. Default `stagecraft`. */
  scope?: string
}

export interface LayerCache {
  cacheFrom: string[]
  cacheTo: string[]
  /** One line saying why, for the log. */
  reason: string
}

/**
 * Choose cache-from/cache-to. User values always win. Off GitHub Actions: none. On GitHub,
 * `type=gha` with `mode=max,ignore-error=true` (an export failure is then a BuildKit warning,
 * never a failed build) when the builder can reach the cache service: github.com only serves
 * cache API v2, which needs BuildKit ≥ 0.20 (engine ≥ 28 for the docker driver, whose BuildKit is
 * the engine's), and the docker driver exports cache only with the containerd image store.
 */
export function defaultLayerCache(input: LayerCacheInput): LayerCache {
  const needsV2 = Boolean(input.env.ACTIONS_CACHE_SERVICE_V2) || !input.env.ACTIONS_CACHE_URL
  if (input.cacheFrom.length || input.cacheTo.length) {
    const given = (lines: string[]) => lines.map(l => (needsV2 && actionsCacheAvailable(input.env) ? withCacheServiceV2(l, input.env.ACTIONS_RESULTS_URL) : l))
    return { cacheFrom: given(input.cacheFrom), cacheTo: given(input.cacheTo), reason: 'cache-from/cache-to as given' }
  }
  const none = (reason: string): LayerCache => ({ cacheFrom: [], cacheTo: [], reason })
  if (!actionsCacheAvailable(input.env)) return none('no layer cache by default outside GitHub Actions (set cache-from/cache-to)')
  if (input.driver === 'docker') {
    if (!input.containerdStore) return none('the docker driver without the containerd image store cannot export a layer cache')
    const major = versionParts(input.engineVersion)?.[0]
    if (needsV2 && (major === undefined || major < 28)) {
      return none(`Docker engine ${input.engineVersion ?? '(unknown version)'} embeds a BuildKit older than 0.20, which cannot use the GitHub cache service v2`)
    }
  } else if (['docker-container', 'kubernetes', 'remote'].includes(input.driver)) {
    const v = versionParts(input.buildkitVersion)
    if (needsV2 && v && (v[0] === 0 && v[1] < 20)) {
      return none(`BuildKit ${input.buildkitVersion} is older than 0.20 and cannot use the GitHub cache service v2`)
    }
  } else {
    return none(`no default layer cache for the ${input.driver} driver`)
  }
  // On the v2 service the URL is named in the attributes: buildx before 0.21 fills `url` only
  // from ACTIONS_CACHE_URL (which v2 runners do not set) and silently drops a gha entry without
  // one; `version=2` makes BuildKit speak v2 to it. The token stays in the environment.
  const results = input.env.ACTIONS_RESULTS_URL
  const service = needsV2 && results && !/[",]/.test(results) ? `url=${results},version=2,` : ''
  const scope = `${service}scope=${input.scope ?? 'stagecraft'}`
  return {
    cacheFrom: [`type=gha,${scope}`],
    cacheTo: [`type=gha,${scope},mode=max,ignore-error=true`],
    reason: `GitHub Actions cache (${input.driver} driver)`
  }
}

/**
 * A user's `type=gha` line on the v2 cache service, with the service named: buildx before 0.21
 * fills `url` only from ACTIONS_CACHE_URL (unset on v2 runners) and silently drops the entry, so
 * the build passes and caches nothing. A line that names `url`, `url_v2` or `version` is left as
 * written, as is every other cache type.
 */
export function withCacheServiceV2(line: string, resultsUrl: string | undefined): string {
  if (!resultsUrl || /[",]/.test(resultsUrl)) return line
  let attrs: string[]
  try {
    attrs = fields(line)
  } catch {
    return line // not CSV: buildx says so itself
  }
  const keys = attrs.map(f => f.split('=')[0].trim().toLowerCase())
  const isGha = attrs.some(f => /^type\s*=\s*gha$/i.test(f.trim()))
  if (!isGha || keys.some(k => k === 'url' || k === 'url_v2' || k === 'version')) return line
  return `${line},url=${resultsUrl},version=2`
}

/**
 * True when a failed build's log says only the cache export failed (the image itself was
 * built): the caller should then retry without cache-to, or keep the result and warn.
 */
export function cacheExportFailed(logLines: string[]): boolean {
  const text = logLines.join('\n')
  return /failed to configure \w+ cache exporter|failed to export cache|error exporting cache|Cache export is not supported|legacy service is shutting down/i.test(text)
}
