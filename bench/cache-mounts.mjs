// Cache-mount benchmark (issue 5). Runs on the real engine with the local-directory store and
// prints the figures the issue asks for. Every run starts from `docker buildx prune -af`, as a
// hosted runner starts from an empty builder.
//
// The fixture is a synthetic build cache: N "packages" of KB each, every one the output of an
// expensive step (gzip -9 of random bytes, ~18 MB/s on one core, like compiler outputs in a Go,
// cargo or ccache cache). A cold build produces all of them; a warm one finds them in the cache
// mount and only produces what the lockfile added.
//
// Run it through bench/cache-mounts.sh (it compiles the TypeScript modules first).
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../build/cache-bench/src/docker/docker.js'
import { cacheKeyFiles, parseCacheMounts } from '../build/cache-bench/src/cache-mounts/inputs.js'
import { LocalDirStore } from '../build/cache-bench/src/store/local-store.js'
import { restoreCacheMounts, saveCacheMounts } from '../build/cache-bench/src/cache-mounts/mounts.js'
import { formatBytes } from '../build/cache-bench/src/size/units.js'
import { parseDockerfile } from '../build/cache-bench/src/plan/dockerfile.js'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const PACKAGES = arg('packages', 2000)
const PACKAGE_KB = arg('package-kb', 250)
const ADDED = Math.max(1, Math.round(PACKAGES / 100))
const BASE = 'busybox:stable'

const docker = new Docker()
const ns = `stagecraft-bench-${randomBytes(4).toString('hex')}`
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-cache-bench-'))
const ctxDir = path.join(work, 'ctx')
const quiet = { info: () => {}, warning: m => console.error(`warning: ${m}`), setSecret: () => {}, group: async (_n, fn) => fn() }
const sec = ms => `${(ms / 1000).toFixed(1)} s`
const prune = () => execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
const time = async fn => {
  const t = Date.now()
  const value = await fn()
  return { ms: Date.now() - t, value }
}

function writeFixture() {
  fs.mkdirSync(ctxDir, { recursive: true })
  fs.writeFileSync(
    path.join(ctxDir, 'Dockerfile'),
    `FROM ${BASE}
ARG RUN_ID=0
COPY packages.lock /app/
RUN --mount=type=cache,id=bench-pkgs,target=/root/.cache/pkgs \\
    echo "run $RUN_ID"; hits=0; built=0; \\
    while read name size; do \\
      f=/root/.cache/pkgs/$name.gz; \\
      if [ -f "$f" ]; then hits=$((hits + 1)); else head -c "$size" /dev/urandom | gzip -9 > "$f"; built=$((built + 1)); fi; \\
      echo "$name" >> /app/installed; \\
    done < /app/packages.lock; \\
    echo "cache: $hits hit, $built built"
`
  )
  writeLock(PACKAGES)
}

function writeLock(n) {
  const lines = []
  for (let i = 0; i < n; i++) lines.push(`pkg-${String(i).padStart(5, '0')} ${PACKAGE_KB * 1000}`)
  fs.writeFileSync(path.join(ctxDir, 'packages.lock'), lines.join('\n') + '\n')
}

function context(store) {
  const plan = parseDockerfile(fs.readFileSync(path.join(ctxDir, 'Dockerfile'), 'utf8'))
  return {
    docker,
    plan,
    contextDir: ctxDir,
    options: { mounts: parseCacheMounts('auto', plan), keyFiles: cacheKeyFiles('packages.lock', ctxDir), namespace: ns },
    store,
    reporter: quiet,
    tmpDir: path.join(work, 'tmp')
  }
}

async function build(runId) {
  const lines = []
  const r = await docker.buildx(
    ['--progress', 'plain', '--build-arg', `RUN_ID=${runId}`, '--build-arg', `BUILDKIT_CACHE_MOUNT_NS=${ns}`, '--output', 'type=cacheonly', ctxDir],
    { onLine: l => lines.push(l) }
  )
  if (r.exitCode !== 0) throw new Error(`build failed:\n${lines.slice(-20).join('\n')}`)
  return lines.find(l => /^#\d+ [\d.]+ cache: \d+ hit, /.test(l))?.replace(/^#\d+ [\d.]+ /, '') ?? '?'
}

/** One CI run on a fresh builder: restore, build, save. */
async function ciRun(store, runId) {
  prune()
  const c = context(store)
  const restore = await time(() => restoreCacheMounts(c))
  const b = await time(() => build(runId))
  const save = await time(() => saveCacheMounts(c, restore.value))
  return { restore, build: b, save, total: restore.ms + b.ms + save.ms }
}

/** The naive way: the cache as a directory of files, bind-mounted in and copied; copied out as files. */
async function naive(seedDir) {
  const id = `bench-naive-${randomBytes(4).toString('hex')}`
  const ctx = path.join(work, 'naive-ctx')
  fs.mkdirSync(ctx, { recursive: true })
  const run = async (dockerfile, extra) => {
    const file = path.join(work, `naive-${randomBytes(4).toString('hex')}.Dockerfile`)
    fs.writeFileSync(file, dockerfile)
    const lines = []
    const r = await docker.buildx(['--progress', 'plain', '--file', file, ...extra, ctx], { onLine: l => lines.push(l) })
    if (r.exitCode !== 0) throw new Error(`naive build failed:\n${lines.slice(-20).join('\n')}`)
  }
  prune()
  const inject = await time(() =>
    run(
      `FROM ${BASE}\nRUN --mount=type=bind,from=seed,target=/seed --mount=type=cache,id=${id},target=/cache cp -a /seed/. /cache/ && echo ${randomBytes(4).toString('hex')}\n`,
      ['--build-context', `seed=${seedDir}`, '--output', 'type=cacheonly']
    )
  )
  const out = path.join(work, 'naive-out')
  const extract = await time(() =>
    run(
      `FROM ${BASE} AS x\nRUN --mount=type=cache,id=${id},target=/cache cp -a /cache /out && echo ${randomBytes(4).toString('hex')}\nFROM scratch\nCOPY --from=x /out/ /\n`,
      ['--output', `type=local,dest=${out}`]
    )
  )
  const files = fs.readdirSync(out).length
  return { inject: inject.ms, extract: extract.ms, files }
}

async function main() {
  const mb = (PACKAGES * PACKAGE_KB) / 1000
  console.log(`cache-mounts bench: ${PACKAGES} packages x ${PACKAGE_KB} kB = ${mb.toFixed(0)} MB synthetic build cache (gzip -9 of random bytes), base ${BASE}`)
  console.log(`each run starts from docker buildx prune -af (a fresh runner); store: local directory`)
  writeFixture()
  const store = new LocalDirStore(path.join(work, 'store'))

  const cold = await ciRun(store, 1)
  const coldSave = cold.save.value[0]
  console.log(
    `cold run:  restore ${sec(cold.restore.ms)} (${cold.restore.value[0]?.outcome}), build ${sec(cold.build.ms)} [${cold.build.value}], save ${sec(cold.save.ms)} (${coldSave?.outcome}, ${formatBytes(coldSave?.bytes ?? 0)})`
  )

  writeLock(PACKAGES + ADDED)
  const warm = await ciRun(store, 2)
  const warmRestore = warm.restore.value[0]
  console.log(
    `warm run after a lockfile change (+${ADDED} packages):  restore ${sec(warm.restore.ms)} (${warmRestore?.outcome}, ${formatBytes(warmRestore?.bytes ?? 0)}), build ${sec(warm.build.ms)} [${warm.build.value}], save ${sec(warm.save.ms)} (${warm.save.value[0]?.outcome})`
  )

  const persistRestore = cold.save.ms + warm.restore.ms
  const ratio = warm.total / cold.total
  console.log('')
  console.log(`persist (export + store) of ${formatBytes(coldSave?.bytes ?? 0)}: ${sec(cold.save.ms)}`)
  console.log(`restore (load + inject) of ${formatBytes(warmRestore?.bytes ?? 0)}: ${sec(warm.restore.ms)}`)
  console.log(`persist + restore: ${sec(persistRestore)}  (goal <= 20 s: ${persistRestore <= 20_000 ? 'met' : 'NOT met'})`)
  console.log(`cold rebuild (restore + build + save): ${sec(cold.total)}; warm rebuild after lockfile change: ${sec(warm.total)}`)
  console.log(
    `warm / cold: ${ratio.toFixed(2)}  (goal <= 0.5: ${ratio <= 0.5 ? 'met' : 'NOT met'}); build step alone: ${(warm.build.ms / cold.build.ms).toFixed(2)}`
  )

  // The naive reference, on the same cache contents as plain files.
  const seedDir = path.join(work, 'naive-seed')
  fs.mkdirSync(seedDir)
  const entry = fs.readdirSync(store.dir).find(n => !n.startsWith('.'))
  execFileSync('tar', ['-xf', path.join(store.dir, entry, 'cache.tar'), '-C', seedDir])
  const n = await naive(seedDir)
  console.log(
    `naive reference (bind-mounted directory copied into the mount; copied out as ${n.files} files): inject ${sec(n.inject)}, extract ${sec(n.extract)}, total ${sec(n.inject + n.extract)}`
  )
  console.log(
    `stagecraft: inject ${sec(warm.restore.ms)}, extract ${sec(cold.save.ms)}, total ${sec(persistRestore)}; speed-up over naive ${((n.inject + n.extract) / persistRestore).toFixed(1)}x`
  )
}

try {
  await main()
} finally {
  fs.rmSync(work, { recursive: true, force: true })
  prune()
}
