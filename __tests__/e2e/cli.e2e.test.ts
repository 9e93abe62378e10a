/** The CLI as a script would use it: dist/cli.js, its exit codes, --json and the image commands. */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fixture, REPO_ROOT } from '../fixtures/paths.js'
import { recordImage } from '../helpers/engine-images.js'
import { actionNode } from '../helpers/runner.js'

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js')
const CONTEXT = fixture('multistage')
const cli = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(actionNode(), [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', ...env } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const secret = { DEMO_TOKEN: 'cli-token-4d2e9a71' }

describe('stagecraft CLI', () => {
  test('run: exit 0, --json is the report, the secret appears nowhere', () => {
    // Tagged, so the image it loads can be removed (untagged, it would stay as a <none> image).
    const tag = `stagecraft-e2e/cli:${randomBytes(4).toString('hex')}`
    const r = cli([CONTEXT, '--test-target', 'test', '--secret-env', 'registry_token=DEMO_TOKEN', '--tag', tag, '--json'], secret)
    recordImage(tag)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ schema: 'stagecraft/report@1', test: { result: 'passed' }, verdict: { passed: true } })
    expect(r.stdout + r.stderr).not.toContain(secret.DEMO_TOKEN)
    // Relative to the build context, not to where the CLI was started (the repo root here).
    expect(report.dockerfile).toBe('Dockerfile')
    expect(report.key).toMatch(/^Dockerfile:/)
    expect(report.failure).toBeUndefined()
  })

  test('a failing build with --json: the report carries the reason and the log tail; stderr shows the same tail', () => {
    const r = cli([CONTEXT, '--test-target', 'test', '--secret-env', 'registry_token=DEMO_TOKEN', '--build-arg', 'FAIL_TESTS=1', '--json'], secret)
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.failure.reason).toMatch(/test stage "test" failed/)
    expect(report.failure.logTail.length).toBeGreaterThan(0)
    expect(report.verdict.reasons).toContain(report.failure.reason)
    expect(r.stderr).toContain(`--- last ${report.failure.logTail.length} lines of the failing build ---\n${report.failure.logTail.join('\n')}\n---`)
    expect(r.stdout + r.stderr).not.toContain(secret.DEMO_TOKEN)
  })

  test('run with a failing test stage: exit 1, the stage named', () => {
    const r = cli([CONTEXT, '--test-target', 'test', '--secret-env', 'registry_token=DEMO_TOKEN', '--build-arg', 'FAIL_TESTS=1'], secret)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ test stage "test" failed')
  })

  test('bad input: exit 2 and one line naming the flag', () => {
    const r = cli([CONTEXT, '--max-size', 'huge'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('stagecraft: max-size: expected a size such as 250MB, 1.2GiB or 900kB, got "huge"')
  })

  test('no engine: exit 3', () => {
    const r = cli([CONTEXT, '--secret-env', 'registry_token=DEMO_TOKEN'], { ...secret, DOCKER_HOST: 'unix:///nonexistent.sock' })
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^stagecraft: no Docker engine reachable/m)
  })

  test('audit IMAGE: the busybox base runs as root by omission → exit 1; allowed → exit 0', () => {
    const root = cli(['audit', 'busybox:stable', '--json'])
    expect(root.code).toBe(1)
    expect(JSON.parse(root.stdout).audit.findings.map((f: { rule: string }) => f.rule)).toContain('non-root')
    const allowed = cli(['audit', 'busybox:stable', '--allow-root', '--json'])
    expect(allowed.code).toBe(0)
  })

  test('compare IMAGE BASELINE: the delta by layer', () => {
    const r = cli(['compare', 'debian:bookworm-slim', 'busybox:stable', '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.delta.baseline).toMatchObject({ source: 'image', ref: 'busybox:stable' })
    expect(report.delta.bytes).toBeGreaterThan(report.delta.baseBytes)
  })
})
