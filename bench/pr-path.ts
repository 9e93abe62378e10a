/**
 * Pull-request path benchmark (not a test: prints figures, asserts nothing).
 *
 *   npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/pr-path.js
 *
 * A ~150 MB image (busybox + two "dependency" layers of compressible data) is built twice, the
 * second time with only its small app layer changed, each build writing its OCI layout beside
 * --load as the action does. Printed, against `docker save` of the same image in the same run
 * (best of two, page cache warm), on the engine the docker CLI talks to (run it on the containerd
 * store: that is where the layout path applies):
 *   - warm: the audit of the second build with the audit layer cache of the first (goal <= 0.3);
 *   - fresh runner: the same layout, empty audit layer cache (goal <= 0.8).
 * The audit is given one build secret. The secret is searched for only in the layers it could reach
 * (src/inspect/secret-reach.ts), and the results of that search are kept only in a private
 * directory (the user's cache-dir), never in the shared layer cache the Actions cache carries to
 * pull requests. So the image is built twice more with the second dependency layer mounting the
 * secret (as `RUN --mount=type=secret,id=npmrc npm ci` does), and printed as well:
 *   - warm, shared layer cache only (the Actions cache on GitHub): that layer is searched again;
 *   - warm with the private secret-scan cache too (cache-dir): nothing is read.
 */
import { runChild, timeDockerSave } from './child.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Docker } from '../src/docker/docker.js'
import { auditImage } from '../src/pipeline/examine.js'
import { parseDockerfile } from '../src/plan/dockerfile.js'

const SECRET = { id: 'token', value: 'bench-secret-value-not-in-the-image' }
const dockerfile = (mount: string) => `FROM busybox:stable
RUN mkdir -p /deps && head -c 36000000 /dev/urandom | base64 > /deps/vendor-a.txt
RUN ${mount}head -c 36000000 /dev/urandom | base64 > /deps/vendor-b.txt
ARG APP_VERSION=1
RUN mkdir -p /app && head -c 200000 /dev/urandom | base64 > /app/bundle.js && echo "$APP_VERSION" > /app/VERSION
USER 65532
`

interface ChildResult {
  ms: number
  streamed: number
  cached: number
}

async function child(layout: string, cacheDir: string, mount: string, privateDir?: string): Promise<void> {
  const plan = parseDockerfile(dockerfile(mount))
  const t0 = performance.now()
  const report = await auditImage({
    docker: new Docker(),
    source: { kind: 'layout', dir: layout },
    dockerfile: { plan },
    target: plan.stages[plan.stages.length - 1],
    secrets: [SECRET],
    options: { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' },
    layerCacheDir: cacheDir,
    secretScanCacheDir: privateDir
  })
  const out: ChildResult = { ms: performance.now() - t0, streamed: report.source.streamed, cached: report.source.cached }
  process.stdout.write(JSON.stringify(out))
}

async function build(docker: Docker, work: string, tag: string, version: string, layout: string): Promise<void> {
  const r = await docker.buildx([
    '--load',
    '--output',
    `type=oci,dest=${layout},tar=false`,
    '--build-arg',
    `APP_VERSION=${version}`,
    '-t',
    tag,
    '-f',
    path.join(work, 'Dockerfile'),
    work
  ])
  if (r.exitCode !== 0) throw new Error(`building ${tag} failed:\n${r.stderr.split('\n').slice(-15).join('\n')}`)
}

const SECRET_MOUNT = '--mount=type=secret,id=token '

/** Build the base branch's image, audit it (leaving the caches warm), build the PR's, and time its audits. */
async function scenario(
  docker: Docker,
  work: string,
  tag: string,
  mount: string
): Promise<{ save: number; size?: number; warm: ChildResult; warmPrivate: ChildResult; fresh: ChildResult }> {
  const dir = mkdtempSync(path.join(work, 'case-'))
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile(mount))
  const run = Date.now().toString(36)
  const base = path.join(dir, 'layout-base')
  const pr = path.join(dir, 'layout-pr')
  const me = fileURLToPath(import.meta.url)
  await build(docker, dir, tag, `${run}-base`, base)
  const shared = mkdtempSync(path.join(dir, 'audit-cache-'))
  const own = mkdtempSync(path.join(dir, 'secret-scans-'))
  // The base branch's run leaves the caches warm: the shared one (Actions cache) and the private one (cache-dir).
  await runChild<ChildResult>(me, [base, shared, mount, own])
  const sharedOnly = mkdtempSync(path.join(dir, 'audit-cache-shared-'))
  await runChild<ChildResult>(me, [base, sharedOnly, mount])
  await build(docker, dir, tag, `${run}-pr`, pr)
  const info = await docker.inspectImage(tag)
  await timeDockerSave(tag)
  const save = Math.min(await timeDockerSave(tag), await timeDockerSave(tag))
  const warm = await runChild<ChildResult>(me, [pr, sharedOnly, mount])
  const warmPrivate = await runChild<ChildResult>(me, [pr, shared, mount, own])
  const fresh = await runChild<ChildResult>(me, [pr, mkdtempSync(path.join(dir, 'audit-cache-cold-')), mount])
  await docker.raw(['image', 'rm', '-f', tag])
  return { save, size: info?.Size, warm, warmPrivate, fresh }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1], args[2], args[3] ?? '', args[4])
  const docker = new Docker()
  const pre = await docker.preflight()
  if (!pre.builder.features.ociExporter)
    throw new Error('this engine cannot export an OCI layout (classic store): run the PR-path bench on the containerd store')
  const work = mkdtempSync(path.join(tmpdir(), 'stagecraft-bench-pr-'))
  const tag = 'stagecraft-bench/pr-path'
  const row = (label: string, r: ChildResult, save: number, goal: string) =>
    console.log(
      `  ${label.padEnd(52)} ${(r.ms / 1000).toFixed(2)} s   ratio ${(r.ms / save).toFixed(2)}   (${goal}; ${r.streamed} layer(s) read, ${r.cached} cached)`
    )
  try {
    for (const [name, mount] of [
      ['no layer mounts the secret', ''],
      ['the second dependency layer mounts the secret', SECRET_MOUNT]
    ]) {
      const r = await scenario(docker, work, tag, mount)
      console.log(`\nPR path (${name}): ${tag}, ${r.size ?? '?'} bytes in the engine, only the app layer changed`)
      console.log(`  ${'docker save > /dev/null'.padEnd(52)} ${(r.save / 1000).toFixed(2)} s`)
      row('audit, warm, shared layer cache only (Actions cache)', r.warm, r.save, 'goal <= 0.3')
      row('audit, warm, shared + private cache (cache-dir)', r.warmPrivate, r.save, 'goal <= 0.3')
      row('audit, fresh runner (cold cache)', r.fresh, r.save, 'goal <= 0.8')
    }
  } finally {
    await docker.raw(['image', 'rm', '-f', tag])
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(`bench/pr-path: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
