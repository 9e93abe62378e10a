/**
 * mode: merge end to end: real part builds (the CLI on the docker driver, pushed to the local
 * registry at 127.0.0.1:5000, `part` filled from what the registry holds), then dist/index.js as the
 * runner runs it, with no builder state, against the local GitHub API: the index is created and
 * pushed for real, the comment and outputs are checked, and every gap fails naming the platform.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../fixtures/paths.js'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { actionNode, runAction, type ActionRun } from '../helpers/runner.js'
import type { RunReport } from '../../src/report/run-report.js'

const REGISTRY = '127.0.0.1:5000'
const run = randomBytes(4).toString('hex')
const APP = `${REGISTRY}/merge-app-${run}`
const WEB = `${REGISTRY}/merge-web-${run}`
let github: FakeGitHub
let dir: string
const parts: Record<string, string> = {}

const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const ours = (issue: number) => github.commentsOn(issue).filter(c => c.body.startsWith('<!-- stagecraft:comment'))

/** Build one platform of `name` with the CLI, push it, and write its part report; returns the file. */
function buildPart(name: string, platform: string, key: string, content: string): string {
  const ctx = fs.mkdtempSync(path.join(dir, 'ctx-'))
  fs.writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch AS runner\nCOPY payload /payload\n')
  fs.writeFileSync(path.join(ctx, 'payload'), `${content}\n${platform}\n`.repeat(200))
  const tag = `${name}:part-${platform.replace('/', '-')}`
  const out = spawnSync(
    actionNode(),
    [path.join(REPO_ROOT, 'dist/cli.js'), '--platform', platform, '--push', '-t', tag, '--allow-root', '--provenance', 'false', '--key', key, '--json', ctx],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
  )
  if (out.status !== 0) throw new Error(`part build failed: ${out.stderr.slice(-2000)}`)
  const report = JSON.parse(out.stdout) as RunReport
  const digest = report.image!.digest!
  const raw = JSON.parse(execFileSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', `${name}@${digest}`], { encoding: 'utf8' })) as {
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[]
  }
  const platformDigest = raw.manifests ? raw.manifests.find(m => `${m.platform?.os}/${m.platform?.architecture}` === platform)!.digest : digest
  report.part = { name, digest, platforms: [{ platform, digest: platformDigest }] }
  const file = path.join(dir, `${keySlug(key)}-${platform.replace('/', '-')}.json`)
  fs.writeFileSync(file, JSON.stringify(report))
  return file
}
const keySlug = (k: string) => k.replace(/[^a-z0-9]+/gi, '-')

/** A variant of a part report written to a file of its own. */
function variant(file: string, name: string, change: (r: RunReport) => void): string {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as RunReport
  change(r)
  const out = path.join(dir, name)
  fs.writeFileSync(out, JSON.stringify(r))
  return out
}

beforeAll(async () => {
  github = await startGitHubServer()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-e2e-'))
  parts.appAmd = buildPart(APP, 'linux/amd64', 'app', 'app')
  parts.appArm = buildPart(APP, 'linux/arm64', 'app', 'app')
  parts.webAmd = buildPart(WEB, 'linux/amd64', 'web', 'web, a larger payload '.repeat(20))
}, 240_000)
afterAll(async () => {
  await github.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const merge = (reports: string[], extra: Record<string, string> = {}, issue = 1) =>
  runAction({
    event: { name: 'pull_request', payload: { ...pullRequest(issue) } },
    apiUrl: github.url,
    inputs: { mode: 'merge', reports: reports.join('\n'), platforms: 'linux/amd64\nlinux/arm64', 'check-name': 'stagecraft', ...extra }
  })
function pullRequest(number: number): Record<string, unknown> {
  const sha = (s: string) => s.repeat(40).slice(0, 40)
  return {
    action: 'opened',
    number,
    pull_request: {
      number,
      head: { ref: 'feature', sha: sha('a'), repo: { full_name: 'owner/repo' } },
      base: { ref: 'main', sha: sha('b'), repo: { full_name: 'owner/repo' } }
    }
  }
}

test('two platforms: one index listing both, one comment naming both with sizes; a rerun pushes the same digest and keeps one comment', async () => {
  const first = await merge([parts.appAmd, parts.appArm], { tags: `${APP}:v1`, labels: 'org.example.team=merge', annotations: 'manifest:x=y' })
  expect(errors(first)).toEqual([])
  expect(first.exitCode).toBe(0)
  const digest = first.outputs.digest
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  const index = JSON.parse(execFileSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', `${APP}:v1`], { encoding: 'utf8' })) as {
    manifests: { platform: { os: string; architecture: string } }[]
  }
  expect(index.manifests.map(m => `${m.platform.os}/${m.platform.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
  expect(first.annotations.filter(a => a.level === 'warning').map(a => a.message)).toContain(
    'annotation "manifest:x=y" is not an index annotation: it belongs to the part builds (each platform\'s manifest), not the merge'
  )
  const [comment] = ours(1)
  expect(ours(1)).toHaveLength(1)
  expect(comment.body).toMatch(/\| `linux\/amd64` \| \d[\d.]* (B|kB|KB|KiB) \|/)
  expect(comment.body).toMatch(/\| `linux\/arm64` \| \d[\d.]* (B|kB|KB|KiB) \|/)
  expect(comment.body).toContain('### ✅ Stagecraft · ')
  const report = JSON.parse(fs.readFileSync(first.outputs.report, 'utf8')) as RunReport
  expect(report.image).toMatchObject({ digest, tags: [`${APP}:v1`] })
  expect(report.platforms!.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
  expect(github.checkRuns.at(-1)).toMatchObject({ name: 'stagecraft', conclusion: 'success' })

  const again = await merge([parts.appArm, parts.appAmd], { tags: `${APP}:v1`, labels: 'org.example.team=merge', annotations: 'manifest:x=y' })
  expect(again.exitCode).toBe(0)
  expect(again.outputs.digest).toBe(digest)
  expect(ours(1)).toHaveLength(1)
})

test('a missing part fails naming the platform, and no index is pushed', async () => {
  const r = await merge([parts.appAmd], { tags: `${APP}:missing` }, 2)
  expect(r.exitCode).toBe(1)
  expect(errors(r).join('\n')).toContain(`linux/arm64: no part report for ${APP} (app)`)
  expect(r.outputs.digest).toBeUndefined()
  expect(spawnSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', `${APP}:missing`]).status).not.toBe(0)
  expect(ours(2)[0].body).toContain('linux/arm64: no part report')
})

test('a failing part fails the merge naming its platform', async () => {
  const failing = variant(parts.appArm, 'failing-arm.json', r => {
    r.verdict = { passed: false, reasons: ['audit: 1 finding at or above error (non-root)'] }
  })
  const r = await merge([parts.appAmd, failing], { tags: `${APP}:failing` }, 3)
  expect(r.exitCode).toBe(1)
  expect(errors(r).join('\n')).toContain(`linux/arm64: the part of ${APP} (app) failed: audit: 1 finding at or above error (non-root)`)
  expect(github.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' })
})

test('a part whose digest the registry does not hold fails naming it', async () => {
  const bogus = `sha256:${'0'.repeat(64)}`
  const unheld = variant(parts.appArm, 'unheld-arm.json', r => {
    r.part = { name: APP, digest: bogus, platforms: [{ platform: 'linux/arm64', digest: bogus }] }
  })
  const r = await merge([parts.appAmd, unheld], { tags: `${APP}:unheld` }, 4)
  expect(r.exitCode).toBe(1)
  expect(errors(r).join('\n')).toContain(`linux/arm64: the registry does not hold ${APP}@${bogus}`)
})

test('a file that is not a part report fails naming the file', async () => {
  const notPart = variant(parts.appArm, 'not-a-part.json', r => delete r.part)
  const r = await merge([parts.appAmd, notPart], { tags: `${APP}:x` }, 5)
  expect(r.exitCode).toBe(1)
  expect(errors(r).join('\n')).toContain('reports: not-a-part.json')
  expect(errors(r).join('\n')).toContain('not a part report')
})

test('two images in one comment, worst first; a glob picks the reports', async () => {
  const r = await runAction({
    event: { name: 'pull_request', payload: pullRequest(6) },
    apiUrl: github.url,
    inputs: { mode: 'merge', reports: `${dir}/*.json`, tags: `${APP}:two\n${WEB}:two`, 'check-name': 'stagecraft' }
  })
  // The glob also finds the variants written above: the failing and unheld arm64 parts and the non-part.
  expect(r.exitCode).not.toBe(0)
  const clean = fs.mkdtempSync(path.join(dir, 'two-'))
  for (const f of [parts.appAmd, parts.appArm, parts.webAmd]) fs.copyFileSync(f, path.join(clean, path.basename(f)))
  const two = await runAction({
    event: { name: 'pull_request', payload: pullRequest(6) },
    apiUrl: github.url,
    inputs: { mode: 'merge', reports: `${clean}/**/*.json`, tags: `${APP}:two\n${WEB}:two`, 'check-name': 'stagecraft' }
  })
  expect(errors(two)).toEqual([])
  expect(two.exitCode).toBe(0)
  const images = JSON.parse(two.outputs.images) as { name: string; digest: string }[]
  expect(images.map(i => i.name).sort()).toEqual([APP, WEB])
  for (const i of images) expect(i.digest).toMatch(/^sha256:/)
  expect(ours(6)).toHaveLength(1)
  const body = ours(6)[0].body
  expect(body).toContain('## ✅ Stagecraft · 2 images')
  expect(body.match(/### ✅ Stagecraft · /g)).toHaveLength(2)
})
