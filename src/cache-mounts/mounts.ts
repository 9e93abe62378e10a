/**
 * The two cache-mount phases of the pipeline. Before the first build, `restoreCacheMounts`
 * seeds each persisted `RUN --mount=type=cache` from the store; after a successful runner build,
 * `saveCacheMounts` exports the mounts whose contents changed and saves them. Neither ever throws
 * for a cache problem: a failure is a warning and a report line, and the build goes on.
 */
import fs from 'node:fs'
import path from 'node:path'
import { errorMessage } from '../errors.js'
import { redact } from '../inspect/config-secrets.js'
import { scanLayerTar } from '../inspect/layer-scan.js'
import { secretNeedles, type Needle } from '../inspect/secret-search.js'
import type { Reporter } from '../log.js'
import type { CacheMount } from '../plan/dockerfile.js'
import { TARBALL, type HelperEntry } from './helper-dockerfile.js'
import { ENTRY_FORMAT, TARBALL_NAMES, chooseEncoding, decodeFile, encodeFile, entryEncoding, sampleRatio, unreadableReason } from './encoding.js'
import { zstdAvailable } from '../compression.js'
import { findStaticBusybox, helperBases, runHelper, type HelperOutcome } from './helper.js'
import { hashKeyFiles, describeMount } from './inputs.js'
import { entryKeys, groupMounts, savedKey, unpersistableReason, type CacheEntry, type EntryKeys } from './keys.js'
import { counted, formatBytes } from '../size/units.js'
import type { CacheMountContext, CacheMountReport, RestoreOutcome } from './types.js'

/** `linux/amd64` for this host. */
export function hostPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', ia32: '386' }
  return `linux/${arch[process.arch] ?? process.arch}`
}

/** Seed every selected cache mount from the store. Call before the first build. */
export async function restoreCacheMounts(ctx: CacheMountContext): Promise<CacheMountReport[]> {
  const { entries, reports } = plan(ctx, 'restore')
  if (!ctx.store || entries.length === 0) return reports
  const work = phaseDir(ctx, 'restore')
  try {
    const keyHash = hashKeyFiles(ctx.options.keyFiles, ctx.contextDir)
    const platform = ctx.options.platform ?? hostPlatform()
    const seeds = new Map<number, string>()
    const pending = entries.map((entry, i) => {
      const keys = entryKeys(entry, { namespace: ctx.options.namespace, platform, keyFilesHash: keyHash, prefix: ctx.options.keyPrefix })
      return {
        entry,
        keys,
        i,
        hit: undefined as { key: string; exact: boolean } | undefined,
        storeMs: 0,
        codecMs: undefined as number | undefined,
        error: undefined as string | undefined,
        notice: undefined as string | undefined
      }
    })
    for (const p of pending) {
      const t = Date.now()
      const dir = path.join(work, `seed-${p.i}`)
      try {
        p.hit = await ctx.store.restore(p.keys.key, p.keys.restoreKeys, dir)
        p.storeMs = Date.now() - t
        if (p.hit) {
          const encoding = entryEncoding(readEntryMeta(dir), fs.readdirSync(dir))
          const unreadable = encoding && unreadableReason(encoding, zstdAvailable())
          if (!encoding) p.error = `entry ${p.hit.key} has no ${TARBALL} this version can read`
          else if (unreadable) {
            // A miss, not a failure: the build runs cold and the next save writes a readable entry.
            p.notice = `entry ${p.hit.key} not restored: ${unreadable}`
            p.hit = undefined
          } else {
            if (encoding !== 'none') {
              const c = Date.now()
              const packed = path.join(dir, TARBALL_NAMES[encoding])
              await decodeFile(packed, path.join(dir, TARBALL), encoding)
              fs.rmSync(packed)
              p.codecMs = Date.now() - c
            }
            seeds.set(p.i, dir)
          }
        }
      } catch (e) {
        p.error = `restoring from the ${ctx.store.name} failed: ${errorMessage(e)}`
        p.storeMs ||= Date.now() - t
      }
    }
    const helper = await runHelper(ctx.docker, {
      mode: 'inject',
      entries: pending.map(p => ({ entry: p.entry, seed: seeds.has(p.i) })),
      seeds,
      ...helperCommon(ctx, entries, work)
    })
    for (const p of pending) {
      const base = reportBase('restore', p.entry, p.keys)
      const r = helper.ok ? helper.results[p.i] : undefined
      let outcome: RestoreOutcome
      let message = p.error ?? p.notice
      if (!helper.ok) {
        outcome = p.hit ? 'failed' : 'miss'
        message = `could not inject: ${helper.error}`
      } else if (r?.state === 'restored') outcome = p.hit?.key.startsWith(p.keys.key) ? 'hit' : 'partial'
      else if (r?.state === 'warm') outcome = 'warm'
      else outcome = p.error ? 'failed' : 'miss'
      // Unchanged contents are not saved again; for a warm builder that holds only when its
      // contents are the very entry the store has (the key ends with their fingerprint).
      let fingerprint = r?.fingerprint
      if (outcome === 'warm' && !(fingerprint && p.hit?.key.endsWith(`-${fingerprint.slice(0, 16)}`))) fingerprint = undefined
      if (outcome === 'miss' || outcome === 'failed') fingerprint = undefined
      const report: CacheMountReport = {
        ...base,
        outcome,
        key: p.hit?.key,
        bytes: r?.bytes ?? 0,
        files: r?.files ?? 0,
        storeMs: p.storeMs,
        codecMs: p.codecMs,
        buildMs: helper.durationMs,
        steps: helper.ok ? helper.steps : undefined,
        message,
        fingerprint
      }
      reports.push(report)
      log(ctx.reporter, report)
    }
  } catch (e) {
    ctx.reporter.warning(`cache mounts: restore failed: ${errorMessage(e)}; building without restored caches`)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  return reports
}

/**
 * Export the cache mounts whose contents changed since `restored` (the reports of
 * restoreCacheMounts; empty → every selected mount) and save them. Call after a successful build.
 */
export async function saveCacheMounts(ctx: CacheMountContext, restored: CacheMountReport[]): Promise<CacheMountReport[]> {
  const planned = plan(ctx, 'save')
  const reports = planned.reports
  if (!ctx.store || planned.entries.length === 0) return reports
  const store = ctx.store
  const work = phaseDir(ctx, 'save')
  try {
    const keyHash = hashKeyFiles(ctx.options.keyFiles, ctx.contextDir)
    const platform = ctx.options.platform ?? hostPlatform()
    const items = planned.entries.map(entry => {
      const keys = entryKeys(entry, { namespace: ctx.options.namespace, platform, keyFilesHash: keyHash, prefix: ctx.options.keyPrefix })
      const before = restored.find(r => r.phase === 'restore' && r.keys?.prefix === keys.prefix)
      return { entry, keys, prev: before?.fingerprint }
    })
    // What a store pull requests can read must not hold a secret: the needles, made once per save.
    const needles = store.readableByPullRequests ? secretNeedles(ctx.secrets ?? []) : []
    const helperEntries: HelperEntry[] = items.map(it => ({ entry: it.entry, prev: it.prev }))
    const helper: HelperOutcome = await runHelper(ctx.docker, { mode: 'extract', entries: helperEntries, ...helperCommon(ctx, planned.entries, work) })
    for (const [i, it] of items.entries()) {
      const report: CacheMountReport = {
        ...reportBase('save', it.entry, it.keys),
        outcome: 'failed',
        bytes: 0,
        files: 0,
        storeMs: 0,
        buildMs: helper.durationMs,
        steps: helper.ok ? helper.steps : undefined
      }
      reports.push(report)
      if (!helper.ok) {
        report.message = `could not export: ${helper.error}`
        log(ctx.reporter, report)
        continue
      }
      const r = helper.results[i]
      Object.assign(report, { bytes: r.bytes, files: r.files, fingerprint: r.fingerprint })
      if (r.state === 'empty' || r.state === 'unchanged') {
        report.outcome = r.state
      } else if (!r.tarball) {
        report.message = 'the helper exported no tarball'
      } else {
        const leaked = needles.some(n => n.scope === 'all') ? await secretsInTarball(r.tarball, needles) : []
        if (leaked.length) {
          report.outcome = 'skipped'
          report.message = `not saved: it holds the value of build secret ${leaked.join(', ')}, and pull requests can read the ${store.name} (keep secrets out of cache mounts, or use cache-dir)`
          ctx.reporter.warning(`cache mount ${report.id}: ${report.message}`)
          continue
        }
        const key = savedKey(it.keys, r.fingerprint)
        const dir = path.dirname(r.tarball)
        const c = Date.now()
        const zstd = zstdAvailable()
        const storeCompresses = store.compressesEntries === true
        const storeLinks = store.savesByLink?.(dir) === true
        const setting = ctx.options.encoding ?? 'auto'
        const sample = zstd && setting === 'auto' && !storeCompresses && !storeLinks ? sampleRatio(r.tarball) : undefined
        const choice = chooseEncoding({ zstd, storeCompresses, storeLinks, sampleRatio: sample, setting })
        let stored = r.tarball
        if (choice.encoding !== 'none') {
          stored = path.join(dir, TARBALL_NAMES[choice.encoding])
          await encodeFile(r.tarball, stored, choice.encoding)
          fs.rmSync(r.tarball)
        }
        Object.assign(report, { encoding: choice.encoding, storedBytes: fs.statSync(stored).size, codecMs: Date.now() - c })
        fs.writeFileSync(
          path.join(dir, 'entry.json'),
          JSON.stringify({
            format: ENTRY_FORMAT,
            id: it.entry.id,
            targets: report.targets,
            fingerprint: r.fingerprint,
            files: r.files,
            bytes: r.bytes,
            encoding: choice.encoding,
            storedBytes: report.storedBytes
          })
        )
        const t = Date.now()
        try {
          report.outcome = (await store.save(key, dir)) ? 'saved' : 'exists'
          report.key = key
          const keep = ctx.options.keepEntries ?? 2
          if (report.outcome === 'saved') await store.prune(`${it.keys.prefix}-`, keep)
        } catch (e) {
          report.message = `saving to the ${store.name} failed: ${errorMessage(e)}`
        }
        report.storeMs = Date.now() - t
      }
      log(ctx.reporter, report)
    }
  } catch (e) {
    ctx.reporter.warning(`cache mounts: save failed: ${errorMessage(e)}; the build result stands`)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  return reports
}

/** Group the selected mounts into caches; report the ones that cannot be persisted. */
function plan(ctx: CacheMountContext, phase: 'restore' | 'save'): { entries: CacheEntry[]; reports: CacheMountReport[] } {
  const reports: CacheMountReport[] = []
  const ok: CacheMount[] = []
  for (const m of ctx.options.mounts) {
    const why = unpersistableReason(m)
    if (!why) {
      ok.push(m)
      continue
    }
    const [entry] = groupMounts([m])
    reports.push({ ...reportBase(phase, entry), outcome: 'skipped', bytes: 0, files: 0, storeMs: 0, buildMs: 0, message: why })
    if (phase === 'restore') ctx.reporter.info(`cache mount ${describeMount(m)} is not persisted: ${why}`)
  }
  return { entries: groupMounts(ok), reports }
}

function helperCommon(ctx: CacheMountContext, entries: CacheEntry[], workDir: string) {
  const busybox = ctx.options.busybox === false ? undefined : (ctx.options.busybox ?? findStaticBusybox())
  return {
    bases: helperBases(ctx.plan, entries, busybox),
    busybox,
    workDir,
    builder: ctx.options.builder,
    platform: ctx.options.platform,
    namespace: ctx.options.namespace
  }
}

function reportBase(phase: 'restore' | 'save', entry: CacheEntry, keys?: EntryKeys) {
  return { phase, id: entry.id, targets: [...new Set(entry.mounts.map(m => m.target))], lines: entry.mounts.map(m => m.line), entry, keys }
}

/** A restored entry's entry.json, if it has a readable one. */
function readEntryMeta(dir: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'entry.json'), 'utf8')) as unknown
  } catch {
    return undefined
  }
}

function phaseDir(ctx: CacheMountContext, phase: string): string {
  fs.mkdirSync(ctx.tmpDir, { recursive: true })
  return fs.mkdtempSync(path.join(ctx.tmpDir, `cache-mounts-${phase}-`))
}

function log(reporter: Reporter, r: CacheMountReport): void {
  const size = `${counted(r.files, 'file')}, ${formatBytes(r.bytes)}`
  const time = `${((r.storeMs + r.buildMs) / 1000).toFixed(1)} s`
  const line = `cache mount ${r.id}: ${r.phase} ${r.outcome}${r.key ? ` (${r.key})` : ''}, ${size}, ${time}`
  if (r.outcome === 'failed') reporter.warning(`${line}: ${r.message ?? 'unknown error'}`)
  else reporter.info(r.message ? `${line}; ${r.message}` : line)
}

/** The secrets (ids, with the paths they are in) whose values a cache mount's exported tarball holds. */
async function secretsInTarball(tarball: string, needles: Needle[]): Promise<string[]> {
  const scan = await scanLayerTar(fs.createReadStream(tarball, { highWaterMark: 1024 * 1024 }), needles)
  const byId = new Map<string, string[]>()
  for (const h of scan.secretHits) byId.set(h.secretId, [...(byId.get(h.secretId) ?? []), h.where === 'content' ? h.path : `${h.where} of ${h.path}`])
  // Paths are shown redacted: a file named after the value must not print it.
  return [...byId].map(
    ([id, paths]) =>
      `"${id}" (in ${paths
        .slice(0, 3)
        .map(p => redact(p, needles))
        .join(', ')}${paths.length > 3 ? ', …' : ''})`
  )
}
