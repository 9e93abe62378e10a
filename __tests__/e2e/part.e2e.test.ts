/**
 * A split build's part, end to end through dist/ like the runner, as in Docker's "Distribute build
 * across multiple runners" recipe: one platform per step, pushed by digest to 127.0.0.1:5000 from a
 * remote BuildKit (the docker driver cannot push by digest). The test stage gates, the image is
 * audited and sized, the `digest` output is what the registry serves, the report carries `part`,
 * nothing is tagged, and no PR comment or check run is posted (the merge does that).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { recordImage } from '../helpers/engine-images.js'
import { startRemoteBuilder, type RemoteBuilder } from '../helpers/remote-builder.js'
import { actionNode, pullRequestPayload, REPO_ROOT, runAction } from '../helpers/runner.js'
import type { RunReport } from '../../src/report/run-report.js'

const REGISTRY = '127.0.0.1:5000'
const BASE = `${REGISTRY}/part-busybox:stable`
const DOCKERFILE = `FROM --platform=$BUILDPLATFORM ${BASE} AS files
ARG TARGETARCH
RUN mkdir -p /out/app && echo "hello $TARGETARCH" > /out/app/hello.txt
FROM files AS test
ARG FAIL_TESTS=0
RUN test "$FAIL_TESTS" = 0 && test -s /out/app/hello.txt
FROM scratch AS runner
COPY --from=files /out/ /
USER 1000
`

let github: FakeGitHub
let builder: RemoteBuilder
let workspace: string
const repo = `part-app-${randomBytes(3).toString('hex')}`
const name = `${REGISTRY}/${repo}`

beforeAll(async () => {
  // The remote builder sees no engine image: its base comes from the local registry.
  execFileSync('docker', ['tag', 'busybox:stable', BASE])
  try {
    execFileSync('docker', ['push', '-q', BASE], { stdio: 'ignore' })
  } finally {
    execFileSync('docker', ['rmi', BASE], { stdio: 'ignore' })
  }
  builder = await startRemoteBuilder('part-e2e')
  github = await startGitHubServer()
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-part-e2e-'))
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), DOCKERFILE)
}, 120_000)
afterAll(async () => {
  await github?.close()
  await builder?.stop()
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true })
})

const OUTPUT = `type=image,name=${name},push-by-digest=true,name-canonical=true,push=true`
const raw = (ref: string) =>
  JSON.parse(execFileSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], { encoding: 'utf8' })) as Record<string, unknown>

test.each([
  // In Actions, BPA's default provenance makes the push an index (the platform manifest plus an attestation manifest).
  ['linux/amd64', 'default provenance: an index', true, {}],
  // The docs recipe as written today: the repository in tags, an outputs line without name=.
  [
    'linux/arm64',
    'no provenance: a single manifest; docs form tags: REPO',
    false,
    { provenance: 'false', tags: name, outputs: 'type=image,push-by-digest=true,name-canonical=true,push=true' }
  ]
])(
  '%s (%s): tested, audited, pushed by digest and not tagged; digest output = what the registry serves; part report; no comment, no check run',
  async (platform, _what, index, extra) => {
    const issue = platform === 'linux/amd64' ? 71 : 72
    const r = await runAction({
      event: { name: 'pull_request', payload: pullRequestPayload({ number: issue }) },
      apiUrl: github.url,
      cwd: workspace,
      inputs: { builder: builder.name, platforms: platform, outputs: OUTPUT, target: 'runner', 'test-target': 'test', 'check-name': 'Stagecraft', ...extra }
    })
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs['test-result']).toBe('passed')

    const digest = r.outputs.digest
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const metadata = JSON.parse(r.outputs.metadata) as Record<string, unknown>
    expect(digest).toBe(metadata['containerimage.digest'])
    // BPA's imageid: the iidfile, i.e. the config digest, or the pushed digest when buildx names no config (an index).
    expect(r.outputs.imageid).toBe(metadata['containerimage.config.digest'] ?? digest)
    const pushed = raw(`${name}@${digest}`)
    expect('manifests' in pushed).toBe(index)

    const report = JSON.parse(fs.readFileSync(r.outputs.report, 'utf8')) as RunReport
    expect(report.verdict.passed).toBe(true)
    expect(report.test.result).toBe('passed')
    expect(report.platforms?.map(p => p.platform)).toEqual([platform])
    expect(report.size?.bytes).toBeGreaterThan(0)
    expect(report.part?.name).toBe(name)
    expect(report.part?.digest).toBe(digest)
    expect(report.part?.platforms).toHaveLength(1)
    const [p] = report.part!.platforms
    expect(p.platform).toBe(platform)
    if ('manifests' in pushed) {
      const entry = (pushed.manifests as { digest: string; platform: { os: string; architecture: string } }[]).find(
        m => `${m.platform.os}/${m.platform.architecture}` === platform
      )
      expect(p.digest).toBe(entry?.digest)
      expect(p.digest).not.toBe(digest)
    } else {
      expect(p.digest).toBe(digest)
    }
    const manifest = raw(`${name}@${p.digest}`) as { config: { digest: string }; layers: unknown[] }
    expect(manifest.layers.length).toBeGreaterThan(0)
    // The image exporter's config is the one the audit read from the layout (the manifests may differ in media types only).
    if (typeof metadata['containerimage.config.digest'] === 'string') expect(manifest.config.digest).toBe(metadata['containerimage.config.digest'])

    // Nothing tagged: the registry knows the repository by no tag.
    const tags = execFileSync('curl', ['-s', `http://${REGISTRY}/v2/${repo}/tags/list`], { encoding: 'utf8' })
    expect(JSON.parse(tags)).not.toMatchObject({ tags: expect.arrayContaining([expect.anything()]) })

    expect(github.commentsOn(issue)).toEqual([])
    expect(github.checkRuns).toEqual([])
    expect(r.summary).toContain(`**Part of a split build:** \`${platform}\` of \`${name}\`, pushed by digest as \`${digest}\``)
  },
  300_000
)

describe('the CLI: --output ...,push-by-digest=true writes the part report', () => {
  const cliRepo = `${repo}-cli`
  const cliName = `${REGISTRY}/${cliRepo}`
  const output = `type=image,name=${cliName},push-by-digest=true,name-canonical=true,push=true`
  const cli = (args: string[]) => {
    const r = spawnSync(actionNode(), [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' }
    })
    return { code: r.status, stdout: r.stdout, out: r.stdout + r.stderr }
  }
  const common = () => [workspace, '--builder', builder.name, '--target', 'runner', '--test-target', 'test', '--platform', 'linux/arm64', '--output', output]

  test('a failing test stage: exit 1, nothing pushed; the report names the part (image, platform) with no digest', () => {
    const report = path.join(workspace, 'failed.json')
    const r = cli([...common(), '--build-arg', 'FAIL_TESTS=1', '--report', report])
    expect(r.code).toBe(1)
    const written = JSON.parse(fs.readFileSync(report, 'utf8')) as RunReport
    // Still a part, so the merge fails naming its platform (and publishing leaves the PR to the merge).
    expect(written.part).toEqual({ name: cliName, platforms: [{ platform: 'linux/arm64' }] })
    expect(written.verdict.reasons[0]).toMatch(/^test stage "test" failed/)
    const catalog = JSON.parse(execFileSync('curl', ['-s', `http://${REGISTRY}/v2/_catalog?n=1000`], { encoding: 'utf8' })) as { repositories: string[] }
    expect(catalog.repositories).not.toContain(cliRepo)
  })

  test('passing: exit 0, the report names the part (pushed digest the registry serves, its platform)', () => {
    const report = path.join(workspace, 'part.json')
    const r = cli([...common(), '--report', report])
    expect(r.code).toBe(0)
    const written = JSON.parse(fs.readFileSync(report, 'utf8')) as RunReport
    expect(written.part).toEqual({
      name: cliName,
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      platforms: [{ platform: 'linux/arm64', digest: expect.any(String) }]
    })
    expect(written.image?.digest).toBe(written.part?.digest)
    expect(written.image?.tags).toEqual([])
    expect(raw(`${cliName}@${written.part!.digest}`)).toBeTruthy()
  })

  test('--tag with a tag beside push-by-digest: exit 2, one line naming tags', () => {
    const r = cli([...common(), '--tag', `${cliName}:pr-1`])
    expect(r.code).toBe(2)
    expect(r.out).toContain(`tags: a part of a split build (outputs: push-by-digest=true) is not tagged: give tags the repository only (e.g. "${cliName}")`)
  })

  test('on the docker driver (the default builder): stopped before building, saying what builder to use', () => {
    const r = cli([workspace, '--target', 'runner', '--platform', 'linux/arm64', '--output', output, '--json'])
    expect(r.code).not.toBe(0)
    const written = JSON.parse(r.stdout) as RunReport
    expect(written.verdict.reasons).toEqual([
      expect.stringMatching(/^outputs: push-by-digest cannot be done by the docker driver \(builder "[^"]+"\): use a docker-container builder/)
    ])
  })
})

test('not a part: an outputs line that pushes with a tag (docker driver) sets the digest output to what the registry serves under it; no part', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-part-plain-'))
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    'FROM busybox:stable AS files\nRUN mkdir -p /out && echo plain > /out/plain.txt\nFROM scratch AS runner\nCOPY --from=files /out/ /\nUSER 1000\n'
  )
  const ref = `${name}-plain:t${randomBytes(3).toString('hex')}`
  try {
    const r = await runAction({ event: 'push', cwd: dir, inputs: { outputs: `type=image,name=${ref},push=true`, comment: 'false' } })
    recordImage(ref)
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const served = execFileSync('docker', ['buildx', 'imagetools', 'inspect', ref, '--format', '{{json .Manifest.Digest}}'], { encoding: 'utf8' })
    expect(JSON.parse(served)).toBe(r.outputs.digest)
    expect((JSON.parse(fs.readFileSync(r.outputs.report, 'utf8')) as RunReport).part).toBeUndefined()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 300_000)
