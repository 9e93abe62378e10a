/**
 * Runs the helper builds of helper-dockerfile.ts on the user's builder and reads their results.
 * Tries each candidate base in turn (the mount stages' root images, then scratch + a static
 * busybox from the host) until one has the tools; all through the Docker gateway.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Docker } from '../docker/docker.js'
import { stageChain, type DockerfilePlan } from '../plan/dockerfile.js'
import {
  HELPER_CONTEXT,
  HELPER_SCRIPT,
  HELPER_TOOLS,
  MISSING_TOOL_MARKER,
  OUT_DIR,
  TARBALL,
  helperDockerfile,
  seedContext,
  type HelperBase,
  type HelperEntry
} from './helper-dockerfile.js'
import type { CacheEntry } from './keys.js'

/** What the helper saw in one cache mount. */
export interface HelperResult {
  /** inject: restored | warm | empty; extract: changed | unchanged | empty. */
  state: string
  fingerprint: string
  files: number
  bytes: number
  /** extract with changed contents: the exported tarball. */
  tarball?: string
}

export interface HelperRun {
  mode: 'inject' | 'extract'
  entries: HelperEntry[]
  /** Seed directories (each holding cache.tar) by entry index, for inject. */
  seeds?: Map<number, string>
  bases: HelperBase[]
  /** Working directory for this run (created; the caller removes it). */
  workDir: string
  builder?: string
  platform?: string
  namespace?: string
  /** Path of a static busybox for the `tools` base. */
  busybox?: string
}

export type HelperOutcome =
  { ok: true; base: HelperBase; results: HelperResult[]; durationMs: number; steps: StepTimes } | { ok: false; error: string; durationMs: number }

/**
 * Where a helper build's time went, in ms, from BuildKit's plain progress: `seed` (sending the
 * seed tarballs to BuildKit), `run` (the helper script: fingerprint, tar), `copy` (the scratch
 * stage's COPY, when there is one), `export` (the local export to this host), `other` (the rest:
 * resolving the base, starting the build).
 */
export type StepTimes = Record<'seed' | 'run' | 'copy' | 'export' | 'other', number>

/** Sum the `#N DONE x.ys` durations of a plain-progress log by kind of step. */
export function stepTimes(lines: string[], totalMs: number): StepTimes {
  const names = new Map<string, string>()
  const done = new Map<string, number>()
  for (const l of lines) {
    const m = /^#(\d+) (.*)$/.exec(l)
    if (!m) continue
    const [, n, rest] = m
    const d = /^(?:DONE|CACHED) ?([\d.]+)?s?$/.exec(rest)
    if (d) done.set(n, Math.round(Number(d[1] ?? 0) * 1000))
    else if (!names.has(n) && !/^[\d.]+ /.test(rest)) names.set(n, rest)
  }
  const out: StepTimes = { seed: 0, run: 0, copy: 0, export: 0, other: 0 }
  for (const [n, ms] of done) {
    const name = names.get(n) ?? ''
    const kind = / RUN /.test(name)
      ? 'run'
      : / COPY /.test(name)
        ? 'copy'
        : /^exporting/.test(name)
          ? 'export'
          : /stagecraft-seed-\d+/.test(name)
            ? 'seed'
            : undefined
    if (kind) out[kind] += ms
  }
  out.other = Math.max(0, totalMs - out.seed - out.run - out.copy - out.export)
  return out
}

/**
 * Candidate bases for the helper, best first: scratch with a host busybox when one was found (its
 * stage is exported as it is, with no COPY of the tarball into a scratch stage, and there is no
 * image to resolve), then the root image of each stage that uses one of the entries' mounts
 * (following `FROM <stage>`; skipping scratch and `$VAR` references).
 */
export function helperBases(plan: DockerfilePlan, entries: CacheEntry[], busybox?: string): HelperBase[] {
  const out: HelperBase[] = busybox ? [{ kind: 'tools' }] : []
  for (const e of entries) {
    for (const m of e.mounts) {
      const stage = plan.stages[m.stage]
      if (!stage) continue
      const ref = stageChain(plan, stage)[0].base
      if (!ref || ref.toLowerCase() === 'scratch' || ref.includes('$')) continue
      if (!out.some(b => b.kind === 'image' && b.ref === ref)) out.push({ kind: 'image', ref })
    }
  }
  return out
}

/** The first statically linked busybox on this host (it can run in `scratch`), if any. */
export function findStaticBusybox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(path.delimiter), '/bin', '/usr/bin', '/usr/local/bin', '/sbin']
  for (const d of dirs) {
    if (!d) continue
    const p = path.join(d, 'busybox')
    try {
      if (fs.statSync(p).isFile() && isStaticElf(fs.readFileSync(p))) return fs.realpathSync(p)
    } catch {
      // not here
    }
  }
  return undefined
}

/** True for an ELF executable without a PT_INTERP program header (no dynamic loader needed). */
export function isStaticElf(buf: Buffer): boolean {
  if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46) return false
  const is64 = buf[4] === 2
  const le = buf[5] === 1
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o))
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o))
  const phoff = is64 ? Number(le ? buf.readBigUInt64LE(32) : buf.readBigUInt64BE(32)) : u32(28)
  const phentsize = u16(is64 ? 54 : 42)
  const phnum = u16(is64 ? 56 : 44)
  if (phoff <= 0 || phentsize <= 0 || phoff + phnum * phentsize > buf.length) return false
  for (let i = 0; i < phnum; i++) if (u32(phoff + i * phentsize) === 3) return false
  return true
}

/** Run the helper on the first base that works. Never throws for a failed build. */
export async function runHelper(docker: Docker, run: HelperRun): Promise<HelperOutcome> {
  const start = Date.now()
  const helperDir = path.join(run.workDir, 'helper')
  writeHelperDir(helperDir, run.busybox)
  const emptyCtx = path.join(run.workDir, 'context')
  fs.mkdirSync(emptyCtx, { recursive: true })
  const errors: string[] = []
  for (const base of run.bases) {
    const nonce = randomBytes(8).toString('hex')
    const tag = base.kind === 'image' ? base.ref : 'scratch + host busybox'
    const dockerfile = path.join(run.workDir, `Dockerfile.${run.mode}.${nonce}`)
    fs.writeFileSync(dockerfile, helperDockerfile(run.mode, base, run.entries, nonce))
    const out = path.join(run.workDir, `out-${nonce}`)
    const args = ['--progress', 'plain', '--provenance=false', '--file', dockerfile, '--output', `type=local,dest=${out}`]
    if (run.builder) args.push('--builder', run.builder)
    if (run.platform) args.push('--platform', run.platform)
    if (run.namespace) args.push('--build-arg', `BUILDKIT_CACHE_MOUNT_NS=${run.namespace}`)
    args.push('--build-context', `${HELPER_CONTEXT}=${helperDir}`)
    for (const [i, dir] of run.seeds ?? []) args.push('--build-context', `${seedContext(i)}=${dir}`)
    args.push(emptyCtx)
    const tail: string[] = []
    const timing: string[] = []
    const t0 = Date.now()
    const r = await docker.buildx(args, {
      onLine: l => {
        tail.push(l)
        if (tail.length > 30) tail.shift()
        if (/^#\d+ (?!\d)/.test(l)) timing.push(l)
      }
    })
    if (r.exitCode === 0) {
      try {
        const results = readResults(path.join(out, OUT_DIR), run.entries.length)
        return { ok: true, base, results, durationMs: Date.now() - start, steps: stepTimes(timing, Date.now() - t0) }
      } catch (e) {
        errors.push(`${tag}: ${(e as Error).message}`)
        continue
      }
    }
    errors.push(`${tag}: ${explainFailure(tail)}`)
  }
  if (run.bases.length === 0) errors.push('no usable base image (every mount stage starts from scratch or a build variable) and no static busybox on this host')
  return { ok: false, error: errors.join('; '), durationMs: Date.now() - start }
}

/** The line of a failed helper build worth showing. */
export function explainFailure(tail: string[]): string {
  const missing = tail.find(l => l.includes(MISSING_TOOL_MARKER))
  if (missing) return `the image has no ${missing.split(MISSING_TOOL_MARKER)[1].trim()}`
  const err = [...tail].reverse().find(l => /^ERROR:|error:|failed to/i.test(l))
  return (err ?? tail[tail.length - 1] ?? 'docker buildx build failed').replace(/^#\d+ [\d.]+ /, '').trim()
}

function writeHelperDir(dir: string, busybox?: string): void {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'cache-mount.sh'), HELPER_SCRIPT, { mode: 0o755 })
  if (!busybox) return
  const bin = path.join(dir, 'bin')
  fs.mkdirSync(bin, { recursive: true })
  fs.copyFileSync(busybox, path.join(bin, 'busybox'))
  fs.chmodSync(path.join(bin, 'busybox'), 0o755)
  for (const t of HELPER_TOOLS) fs.symlinkSync('busybox', path.join(bin, t))
}

function readResults(outDir: string, count: number): HelperResult[] {
  const results: HelperResult[] = []
  for (let i = 0; i < count; i++) {
    const d = path.join(outDir, String(i))
    const read = (f: string) => fs.readFileSync(path.join(d, f), 'utf8').trim()
    const tarball = path.join(d, TARBALL)
    results.push({
      state: read('state'),
      fingerprint: read('fingerprint'),
      files: Number(read('files')) || 0,
      bytes: Number(read('bytes')) || 0,
      tarball: fs.existsSync(tarball) ? tarball : undefined
    })
  }
  return results
}
