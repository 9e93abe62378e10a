/**
 * Issue 19's acceptance test: many runners, many platforms, many images, one verdict. Real part
 * runs of the action (dist/index.js through runAction) on two independent "runners" (each its own
 * HOME with its own buildx state, RUNNER_TEMP, checkout and builder): linux/amd64 on a
 * docker-container BuildKit builder, linux/arm64 on a remote BuildKit daemon (a FROM scratch runner
 * laid out by a --platform=$BUILDPLATFORM stage: no emulation). Each pushes by digest to the local
 * registry in the docs recipe's form (`tags: REGISTRY/REPO`, `outputs: type=image,push-by-digest=true,
 * name-canonical=true,push=true`) and leaves its report where actions/download-artifact would lay it
 * out. The merge runs on a third runner with no builder and no engine (an empty HOME, DOCKER_HOST
 * pointing nowhere): it only needs the reports and the registry. The size baseline crosses runners
 * through the Actions cache service emulation, as on GitHub: the merge on a push to main saves it,
 * the pull request's parts compare each platform against its own.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildx, freshBuilder, registryManifest, removeBuilder, REGISTRY } from '../helpers/buildkit-builders.js'
import { startCacheService, type FakeCacheService, type RunScope } from '../helpers/cache-service.js'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { pullRequestPayload, pushPayload, runAction, type ActionRun } from '../helpers/runner.js'
import type { RunReport } from '../../src/report/run-report.js'

const run = randomBytes(3).toString('hex')
const APP_REPO = `wt-scaleout-app-${run}`
const WEB_REPO = `wt-scaleout-web-${run}`
const AUDIT_REPO = `wt-scaleout-audit-${run}`
const APP = `${REGISTRY}/${APP_REPO}`
const WEB = `${REGISTRY}/${WEB_REPO}`
const PART_OUTPUT = 'type=image,push-by-digest=true,name-canonical=true,push=true'
const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const

/** The app: a test stage that FAIL_TESTS fails, a payload of PAYLOAD_KB (twice that on arm64). */
const APP_DOCKERFILE = `FROM --platform=$BUILDPLATFORM busybox:stable AS files
ARG TARGETARCH
ARG PAYLOAD_KB=64
RUN mkdir -p /out/app && echo "hello $TARGETARCH" > /out/app/hello.txt \\
 && n=$PAYLOAD_KB && if [ "$TARGETARCH" = arm64 ]; then n=$((n * 2)); fi \\
 && head -c $((n * 1024)) /dev/urandom > /out/app/payload.bin
FROM files AS test
ARG FAIL_TESTS=0
RUN test "$FAIL_TESTS" = 0 && test -s /out/app/hello.txt
FROM scratch AS runner
COPY --from=files /out/ /
USER 1000
`
/** A second image of the same repository: runs as root, so its audit fails (the worse image). */
const WEB_DOCKERFILE = `FROM --platform=$BUILDPLATFORM busybox:stable AS files
ARG TARGETARCH
RUN mkdir -p /out/www && echo "web $TARGETARCH" > /out/www/index.html
FROM scratch AS runner
COPY --from=files /out/ /
`
/** Built elsewhere (plain buildx), then audited from the registry: a setuid shell (warning), non-root. */
const AUDIT_DOCKERFILE = `FROM --platform=$BUILDPLATFORM busybox:stable AS build
ARG TARGETARCH
RUN mkdir -p /out/app /out/bin && echo "audit $TARGETARCH" > /out/app/app.txt \\
 && head -c 200000 /dev/urandom > /out/app/blob.bin && cp /bin/busybox /out/bin/sh && chmod 4755 /out/bin/sh
FROM scratch AS runner
COPY --from=build /out/app /app
COPY --from=build /out/bin /bin
USER 1000
`

/** One runner: its own HOME (buildx state, Docker config), checkout, builder and step environment. */
interface Runner {
  label: string
  home: string
  workspace: string
  builder?: string
  env: Record<string, string | undefined>
}

let github: FakeGitHub
let cache: FakeCacheService
let root: string
let amd: Runner
let arm: Runner
let merger: Runner
const made: { name: string; env: NodeJS.ProcessEnv }[] = []

/**
 * A runner laid out as a GitHub-hosted one (HOME /home/runner, the checkout at
 * HOME/work/REPO/REPO, RUNNER_TEMP HOME/work/_temp), or as a container job (the checkout at
 * /__w/REPO/REPO, RUNNER_TEMP /__w/_temp, HOME /github/home: elsewhere relative to the checkout).
 * The Actions cache archives paths relative to the workspace: the baseline the merge saves on
 * one layout must restore on the other.
 */
function newRunner(label: string, extra: Record<string, string | undefined> = {}, layout: 'hosted' | 'container' = 'hosted'): Runner {
  const base = path.join(root, label)
  const home = layout === 'hosted' ? path.join(base, 'home', 'runner') : path.join(base, 'github', 'home')
  const work = layout === 'hosted' ? path.join(home, 'work') : path.join(base, '__w')
  const workspace = path.join(work, 'repo', 'repo')
  const temp = path.join(work, '_temp')
  fs.mkdirSync(workspace, { recursive: true })
  fs.mkdirSync(home, { recursive: true })
  fs.mkdirSync(temp, { recursive: true })
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), APP_DOCKERFILE)
  fs.writeFileSync(path.join(workspace, 'Dockerfile.web'), WEB_DOCKERFILE)
  fs.writeFileSync(path.join(workspace, 'Dockerfile.audit'), AUDIT_DOCKERFILE)
  return {
    label,
    home,
    workspace,
    env: { HOME: home, RUNNER_TEMP: temp, DOCKER_CONFIG: undefined, BUILDX_CONFIG: undefined, BUILDX_BUILDER: undefined, ...extra }
  }
}
const processEnv = (r: Runner): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [k, v] of Object.entries(r.env))
    if (v === undefined) delete env[k]
    else env[k] = v
  return env
}
function withBuilder(r: Runner, kind: 'container' | 'remote'): void {
  const env = processEnv(r)
  r.builder = freshBuilder(kind, `wt-scaleout-${r.label}`, env)
  made.push({ name: r.builder, env })
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wt-scaleout-'))
  cache = await startCacheService()
  github = await startGitHubServer({ caches: { entries: cache.entries, delete: id => cache.delete(id) } })
  amd = newRunner('amd64')
  arm = newRunner('arm64')
  // No builder, no engine: the merge needs only the reports and the registry.
  merger = newRunner('merge', { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, 'container')
  withBuilder(amd, 'container')
  withBuilder(arm, 'remote')
}, 180_000)
afterAll(async () => {
  for (const b of made) removeBuilder(b.name, b.env)
  await github?.close()
  await cache?.close()
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

const MAIN: RunScope = { ref: 'refs/heads/main' }
const prScope = (n: number): RunScope => ({ pullRequest: n, baseRef: 'main' })
type Event = { kind: 'push'; after: string } | { kind: 'pr'; number: number }
const eventOf = (e: Event) =>
  e.kind === 'push'
    ? { event: { name: 'push', payload: pushPayload({ after: e.after }) }, scope: MAIN }
    : { event: { name: 'pull_request', payload: pullRequestPayload({ number: e.number }) }, scope: prScope(e.number) }

const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const ours = (issue: number) => github.commentsOn(issue).filter(c => c.body.startsWith('<!-- stagecraft:comment'))
const checksFor = (issue: number) =>
  github.checkRuns.filter(c => c.head_sha === (pullRequestPayload({ number: issue }) as { pull_request: { head: { sha: string } } }).pull_request.head.sha)

/** A part job: one platform on its runner, the docs recipe's inputs; returns the run and its report. */
async function part(
  runner: Runner,
  platform: string,
  e: Event,
  opts: { file?: string; name?: string; buildArgs?: string[] } = {}
): Promise<{ run: ActionRun; report: RunReport; file: string }> {
  const { event, scope } = eventOf(e)
  freshTemp(runner)
  const r = await runAction({
    event,
    apiUrl: github.url,
    cwd: runner.workspace,
    env: { ...runner.env, ...cache.env(scope) },
    inputs: {
      builder: runner.builder!,
      platforms: platform,
      ...(opts.file ? { file: opts.file } : {}),
      target: 'runner',
      ...(opts.file ? {} : { 'test-target': 'test' }),
      tags: opts.name ?? APP,
      outputs: PART_OUTPUT,
      'build-args': (opts.buildArgs ?? []).join('\n'),
      'check-name': 'stagecraft'
    }
  })
  if (!r.outputs.report || !fs.existsSync(r.outputs.report))
    throw new Error(`the ${platform} part wrote no report:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`)
  // Uploaded as the job's artifact: the next job on this runner starts with a clean RUNNER_TEMP.
  const file = path.join(root, 'artifacts', randomBytes(4).toString('hex'), path.basename(r.outputs.report))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.copyFileSync(r.outputs.report, file)
  return { run: r, report: JSON.parse(fs.readFileSync(file, 'utf8')) as RunReport, file }
}

/** A job starts with an empty RUNNER_TEMP (the runner cleans it between jobs). */
function freshTemp(runner: Runner): void {
  const temp = runner.env.RUNNER_TEMP!
  fs.rmSync(temp, { recursive: true, force: true })
  fs.mkdirSync(temp, { recursive: true })
}

/**
 * Lay the part reports out as actions/download-artifact does (`pattern: stagecraft-*`, `path:
 * reports`): a directory per artifact under the merge runner's checkout. Returns the directory.
 */
function download(artifacts: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(merger.workspace, 'reports-'))
  for (const [artifact, file] of Object.entries(artifacts)) {
    fs.mkdirSync(path.join(dir, artifact), { recursive: true })
    fs.copyFileSync(file, path.join(dir, artifact, path.basename(file)))
  }
  return path.relative(merger.workspace, dir)
}

/** The merge job on the third runner (`attempt`: GITHUB_RUN_ATTEMPT, "Re-run jobs" makes it 2). */
function merge(reportsDir: string, e: Event, extra: Record<string, string> = {}, attempt = 1): Promise<ActionRun> {
  const { event, scope } = eventOf(e)
  freshTemp(merger)
  return runAction({
    event,
    apiUrl: github.url,
    cwd: merger.workspace,
    env: { ...merger.env, ...cache.env(scope), GITHUB_RUN_ATTEMPT: String(attempt) },
    inputs: { mode: 'merge', reports: `${reportsDir}/**/*.json`, platforms: PLATFORMS.join(','), 'check-name': 'stagecraft', ...extra }
  })
}

const tagsOf = async (repo: string): Promise<string[]> => {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/tags/list`)
  return res.ok ? (((await res.json()) as { tags?: string[] | null }).tags ?? []) : []
}
/** The manifests of an index, attestations (platform unknown/unknown) apart. */
async function indexOf(repo: string, ref: string): Promise<{ platforms: { platform: string; digest: string }[]; attestationsOf: string[] }> {
  const idx = (await registryManifest(repo, ref)) as {
    manifests?: { digest: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }[]
  }
  const all = idx.manifests ?? []
  const isAttestation = (m: (typeof all)[number]) => m.platform?.os === 'unknown'
  return {
    platforms: all.filter(m => !isAttestation(m)).map(m => ({ platform: `${m.platform!.os}/${m.platform!.architecture}`, digest: m.digest })),
    attestationsOf: all.filter(isAttestation).map(m => m.annotations?.['vnd.docker.reference.digest'] ?? '')
  }
}

/** The part reports of the pull request (PR_MAIN), shared by the cases that follow the happy path. */
const pr: Record<string, { run: ActionRun; report: RunReport; file: string }> = {}
const PR_MAIN = 101
let indexDigest = ''

describe('two runners, two platforms, one index and one verdict', () => {
  test('push to main: each runner pushes its platform by digest and tags nothing; the merge makes the index and saves the baseline', async () => {
    const e: Event = { kind: 'push', after: randomBytes(20).toString('hex') }
    const [a, b] = await Promise.all([part(amd, 'linux/amd64', e), part(arm, 'linux/arm64', e)])
    for (const p of [a, b]) {
      expect(errors(p.run)).toEqual([])
      expect(p.run.exitCode).toBe(0)
      expect(p.report.part?.name).toBe(APP)
      expect(p.run.outputs.digest).toBe(p.report.part?.digest)
    }
    expect(await tagsOf(APP_REPO)).toEqual([])
    // Parts save no baseline: the merge does, once, for every platform.
    expect(cache.entries.filter(x => x.finalized && x.key.startsWith('stagecraft-report-v1-'))).toEqual([])

    const m = await merge(download({ 'stagecraft-linux-amd64': a.file, 'stagecraft-linux-arm64': b.file }), e, { tags: `${APP}:main` })
    expect(errors(m)).toEqual([])
    expect(m.exitCode).toBe(0)
    expect(m.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const saved = cache.entries.filter(x => x.finalized && x.key.startsWith('stagecraft-report-v1-'))
    expect(saved.map(x => x.scope)).toEqual(['refs/heads/main'])
  })

  test('pull request: one index of exactly the two parts, tags applied, digest output = the index; one comment with both platforms, sizes and deltas; one check run', async () => {
    const e: Event = { kind: 'pr', number: PR_MAIN }
    // The PR grows the payload: 64 → 96 KiB on amd64, 128 → 192 KiB on arm64.
    const grow = ['PAYLOAD_KB=96']
    const [a, b] = await Promise.all([part(amd, 'linux/amd64', e, { buildArgs: grow }), part(arm, 'linux/arm64', e, { buildArgs: grow })])
    pr.amd = a
    pr.arm = b
    for (const [p, platform] of [
      [a, 'linux/amd64'],
      [b, 'linux/arm64']
    ] as const) {
      expect(errors(p.run)).toEqual([])
      expect(p.run.exitCode).toBe(0)
      expect(p.report.part?.platforms.map(x => x.platform)).toEqual([platform])
      // Each part compared its platform against that platform's baseline, restored from main's cache.
      expect(p.report.platforms?.[0].delta).toBeDefined()
    }
    expect(ours(PR_MAIN)).toEqual([])
    expect(checksFor(PR_MAIN)).toEqual([])

    const m = await merge(download({ 'stagecraft-linux-amd64': a.file, 'stagecraft-linux-arm64': b.file }), e, { tags: `${APP}:pr-${PR_MAIN}\n${APP}:latest` })
    expect(errors(m)).toEqual([])
    expect(m.exitCode).toBe(0)
    indexDigest = m.outputs.digest
    expect(indexDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(m.stdout + m.stderr).not.toMatch(/Cannot connect to the Docker daemon/)

    // The index: exactly the parts' platform manifests (and the attestations that point at them).
    const idx = await indexOf(APP_REPO, indexDigest)
    expect(idx.platforms).toEqual([
      { platform: 'linux/amd64', digest: a.report.part!.platforms[0].digest },
      { platform: 'linux/arm64', digest: b.report.part!.platforms[0].digest }
    ])
    for (const ref of idx.attestationsOf) expect(idx.platforms.map(p => p.digest)).toContain(ref)
    for (const tag of [`pr-${PR_MAIN}`, 'latest']) {
      const res = await fetch(`http://${REGISTRY}/v2/${APP_REPO}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { accept: 'application/vnd.oci.image.index.v1+json' }
      })
      expect(res.headers.get('docker-content-digest')).toBe(indexDigest)
    }

    const report = JSON.parse(fs.readFileSync(m.outputs.report, 'utf8')) as RunReport
    expect(report.image).toMatchObject({ digest: indexDigest, tags: [`${APP}:pr-${PR_MAIN}`, `${APP}:latest`] })
    const sizes = Object.fromEntries(report.platforms!.map(p => [p.platform, p]))
    expect(sizes['linux/arm64'].size.bytes).toBeGreaterThan(sizes['linux/amd64'].size.bytes)
    // Each platform against its own baseline: +32 KiB and +64 KiB (and a little tar overhead).
    const grew = (p: string) => sizes[p].delta!.bytes - sizes[p].delta!.baseBytes
    expect(grew('linux/amd64')).toBeGreaterThanOrEqual(32 * 1024)
    expect(grew('linux/amd64')).toBeLessThan(40 * 1024)
    expect(grew('linux/arm64')).toBeGreaterThanOrEqual(64 * 1024)
    expect(grew('linux/arm64')).toBeLessThan(72 * 1024)

    expect(ours(PR_MAIN)).toHaveLength(1)
    const body = ours(PR_MAIN)[0].body
    expect(body).toContain('### ✅ Stagecraft · ')
    expect(body).toMatch(/\| `linux\/amd64` \| [\d.]+ kB \| 📈 \+3\d(\.\d)? kB \([^)]*\) \|/)
    expect(body).toMatch(/\| `linux\/arm64` \| [\d.]+ kB \| 📈 \+(6\d|7[0-4])(\.\d)? kB \([^)]*\) \|/)
    expect(checksFor(PR_MAIN)).toEqual([expect.objectContaining({ name: 'stagecraft', conclusion: 'success' })])
  })

  test('a rerun of the merge job: the same index digest, still one comment (updated); the newest check run is the rerun of it', async () => {
    const e: Event = { kind: 'pr', number: PR_MAIN }
    const before = ours(PR_MAIN)[0]
    // Another download of the same artifacts, listed the other way round; attempt 2 of the same run.
    const m = await merge(
      download({ 'stagecraft-linux-arm64': pr.arm.file, 'stagecraft-linux-amd64': pr.amd.file }),
      e,
      { tags: `${APP}:pr-${PR_MAIN}\n${APP}:latest` },
      2
    )
    expect(errors(m)).toEqual([])
    expect(m.exitCode).toBe(0)
    expect(m.outputs.digest).toBe(indexDigest)
    expect(ours(PR_MAIN)).toEqual([expect.objectContaining({ id: before.id })])
    expect(ours(PR_MAIN)[0].updated_at >= before.updated_at).toBe(true)
    // GitHub shows a commit's newest check run of a name: a re-run adds one, as every re-run job does.
    expect(checksFor(PR_MAIN).map(c => [c.external_id, c.conclusion])).toEqual([
      ['stagecraft:run=7.1', 'success'],
      ['stagecraft:run=7.2', 'success']
    ])
  })

  test('a missing part: the step fails naming the platform, and nothing is tagged', async () => {
    const issue = 102
    const m = await merge(download({ 'stagecraft-linux-amd64': pr.amd.file }), { kind: 'pr', number: issue }, { tags: `${APP}:missing` })
    expect(m.exitCode).toBe(1)
    expect(errors(m).join('\n')).toContain(`linux/arm64: no part report for ${APP} (Dockerfile:runner)`)
    expect(m.outputs.digest).toBeUndefined()
    expect(await tagsOf(APP_REPO)).not.toContain('missing')
    expect(ours(issue)[0].body).toContain('linux/arm64: no part report')
    expect(checksFor(issue)).toEqual([expect.objectContaining({ conclusion: 'failure' })])
  })

  test('a failing part (its test stage fails on the arm64 runner): the merged verdict fails naming the platform', async () => {
    const issue = 103
    const failing = await part(arm, 'linux/arm64', { kind: 'pr', number: issue }, { buildArgs: ['FAIL_TESTS=1'] })
    expect(failing.run.exitCode).toBe(1)
    const m = await merge(
      download({ 'stagecraft-linux-amd64': pr.amd.file, 'stagecraft-linux-arm64': failing.file }),
      { kind: 'pr', number: issue },
      { tags: `${APP}:failing` }
    )
    expect(m.exitCode).toBe(1)
    expect(errors(m).join('\n')).toContain(`linux/arm64: the part of ${APP} (Dockerfile:runner) failed: test stage "test" failed`)
    expect(await tagsOf(APP_REPO)).not.toContain('failing')
    expect(ours(issue)).toHaveLength(1)
    expect(ours(issue)[0].body).toContain('### ❌ Stagecraft · ')
    expect(ours(issue)[0].body).toContain('linux/arm64: the part of')
    expect(checksFor(issue)).toEqual([expect.objectContaining({ conclusion: 'failure' })])
  })

  test('a part whose digest the registry does not hold: fails naming it', async () => {
    const issue = 104
    // A valid-looking digest nothing was pushed under (the arm64 part's, with its last digit changed).
    const real = pr.arm.report.part!.digest!
    const absent = `${real.slice(0, -1)}${real.endsWith('0') ? '1' : '0'}`
    const edited = path.join(root, 'edited', path.basename(pr.arm.file))
    fs.mkdirSync(path.dirname(edited), { recursive: true })
    const r = JSON.parse(fs.readFileSync(pr.arm.file, 'utf8')) as RunReport
    r.part = { ...r.part!, digest: absent, platforms: r.part!.platforms.map(p => ({ ...p, digest: p.digest === real ? absent : p.digest })) }
    fs.writeFileSync(edited, JSON.stringify(r))
    const m = await merge(
      download({ 'stagecraft-linux-amd64': pr.amd.file, 'stagecraft-linux-arm64': edited }),
      { kind: 'pr', number: issue },
      { tags: `${APP}:unheld` }
    )
    expect(m.exitCode).toBe(1)
    expect(errors(m).join('\n')).toContain(`linux/arm64: the registry does not hold ${APP}@${absent}`)
    expect(await tagsOf(APP_REPO)).not.toContain('unheld')
  })

  test('two images in one comment, worst first; one check with the worst conclusion', async () => {
    const issue = 105
    const e: Event = { kind: 'pr', number: issue }
    const [a, b] = await Promise.all([
      part(amd, 'linux/amd64', e, { file: 'Dockerfile.web', name: WEB }),
      part(arm, 'linux/arm64', e, { file: 'Dockerfile.web', name: WEB })
    ])
    for (const p of [a, b]) {
      // The web image runs as root: its parts fail the audit, but they were pushed and are parts.
      expect(p.report.part?.name).toBe(WEB)
      expect(p.report.verdict.reasons.join('\n')).toMatch(/non-root/)
    }
    // The app's artifacts first: the order of the comment is the merge's, not the download's.
    const dir = download({
      'stagecraft-app-linux-amd64': pr.amd.file,
      'stagecraft-app-linux-arm64': pr.arm.file,
      'stagecraft-web-linux-amd64': a.file,
      'stagecraft-web-linux-arm64': b.file
    })
    const m = await merge(dir, e, { tags: `${APP}:two\n${WEB}:two` })
    expect(m.exitCode).toBe(1)
    expect(errors(m).join('\n')).toMatch(/non-root/)
    const images = JSON.parse(m.outputs.images) as { name: string; passed: boolean; digest: string }[]
    expect(images.map(i => [i.name, i.passed])).toEqual([
      [WEB, false],
      [APP, true]
    ])
    expect(images[1].digest).toBe(indexDigest)
    expect(ours(issue)).toHaveLength(1)
    const body = ours(issue)[0].body
    expect(body).toContain('## ❌ Stagecraft · 2 images · 1 failing')
    const web = body.indexOf('### ❌ Stagecraft · `Dockerfile.web` → `runner`')
    const app = body.indexOf('### ✅ Stagecraft · `Dockerfile` → `runner`')
    expect(web).toBeGreaterThan(0)
    expect(app).toBeGreaterThan(web)
    for (const p of PLATFORMS) expect(body.slice(app)).toContain(`| \`${p}\` |`)
    expect(checksFor(issue)).toEqual([expect.objectContaining({ conclusion: 'failure' })])
  })
})

test('registry audit (mode: audit, image: NAME@DIGEST) of an index plain buildx pushed: the findings and per-platform sizes of the audit from its build', async () => {
  const issue = 106
  const e: Event = { kind: 'pr', number: issue }
  // The build's own audit: Stagecraft builds both platforms on the docker-container builder and reads its OCI layout.
  const { event, scope } = eventOf(e)
  const built = await runAction({
    event,
    apiUrl: github.url,
    cwd: amd.workspace,
    env: { ...amd.env, ...cache.env(scope) },
    inputs: { builder: amd.builder!, platforms: PLATFORMS.join(','), file: 'Dockerfile.audit', target: 'runner', comment: 'false' }
  })
  expect(errors(built)).toEqual([])
  expect(built.exitCode).toBe(0)
  const fromBuild = JSON.parse(fs.readFileSync(built.outputs.report, 'utf8')) as RunReport

  // The same image, pushed by plain buildx on the same builder (its layers from the builder's cache).
  const meta = path.join(root, 'audit-meta.json')
  const ref = `${REGISTRY}/${AUDIT_REPO}:v1`
  const pushed = await buildx(
    [
      'build',
      '--builder',
      amd.builder!,
      '--platform',
      PLATFORMS.join(','),
      '-f',
      path.join(amd.workspace, 'Dockerfile.audit'),
      '--target',
      'runner',
      '--push',
      '-t',
      ref,
      '--metadata-file',
      meta,
      amd.workspace
    ],
    processEnv(amd)
  )
  expect(pushed.output).not.toMatch(/^ERROR/m)
  expect(pushed.status).toBe(0)
  const digest = (JSON.parse(fs.readFileSync(meta, 'utf8')) as Record<string, string>)['containerimage.digest']

  // On the merge runner: no builder, no engine, no pull.
  const audited = await runAction({
    event,
    apiUrl: github.url,
    cwd: merger.workspace,
    env: { ...merger.env, ...cache.env(scope) },
    inputs: { mode: 'audit', image: `${REGISTRY}/${AUDIT_REPO}@${digest}`, file: 'Dockerfile.audit', target: 'runner', comment: 'false' }
  })
  expect(errors(audited)).toEqual([])
  expect(audited.exitCode).toBe(0)
  const fromRegistry = JSON.parse(fs.readFileSync(audited.outputs.report, 'utf8')) as RunReport
  expect(fromRegistry.image?.digest).toBe(digest)

  const view = (r: RunReport) => ({
    platforms: (r.platforms ?? [])
      .map(p => ({
        platform: p.platform,
        bytes: p.size.bytes,
        compressedBytes: p.size.compressedBytes,
        layers: p.size.layers.map(l => [l.bytes, l.compressedBytes]),
        findings: p.findings,
        failing: p.failing
      }))
      .sort((a, b) => a.platform.localeCompare(b.platform)),
    findings: (r.audit?.findings ?? []).map(f => `${f.platform} ${f.rule} ${f.severity} ${f.evidence.path ?? ''} line ${f.evidence.line ?? '-'}`).sort()
  })
  expect(view(fromBuild).platforms.map(p => p.platform)).toEqual([...PLATFORMS])
  expect(view(fromBuild).findings).toEqual(
    expect.arrayContaining(['linux/amd64 hygiene/setuid warning /bin/sh line 7', 'linux/arm64 hygiene/setuid warning /bin/sh line 7'])
  )
  expect(view(fromRegistry)).toEqual(view(fromBuild))
})
