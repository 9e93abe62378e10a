/**
 * The size report, baseline, sticky PR comment and status check, end to end: dist/index.js run
 * like the Actions runner runs it, on the real engine, against the local GitHub API server.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fixture } from '../fixtures/paths.js'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { recordImage } from '../helpers/engine-images.js'
import { imageId, layerSizes } from '../helpers/image-bytes.js'
import { pullRequestPayload, runAction, type ActionRun } from '../helpers/runner.js'

const CONTEXT = fixture('multistage')
const NAIVE = `stagecraft-e2e/naive:${randomBytes(4).toString('hex')}`
const SECRET = 'registry_token=tok-e2e-5b7c9d1f'
let github: FakeGitHub

beforeAll(async () => {
  github = await startGitHubServer()
  // The baseline: the same app built the naive single-stage way.
  const secretFile = path.join(os.tmpdir(), `sc-naive-secret-${process.pid}`)
  fs.writeFileSync(secretFile, 'tok-e2e-5b7c9d1f', { mode: 0o600 })
  execFileSync('docker', [
    'buildx',
    'build',
    '-q',
    '--secret',
    `id=registry_token,src=${secretFile}`,
    '-f',
    path.join(CONTEXT, 'Dockerfile.naive'),
    '-t',
    NAIVE,
    CONTEXT
  ])
  recordImage(NAIVE)
  fs.rmSync(secretFile)
})
afterAll(async () => {
  await github.close()
  execFileSync('docker', ['rmi', '-f', NAIVE], { stdio: 'ignore' })
})
beforeEach(() => {
  github.comments.length = 0
  github.requests.length = 0
})

const pr = (number: number, inputs: Record<string, string> = {}, env: Record<string, string | undefined> = {}) =>
  runAction({
    event: { name: 'pull_request', payload: pullRequestPayload({ number }) },
    apiUrl: github.url,
    env,
    inputs: { context: CONTEXT, 'test-target': 'test', secrets: SECRET, ...inputs }
  })
const warnings = (r: ActionRun) => r.annotations.filter(a => a.level === 'warning').map(a => a.message)
const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const marker = (key: string) => `<!-- stagecraft:comment ${key} -->`

describe('sticky PR comment', () => {
  test('first run creates it, second run updates it in place: still one', async () => {
    const a = await pr(11)
    expect(a.exitCode).toBe(0)
    expect(github.commentsOn(11)).toHaveLength(1)
    const first = github.commentsOn(11)[0]
    expect(first.body).toContain('Stagecraft · `')
    expect(first.body).toContain('| **Test stage** | ✅ `test` passed |')
    expect(first.body).toContain('| **Audit** | ✅ passes (fail-on: error) · 1 notice |')
    const b = await pr(11)
    expect(b.exitCode).toBe(0)
    expect(github.commentsOn(11)).toHaveLength(1)
    expect(github.commentsOn(11)[0].id).toBe(first.id)
    expect(github.requests.filter(q => q.method === 'PATCH')).toHaveLength(1)
    // The same Markdown is in the job summary.
    // (after the hidden marker and run-stamp lines)
    expect(b.summary).toContain(
      github
        .commentsOn(11)[0]
        .body.split('\n')
        .filter(l => !l.startsWith('<!-- stagecraft:'))
        .slice(0, 3)
        .join('\n')
    )
  })

  test('two comment keys (matrix legs) keep two comments', async () => {
    await pr(12, { 'comment-key': 'leg-a' })
    await pr(12, { 'comment-key': 'leg-b' })
    await pr(12, { 'comment-key': 'leg-a' })
    const bodies = github.commentsOn(12).map(c => c.body.split('\n')[0])
    expect(bodies).toEqual([marker('leg-a'), marker('leg-b')])
  })

  test('two runs racing on one PR still leave exactly one comment', async () => {
    const [a, b] = await Promise.all([pr(17), pr(17)])
    expect([a.exitCode, b.exitCode]).toEqual([0, 0])
    expect(github.commentsOn(17).filter(c => c.body.startsWith('<!-- stagecraft:comment'))).toHaveLength(1)
  })

  test('a PR with more than 100 comments still finds ours', async () => {
    await pr(13)
    github.seedComments(13, 130)
    const r = await pr(13)
    expect(r.exitCode).toBe(0)
    const ours = github.commentsOn(13).filter(c => c.body.startsWith('<!-- stagecraft:comment'))
    expect(ours).toHaveLength(1)
    expect(github.requests.some(q => q.method === 'GET' && q.query.page === '2')).toBe(true)
  })

  test('403 on write (fork PR token): a warning, the report stays in the summary, exit 0', async () => {
    github.failNext({ method: 'POST', pathPrefix: '/repos/owner/repo/issues/14/comments' }, 403, 1, { message: 'Resource not accessible by integration' })
    const r = await pr(14)
    expect(r.exitCode).toBe(0)
    expect(warnings(r).join('\n')).toMatch(/could not comment on pull request #14 \(403: Resource not accessible by integration\)/)
    expect(r.summary).toContain('| **Size** |')
    expect(github.commentsOn(14)).toHaveLength(0)
    // 403 is final: not retried.
    expect(github.requests.filter(q => q.method === 'POST' && q.path.startsWith('/repos/owner/repo/issues/14/comments'))).toHaveLength(1)
  })

  test('a 502 is retried', async () => {
    github.failNext({ method: 'POST', pathPrefix: '/repos/owner/repo/issues/15/comments' }, 502)
    const r = await pr(15)
    expect(r.exitCode).toBe(0)
    expect(github.requests.filter(q => q.method === 'POST' && q.path.endsWith('/issues/15/comments')).map(q => q.status)).toEqual([502, 201])
    expect(github.commentsOn(15)).toHaveLength(1)
  })

  test('check-name publishes a check run with the verdict', async () => {
    const r = await pr(16, { 'check-name': 'image audit' })
    expect(r.exitCode).toBe(0)
    const run = github.checkRuns.find(c => c.name === 'image audit')
    expect(run).toMatchObject({ conclusion: 'success', status: 'completed' })
    expect(run?.output.summary).toContain('Stagecraft')
  })
})

describe('size report and baseline', () => {
  test('baseline-image: the delta is right, checked against docker save and docker image inspect', async () => {
    const t = `stagecraft-e2e/sized:${randomBytes(4).toString('hex')}`
    const r = await pr(21, { 'baseline-image': NAIVE, tags: t })
    expect(r.exitCode).toBe(0)
    const report = JSON.parse(fs.readFileSync(r.outputs.report, 'utf8'))
    const now = layerSizes(t)
    const base = layerSizes(NAIVE)
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0)
    // Uncompressed: each layer tar, gunzipped independently of our parser.
    expect(Number(r.outputs.size)).toBe(sum(now.uncompressed))
    expect(Number(r.outputs['size-delta'])).toBe(sum(now.uncompressed) - sum(base.uncompressed))
    expect(Number(r.outputs['size-delta-percent'])).toBeCloseTo(((sum(now.uncompressed) - sum(base.uncompressed)) / sum(base.uncompressed)) * 100, 1)
    // Compressed: the layer blobs (containerd store: docker image inspect's Size adds only manifests
    // and config), or, where the store keeps no blobs (classic), a gzip -6 estimate that says so.
    expect(Number(r.outputs['compressed-size'])).toBe(sum(now.compressed))
    expect(report.size.compressedFrom).toBe(now.exact ? 'blob' : 'gzip-estimate')
    if (now.exact) {
      const inspectSize = Number(execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', t], { encoding: 'utf8' }))
      expect(inspectSize - Number(r.outputs['compressed-size'])).toBeGreaterThanOrEqual(0)
      expect(inspectSize - Number(r.outputs['compressed-size'])).toBeLessThan(8192)
    }
    expect(r.outputs.imageid).toBe(imageId(t))
    expect(report.delta.baseline).toMatchObject({ source: 'image', ref: NAIVE })
    expect(Number(r.outputs['size-delta'])).toBeLessThan(0) // the multi-stage runner is smaller
    expect(github.commentsOn(21)[0].body).toMatch(/📉 \*\*-[\d.]+ [kM]B \(-[\d.]+%\)\*\*/)
    execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
  })

  test("baseline-report: an earlier run's report gives the same delta as the image it measured", async () => {
    const first = await pr(22, { 'baseline-image': NAIVE })
    const again = await pr(22, { 'baseline-report': first.outputs.report })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['size-delta']).toBe('0')
    const report = JSON.parse(fs.readFileSync(again.outputs.report, 'utf8'))
    expect(report.delta.baseline.source).toBe('report')
    expect(report.delta.layers.every((l: { status: string }) => l.status === 'same')).toBe(true)
  })

  test('default baseline: a push to main saves its report (cache-dir store), a PR into main compares with it', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-store-'))
    const none = await pr(23, { 'cache-dir': cacheDir })
    expect(JSON.parse(fs.readFileSync(none.outputs.report, 'utf8')).baselineNote).toMatch(/^none yet: no report saved on main/)
    expect(none.outputs['size-delta']).toBeUndefined()
    const push = await runAction({ event: 'push', apiUrl: github.url, inputs: { context: CONTEXT, secrets: SECRET, 'cache-dir': cacheDir } })
    expect(push.exitCode).toBe(0)
    const after = await pr(23, { 'cache-dir': cacheDir })
    expect(after.outputs['size-delta']).toBe('0')
    expect(JSON.parse(fs.readFileSync(after.outputs.report, 'utf8')).delta.baseline.description).toMatch(/^report saved on main at [0-9a-f]{7}/)
    fs.rmSync(cacheDir, { recursive: true, force: true })
  })

  test('a size budget exceeded fails the step with one line (a required status check)', async () => {
    const r = await pr(24, { 'max-size': '1MB' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.findings).toBe('1')
    const e = errors(r)
    expect(e.at(-1)).toMatch(/^image is [\d.]+ MB, over the max-size budget of 1\.00 MB$/)
    expect(github.commentsOn(24)[0].body).toContain('| **Budget** | ❌ image is')
  })
})

describe('bad input', () => {
  test.each<[string, Record<string, string>, RegExp]>([
    ['invalid max-size', { 'max-size': 'huge' }, /^max-size: expected a size such as 250MB, 1\.2GiB or 900kB, got "huge"$/],
    ['invalid max-increase', { 'max-increase': 'a bit' }, /^max-increase: expected a percentage such as 10% or a size such as 20MB, got "a bit"$/],
    ['baseline-report missing', { 'baseline-report': 'nope.json' }, /^baseline-report: file not found: nope\.json$/],
    ['baseline-report not a report', { 'baseline-report': path.join(CONTEXT, 'deps.lock') }, /^baseline-report: deps\.lock is not usable: not JSON$/],
    [
      'baseline-image not found',
      { 'baseline-image': 'stagecraft-e2e/does-not-exist:1' },
      /^baseline-image: image "stagecraft-e2e\/does-not-exist:1" is not in the local store and could not be pulled$/
    ],
    ['invalid comment', { comment: 'sometimes' }, /^comment: expected auto, true or false, got "sometimes"$/],
    ['invalid fail-on', { 'fail-on': 'critical' }, /^fail-on: expected error, warning or notice, got "critical"$/],
    ['malformed audit-allow', { 'audit-allow': '/usr/bin/make\nno-such-rule' }, /^audit-allow: line 2 "no-such-rule": expected a rule id \(/]
  ])('%s → one clear line, exit 1', async (_n, inputs, message) => {
    const r = await runAction({ event: 'push', apiUrl: github.url, inputs: { context: CONTEXT, secrets: SECRET, ...inputs } })
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toHaveLength(1)
    expect(errors(r)[0]).toMatch(message)
  })

  test('comment: true outside a pull request is a warning, not a failure', async () => {
    const r = await runAction({ event: 'push', apiUrl: github.url, inputs: { context: CONTEXT, secrets: SECRET, comment: 'true' } })
    expect(r.exitCode).toBe(0)
    expect(warnings(r)).toContain('comment is true but this run is not for a pull request (event push); the report is in the job summary only')
    expect(github.comments).toHaveLength(0)
  })
})
