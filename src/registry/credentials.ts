/**
 * Registry credentials the way `docker login` (and docker/login-action) leave them, from
 * `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`): a `credHelpers` entry for the
 * host, else the `credsStore`, else `auths[host]` (`auth`: base64 of user:password, or an
 * `identitytoken`). Helpers are run as docker runs them: `docker-credential-<name> get` with the
 * server on stdin. Nothing found: anonymous. Values are never logged or put in a message.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EnvironmentError } from '../errors.js'

export interface Credentials {
  username?: string
  password?: string
  /** An OAuth2 refresh token (`identitytoken`): exchanged with a POST to the token realm. */
  identityToken?: string
}

interface AuthEntry {
  auth?: unknown
  username?: unknown
  password?: unknown
  identitytoken?: unknown
}

interface DockerConfig {
  auths?: Record<string, AuthEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
}

/** How docker names Docker Hub in its config and to credential helpers. */
const HUB_SERVER = 'https://index.docker.io/v1/'
const HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** The docker config file: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'config.json')
}

/** `https://host/v1/` → `host`; Docker Hub's names → `docker.io`. */
function hostOf(key: string): string {
  const host = key
    .replace(/^[a-z]+:\/\//i, '')
    .split('/')[0]
    .toLowerCase()
  return HUB_NAMES.has(host) ? 'docker.io' : host
}

function readConfig(file: string): DockerConfig {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return {}
  }
  try {
    const doc = JSON.parse(text) as unknown
    return typeof doc === 'object' && doc !== null ? doc : {}
  } catch {
    throw new EnvironmentError(`the docker config ${file} is not valid JSON`)
  }
}

/** What an `auths` entry holds, or undefined when it holds nothing usable. */
function fromEntry(entry: AuthEntry): Credentials | undefined {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined)
  const identityToken = str(entry.identitytoken)
  let username = str(entry.username)
  let password = str(entry.password)
  const auth = str(entry.auth)
  if (auth) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      username = decoded.slice(0, colon)
      password = decoded.slice(colon + 1)
    }
  }
  if (identityToken) return { ...(username ? { username } : {}), identityToken }
  return username && password ? { username, password } : undefined
}

/** Run `docker-credential-<helper> get` for `server`; undefined when the helper knows no credentials for it. */
export async function fromHelper(helper: string, server: string): Promise<Credentials | undefined> {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) throw new EnvironmentError(`the docker config names an invalid credential helper "${helper}"`)
  const program = `docker-credential-${helper}`
  const out = await new Promise<{ code: number | string | null; stdout: string }>(resolve => {
    const child = execFile(program, ['get'], { env: process.env, timeout: 30_000, maxBuffer: 1024 * 1024 }, (error, stdout) =>
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout })
    )
    child.stdin?.end(server)
  })
  if (out.code === 'ENOENT') throw new EnvironmentError(`the docker config names the credential helper ${program}, which is not on PATH`)
  // A helper that has nothing for the server exits non-zero ("credentials not found"): anonymous.
  if (out.code !== 0) return undefined
  let doc: { Username?: unknown; Secret?: unknown }
  try {
    doc = JSON.parse(out.stdout) as typeof doc
  } catch {
    throw new EnvironmentError(`${program} get answered something that is not JSON`)
  }
  const user = typeof doc.Username === 'string' ? doc.Username : ''
  const secret = typeof doc.Secret === 'string' ? doc.Secret : ''
  if (!secret) return undefined
  // docker's convention: the user `<token>` means the secret is an identity (refresh) token.
  return user === '<token>' || !user ? { identityToken: secret } : { username: user, password: secret }
}

/**
 * The credentials docker would use for `registry` (as named in an image reference: `docker.io`,
 * `ghcr.io`, `127.0.0.1:5000`), or undefined: anonymous. `configFile` defaults to dockerConfigPath().
 */
export async function lookupCredentials(registry: string, configFile = dockerConfigPath()): Promise<Credentials | undefined> {
  const config = readConfig(configFile)
  const host = hostOf(registry)
  const server = host === 'docker.io' ? HUB_SERVER : host
  const helperKey = Object.keys(config.credHelpers ?? {}).find(k => hostOf(k) === host)
  const helper = helperKey ? config.credHelpers?.[helperKey] : undefined
  if (helper) return fromHelper(helper, server)
  if (config.credsStore) {
    const stored = await fromHelper(config.credsStore, server)
    if (stored) return stored
  }
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (hostOf(key) !== host || typeof entry !== 'object' || entry === null) continue
    const found = fromEntry(entry)
    if (found) return found
  }
  return undefined
}
