/**
 * dist/index.js run exactly as the Actions runner runs it, on the real engine: the build, the
 * test-stage gate, outputs, summary, masking, and bad input.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fixture } from '../fixtures/paths.js'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { recordImage } from '../helpers/engine-images.js'
import { imageId, imageOccurrences } from '../helpers/image-bytes.js'
import { actionNode, runAction, type ActionRun } from '../helpers/runner.js'

const CONTEXT = fixture('multistage')
let github: FakeGitHub
beforeAll(async () => {
  github = await startGitHubServer()
})
afterAll(async () => {
  await github.close()
})

const tag = (name: string) => `stagecraft-e2e/${name}:${randomBytes(4).toString('hex')}`
const created: string[] = []
afterAll(() => {
  for (const t of created) execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
})

/** Everything a person or a later step could read from the run. */
/** (`::add-mask::` lines are the runner's protocol: it reads and hides them.) */
const everything = (r: ActionRun) =>
  [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs), JSON.stringify(r.state), JSON.stringify(r.env)]
    .join('\n')
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)

describe('the action, run like the Actions runner runs it', () => {
  test('builds the fixture, passes its test stage, sets imageid and test-result; the secret is nowhere', async () => {
    const secret = `tok-${randomBytes(16).toString('hex')}`
    const t = tag('ok')
    created.push(t)
    const r = await runAction({
      event: 'pull_request',
      apiUrl: github.url,
      inputs: { context: CONTEXT, 'test-target': 'test', tags: t, secrets: `registry_token=${secret}`, 'no-cache': 'true' }
    })
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.problems).toEqual([])
    expect(r.outputs['test-result']).toBe('passed')
    expect(r.outputs.imageid).toBe(imageId(t))
    expect(JSON.parse(r.outputs.metadata)['containerimage.digest']).toMatch(/^sha256:/)
    expect(r.outputs.digest).toBeUndefined() // not pushed
    // Masked the moment it was read, and never printed, stored or summarised.
    expect(r.masked).toContain(secret)
    expect(everything(r)).not.toContain(secret)
    expect(imageOccurrences(t, secret)).toEqual([])
    // Phases are log groups and rows with durations in the summary.
    expect(r.stdout).toMatch(/::group::Test stage "test"/)
    expect(r.summary).toMatch(/\| Test stage "test" \| ✅ ok \| [\d.]+ m?s \|/)
    expect(r.summary).toMatch(/\| Runner stage "runner" \| ✅ ok \| [\d.]+ m?s \|/)
  })

  test("BPA's invalid secret lines for ids no RUN mounts are warnings naming input, line and id; the build goes on with the valid ones", async () => {
    const secret = `tok-${randomBytes(16).toString('hex')}`
    const t = tag('invalid-secret')
    created.push(t)
    const r = await runAction({
      event: 'push',
      apiUrl: github.url,
      env: { STAGECRAFT_UNSET_VAR: undefined },
      inputs: {
        context: CONTEXT,
        tags: t,
        secrets: `registry_token=${secret}\nINVALID_SECRET=`,
        'secret-files': 'INVALID_FILE=/nope/.npmrc',
        'secret-envs': 'INVALID_ENV=STAGECRAFT_UNSET_VAR'
      }
    })
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.problems).toEqual([])
    const warned = r.annotations.filter(a => a.level === 'warning').map(a => a.message)
    expect(warned).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^secrets: line 2: secret "INVALID_SECRET" has an empty value; no RUN in the Dockerfile mounts secret "INVALID_SECRET"/),
        expect.stringMatching(/^secret-files: line 1: secret "INVALID_FILE": file not found: \/nope\/\.npmrc; no RUN/),
        expect.stringMatching(/^secret-envs: line 1: secret "INVALID_ENV": environment variable STAGECRAFT_UNSET_VAR is not set; no RUN/)
      ])
    )
    expect(r.outputs.imageid).toBe(imageId(t))
    expect(everything(r)).not.toContain(secret)
  })

  test('a failing test stage fails the step naming the stage, with the log tail, and builds no runner image', async () => {
    const t = tag('fail')
    const r = await runAction({
      event: 'pull_request',
      apiUrl: github.url,
      inputs: {
        context: CONTEXT,
        'test-target': 'test',
        tags: t,
        secrets: 'registry_token=tok-9c1f5e0a77',
        'build-args': 'FAIL_TESTS=1',
        push: 'true'
      }
    })
    expect(r.exitCode).toBe(1)
    expect(r.outputs['test-result']).toBe('failed')
    expect(r.outputs.imageid).toBeUndefined()
    expect(errors(r)).toEqual([expect.stringMatching(/^test stage "test" failed \(exit 1\); the runner image was not built and nothing was pushed$/)])
    // The annotation lands on the test stage's RUN line, so it shows in the PR's diff view.
    expect(r.annotations.find(a => a.level === 'error')).toMatchObject({ file: expect.stringMatching(/Dockerfile$/), line: 19 })
    expect(r.summary).toContain("FAIL test 2: expected 'goodbye'")
    expect(r.summary).toMatch(/Last \d+ lines of the failing build's log/)
    expect(r.summary).toContain('| Runner stage "runner" | ⏭️ skipped: the test stage failed |')
    expect(imageId(t)).toBeUndefined()
  })

  test('cache mounts persist through cache-dir: after a prune of the builder, the second run finds the files', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-e2e-cache-'))
    try {
      const inputs = { context: CONTEXT, 'test-target': 'test', secrets: 'registry_token=tok-c4c4e1d2', 'cache-dir': cacheDir, 'no-cache': 'true' }
      const first = await runAction({ event: 'push', apiUrl: github.url, inputs })
      expect(first.exitCode).toBe(0)
      expect(first.summary).toContain('### Cache mounts')
      expect(first.stdout).toContain('pkg cache: miss')
      execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' }) // a fresh runner's empty builder
      const second = await runAction({ event: 'push', apiUrl: github.url, inputs })
      expect(second.exitCode).toBe(0)
      expect(second.stdout).toContain('pkg cache: hit')
      expect(second.summary).toMatch(/pkg-cache[^\n]*\| hit/)
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  })

  const secretValue = 'do-not-print-me-7f3a'
  test.each<[string, Record<string, string>, Record<string, string | undefined>, RegExp]>([
    ['missing Dockerfile', { file: 'no/such/Dockerfile' }, {}, /^file: Dockerfile not found: no\/such\/Dockerfile$/],
    ['unknown target', { target: 'prod' }, {}, /^target: no stage "prod" in the Dockerfile; its stages are: deps, builder, test, runner$/],
    ['unknown test-target', { 'test-target': 'tests' }, {}, /^test-target: no stage "tests" in the Dockerfile; its stages are: deps, builder, test, runner$/],
    [
      'secrets line without =',
      { secrets: `registry_token=ok\n${secretValue}` },
      {},
      /^secrets: line 2: expected id=value, found no "id=" prefix \(quote a multi-line value: "id=first line…last line"\)$/
    ],
    [
      'secret-files path that does not exist, for a secret the Dockerfile mounts',
      { 'secret-files': 'registry_token=/nope/.npmrc' },
      {},
      /^secret-files: line 1: secret "registry_token": file not found: \/nope\/\.npmrc \(Dockerfile line 13 mounts it\)$/
    ],
    [
      'secret-envs naming an unset variable, for a secret the Dockerfile mounts',
      { 'secret-envs': 'registry_token=STAGECRAFT_UNSET_VAR' },
      { STAGECRAFT_UNSET_VAR: undefined },
      /^secret-envs: line 1: secret "registry_token": environment variable STAGECRAFT_UNSET_VAR is not set \(Dockerfile line 13 mounts it\)$/
    ],
    [
      'an empty secret the Dockerfile mounts',
      { secrets: `other=${secretValue}\nregistry_token=` },
      {},
      /^secrets: line 2: secret "registry_token" has an empty value \(Dockerfile line 13 mounts it\)$/
    ],
    [
      'cache-mounts naming a mount the Dockerfile does not have',
      { 'cache-mounts': '/root/.npm' },
      {},
      /^cache-mounts: no RUN --mount=type=cache with id or target "\/root\/\.npm" in the Dockerfile; it has: /
    ],
    [
      'an unwritable cache-dir',
      { 'cache-dir': '/proc/stagecraft-cache' },
      {},
      /^cache-dir: cannot write to "\/proc\/stagecraft-cache" \(\w+\); give a writable directory or leave cache-dir empty$/
    ],
    [
      'no engine reachable',
      { secrets: `registry_token=${secretValue}` },
      { DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
      /^no Docker engine reachable \(.+\); start one, e\.g\. with scripts\/setup-engine\.sh$/
    ]
  ])('bad input: %s → exit 1, one line naming it, nothing printed or built', async (_name, inputs, env, message) => {
    const t = tag('bad')
    const r = await runAction({ event: 'push', apiUrl: github.url, env, inputs: { context: CONTEXT, tags: t, ...inputs } })
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toHaveLength(1)
    expect(errors(r)[0]).toMatch(message)
    expect(everything(r)).not.toContain(secretValue)
    expect(r.outputs.imageid).toBeUndefined()
    expect(imageId(t)).toBeUndefined()
  })
})

describe('push to a real registry (Debian docker-registry on 127.0.0.1:5000, see scripts/setup-registry.sh)', () => {
  const REGISTRY = '127.0.0.1:5000'
  const repo = `stagecraft-e2e/pushed-${randomBytes(3).toString('hex')}`
  /** The registry's digest for a tag (what a pull resolves), or undefined when it has no such tag. */
  const registryDigest = (tag: string): string | undefined => {
    const headers = execFileSync(
      'curl',
      [
        '-sSI',
        '-H',
        'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
        `http://${REGISTRY}/v2/${repo}/manifests/${tag}`
      ],
      { encoding: 'utf8' }
    )
    if (!/^HTTP\/1\.1 200/.test(headers)) return undefined
    return headers.match(/^docker-content-digest:\s*(\S+)/im)?.[1]
  }

  const manifest = (ref: string): { manifests?: { digest: string; platform?: { architecture: string } }[]; layers?: { size: number }[] } =>
    JSON.parse(
      execFileSync(
        'curl',
        [
          '-sS',
          '-H',
          'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
          `http://${REGISTRY}/v2/${repo}/manifests/${ref}`
        ],
        {
          encoding: 'utf8'
        }
      )
    )
  /** The sum of the pushed amd64 manifest's layer blob sizes: what a pull downloads. */
  const pushedLayerBytes = (tag: string): number => {
    let m = manifest(tag)
    if (m.manifests) m = manifest(m.manifests.find(x => x.platform?.architecture === 'amd64')!.digest)
    return (m.layers ?? []).reduce((n, l) => n + l.size, 0)
  }

  test("push: true pushes only after the test stage; digest is the registry's; compressed size is read from the pushed manifest", async () => {
    const r = await runAction({
      event: 'push',
      apiUrl: github.url,
      inputs: { context: CONTEXT, 'test-target': 'test', secrets: 'registry_token=tok-push-77aa', push: 'true', tags: `${REGISTRY}/${repo}:ok` }
    })
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs.digest).toBe(registryDigest('ok'))
    const report = JSON.parse(fs.readFileSync(r.outputs.report, 'utf8'))
    // Exact either way: the build's own layout blobs (the same blobs it pushed) or, on the classic
    // store, the pushed manifest. Both must equal what a pull downloads.
    expect(['blob', 'registry']).toContain(report.size.compressedFrom)
    expect(report.size.compressedBytes).toBe(Number(r.outputs['compressed-size']))
    expect(report.size.compressedBytes).toBe(pushedLayerBytes('ok'))
  })

  test('a failing test stage pushes nothing', async () => {
    const r = await runAction({
      event: 'push',
      apiUrl: github.url,
      inputs: {
        context: CONTEXT,
        'test-target': 'test',
        secrets: 'registry_token=tok-push-77aa',
        push: 'true',
        tags: `${REGISTRY}/${repo}:failed`,
        'build-args': 'FAIL_TESTS=1'
      }
    })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.digest).toBeUndefined()
    expect(registryDigest('failed')).toBeUndefined()
  })
})

describe("zstd base layers reach the build's layout (containerd store): audited on Node 24, the step fails with the reason where Node has no zstd", () => {
  const REGISTRY = '127.0.0.1:5000'
  const containerd = execFileSync('docker', ['info', '--format', '{{json .DriverStatus}}'], { encoding: 'utf8' }).includes('io.containerd.snapshotter')
  const hasZstd = (node: string) =>
    spawnSync(node, ['-p', "typeof require('node:zlib').createZstdDecompress === 'function'"], { encoding: 'utf8' }).stdout.trim() === 'true'
  let dir: string

  /** A base pushed with zstd layers, and a Dockerfile on it whose layout export keeps them. */
  beforeAll(() => {
    if (!containerd) return // the classic store exports uncompressed layers: nothing zstd reaches the audit there
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-zstd-'))
    const base = `${REGISTRY}/stagecraft-e2e/zstd-base:${randomBytes(3).toString('hex')}`
    fs.writeFileSync(path.join(dir, 'Base.Dockerfile'), 'FROM busybox:stable\nRUN echo base > /base.txt\n')
    execFileSync(
      'docker',
      [
        'buildx',
        'build',
        '--quiet',
        '-f',
        path.join(dir, 'Base.Dockerfile'),
        '--output',
        `type=image,name=${base},push=true,compression=zstd,force-compression=true`,
        dir
      ],
      { stdio: 'ignore' }
    )
    recordImage(base) // the image exporter keeps it in the engine too
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${base} AS runner\nCOPY --link Base.Dockerfile /app/\nUSER 65532\n`)
  })
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }))

  test("on the action's runtime (Node 24): the zstd layers are read, audited and sized", async () => {
    if (!containerd) return
    if (!hasZstd(actionNode())) return // this tier runs the action on Node 20: the next test is its case
    const pushed = `${REGISTRY}/stagecraft-e2e/zstd-app:${randomBytes(3).toString('hex')}`
    const r = await runAction({ event: 'push', apiUrl: github.url, inputs: { context: dir, push: 'true', tags: pushed } })
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    const report = JSON.parse(fs.readFileSync(r.outputs.report, 'utf8'))
    expect(report.verdict.passed).toBe(true)
    expect(report.image.digest).toBe(r.outputs.digest)
    expect(report.size.layers.length).toBeGreaterThanOrEqual(3)
    expect(report.audit.findings.map((f: { rule: string }) => f.rule)).not.toContain('non-root')
  })

  test('on a Node.js without zstd (20): outputs, report and summary are all written, and the step fails with the reason', async () => {
    if (!containerd) return
    const node20 = process.execPath
    expect(hasZstd(node20)).toBe(false)
    const pushed = `${REGISTRY}/stagecraft-e2e/zstd-app:${randomBytes(3).toString('hex')}`
    const r = await runAction({ event: 'push', apiUrl: github.url, inputs: { context: dir, push: 'true', tags: pushed }, node: node20 })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(JSON.parse(r.outputs.metadata)['containerimage.digest']).toBe(r.outputs.digest)
    expect(r.outputs['test-result']).toBe('skipped')
    const report = JSON.parse(fs.readFileSync(r.outputs.report, 'utf8'))
    expect(report.verdict.passed).toBe(false)
    expect(report.image.digest).toBe(r.outputs.digest)
    expect(report.verdict.reasons[0]).toMatch(
      /^audit: the image .* could not be read, so it was not audited or sized \(.*zstd-compressed layer, and Node\.js 20\./
    )
    expect(r.summary).toContain('Why this check fails')
    expect(r.summary).toMatch(/Audit \| ❌ failed: .*zstd/)
    expect(errors(r).join('\n')).toMatch(/zstd-compressed layer/)
  })
})
