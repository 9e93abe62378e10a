/**
 * Stagecraft's own run (dist/cli.js) on the builders users run besides the engine's: BuildKit
 * v0.29 as a `docker-container` builder and as a `remote` daemon (scripts/setup-buildkit.sh).
 * Neither loads into the engine: the runner image is read from the OCI layout the build writes
 * (src/build/exporters.ts). Each builds the multistage fixture for two platforms, gates on its test
 * stage, audits and sizes every platform; a failing test stage stops the run naming the stage.
 *
 * STAGECRAFT_BUILDERS_ENGINE=sid runs the CLI with the sid engine's DOCKER_HOST and DOCKER_CONFIG
 * (Docker 28.5, buildx 0.29): the docker-container builder is `stagecraft-sid-container` on that
 * engine (scripts/setup-buildkit.sh sid), the remote one the same daemon, registered in its config.
 * STAGECRAFT_BUILDERS_ENGINE=classic: the classic-store engine (overlay2) and its docker-container
 * builder `stagecraft-classic-container` (scripts/setup-buildkit.sh classic). On every engine, a
 * `--load` from each builder must land in that engine's store, and the audit must read the same image;
 * a two-platform `--push` must put the index the report names in the registry; cache mounts persisted
 * in --cache-dir by one fresh builder must be restored into the next.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fixture, REPO_ROOT } from '../fixtures/paths.js'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import {
  classicContainerBuilder,
  classicEngineEnv,
  ensureBuilder,
  freshBuilder,
  REGISTRY,
  registryManifest,
  removeBuilder,
  sharedBuilders,
  sidContainerBuilder,
  sidEngineEnv,
  type BuilderKind
} from '../helpers/buildkit-builders.js'
import { actionNode } from '../helpers/runner.js'

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js')
const CONTEXT = fixture('multistage')
const secret = { BK_TOKEN: 'bk-builders-token-5c1e0f93' }
const ENGINE = process.env.STAGECRAFT_BUILDERS_ENGINE ?? 'main'
if (ENGINE !== 'main' && ENGINE !== 'sid' && ENGINE !== 'classic') throw new Error(`STAGECRAFT_BUILDERS_ENGINE: expected main, sid or classic, got "${ENGINE}"`)
/** The engine's DOCKER_HOST / DOCKER_CONFIG ({} for the main engine: this process's). */
let engineEnv: Record<string, string> = {}
const cli = (args: string[]) => {
  const r = spawnSync(actionNode(), [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...engineEnv, NODE_OPTIONS: '', NO_COLOR: '1', ...secret } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
let builders: Record<BuilderKind, string>
beforeAll(() => {
  if (ENGINE === 'sid') {
    engineEnv = sidEngineEnv()
    const remote = process.env.STAGECRAFT_BUILDKIT_REMOTE ?? 'stagecraft-remote'
    builders = { container: sidContainerBuilder(), remote: ensureBuilder('remote', remote, { ...process.env, ...engineEnv }) }
  } else if (ENGINE === 'classic') {
    engineEnv = classicEngineEnv()
    builders = { container: classicContainerBuilder(), remote: ensureBuilder('remote', process.env.STAGECRAFT_BUILDKIT_REMOTE ?? 'stagecraft-remote') }
  } else {
    builders = sharedBuilders()
  }
})
const loaded: string[] = []
/** `docker ARGS` on this suite's engine. */
const engineDocker = (args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, ...engineEnv }, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
afterAll(() => {
  for (const tag of loaded) spawnSync('docker', ['rmi', '-f', tag], { env: { ...process.env, ...engineEnv }, stdio: 'ignore' })
})

interface PlatformReport {
  platform: string
  size: { bytes: number; compressedBytes: number; compressedFrom: string; layerCount: number }
  /** How many findings this platform has. */
  findings: number
}

describe.each<BuilderKind>(['container', 'remote'])('the CLI on the %s builder', kind => {
  const common = () => [CONTEXT, '--builder', builders[kind], '--test-target', 'test', '--secret-env', 'registry_token=BK_TOKEN']

  test('two platforms: builds, gates on the test stage, audits and sizes each platform', () => {
    const r = cli([...common(), '--platform', 'linux/amd64', '--platform', 'linux/arm64', '--json'])
    expect(r.stderr).not.toMatch(/error/i)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as {
      test: unknown
      verdict: { passed: boolean }
      platforms: PlatformReport[]
      audit: { findings: { rule: string; platform: string }[] }
    }
    expect(report.test).toEqual({ stage: 'test', result: 'passed' })
    expect(report.verdict.passed).toBe(true)
    expect(report.platforms.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    for (const p of report.platforms) {
      // busybox (2.1 MB) + WORKDIR + the app: exact compressed sizes from the build's own blobs.
      expect(p.size.layerCount).toBe(3)
      expect(p.size.bytes).toBeGreaterThan(2_000_000)
      expect(p.size.compressedFrom).toBe('blob')
      expect(p.size.compressedBytes).toBeGreaterThan(900_000)
      expect(p.findings).toBe(1)
    }
    // The runner is busybox, non-root: its shell is the one (notice) finding, on each platform.
    expect(report.audit.findings.map(f => `${f.platform} ${f.rule}`)).toEqual(['linux/amd64 hygiene/shell', 'linux/arm64 hygiene/shell'])
    expect(r.stdout + r.stderr).not.toContain(secret.BK_TOKEN)
  })

  test("--load: the runner lands in this engine's store, and the audit and size are that image's", () => {
    const tag = `stagecraft-builders-load/${kind}:${randomBytes(4).toString('hex')}`
    loaded.push(tag)
    const r = cli([...common(), '--tag', tag, '--load', '--json'])
    expect(r.stderr).not.toMatch(/error/i)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as { verdict: { passed: boolean }; image: { id?: string; tags?: string[]; user?: string }; platforms: PlatformReport[] }
    expect(report.verdict.passed).toBe(true)
    // The engine this suite targets holds it (the classic store keeps image ids as config digests,
    // the containerd store as manifest digests: either way the report names the loaded image).
    const id = engineDocker(['image', 'inspect', '--format', '{{.Id}}', tag])
    expect(report.image).toMatchObject({ id, tags: [tag], user: engineDocker(['image', 'inspect', '--format', '{{.Config.User}}', tag]) })
    expect(report.platforms).toHaveLength(1)
    expect(report.platforms[0].size.layerCount).toBe(3)
    expect(r.stdout + r.stderr).not.toContain(secret.BK_TOKEN)
  })

  test('--push, two platforms: the registry holds the index the report names, with both platforms', async () => {
    const repo = `stagecraft-builders-push/${ENGINE}-${kind}`
    const tag = `${REGISTRY}/${repo}:${randomBytes(4).toString('hex')}`
    const r = cli([...common(), '--platform', 'linux/amd64', '--platform', 'linux/arm64', '--tag', tag, '--push', '--json'])
    expect(r.stderr).not.toMatch(/error/i)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as { verdict: { passed: boolean }; image: { digest?: string }; platforms: PlatformReport[] }
    expect(report.verdict.passed).toBe(true)
    expect(report.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const index = await registryManifest(repo, report.image.digest!)
    expect(index.manifests?.filter(m => m.platform?.os === 'linux').map(m => m.platform!.architecture)).toEqual(['amd64', 'arm64'])
    expect((await registryManifest(repo, tag.slice(tag.lastIndexOf(':') + 1))).manifests?.length).toBe(index.manifests?.length)
    expect(report.platforms.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
  })

  test('cache mounts: what one fresh builder left in --cache-dir is in the next fresh builder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-builders-cache-'))
    const env = { ...process.env, ...engineEnv }
    const runOn = () => {
      const builder = freshBuilder(kind, 'sc-bcm', env)
      try {
        const r = cli([CONTEXT, '--builder', builder, '--secret-env', 'registry_token=BK_TOKEN', '--cache-dir', dir, '--json'])
        expect(r.code).toBe(0)
        return (JSON.parse(r.stdout) as { cacheMounts?: { id: string; restore?: string; save?: string; restored?: { files: number } }[] }).cacheMounts
      } finally {
        removeBuilder(builder, env)
      }
    }
    try {
      expect(runOn()).toMatchObject([{ id: 'pkg-cache', restore: 'miss', save: 'saved' }])
      // The fixture writes its cache file only on a miss: "unchanged" says the build found it.
      expect(runOn()).toMatchObject([{ id: 'pkg-cache', restore: 'hit', restored: { files: 1 }, save: 'unchanged' }])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a failing test stage: exit 1, the stage named, the runner not built', () => {
    const r = cli([...common(), '--build-arg', 'FAIL_TESTS=1'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ test stage "test" failed')
    expect(r.stdout).toMatch(/Runner stage "runner"\s+skipped/)
  })
})
