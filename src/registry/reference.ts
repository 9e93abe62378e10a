/**
 * Image references as docker reads them (`host[:port]/repo[:tag][@sha256:…]`), resolved to what
 * the distribution API needs: the API host, the scheme, the repository path and the tag or digest.
 * Pure.
 */
import { InputError } from '../errors.js'

export interface ImageReference {
  /** The registry as named in the reference and in docker's config (`docker.io`, `127.0.0.1:5000`). */
  registry: string
  /** The host the API is served from (`registry-1.docker.io` for Docker Hub). */
  apiHost: string
  /** http for loopback hosts (docker treats them as insecure), https otherwise. */
  scheme: 'http' | 'https'
  /** Repository path (`library/alpine`, `team/app`). */
  repository: string
  /** The tag, when the reference names one (none with a bare digest; `latest` when it names neither). */
  tag?: string
  /** `sha256:…` when the reference pins a digest. */
  digest?: string
}

const DOCKER_HUB = 'docker.io'
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DIGEST = /^sha256:[0-9a-f]{64}$/

/** Whether `host` (with or without port) is a loopback host: spoken to over plain http, as docker does. */
export function isLoopback(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '')
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name)
}

/**
 * Parse `ref` (as given to the `input` named). Docker Hub references get `docker.io`, and a
 * one-component repository on it gets `library/`. Throws InputError naming the input.
 */
export function parseReference(ref: string, input = 'image'): ImageReference {
  const given = ref.trim()
  const bad = (why: string) => new InputError(input, `${why}; expected NAME[:TAG][@sha256:DIGEST], e.g. 127.0.0.1:5000/app@sha256:…, got "${given}"`)
  if (!given || /\s/.test(given)) throw bad('not an image reference')
  let rest = given
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) throw bad('the digest is not sha256: and 64 hex digits')
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) throw bad(`"${tag}" is not a valid tag`)
  }
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  const hasHost = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))
  let registry = hasHost ? first : DOCKER_HUB
  let repository = hasHost ? rest.slice(slash + 1) : rest
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`
  if (!repository || !repository.split('/').every(c => COMPONENT.test(c))) throw bad('the repository must be lowercase path components')
  if (!tag && !digest) tag = 'latest'
  return {
    registry,
    apiHost: registry === DOCKER_HUB ? 'registry-1.docker.io' : registry,
    scheme: isLoopback(registry) ? 'http' : 'https',
    repository,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {})
  }
}

/** The reference written back in full (`host/repo:tag@digest`), for messages. */
export function formatReference(r: ImageReference): string {
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`
}
