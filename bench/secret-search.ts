/**
 * Secret search benchmark (not a test: prints figures, asserts nothing; no engine).
 *
 *   bash scripts/bench.sh search
 *   (or: npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/secret-search.js [MB])
 *
 * A layer tar holding one file of 500 MB of random bytes (cycled from a 64 MB random pool), read
 * from a temporary file (page-cached after it is written) in 64 KB chunks, as an OCI layout's blob
 * is, through the tar parser the layer scan uses, each body chunk read with `for await` as the scan
 * does. The same rows are printed for the tar streamed from memory (no read copies: a floor no real
 * source reaches, so the ratio there is the search's pure CPU cost). Rows: the floor (reading without
 * searching), the search before issue 21 (one indexOf per needle), the one-pass search, and the whole
 * layer scan. 5 secrets of common shapes, all their encodings. Random bytes hold no needle, so every
 * byte is searched (no early exit). Goal: one-pass search / floor <= 1.1.
 *
 * Then the cost of looking inside archives: the same random bytes as a plain file, and as a
 * .tar.gz and a .zip (stored, deflated) file in the layer.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { scanLayerTar } from '../src/inspect/layer-scan.js'
import { secretNeedles, StreamSearch } from '../src/inspect/secret-search.js'
import { forEachTarEntry } from '../src/inspect/tar-entries.js'
import { makeZip } from '../__tests__/inspect/zip-fixtures.js'
import { LegacyStreamSearch } from './legacy/stream-search.js'

const MB = 1024 * 1024
const TOTAL = Number(process.argv[2] ?? 500) * MB
const CHUNK = 64 * 1024
const RUNS = 5
const POOL = randomBytes(64 * MB)

const SECRETS = [
  { id: 'github', value: 'ghp_R8vKq2LmZx7Tn4Wp9Yb3Hc6Jd1Fs5Ga0Ue' },
  { id: 'aws', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY' },
  { id: 'npm', value: 'npm_9fKx2Lq8Vt3Rz7Wm1Pb6Yn4Hc5Jd0Gs2Ta' },
  { id: 'password', value: 'Tr0ub4dor&3-xyZq' },
  { id: 'signing', value: '4f9c2a71d0e8b3567a1c9e2f0b4d8a6c3e5f7091b2d4c6e8a0f1325476980abc' }
]
const needles = secretNeedles(SECRETS)

/** A ustar header for one regular file. */
function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512)
  const put = (s: string, off: number, len: number) => h.write(s.slice(0, len), off, 'latin1')
  const oct = (n: number, len: number) => n.toString(8).padStart(len - 1, '0') + '\0'
  put(name, 0, 100)
  put(oct(0o644, 8), 100, 8)
  put(oct(0, 8), 108, 8)
  put(oct(0, 8), 116, 8)
  put(oct(size, 12), 124, 12)
  put(oct(0, 12), 136, 12)
  h.fill(' ', 148, 156)
  h[156] = '0'.charCodeAt(0)
  put('ustar\u000000', 257, 8)
  let sum = 0
  for (const b of h) sum += b
  put(oct(sum, 7) + ' ', 148, 8)
  return h
}

/** The bytes `[from, from + len)` of the endless random stream. */
function* randomStream(len: number): Generator<Buffer> {
  for (let at = 0; at < len;) {
    const off = at % POOL.length
    const take = Math.min(CHUNK, len - at, POOL.length - off)
    yield POOL.subarray(off, off + take)
    at += take
  }
}

/** A layer tar of files (name, bytes as chunks), streamed in 64 KB chunks. */
function layerTar(files: { name: string; size: number; body: () => Iterable<Buffer> }[]): Readable {
  function* gen(): Generator<Buffer> {
    for (const f of files) {
      yield header(f.name, f.size)
      yield* f.body()
      if (f.size % 512) yield Buffer.alloc(512 - (f.size % 512))
    }
    yield Buffer.alloc(1024)
  }
  return Readable.from(gen(), { objectMode: false })
}

const memoryLayer = () => layerTar([{ name: 'data/blob.bin', size: TOTAL, body: () => randomStream(TOTAL) }])
const FILE = path.join(os.tmpdir(), `stagecraft-bench-search-${process.pid}.tar`)
const fileLayer = () => createReadStream(FILE, { highWaterMark: CHUNK })

type Search = () => { feed(c: Buffer): void; done(): boolean }

async function readAll(input: () => Readable, search: Search | undefined): Promise<void> {
  await forEachTarEntry(input(), async (_h, body) => {
    if (!search) {
      for await (const _chunk of body as AsyncIterable<Buffer>) void _chunk
      return
    }
    const s = search()
    for await (const chunk of body as AsyncIterable<Buffer>) if (!s.done()) s.feed(chunk)
  })
}

/**
 * The least CPU time (user + system, all threads) of `n` runs of each job, the runs interleaved:
 * CPU time rather than wall time because benchmark machines are shared (another process's load
 * stretches wall time, barely CPU time), interleaved so a burst of load hits every job alike.
 */
async function best(jobs: Record<string, () => Promise<unknown>>, n: number): Promise<Record<string, number>> {
  const min: Record<string, number> = {}
  for (let i = 0; i < n; i++) {
    for (const [name, fn] of Object.entries(jobs)) {
      const t = process.cpuUsage()
      await fn()
      const d = process.cpuUsage(t)
      min[name] = Math.min(min[name] ?? Infinity, (d.user + d.system) / 1000)
    }
  }
  return min
}

const rate = (ms: number, bytes = TOTAL) => `${(bytes / MB / (ms / 1000)).toFixed(0).padStart(5)} MB/s`

async function rows(label: string, input: () => Readable): Promise<void> {
  const { floor, after, scan } = await best(
    {
      floor: () => readAll(input, undefined),
      after: () => readAll(input, () => new StreamSearch(needles)),
      scan: () => scanLayerTar(input(), needles)
    },
    RUNS
  )
  const { before } = await best({ before: () => readAll(input, () => new LegacyStreamSearch(needles)) }, 1)
  console.log(`\n${label} (CPU ms, least of ${RUNS}):`)
  console.log(`floor: read without searching        ${floor.toFixed(0).padStart(6)} ms ${rate(floor)}`)
  console.log(`before: one indexOf per needle       ${before.toFixed(0).padStart(6)} ms ${rate(before)}  ratio ${(before / floor).toFixed(2)}x`)
  console.log(`after: one pass, all needles         ${after.toFixed(0).padStart(6)} ms ${rate(after)}  ratio ${(after / floor).toFixed(2)}x (goal <= 1.1x)`)
  console.log(`layer scan with secrets (after)      ${scan.toFixed(0).padStart(6)} ms ${rate(scan)}  ratio ${(scan / floor).toFixed(2)}x`)
}

async function main(): Promise<void> {
  const all = needles.filter(n => n.scope === 'all')
  console.log(
    `${TOTAL / MB} MB of random bytes in one file of a layer tar, ${CHUNK / 1024} KB chunks; ${SECRETS.length} secrets, ${all.length} needles (shortest ${Math.min(...all.map(n => n.bytes.length))} bytes)`
  )
  await pipeline(memoryLayer(), createWriteStream(FILE))
  try {
    await rows('from a file (page-cached), as an OCI layout blob is read', fileLayer)
  } finally {
    rmSync(FILE, { force: true })
  }
  await rows('from memory (no read copies: the pure CPU cost of the search)', memoryLayer)
  await archives()
}

/** The cost of looking inside archives: the same random bytes plain, gzipped in a tar, zipped. */
async function archives(): Promise<void> {
  // Under MAX_ZIP_BYTES (64 MB), so the zip rows open the zip rather than report it too large.
  const size = Math.min(TOTAL, 48 * MB)
  const data = Buffer.concat([...randomStream(size)])
  const tgz = zlib.gzipSync(Buffer.concat([header('logs/blob.bin', size), data, Buffer.alloc((512 - (size % 512)) % 512), Buffer.alloc(1024)]), { level: 1 })
  const zipStored = makeZip([{ name: 'blob.bin', body: data }])
  const zipDeflated = makeZip([{ name: 'blob.bin', body: data, method: 'deflate' }])
  const one = (name: string, bytes: Buffer) => () => scanLayerTar(layerTar([{ name, size: bytes.length, body: () => chunks(bytes) }]), needles)
  const t = await best(
    {
      plain: one('data/blob.bin', data),
      'debug.tar.gz': one('app/debug.tar.gz', tgz),
      'bundle.zip (stored)': one('app/bundle.zip', zipStored),
      'bundle.zip (deflated)': one('app/bundle.zip', zipDeflated)
    },
    RUNS
  )
  console.log(`\n${size / MB} MB of random bytes in a layer, plain and archived (layer scan with secrets, CPU ms):`)
  for (const [name, ms] of Object.entries(t)) {
    console.log(`${name.padEnd(37)}${ms.toFixed(0).padStart(6)} ms ${rate(ms, size)}  ratio ${(ms / t.plain).toFixed(2)}x to plain`)
  }
}

function* chunks(b: Buffer): Generator<Buffer> {
  for (let i = 0; i < b.length; i += CHUNK) yield b.subarray(i, i + CHUNK)
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
