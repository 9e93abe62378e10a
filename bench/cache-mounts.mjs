// Cache-mount benchmark (issues 5 and 21). Runs on the real engine with the local-directory store
// and prints, per case, persist + restore against the naive copy-in/copy-out measured in the same
// run, with where the time went. Every CI run starts with this bench's cache mounts removed from
// the builder (as a hosted runner starts from an empty one); only the build-cache records this
// run created are pruned (matched by its unique namespace and ids), never the rest of a shared
// engine's cache.
//
// Two cases:
//   random: N "packages" of KB each, every one the output of an expensive step (gzip -9 of random
//     bytes, like compiler outputs in a Go, cargo or ccache cache): does not compress.
//   text: many small text files (hex dumps of random bytes, ~45% after zstd), like an
//     uncompressed npm cache or a Go build cache's text outputs: compresses.
//
// Run it through bench/cache-mounts.sh (it compiles the TypeScript modules first); on Node 24
// (`bash bench/cache-mounts.sh --node24`) the zstd path is measured.
// Options: --case random|text|both (both), --packages N --package-kb KB (random: 2000 x 250),
// --files N --file-kb KB (text: 8000 x 32), --encoding auto|none|gzip|zstd (auto).
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { Docker } from '../build/cache-bench/src/docker/docker.js'
import { cacheKeyFiles, parseCacheMounts } from '../build/cache-bench/src/cache-mounts/inputs.js'
import { LocalDirStore } from '../build/cache-bench/src/store/local-store.js'
import { restoreCacheMounts, saveCacheMounts } from '../build/cache-bench/src/cache-mounts/mounts.js'
import { formatBytes } from '../build/cache-bench/src/size/units.js'
import { parseDockerfile } from '../build/cache-bench/src/plan/dockerfile.js'

const argText = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const arg = (name, fallback) => Number(argText(name, fallback))
const CASES = {
  random: {
    count: arg('packages', 2000),
    kb: arg('package-kb', 250),
    what: 'synthetic build cache (gzip -9 of random bytes: does not compress)',
    make: 'head -c "$size" /dev/urandom | gzip -9 > "$f"'
  },
  text: {
    count: arg('files', 8000),
    kb: arg('file-kb', 32),
    what: 'text files (hex dumps of random bytes: compress to ~45%)',
    make: 'head -c $((size / 3)) /dev/urandom | od -An -tx1 -v > "$f"'
  }
}
const which = argText('case', 'both')
// auto: what the action does (plain into a same-filesystem cache-dir); zstd measures the zstd path.
const ENCODING = argText('encoding', 'auto')
const BASE = 'busybox:stable'

const docker = new Docker()
const ns = `stagecraft-bench-${randomBytes(4).toString('hex')}`
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-cache-bench-'))
const ctxDir = path.join(work, 'ctx')
const quiet = { info: () => {}, warning: m => console.error(`warning: ${m}`), setSecret: () => {}, group: async (_n, fn) => fn() }
const sec = ms => `${(ms / 1000).toFixed(1)} s`
/** Our tokens: the namespace of the persisted cache and the naive references' cache ids. */
const ours = [ns]
/**
 * Remove the cache mounts this run created (their descriptions end `with id "<ns>/<id>"`), and
 * nothing else: other users of the engine keep their build cache.
 */
const prune = () => {
  const out = execFileSync('docker', ['buildx', 'du', '--verbose', '--filter', 'type=exec.cachemount'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  for (const block of out.split(/\n\s*\n/)) {
    const id = /^ID:\s+(\S+)/m.exec(block)?.[1]
    const description = /^Description:\s+(.*)$/m.exec(block)?.[1] ?? ''
    if (id && ours.some(t => description.includes(`with id "${t}`) || description.includes(`with id "/${t}`)))
      execFileSync('docker', ['buildx', 'prune', '-f', '--filter', `id=${id}`], { stdio: 'ignore' })
  }
}
const time = async fn => {
  const t = Date.now()
  const value = await fn()
  return { ms: Date.now() - t, value }
}

function writeFixture(c) {
  fs.rmSync(ctxDir, { recursive: true, force: true })
  fs.mkdirSync(ctxDir, { recursive: true })
  fs.writeFileSync(
    path.join(ctxDir, 'Dockerfile'),
    `FROM ${BASE}
ARG RUN_ID=0
COPY packages.lock /app/
RUN --mount=type=cache,id=bench-pkgs,target=/root/.cache/pkgs \\
    echo "run $RUN_ID"; hits=0; built=0; \\
    while read name size; do \\
      f=/root/.cache/pkgs/$name; \\
      if [ -f "$f" ]; then hits=$((hits + 1)); else ${c.make}; built=$((built + 1)); fi; \\
      echo "$name" >> /app/installed; \\
    done < /app/packages.lock; \\
    echo "cache: $hits hit, $built built"
`
  )
  writeLock(c, c.count)
}

function writeLock(c, n) {
  const lines = []
  for (let i = 0; i < n; i++) lines.push(`pkg-${String(i).padStart(5, '0')} ${c.kb * 1000}`)
  fs.writeFileSync(path.join(ctxDir, 'packages.lock'), lines.join('\n') + '\n')
}

function context(store) {
  const plan = parseDockerfile(fs.readFileSync(path.join(ctxDir, 'Dockerfile'), 'utf8'))
  return {
    docker,
    plan,
    contextDir: ctxDir,
    options: { mounts: parseCacheMounts('auto', plan), keyFiles: cacheKeyFiles('packages.lock', ctxDir), namespace: ns, encoding: ENCODING },
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
  ours.push(id)
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

const ms = x => `${(x / 1000).toFixed(1)}`
/** `run 2.1 + copy 0.8 + export 3.0 + other 0.4` from a report's steps. */
function breakdown(r) {
  const parts = []
  if (r?.codecMs !== undefined) parts.push(`${r.phase === 'save' ? 'encode' : 'decode'} ${ms(r.codecMs)}`)
  if (r?.steps) for (const [k, v] of Object.entries(r.steps)) if (v > 0 || k === 'run') parts.push(`${k} ${ms(v)}`)
  parts.push(`store ${ms(r?.storeMs ?? 0)}`)
  return parts.join(' + ') + ' s'
}

async function runCase(name, c) {
  const mb = (c.count * c.kb) / 1000
  console.log(`\n== case ${name}: ${c.count} files x ${c.kb} kB = ${mb.toFixed(0)} MB ${c.what}, base ${BASE}`)
  writeFixture(c)
  const store = new LocalDirStore(path.join(work, `store-${name}`))

  const cold = await ciRun(store, 1)
  const coldSave = cold.save.value[0]
  console.log(
    `cold run:  restore ${sec(cold.restore.ms)} (${cold.restore.value[0]?.outcome}), build ${sec(cold.build.ms)} [${cold.build.value}], save ${sec(cold.save.ms)} (${coldSave?.outcome}, ${formatBytes(coldSave?.bytes ?? 0)}${coldSave?.encoding ? `, stored ${coldSave.encoding} ${formatBytes(coldSave.storedBytes ?? 0)}` : ''})`
  )

  writeLock(c, c.count + Math.max(1, Math.round(c.count / 100)))
  const warm = await ciRun(store, 2)
  const warmRestore = warm.restore.value[0]
  console.log(
    `warm run after a lockfile change:  restore ${sec(warm.restore.ms)} (${warmRestore?.outcome}, ${formatBytes(warmRestore?.bytes ?? 0)}), build ${sec(warm.build.ms)} [${warm.build.value}], save ${sec(warm.save.ms)} (${warm.save.value[0]?.outcome})`
  )
  const persistRestore = cold.save.ms + warm.restore.ms
  console.log(`persist (export + store) ${sec(cold.save.ms)}: ${breakdown(coldSave)}`)
  console.log(`restore (load + inject) ${sec(warm.restore.ms)}: ${breakdown(warmRestore)}`)
  console.log(`warm / cold CI run: ${(warm.total / cold.total).toFixed(2)}`)

  // The naive reference, on the same cache contents as plain files.
  const seedDir = path.join(work, `naive-seed-${name}`)
  fs.mkdirSync(seedDir)
  const entry = fs.readdirSync(store.dir).find(n => !n.startsWith('.'))
  const tarball = fs.readdirSync(path.join(store.dir, entry)).find(f => f.startsWith('cache.tar'))
  const decompress = tarball.endsWith('.zst') ? ['--zstd'] : tarball.endsWith('.gz') ? ['-z'] : []
  execFileSync('tar', [...decompress, '-xf', path.join(store.dir, entry, tarball), '-C', seedDir])
  const n = await naive(seedDir)
  fs.rmSync(seedDir, { recursive: true, force: true })
  const naiveTotal = n.inject + n.extract
  console.log(
    `naive reference (bind-mounted directory copied into the mount; copied out as ${n.files} files): inject ${sec(n.inject)}, extract ${sec(n.extract)}, total ${sec(naiveTotal)}`
  )
  const ratio = persistRestore / naiveTotal
  console.log(
    `RESULT ${name} (node ${process.versions.node}): persist + restore ${sec(persistRestore)} vs naive ${sec(naiveTotal)}: ratio ${ratio.toFixed(2)} (goal <= 0.6: ${ratio <= 0.6 ? 'met' : 'NOT met'}), speed-up ${(naiveTotal / persistRestore).toFixed(2)}x`
  )
  return { name, ratio }
}

async function main() {
  console.log(
    `cache-mounts bench on node ${process.versions.node} (zlib zstd: ${typeof zlib.createZstdCompress === 'function' ? 'yes' : 'no'}); store: local directory; encoding ${ENCODING}`
  )
  console.log("each CI run starts without this bench's cache mounts in the builder (a fresh runner)")
  const results = []
  for (const name of which === 'both' ? ['random', 'text'] : [which]) results.push(await runCase(name, CASES[name]))
  console.log('')
  for (const r of results) console.log(`summary ${r.name}: persist + restore / naive = ${r.ratio.toFixed(2)}`)
}

try {
  await main()
} finally {
  fs.rmSync(work, { recursive: true, force: true })
  prune()
}
