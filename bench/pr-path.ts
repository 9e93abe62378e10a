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
 * The audit scans for one secret, so every byte it reads goes through the secret search.
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
const DOCKERFILE = `FROM busybox:stable
RUN mkdir -p /deps && head -c 36000000 /dev/urandom | base64 > /deps/vendor-a.txt
RUN head -c 36000000 /dev/urandom | base64 > /deps/vendor-b.txt
ARG APP_VERSION=1
RUN mkdir -p /app && head -c 200000 /dev/urandom | base64 > /app/bundle.js && echo "$APP_VERSION" > /app/VERSION
USER 65532
`

interface ChildResult {
  ms: number
  streamed: number
  cached: number
}

async function child(layout: string, cacheDir: string): Promise<void> {
  const plan = parseDockerfile(DOCKERFILE)
  const t0 = performance.now()
  const report = await auditImage({
    docker: new Docker(),
    source: { kind: 'layout', dir: layout },
    dockerfile: { plan },
    target: plan.stages[plan.stages.length - 1],
    secrets: [SECRET],
    options: { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' },
    layerCacheDir: cacheDir
  })
  const out: ChildResult = { ms: performance.now() - t0, streamed: report.source.streamed, cached: report.source.cached }
  process.stdout.write(JSON.stringify(out))
}


async function build(docker: Docker, work: string, tag: string, version: string, layout: string): Promise<void> {
  const r = await docker.buildx(['--load', '--output', `type=oci,dest=${layout},tar=false`, '--build-arg', `APP_VERSION=${version}`, '-t', tag, '-f', path.join(work, 'Dockerfile'), work])
  if (r.exitCode !== 0) throw new Error(`building ${tag} failed:\n${r.stderr.split('\n').slice(-15).join('\n')}`)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1], args[2])
  const docker = new Docker()
  const pre = await docker.preflight()
  if (!pre.builder.features.ociExporter) throw new Error('this engine cannot export an OCI layout (classic store): run the PR-path bench on the containerd store')
  const work = mkdtempSync(path.join(tmpdir(), 'stagecraft-bench-pr-'))
  const tag = 'stagecraft-bench/pr-path'
  try {
    writeFileSync(path.join(work, 'Dockerfile'), DOCKERFILE)
    const run = Date.now().toString(36)
    const base = path.join(work, 'layout-base')
    const pr = path.join(work, 'layout-pr')
    await build(docker, work, tag, `${run}-base`, base)
    const cache = mkdtempSync(path.join(work, 'audit-cache-'))
    await runChild<ChildResult>(fileURLToPath(import.meta.url), [base, cache]) // the base branch's run leaves the audit layer cache warm
    await build(docker, work, tag, `${run}-pr`, pr)
    const info = await docker.inspectImage(tag)
    await timeDockerSave(tag)
    const save = Math.min(await timeDockerSave(tag), await timeDockerSave(tag))
    const warm = await runChild<ChildResult>(fileURLToPath(import.meta.url), [pr, cache])
    const fresh = await runChild<ChildResult>(fileURLToPath(import.meta.url), [pr, mkdtempSync(path.join(work, 'audit-cache-cold-'))])
    console.log(`\nPR path: ${tag}, ${info?.Size ?? '?'} bytes in the engine (compressed), only the app layer changed`)
    console.log(`  docker save > /dev/null            ${(save / 1000).toFixed(2)} s`)
    console.log(`  audit, warm layer cache            ${(warm.ms / 1000).toFixed(2)} s   ratio ${(warm.ms / save).toFixed(2)}   (goal <= 0.3; ${warm.streamed} layer read, ${warm.cached} cached)`)
    console.log(`  audit, fresh runner (cold cache)   ${(fresh.ms / 1000).toFixed(2)} s   ratio ${(fresh.ms / save).toFixed(2)}   (goal <= 0.8; ${fresh.streamed} layers read)`)
  } finally {
    await docker.raw(['image', 'rm', '-f', tag])
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(`bench/pr-path: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
