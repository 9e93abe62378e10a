/** Shared by the examples' tests: where the examples live, which there are, and their secrets. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../fixtures/paths.js'

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples')

/** Every folder under examples/ with a Dockerfile, sorted. */
export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter(e => e.isDirectory() && fs.existsSync(path.join(EXAMPLES_DIR, e.name, 'Dockerfile')))
    .map(e => e.name)
    .sort()
}

/** The stand-in base images scripts/base-images.sh makes for the examples. */
export const STAND_IN_SETS = ['node', 'golang', 'python', 'nginx']

/**
 * The build secrets the npm examples mount, as `secret-files` lines: `ca`, the CA bundle this
 * machine's Node trusts (HTTPS may go through an intercepting proxy), and `npmrc`, an .npmrc naming
 * the registry this machine's npm uses. Both mounts are optional in the Dockerfiles.
 */
export function npmSecretFiles(tmpDir: string): string {
  const lines: string[] = []
  const ca = [process.env.NODE_EXTRA_CA_CERTS, process.env.SSL_CERT_FILE, '/etc/ssl/certs/ca-certificates.crt'].find(
    f => f && fs.existsSync(f)
  )
  if (ca) lines.push(`ca=${ca}`)
  let registry = ''
  try {
    registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // no npm on the host: the image's npm uses its default registry
  }
  if (/^https?:\/\//.test(registry)) {
    const npmrc = path.join(tmpDir, 'npmrc')
    fs.writeFileSync(npmrc, `registry=${registry}\n`, { mode: 0o600 })
    lines.push(`npmrc=${npmrc}`)
  }
  return lines.join('\n')
}
