/**
 * A `remote` BuildKit builder of one test's own: BuildKit v0.29 (../shared/buildkit, see its
 * README) unpacked to a temp dir, `buildkitd` on a unix socket there, and a buildx builder of a
 * unique name pointing at it. The docker driver cannot push by digest, and this machine cannot pull
 * moby/buildkit for a docker-container builder; a remote daemon is what a build farm runs.
 * Such a builder sees no engine image: base images come from the local registry or `FROM scratch`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from './runner.js'

/** Where scripts/setup-buildkit.sh finds it too: STAGECRAFT_BUILDKIT_ARCHIVE, else ../shared/buildkit beside the checkout. */
export const BUILDKIT_ARCHIVE =
  process.env.STAGECRAFT_BUILDKIT_ARCHIVE || path.resolve(REPO_ROOT, '..', 'shared', 'buildkit', 'buildkit-v0.29.0-linux-amd64.tar.xz')

export interface RemoteBuilder {
  /** The buildx builder's name (the action's `builder` input). */
  name: string
  stop(): Promise<void>
}

/** Start buildkitd and register it with buildx; throws (with buildkitd's log) when it does not answer. */
export async function startRemoteBuilder(prefix: string): Promise<RemoteBuilder> {
  if (!fs.existsSync(BUILDKIT_ARCHIVE)) throw new Error(`BuildKit archive not found: ${BUILDKIT_ARCHIVE} (set STAGECRAFT_BUILDKIT_ARCHIVE)`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-buildkit-`))
  execFileSync('tar', ['-xJf', BUILDKIT_ARCHIVE, '-C', dir])
  const socket = path.join(dir, 'buildkitd.sock')
  const log = fs.openSync(path.join(dir, 'buildkitd.log'), 'a')
  const daemon: ChildProcess = spawn(
    path.join(dir, 'buildkitd'),
    ['--addr', `unix://${socket}`, '--root', path.join(dir, 'root'), '--oci-worker=true', '--containerd-worker=false', '--oci-worker-net=host'],
    { stdio: ['ignore', log, log] }
  )
  const name = `${prefix}-${randomBytes(4).toString('hex')}`
  const stop = async () => {
    try {
      execFileSync('docker', ['buildx', 'rm', name], { stdio: 'ignore' })
    } catch {
      // never registered
    }
    if (daemon.exitCode === null) {
      const exited = new Promise(resolve => daemon.once('exit', resolve))
      daemon.kill('SIGTERM')
      await exited
    }
    fs.closeSync(log)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  for (let i = 0; i < 100 && !fs.existsSync(socket); i++) await new Promise(r => setTimeout(r, 100))
  try {
    execFileSync('docker', ['buildx', 'create', '--name', name, '--driver', 'remote', `unix://${socket}`], { stdio: 'ignore' })
    execFileSync('docker', ['buildx', 'inspect', '--bootstrap', name], { stdio: 'ignore' })
  } catch (e) {
    const text = fs.readFileSync(path.join(dir, 'buildkitd.log'), 'utf8')
    await stop()
    throw new Error(`remote builder did not start: ${(e as Error).message}\n${text.slice(-2000)}`)
  }
  return { name, stop }
}
