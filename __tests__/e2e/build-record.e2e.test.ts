/**
 * BPA v7's build record through dist/index.js: on the sid engine (buildx 0.29) the run's builds are
 * exported with `docker buildx history export` and uploaded as one artifact to an emulation of the
 * Actions artifact service (v4 Twirp + Azurite), named and kept as BPA does; DOCKER_BUILD_RECORD_UPLOAD
 * and DOCKER_BUILD_SUMMARY turn it off; buildx 0.13 (the default engine) skips it with BPA's line.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import tar from 'tar-stream'
import { startArtifactService, type FakeArtifactService } from '../helpers/artifact-service.js'
import { runAction, type ActionRun } from '../helpers/runner.js'
import { sidEngineEnv } from '../helpers/buildkit-builders.js'

const DOCKERFILE = `FROM scratch AS test
COPY a /a

FROM scratch AS runner
COPY a /a
USER 65534
`

let service: FakeArtifactService
let workspace: string
let sidEnv: Record<string, string> = {}
const sidTags: string[] = []

beforeAll(async () => {
  sidEnv = sidEngineEnv()
  service = await startArtifactService()
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-record-e2e-'))
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), DOCKERFILE)
  fs.writeFileSync(path.join(workspace, 'a'), `${randomBytes(8).toString('hex')}\n`)
})
afterAll(async () => {
  for (const t of sidTags) execFileSync('docker', ['rmi', '-f', t], { env: { ...process.env, ...sidEnv }, stdio: 'ignore' })
  await service?.close()
  fs.rmSync(workspace, { recursive: true, force: true })
})

/** Run the action on the sid engine with the artifact service's job environment. */
async function runOnSid(env: Record<string, string> = {}): Promise<ActionRun> {
  const tag = `wt-record/e2e:${randomBytes(4).toString('hex')}`
  sidTags.push(tag)
  return runAction({
    event: 'push',
    cwd: workspace,
    // A cache-dir keeps the run off the Actions cache (ACTIONS_RESULTS_URL is the artifact service's here).
    inputs: { tags: tag, comment: 'false', 'test-target': 'test', 'cache-dir': path.join(workspace, '.cache') },
    env: { ...sidEnv, ...service.env(), ...env }
  })
}

/** The entries of a gzipped tar, name → bytes. */
async function untgz(buf: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  const extract = tar.extract()
  extract.on('entry', (h, stream, next) => {
    const chunks: Buffer[] = []
    stream.on('data', (c: unknown) => chunks.push(c as Buffer))
    stream.on('end', () => {
      files.set(h.name, Buffer.concat(chunks))
      next()
    })
  })
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve)
    extract.on('error', reject)
    Readable.from(buf).pipe(createGunzip()).on('error', reject).pipe(extract)
  })
  return files
}

const infos = (r: ActionRun): string[] => r.stdout.split('\n')
/** The artifact service's RPCs since call number `from`. */
const artifactCalls = (from: number) => service.calls.slice(from).filter(c => ['CreateArtifact', 'FinalizeArtifact', 'ListArtifacts'].includes(c.rpc))
/** Warnings about the build record. */
const recordWarnings = (r: ActionRun) => r.annotations.filter(a => a.level === 'warning' && /build record/.test(a.message)).map(a => a.message)

test('the run is exported and uploaded as one .dockerbuild artifact, named and kept as BPA does', async () => {
  const before = service.artifacts.length
  const calls = service.calls.length
  const job = service.env()
  const r = await runOnSid({ ...job, DOCKER_BUILD_RECORD_RETENTION_DAYS: '3' })
  expect(recordWarnings(r)).toEqual([])
  expect(r.exitCode).toBe(0)
  expect(artifactCalls(calls).map(c => `${c.rpc} ${c.status}`)).toEqual(['CreateArtifact 200', 'FinalizeArtifact 200'])
  const added = service.artifacts.slice(before)
  expect(added).toHaveLength(1)
  const a = added[0]
  // BPA: OWNER~REPO~ID6[+N].dockerbuild; here every build of the run (the test stage's, the image's).
  const m = /^owner~repo~[A-Z0-9]{6}\+(\d+)\.dockerbuild$/.exec(a.name)
  expect(m).not.toBeNull()
  const records = Number(m![1]) + 1
  expect(a.finalized).toBe(true)
  expect(a.version).toBe(7)
  expect(a.mimeType).toBe('application/octet-stream')
  // Retention: expires_at is now + 3 days (the date, not a timing).
  const days = Math.round((new Date(a.expiresAt!).getTime() - Date.now()) / 86_400_000)
  expect(days).toBe(3)
  // The blob is the file itself (skipArchive: no zip), a Docker Desktop bundle of two build records.
  const bytes = await service.download(a.id)
  expect(bytes.length).toBe(a.size)
  const files = await untgz(bytes)
  expect(files.has('oci-layout')).toBe(true)
  // index.json → (an index of) manifests whose config is a BuildKit history record: one per build.
  const blob = (digest: string) => JSON.parse(files.get(`blobs/sha256/${digest.slice('sha256:'.length)}`)!.toString()) as Manifest
  type Manifest = { manifests?: { digest: string }[]; config?: { mediaType: string } }
  const configs = (m: Manifest): string[] =>
    (m.manifests ?? []).flatMap(d => (blob(d.digest).config ? [blob(d.digest).config!.mediaType] : configs(blob(d.digest))))
  // The run's gha cache attributes carry the runtime token; the exported record must not.
  for (const [name, bytes] of files) expect([name, bytes.includes(job.ACTIONS_RUNTIME_TOKEN)]).toEqual([name, false])
  const found = configs(JSON.parse(files.get('index.json')!.toString()) as Manifest)
  expect(records).toBeGreaterThanOrEqual(2)
  expect(found).toEqual(Array<string>(records).fill('application/vnd.buildkit.historyrecord.v0'))
  expect(infos(r).find(l => l.startsWith('Artifact download URL: '))).toMatch(
    new RegExp(`^Artifact download URL: https://github\\.com/owner/repo/actions/runs/\\d+/artifacts/${a.id}$`)
  )
  expect(r.summary).toContain(`(./`)
  expect(r.summary).toContain(`/artifacts/${a.id})`)
  expect(r.summary).toContain(a.name)
})

test('DOCKER_BUILD_RECORD_UPLOAD=false exports the record but uploads nothing', async () => {
  const calls = service.calls.length
  const r = await runOnSid({ DOCKER_BUILD_RECORD_UPLOAD: 'false' })
  expect(r.exitCode).toBe(0)
  expect(artifactCalls(calls)).toEqual([])
  expect(infos(r).some(l => /^Build record written to .*\.dockerbuild \(/.test(l))).toBe(true)
  expect(r.summary).toContain('was exported but not uploaded: DOCKER_BUILD_RECORD_UPLOAD is false')
})

test('DOCKER_BUILD_SUMMARY=false: no record at all', async () => {
  const calls = service.calls.length
  const r = await runOnSid({ DOCKER_BUILD_SUMMARY: 'false' })
  expect(r.exitCode).toBe(0)
  expect(artifactCalls(calls)).toEqual([])
  expect(infos(r)).toContain('Build summary disabled')
  expect(r.stdout).not.toContain('Build record written to')
  expect(r.summary).not.toContain('Build record')
})

test('a failed upload is a warning, never a failed step', async () => {
  service.failNext('CreateArtifact', 400)
  const r = await runOnSid()
  expect(r.exitCode).toBe(0)
  expect(recordWarnings(r)).toEqual([expect.stringMatching(/^could not upload the build record: /)])
  expect(r.summary).toContain('not uploaded: the upload failed')
})

test("buildx 0.13 (the default engine) has no history export: skipped with BPA's line, nothing uploaded", async () => {
  const calls = service.calls.length
  const tag = `wt-record/e2e:${randomBytes(4).toString('hex')}`
  const r = await runAction({
    event: 'push',
    cwd: workspace,
    inputs: { tags: tag, comment: 'false', 'test-target': 'test', 'cache-dir': path.join(workspace, '.cache') },
    env: service.env()
  })
  execFileSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' })
  expect(r.exitCode).toBe(0)
  expect(infos(r)).toContain('Build summary requires Buildx >= 0.23.0')
  expect(artifactCalls(calls)).toEqual([])
})
