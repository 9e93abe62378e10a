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
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fixture, REPO_ROOT } from '../fixtures/paths.js'
import { ensureBuilder, sharedBuilders, sidContainerBuilder, sidEngineEnv, type BuilderKind } from '../helpers/buildkit-builders.js'
import { actionNode } from '../helpers/runner.js'

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js')
const CONTEXT = fixture('multistage')
const secret = { BK_TOKEN: 'bk-builders-token-5c1e0f93' }
const ENGINE = process.env.STAGECRAFT_BUILDERS_ENGINE ?? 'main'
if (ENGINE !== 'main' && ENGINE !== 'sid') throw new Error(`STAGECRAFT_BUILDERS_ENGINE: expected main or sid, got "${ENGINE}"`)
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
  } else {
    builders = sharedBuilders()
  }
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

  test('a failing test stage: exit 1, the stage named, the runner not built', () => {
    const r = cli([...common(), '--build-arg', 'FAIL_TESTS=1'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ test stage "test" failed')
    expect(r.stdout).toMatch(/Runner stage "runner"\s+skipped/)
  })
})
