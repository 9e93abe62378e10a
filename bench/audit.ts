/**
 * Audit benchmark (not a test: prints figures, asserts nothing).
 *
 *   npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/audit.js [--keep]
 *
 * Builds ~700 MB and ~2 GB images of incompressible data (several layers, FROM busybox:stable),
 * then prints for each: the audit's wall time ÷ `docker save IMAGE > /dev/null` wall time (goal
 * ≤ 1.15), the audit's peak RSS (VmHWM of the child process that runs it; goal ≤ 150 MB), and a
 * second audit with the layer cache ÷ the first (goal ≤ 0.1). The audit scans for one secret, so
 * every byte of every file goes through the secret search (the worst case).
 * The images are removed at the end unless --keep is given.
 */
import { runChild, timeDockerSave } from './child.js'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { auditImage } from '../src/pipeline/examine.js'
import { Docker } from '../src/docker/docker.js'
import { parseDockerfile } from '../src/plan/dockerfile.js'

const SECRET = { id: 'token', value: 'bench-secret-value-not-in-the-image' }

/** A Dockerfile of `layers` RUN steps writing `mbPerLayer` MB of random bytes each. */
function benchDockerfile(layers: number, mbPerLayer: number): string {
  const runs = Array.from({ length: layers }, (_, i) => `RUN dd if=/dev/urandom of=/data/part${i} bs=1M count=${mbPerLayer} 2>/dev/null`)
  return ['FROM busybox:stable', 'RUN mkdir -p /data', ...runs, 'USER 65532', ''].join('\n')
}

interface ChildResult {
  ms: number
  peakRssKb: number
  findings: number
  dockerSave: boolean
}

/** Child mode: audit once and report wall time and VmHWM (peak RSS) of this process. */
async function child(image: string, dockerfile: string, cacheDir: string): Promise<void> {
  const plan = parseDockerfile(dockerfile)
  const t0 = performance.now()
  const report = await auditImage({
    docker: new Docker(),
    image,
    dockerfile: { path: 'Dockerfile', plan },
    target: plan.stages[plan.stages.length - 1],
    secrets: [SECRET],
    options: { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' },
    layerCacheDir: cacheDir,
    // As the action keeps them: the searched facts of layers a secret can reach live in the private
    // tier (keyed by the secrets), so a second audit reuses them instead of exporting again.
    secretScanCacheDir: path.join(cacheDir, 'secret-scans')
  })
  const ms = performance.now() - t0
  const hwm = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1]
  const out: ChildResult = { ms, peakRssKb: Number(hwm ?? 0), findings: report.findings.length, dockerSave: report.source.dockerSave }
  process.stdout.write(JSON.stringify(out))
}

async function benchOne(docker: Docker, label: string, layers: number, mbPerLayer: number, work: string, keep: boolean): Promise<void> {
  const tag = `stagecraft-bench/audit-${label.toLowerCase()}`
  const dir = path.join(work, label)
  const text = benchDockerfile(layers, mbPerLayer)
  rmSync(dir, { recursive: true, force: true })
  writeFileSync(path.join(work, `${label}.Dockerfile`), text)
  const b0 = performance.now()
  const built = await docker.buildx(['--load', '-t', tag, '-f', path.join(work, `${label}.Dockerfile`), work])
  if (built.exitCode !== 0) throw new Error(`building ${tag} failed:\n${built.stderr.split('\n').slice(-15).join('\n')}`)
  const info = await docker.inspectImage(tag)
  console.log(
    `\n${label}: ${tag}, ${layers} layers × ${mbPerLayer} MB random (built in ${((performance.now() - b0) / 1000).toFixed(1)} s, ${info?.Size ?? '?'} bytes)`
  )

  // Warm the page cache once, then take the best of two runs for the baseline.
  await timeDockerSave(tag)
  const save = Math.min(await timeDockerSave(tag), await timeDockerSave(tag))
  const cacheDir = mkdtempSync(path.join(work, 'layer-cache-'))
  const first = await runChild<ChildResult>(fileURLToPath(import.meta.url), [tag, path.join(work, `${label}.Dockerfile`), cacheDir])
  const second = await runChild<ChildResult>(fileURLToPath(import.meta.url), [tag, path.join(work, `${label}.Dockerfile`), cacheDir])
  const mb = (kb: number) => (kb / 1024).toFixed(0)
  console.log(`  docker save > /dev/null      ${(save / 1000).toFixed(2)} s`)
  console.log(`  audit (no cache)             ${(first.ms / 1000).toFixed(2)} s   ratio ${(first.ms / save).toFixed(2)}   (goal <= 1.15)`)
  console.log(`  audit peak RSS               ${mb(first.peakRssKb)} MB   (goal <= 150 MB)`)
  console.log(
    `  audit (layer cache)          ${(second.ms / 1000).toFixed(2)} s   ratio ${(second.ms / first.ms).toFixed(3)}   (goal <= 0.1; docker save ran: ${second.dockerSave})`
  )
  console.log(`  cached audit peak RSS        ${mb(second.peakRssKb)} MB`)
  rmSync(cacheDir, { recursive: true, force: true })
  if (!keep) await docker.raw(['image', 'rm', '-f', tag])
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1], readFileSync(args[2], 'utf8'), args[3])
  const keep = args.includes('--keep')
  const docker = new Docker()
  if (!(await docker.inspectImage('busybox:stable'))) throw new Error('busybox:stable is missing: run bash scripts/base-images.sh')
  const work = mkdtempSync(path.join(tmpdir(), 'stagecraft-bench-audit-'))
  try {
    await benchOne(docker, '700MB', 5, 140, work, keep)
    await benchOne(docker, '2GB', 10, 205, work, keep)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(`bench/audit: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
