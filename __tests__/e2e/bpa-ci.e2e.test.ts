/**
 * docker/build-push-action's own CI (`.github/workflows/ci.yml`), job by job, through Stagecraft's
 * dist/index.js in BPA's place: each job's `with:` inputs and `env:` as BPA's workflow has them,
 * and BPA's check steps as assertions (the step's outcome, `digest` / `imageid` set or empty, the
 * image in the registry or the engine). The jobs that cannot run offline are listed, with why, in
 * the README ("BPA's CI jobs through Stagecraft").
 *
 * Adapted only where this machine needs it:
 * - the contexts are our own equivalents of BPA's test/ folder (__tests__/fixtures/bpa-ci, copied
 *   to `<workspace>/test` so the jobs' paths are BPA's): busybox stands for alpine/debian/golang
 *   (the only base image both builder kinds reach offline), and no `# syntax=` line (it pulls the
 *   Dockerfile frontend from Docker Hub);
 * - `localhost:5000/name/app` is `127.0.0.1:5000/<a repository of this run>/name/app`;
 * - setup-buildx-action's builder is the BuildKit v0.29 docker-container builder of the test set-up
 *   (`builder:` given), jobs on the default driver use the engine's docker driver; the build-check
 *   jobs run on the sid engine (buildx 0.29): buildx 0.13 has no build checks;
 * - STAGECRAFT_BPA_ENGINE=sid runs every job as on a GitHub-hosted runner of 2026: the sid engine
 *   (Docker 28.5, buildx 0.29) with the docker-container builder `stagecraft-sid-container` on it
 *   (scripts/setup-buildkit.sh sid), the build-check jobs on that builder too, as BPA's CI has them;
 *   default (`main`): the default engine, buildx 0.13 and `stagecraft-container`;
 * - BPA's test images run as root (and the Go one ships its toolchain): `require-non-root: false`
 *   and `forbid-toolchains: false`, Stagecraft's inputs for accepting that, on every job.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fixture } from '../fixtures/paths.js'
import { REGISTRY, registryDigest, registryManifest, sharedBuilders, sidContainerBuilder, sidEngineEnv } from '../helpers/buildkit-builders.js'
import { startCacheService, type FakeCacheService } from '../helpers/cache-service.js'
import { recordImage } from '../helpers/engine-images.js'
import { runAction, type ActionRun } from '../helpers/runner.js'

const nonce = randomBytes(4).toString('hex')
/** BPA's `localhost:5000/name/app`, in a repository of this run. */
const APP = `stagecraft-test/bpa-ci-${nonce}/name/app`
const IMAGE = `${REGISTRY}/${APP}`
/** Stagecraft's inputs for BPA's root test images (see the file's comment). */
const ALLOW_ROOT = { 'require-non-root': 'false', 'forbid-toolchains': 'false' }

/** The engine a job runs on: the main engine (docker driver, or `builder:` given), or the sid engine. */
type Engine = 'main' | 'sid'
/** The runner's engine (STAGECRAFT_BPA_ENGINE): where setup-buildx's builder and the docker driver are. */
const RUNNER: Engine = ((): Engine => {
  const v = process.env.STAGECRAFT_BPA_ENGINE ?? 'main'
  if (v !== 'main' && v !== 'sid') throw new Error(`STAGECRAFT_BPA_ENGINE: expected main or sid, got "${v}"`)
  return v
})()
const SID_RUNNER = RUNNER === 'sid'

let workspace: string
/** setup-buildx-action's docker-container builder on the runner's engine. */
let container: string
let svc: FakeCacheService
/** DOCKER_HOST and DOCKER_CONFIG of the sid engine (buildx 0.29). */
let sidEnv: Record<string, string> = {}
const sidImages: string[] = []
/** Tags this run gave images in an engine, removed at the end. */
const tags: [string, Engine][] = []
const engineEnv = (engine: Engine): NodeJS.ProcessEnv => ({ ...process.env, ...(engine === 'sid' ? sidEnv : {}) })

beforeAll(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bpa-ci-'))
  fs.cpSync(fixture('bpa-ci'), path.join(workspace, 'test'), { recursive: true })
  svc = await startCacheService()
  sidEnv = sidEngineEnv()
  container = SID_RUNNER ? sidContainerBuilder() : sharedBuilders().container
})
afterAll(async () => {
  for (const [t, engine] of tags) spawnSync('docker', ['rmi', t], { env: engineEnv(engine), stdio: 'ignore' })
  for (const id of sidImages) spawnSync('docker', ['rmi', '-f', id], { env: engineEnv('sid'), stdio: 'ignore' })
  await svc?.close()
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true })
})

/** One step `uses: ./` of a BPA job, run through Stagecraft. */
async function step(inputs: Record<string, string>, opts: { env?: Record<string, string | undefined>; engine?: Engine } = {}): Promise<ActionRun> {
  const engine = opts.engine ?? RUNNER
  const env = { ...(engine === 'sid' ? sidEnv : {}), ...opts.env }
  const r = await runAction({ event: 'push', cwd: workspace, env, inputs: { ...ALLOW_ROOT, comment: 'false', ...inputs } })
  if (engine === 'sid' && r.outputs.imageid) sidImages.push(r.outputs.imageid)
  return r
}

const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const warnings = (r: ActionRun) => r.annotations.filter(a => a.level === 'warning').map(a => a.message)

/** The step succeeded (BPA: the job is green). A failure shows the log's last lines: what the engine said. */
function passed(r: ActionRun): void {
  const failing = errors(r)
  expect({ errors: failing, logTail: failing.length ? r.stdout.split('\n').slice(-40).join('\n') : '' }).toEqual({ errors: [], logTail: '' })
  expect(r.problems).toEqual([])
  expect(r.exitCode).toBe(0)
}

/** `continue-on-error: true` + "Check": outcome failure (exit 1, said in one error annotation). */
function failed(r: ActionRun): void {
  expect(r.exitCode).toBe(1)
  expect(errors(r).length).toBeGreaterThan(0)
}

/** BPA's "Check digest" (not empty) and "Inspect" (`imagetools inspect <ref>` answers). */
async function pushed(r: ActionRun, ref: string): Promise<void> {
  expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  const [repo, tag] = ref.replace(`${REGISTRY}/`, '').split(':')
  expect(await registryDigest(repo, tag)).toBe(r.outputs.digest)
}

/** BPA's `docker image inspect <ref>` on the engine the job ran on. */
function inEngine(ref: string, engine: Engine = RUNNER): string | undefined {
  const out = spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { env: engineEnv(engine), encoding: 'utf8' })
  return out.status === 0 ? out.stdout.trim() : undefined
}

/** A tag an image gets in an engine (default the runner's), removed at the end. */
const tagged = (t: string, engine: Engine = RUNNER): string => {
  tags.push([t, engine])
  return t
}
/** The engines the docker-driver jobs run on: both, or the sid runner's only. */
const DRIVER_ENGINES: [string, Engine][] = SID_RUNNER
  ? [['sid', 'sid']]
  : [
      ['main', 'main'],
      ['sid', 'sid']
    ]

describe("build-push-action's CI jobs through Stagecraft", () => {
  test('minimal (file only; our default context is the workspace, BPA builds the Git ref)', async () => {
    passed(await step({ builder: container, file: './test/Dockerfile' }))
  })

  test('path-context: push, digest set, the image in the registry', async () => {
    const r = await step({ context: './test', file: './test/Dockerfile', builder: container, push: 'true', tags: `${IMAGE}:latest\n${IMAGE}:1.0.0` })
    passed(r)
    await pushed(r, `${IMAGE}:1.0.0`)
    await pushed(r, `${IMAGE}:latest`)
  })

  test("example: metadata-action's tags and labels, load then push", async () => {
    // What docker/metadata-action@v6 writes for a push to the default branch (images: localhost:5000/name/app).
    const sha7 = '7a1f2e3'
    const metaTags = `${IMAGE}:main\n${IMAGE}:sha-${sha7}`
    const labels = [
      'org.opencontainers.image.title=repo',
      'org.opencontainers.image.url=https://github.com/owner/repo',
      'org.opencontainers.image.source=https://github.com/owner/repo',
      'org.opencontainers.image.version=main',
      `org.opencontainers.image.revision=${sha7}0000000000000000000000000000000000`
    ].join('\n')
    for (const t of metaTags.split('\n')) tagged(t)
    const load = await step({ builder: container, context: './test', file: './test/Dockerfile', load: 'true', tags: metaTags, labels })
    passed(load)
    // docker image inspect localhost:5000/name/app:<version>
    expect(inEngine(`${IMAGE}:main`)).toMatch(/^sha256:/)
    const push = await step({ builder: container, context: './test', file: './test/Dockerfile', push: 'true', tags: metaTags, labels })
    passed(push)
    await pushed(push, `${IMAGE}:main`)
  })

  test('error: no engine (BPA stops docker) → the step fails', async () => {
    failed(await step({ context: './test', file: './test/Dockerfile' }, { env: { DOCKER_HOST: `unix://${workspace}/no-docker.sock` } }))
  })

  test('error-buildx: seven platforms, push to a registry that is not there → the step fails', async () => {
    const r = await step({
      builder: container,
      context: './test',
      file: './test/Dockerfile',
      platforms: 'linux/386,linux/amd64,linux/arm/v6,linux/arm/v7,linux/arm64,linux/ppc64le,linux/s390x',
      push: 'true',
      // BPA's job runs no registry service: localhost:5000 refuses the push.
      tags: '127.0.0.1:5999/name/app:latest'
    })
    failed(r)
    expect(r.outputs.digest ?? '').toBe('')
  })

  test.each<[string, Engine]>(DRIVER_ENGINES)('docker-driver (%s engine): push to the registry', async (_name, engine) => {
    const ref = `${IMAGE}:docker-driver-${engine}`
    const r = await step({ context: './test', file: './test/Dockerfile', push: 'true', tags: ref }, { engine })
    passed(r)
    await pushed(r, ref)
    tagged(ref, engine)
  })

  test.each<[string, Engine]>(DRIVER_ENGINES)('export-docker (%s engine): load → docker image inspect myimage:latest', async (_name, engine) => {
    const ref = `stagecraft-test/bpa-ci-${nonce}-myimage:latest`
    const r = await step({ context: './test', file: './test/Dockerfile', load: 'true', tags: ref }, { engine })
    passed(r)
    expect(inEngine(ref, engine)).toBe(r.outputs.imageid)
  })

  const SECRET_JOBS: [string, string, string, Record<string, string>][] = [
    ['secret', 'secrets', 'MYSECRET=foo\nINVALID_SECRET=', {}],
    ['secret-files', 'secret-files', 'MYSECRET=./test/secret.txt\nINVALID_SECRET=', {}],
    ['secret-envs', 'secret-envs', 'MYSECRET=ENV_SECRET\nINVALID_SECRET=', { ENV_SECRET: 'foo' }]
  ]
  test.each(SECRET_JOBS)('%s: the valid secret reaches the RUN; the INVALID_SECRET= line is a warning', async (_job, input, value, env) => {
    // secret.Dockerfile's RUN fails unless /run/secrets/MYSECRET holds "foo".
    const r = await step({ builder: container, context: '.', file: './test/secret.Dockerfile', [input]: value }, { env })
    passed(r)
    expect(warnings(r)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${input}: line 2: secret "INVALID_SECRET".*; no RUN in the Dockerfile mounts secret "INVALID_SECRET"`))
      ])
    )
  })

  test.each<[string, Record<string, string>]>([
    ['network', { context: './test', tags: 'name/app:latest', network: 'host' }],
    ['shm-size', { context: './test', file: './test/shmsize.Dockerfile', tags: 'name/app:latest', 'shm-size': '2g' }],
    ['ulimit', { context: './test', file: './test/ulimit.Dockerfile', tags: 'name/app:latest', ulimit: 'nofile=1024:1024\nnproc=3' }],
    ['cgroup-parent', { context: './test', file: './test/cgroup.Dockerfile', tags: 'name/app:latest', 'cgroup-parent': 'foo' }],
    ['add-hosts', { context: './test', file: './test/addhost.Dockerfile', tags: 'name/app:latest', 'add-hosts': 'docker:10.180.0.1\nfoo:10.0.0.1' }],
    [
      `attests-compat (buildx ${SID_RUNNER ? '0.29' : '0.13'} + BuildKit 0.29)`,
      { context: './test/go', file: './test/go/Dockerfile', outputs: 'type=cacheonly' }
    ],
    ['no-default-attestations', { file: './test/Dockerfile' }]
  ])('%s', async (_name, inputs) => {
    passed(await step({ builder: container, ...inputs }, { env: _name === 'no-default-attestations' ? { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' } : {} }))
  })

  test.each<[string, string, string]>([
    ['image', `type=image,name=${IMAGE}:provenance-max,push=true`, 'mode=max'],
    ['image', `type=image,name=${IMAGE}:provenance-default,push=true`, ''],
    ['binary', 'buildx-build-max', 'mode=max'],
    ['binary', 'buildx-build-default', '']
  ])('provenance (target %s, outputs %s, provenance "%s")', async (target, output, attr) => {
    const local = !output.startsWith('type=')
    const dest = local ? path.join(workspace, output) : output
    const r = await step({ builder: container, context: './test/go', file: './test/go/Dockerfile', target, outputs: dest, provenance: attr })
    passed(r)
    if (local) {
      // tree /tmp/buildx-build; cat /tmp/buildx-build/provenance.json
      expect(fs.existsSync(path.join(dest, 'bin', 'app'))).toBe(true)
      const provenance = JSON.parse(fs.readFileSync(path.join(dest, 'provenance.json'), 'utf8')) as {
        buildType?: string
        builder?: unknown
        predicateType?: string
      }
      expect(provenance.buildType ?? provenance.predicateType).toMatch(/slsa|buildkit/i)
    } else {
      // imagetools inspect --format '{{json .Provenance}}': an attestation manifest beside the image.
      const tag = output.replace(/^.*:(provenance-\w+),.*$/, '$1')
      const index = await registryManifest(APP, tag)
      expect(index.manifests?.map(m => m.platform?.os)).toEqual(['linux', 'unknown'])
    }
  })

  test('multi (multi.Dockerfile): two platforms pushed, digest set', async () => {
    const r = await step({
      builder: container,
      context: './test',
      file: './test/multi.Dockerfile',
      platforms: 'linux/amd64,linux/arm64',
      push: 'true',
      tags: `${IMAGE}:multi\n${IMAGE}:multi-1.0.0`
    })
    passed(r)
    await pushed(r, `${IMAGE}:multi-1.0.0`)
    const index = await registryManifest(APP, 'multi-1.0.0')
    expect(index.manifests?.filter(m => m.platform?.os === 'linux').map(m => m.platform?.architecture)).toEqual(['amd64', 'arm64'])
  })

  // driver × load × push, without load+push: BPA's "Check digest" and "Check image ID".
  test.each<['docker' | 'docker-container', boolean, boolean]>([
    ['docker', true, false],
    ['docker', false, true],
    ['docker', false, false],
    ['docker-container', true, false],
    ['docker-container', false, true],
    ['docker-container', false, false]
  ])('digest (driver %s, load %s, push %s)', async (driver, load, push) => {
    const ref = `${IMAGE}:digest-${driver}-${load}-${push}`
    const r = await step({ ...(driver === 'docker' ? {} : { builder: container }), context: './test', load: String(load), push: String(push), tags: ref })
    passed(r)
    if (load || driver === 'docker') tagged(ref)
    const cacheOnly = driver === 'docker-container' && !load && !push
    if (cacheOnly) {
      expect(r.outputs.digest ?? '').toBe('')
      expect(r.outputs.imageid ?? '').toBe('')
    } else {
      expect(r.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    }
    if (push) {
      await pushed(r, ref)
      expect((await registryManifest(APP, r.outputs.digest)).mediaType).toMatch(/index|manifest/)
    }
    // docker image inspect ${{ steps.docker_build.outputs.imageid }}
    if (load) expect(inEngine(r.outputs.imageid)).toBe(r.outputs.imageid)
  })

  test('registry-cache: cache-from a registry, inline cache-to, two platforms', async () => {
    const r = await step({
      builder: container,
      context: './test',
      file: './test/multi.Dockerfile',
      platforms: 'linux/amd64,linux/arm64',
      push: 'true',
      tags: `${IMAGE}:registry-cache\n${IMAGE}:registry-cache-1.0.0`,
      'cache-from': `type=registry,ref=${IMAGE}`,
      'cache-to': 'type=inline'
    })
    passed(r)
    await pushed(r, `${IMAGE}:registry-cache`)
  })

  test('github-cache: type=gha through the Actions cache service (the emulation), two platforms', async () => {
    const before = svc.entries.length
    const r = await step(
      {
        context: './test',
        file: './test/multi.Dockerfile',
        builder: container,
        platforms: 'linux/amd64,linux/arm64',
        push: 'true',
        tags: `${IMAGE}:github-cache\n${IMAGE}:github-cache-1.0.0`,
        'cache-from': 'type=gha,scope=ci-',
        'cache-to': 'type=gha,scope=ci-'
      },
      { env: svc.env({ ref: 'refs/heads/main' }) }
    )
    passed(r)
    await pushed(r, `${IMAGE}:github-cache-1.0.0`)
    // Ours besides: the cache was written (the user's line got the v2 service's url; buildx 0.13
    // drops a gha line without one, and the job would pass caching nothing).
    expect(svc.entries.length).toBeGreaterThan(before)
    expect(svc.calls.some(c => c.rpc === 'FinalizeCacheEntryUpload' && c.status === 200)).toBe(true)
  })

  test('local-cache: cache-from a local directory, cache-to a new one, then moved', async () => {
    const cache = path.join(workspace, '.buildx-cache')
    const r = await step({
      builder: container,
      context: './test',
      file: './test/multi.Dockerfile',
      platforms: 'linux/amd64,linux/arm64',
      push: 'true',
      tags: `${IMAGE}:local-cache\n${IMAGE}:local-cache-1.0.0`,
      'cache-from': `type=local,src=${cache}`,
      'cache-to': `type=local,dest=${cache}-new`
    })
    passed(r)
    await pushed(r, `${IMAGE}:local-cache-1.0.0`)
    expect(fs.existsSync(path.join(`${cache}-new`, 'index.json'))).toBe(true)
    fs.rmSync(cache, { recursive: true, force: true })
    fs.renameSync(`${cache}-new`, cache)
  })

  test('no-cache-filters: the "build" stage uncached, gha cache with mode=max', async () => {
    const r = await step(
      {
        builder: container,
        context: './test',
        file: './test/nocachefilter.Dockerfile',
        'no-cache-filters': 'build',
        tags: 'name/app:latest',
        'cache-from': 'type=gha,scope=nocachefilter',
        'cache-to': 'type=gha,scope=nocachefilter,mode=max'
      },
      { env: svc.env({ ref: 'refs/heads/main' }) }
    )
    passed(r)
  })

  const BASE = `${REGISTRY}/stagecraft-test/bpa-ci-${nonce}/my-base-image`
  let baseDigest = ''
  test('named-context-container: push a base, then build FROM alpine with alpine=docker-image://<the base>', async () => {
    const base = await step({ builder: container, context: './test', file: './test/named-context-base.Dockerfile', tags: `${BASE}:latest`, push: 'true' })
    passed(base)
    baseDigest = base.outputs.digest
    // named-context.Dockerfile's RUN cat /etc/*release fails on anything but the base.
    passed(
      await step({ builder: container, context: './test', file: './test/named-context.Dockerfile', 'build-contexts': `alpine=docker-image://${BASE}:latest` })
    )
  })

  test('named-context-pin: alpine pinned to an image by digest (BPA pins alpine:edge from Docker Hub)', async () => {
    expect(baseDigest).toMatch(/^sha256:/)
    passed(
      await step({
        builder: container,
        context: './test',
        file: './test/named-context.Dockerfile',
        'build-contexts': `alpine=docker-image://${BASE}@${baseDigest}`
      })
    )
  })

  test('named-context-docker: load a base into the engine (docker driver), then build FROM it by name', async () => {
    const local = tagged(`stagecraft-test/bpa-ci-${nonce}-my-base-image:local`)
    passed(await step({ context: './test', file: './test/named-context-base.Dockerfile', load: 'true', tags: local }))
    expect(inEngine(local)).toMatch(/^sha256:/)
    passed(await step({ context: './test', file: './test/named-context.Dockerfile', 'build-contexts': `alpine=docker-image://${local}` }))
  })

  test('docker-config-malformed: a config.json that is not JSON; the build still runs', async () => {
    const config = path.join(workspace, 'malformed-docker-config')
    fs.mkdirSync(config, { recursive: true })
    fs.writeFileSync(path.join(config, 'config.json'), 'foo_bar\n')
    // The runner's buildx is a plugin of the sid engine's DOCKER_CONFIG (a runner has it system-wide).
    if (SID_RUNNER && !fs.existsSync(path.join(config, 'cli-plugins')))
      fs.symlinkSync(path.join(sidEnv.DOCKER_CONFIG, 'cli-plugins'), path.join(config, 'cli-plugins'))
    passed(await step({ context: './test' }, { env: { DOCKER_CONFIG: config } }))
  })

  test('annotations: index and manifest annotations on a push', async () => {
    const ref = `${IMAGE}:annotations`
    const r = await step({
      builder: container,
      context: './test',
      file: './test/Dockerfile',
      push: 'true',
      tags: ref,
      annotations: 'index:com.example.key=value\nindex:com.example.key2=value2\nmanifest:com.example.key3=value3'
    })
    passed(r)
    await pushed(r, ref)
    const index = (await registryManifest(APP, 'annotations')) as {
      annotations?: Record<string, string>
      manifests?: { digest: string; platform?: { os: string } }[]
    }
    expect(index.annotations).toMatchObject({ 'com.example.key': 'value', 'com.example.key2': 'value2' })
    const image = index.manifests?.find(m => m.platform?.os === 'linux')
    const manifest = (await registryManifest(APP, image?.digest ?? 'none')) as { annotations?: Record<string, string> }
    expect(manifest.annotations).toMatchObject({ 'com.example.key3': 'value3' })
  })

  test('multi-output: registry, docker and oci exporters in one build', async () => {
    const local = tagged(`stagecraft-test/bpa-ci-${nonce}-app:local`)
    const oci = path.join(workspace, 'oci.tar')
    const r = await step({
      builder: container,
      context: './test',
      file: './test/Dockerfile',
      outputs: `type=image,name=${IMAGE}:multi-output,push=true\ntype=docker,name=${local}\ntype=oci,dest=${oci}`
    })
    passed(r)
    expect(await registryDigest(APP, 'multi-output')).toMatch(/^sha256:/)
    expect(inEngine(local)).toMatch(/^sha256:/)
    if (!SID_RUNNER) recordImage(local) // type=docker's image: not the action's imageid, so runAction does not record it
    const listing = execFileSync('tar', ['tf', oci], { encoding: 'utf8' })
    expect(listing.split('\n')).toEqual(expect.arrayContaining(['index.json', 'oci-layout']))
  })

  test('load-and-push: in the registry and in the engine', async () => {
    const ref = tagged(`${IMAGE}:load-and-push`)
    const r = await step({ builder: container, context: './test', file: './test/Dockerfile', load: 'true', push: 'true', tags: ref })
    passed(r)
    // BPA checks the tag in the registry (imagetools inspect) and in the engine.
    expect(r.outputs.digest).toMatch(/^sha256:/)
    // Ours besides: digest is what the registry holds under the tag (the engine's copy is written
    // before the push, so the metadata is the push's), what a cosign or attest step signs.
    expect(await registryDigest(APP, 'load-and-push')).toBe(r.outputs.digest)
    expect(inEngine(ref)).toBe(r.outputs.imageid)
  })

  test.each<[string, Record<string, string>]>([
    ['summary-disable', { DOCKER_BUILD_SUMMARY: 'false' }],
    ['record-upload-disable', { DOCKER_BUILD_RECORD_UPLOAD: 'false' }],
    ['record-retention-days (2)', { DOCKER_BUILD_RECORD_RETENTION_DAYS: '2' }],
    ['record-retention-days (0)', { DOCKER_BUILD_RECORD_RETENTION_DAYS: '0' }]
  ])('%s', async (_name, env) => {
    passed(await step({ builder: container, file: './test/Dockerfile' }, { env }))
  })

  /** BPA's checks jobs run on setup-buildx's builder: on the sid runner, ours; else the sid docker driver. */
  const checksBuilder = (): Record<string, string> => (SID_RUNNER ? { builder: container } : {})
  test('checks (sid engine, buildx 0.29): lint.Dockerfile builds; each check a warning on its line', async () => {
    const r = await step({ ...checksBuilder(), context: './test', file: './test/lint.Dockerfile' }, { engine: 'sid' })
    passed(r)
    const checks = r.annotations.filter(a => a.level === 'warning' && /build-check/.test(a.title ?? ''))
    expect(checks.map(a => [a.file, a.line])).toEqual([1, 2, 5, 6, 9, 11].map(l => ['test/lint.Dockerfile', l]))
  })

  test('annotations-disabled (sid engine): DOCKER_BUILD_CHECKS_ANNOTATIONS=false → no check annotations', async () => {
    const r = await step(
      { ...checksBuilder(), context: './test', file: './test/lint.Dockerfile' },
      { engine: 'sid', env: { DOCKER_BUILD_CHECKS_ANNOTATIONS: 'false' } }
    )
    passed(r)
    expect(r.annotations.filter(a => /build-check/.test(a.title ?? ''))).toEqual([])
  })

  test('call-check (sid engine): call: check on lint.Dockerfile → the step fails', async () => {
    const r = await step({ ...checksBuilder(), context: './test', file: './test/lint.Dockerfile', call: 'check' }, { engine: 'sid' })
    failed(r)
  })
})
