/** The CLI as a script would use it: dist/cli.js, its exit codes, --json and the image commands. */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fixture, REPO_ROOT } from '../fixtures/paths.js'
import { recordImage } from '../helpers/engine-images.js'
import { actionNode } from '../helpers/runner.js'

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js')
const CONTEXT = fixture('multistage')
/** Run the CLI (on `env.node`, else the tier's node) with extra environment. */
const cli = (args: string[], { node, ...env }: Record<string, string> = {}) => {
  const r = spawnSync(node ?? actionNode(), [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', ...env } })
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

  test('audit --registry of an image pushed with zstd layers: read on Node 24, one line naming zstd on Node 20', async () => {
    // The classic store's docker driver pushes through the engine's own pusher, which writes gzip
    // layers whatever compression= says: only the containerd store pushes what BuildKit made.
    if (!execFileSync('docker', ['info', '--format', '{{json .DriverStatus}}'], { encoding: 'utf8' }).includes('io.containerd.snapshotter')) return
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-zstd-'))
    try {
      fs.writeFileSync(
        path.join(work, 'Dockerfile'),
        'FROM busybox:stable AS runner\nRUN mkdir /app && head -c 100000 /dev/urandom > /app/blob.bin && cp /bin/busybox /app/tool && chmod 4755 /app/tool\nUSER 1000\n'
      )
      const ref = `127.0.0.1:5000/cli-zstd:${randomBytes(4).toString('hex')}`
      // BuildKit re-compresses every layer, the base image's too, as OCI tar+zstd.
      execFileSync('docker', ['buildx', 'build', '--output', `type=registry,name=${ref},compression=zstd,force-compression=true,oci-mediatypes=true`, work], {
        stdio: ['ignore', 'ignore', 'pipe']
      })
      const [registry, rest] = [ref.slice(0, ref.indexOf('/')), ref.slice(ref.indexOf('/') + 1)]
      const [repo, tag] = rest.split(':')
      const get = async (what: string) =>
        (await (
          await fetch(`http://${registry}/v2/${repo}/manifests/${what}`, {
            headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' }
          })
        ).json()) as { manifests?: { digest: string; platform: { os: string } }[]; layers?: { mediaType: string; size: number }[] }
      const index = await get(tag)
      const manifest = await get(index.manifests!.find(m => m.platform.os === 'linux')!.digest)
      expect(manifest.layers!.map(l => l.mediaType)).toEqual(['application/vnd.oci.image.layer.v1.tar+zstd', 'application/vnd.oci.image.layer.v1.tar+zstd'])

      // The runtime of the tier (Node 24 where the action's runtime is tested) and this machine's Node 20.
      for (const node of new Set([actionNode(), process.execPath])) {
        const hasZstd =
          spawnSync(node, ['-p', "typeof require('node:zlib').createZstdDecompress === 'function'"], { encoding: 'utf8' }).stdout.trim() === 'true'
        // A cache of its own: layer facts another run cached would spare the read this test is about.
        const r = cli(['audit', '--registry', ref, '-f', path.join(work, 'Dockerfile'), '--target', 'runner', '--json'], {
          XDG_CACHE_HOME: path.join(work, `cache-${hasZstd}`),
          node
        })
        const report = JSON.parse(r.stdout)
        if (hasZstd) {
          expect(r.code).toBe(0)
          expect(report.audit.findings.map((f: { rule: string; evidence: { path?: string } }) => `${f.rule} ${f.evidence.path ?? ''}`)).toContain(
            'hygiene/setuid /app/tool'
          )
          // Each layer's compressed size is its zstd blob's, as the registry's manifest gives it.
          expect(report.size.layers.map((l: { compressedBytes: number }) => l.compressedBytes)).toEqual(manifest.layers!.map(l => l.size))
        } else {
          expect(r.code).toBe(1)
          expect(report.failure.reason).toMatch(
            /cannot be read: zstd-compressed layer, and Node\.js 20\.\d+\.\d+ has no zstd \(Node\.js 24, the action's runtime, reads it/
          )
        }
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true })
    }
  })

  test('compare IMAGE BASELINE: the delta by layer', () => {
    const r = cli(['compare', 'debian:bookworm-slim', 'busybox:stable', '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.delta.baseline).toMatchObject({ source: 'image', ref: 'busybox:stable' })
    expect(report.delta.bytes).toBeGreaterThan(report.delta.baseBytes)
  })
})
