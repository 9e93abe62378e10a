/**
 * The BuildKit v0.29 builders users run, for integration tests: a `docker-container` builder and
 * a `remote` BuildKit daemon, made by scripts/setup-buildkit.sh (idempotent: a builder that
 * answers is left alone). Throw-away builders ("a fresh runner") are made the same way under a
 * name of the test's own and removed with their state by {@link removeBuilder}.
 *
 * Both run on the host network and name the local registry (127.0.0.1:5000) plain http and
 * docker.io's mirror (busybox is there), so `FROM busybox` and pushes to 127.0.0.1:5000 work.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { REPO_ROOT } from '../fixtures/paths.js'

const SCRIPT = `${REPO_ROOT}/scripts/setup-buildkit.sh`
export const REGISTRY = '127.0.0.1:5000'
export const BUILDKIT_VERSION = 'v0.29.0'

export type BuilderKind = 'container' | 'remote'

/**
 * Make (or find) the builder NAME of a kind; returns its name. `env` (default this process's): the
 * environment whose buildx state holds the builder, e.g. a runner's own HOME.
 */
export function ensureBuilder(kind: BuilderKind, name: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync('bash', [SCRIPT, kind, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env }).trim()
}

/** The two long-lived builders the test set-up starts (scripts/test.sh). */
export const sharedBuilders = (): Record<BuilderKind, string> => ({
  container: ensureBuilder('container', process.env.STAGECRAFT_BUILDKIT_CONTAINER ?? 'stagecraft-container'),
  remote: ensureBuilder('remote', process.env.STAGECRAFT_BUILDKIT_REMOTE ?? 'stagecraft-remote')
})

/**
 * DOCKER_HOST and DOCKER_CONFIG of the sid engine (Docker 28.5, buildx 0.29), started if it is not
 * running: what scripts/setup-sid-engine.sh prints.
 */
export function sidEngineEnv(): Record<string, string> {
  const out = execFileSync('bash', [`${REPO_ROOT}/scripts/setup-sid-engine.sh`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  )
}

/**
 * The docker-container builder on the sid engine (Docker 28.5), registered in its DOCKER_CONFIG
 * (buildx 0.29): `scripts/setup-buildkit.sh sid` (idempotent), as setup-buildx-action makes it on
 * a GitHub-hosted runner of 2026. Use it with the sid engine's DOCKER_HOST and DOCKER_CONFIG.
 */
export const sidContainerBuilder = (): string =>
  execFileSync('bash', [SCRIPT, 'sid', process.env.STAGECRAFT_BUILDKIT_SID_CONTAINER ?? 'stagecraft-sid-container'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()

/** DOCKER_HOST of the classic-store engine (Docker 26, overlay2), started if it is not running. */
export function classicEngineEnv(): Record<string, string> {
  const host = execFileSync('bash', [`${REPO_ROOT}/scripts/setup-classic-engine.sh`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  return { DOCKER_HOST: host }
}

/**
 * The docker-container builder on the classic-store engine: `scripts/setup-buildkit.sh classic`
 * (idempotent). Use it with that engine's DOCKER_HOST.
 */
export const classicContainerBuilder = (): string =>
  execFileSync('bash', [SCRIPT, 'classic', process.env.STAGECRAFT_BUILDKIT_CLASSIC_CONTAINER ?? 'stagecraft-classic-container'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()

/**
 * A new builder of a kind with an empty cache: a fresh runner. Remove it with removeBuilder (with
 * the same `env`: the buildx state it was registered in).
 */
export function freshBuilder(kind: BuilderKind, prefix = 'bk', env: NodeJS.ProcessEnv = process.env): string {
  const name = `${prefix}-${kind}-${randomBytes(4).toString('hex')}`
  try {
    return ensureBuilder(kind, name, env)
  } catch (e) {
    removeBuilder(name, env) // half made: a daemon without a builder, or a builder that does not answer
    throw e
  }
}

/** Remove a builder the test made, with its state (container volume, or daemon + root dir). */
export function removeBuilder(name: string, env: NodeJS.ProcessEnv = process.env): void {
  spawnSync('bash', [SCRIPT, 'rm', name], { stdio: 'ignore', env })
}

export interface BuildxRun {
  status: number
  /** stdout + stderr (the plain progress goes to stderr). */
  output: string
}

/**
 * `docker buildx ARGS` with plain progress; never throws. Asynchronous, so servers the test runs
 * in this process (the cache service emulation) keep answering while the build talks to them.
 */
export function buildx(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<BuildxRun> {
  return new Promise(resolve => {
    const child = spawn('docker', ['buildx', ...args], { env: { ...env, BUILDKIT_PROGRESS: 'plain' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('error', e => resolve({ status: -1, output: `${output}${String(e)}` }))
    child.on('close', code => resolve({ status: code ?? -1, output }))
  })
}

/** The digest the registry serves for REPO:REF (a tag or a digest), or undefined. */
export async function registryDigest(repo: string, ref: string): Promise<string | undefined> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${ref}`, {
    method: 'HEAD',
    headers: {
      accept: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.docker.distribution.manifest.v2+json'
      ].join(', ')
    }
  })
  return res.ok ? (res.headers.get('docker-content-digest') ?? undefined) : undefined
}

/** The manifest (or index) the registry serves for REPO@DIGEST, parsed. */
export async function registryManifest(
  repo: string,
  ref: string
): Promise<{ mediaType?: string; manifests?: { digest: string; platform?: { os: string; architecture: string } }[] }> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${ref}`, {
    headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' }
  })
  if (!res.ok) throw new Error(`registry: ${repo}@${ref}: HTTP ${res.status}`)
  return (await res.json()) as { mediaType?: string; manifests?: { digest: string; platform?: { os: string; architecture: string } }[] }
}
