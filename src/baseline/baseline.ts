/**
 * Where the size baseline comes from, in the order: an earlier run's report file, an
 * image measured the same way, or the newest report this action saved on the base branch.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { keyPart, type CacheStore } from '../store/store.js'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError, errorMessage, InputError } from '../errors.js'
import { Input } from '../constants.js'
import type { RunContext } from '../github/context.js'
import { parseReport, THIS_RUN, TREND_POINTS, type RunReport } from '../report/run-report.js'
import { sizeReportOf, type Baseline, type TrendPoint } from '../size/model.js'
import { measureImage } from '../size/measure.js'

export const REPORT_FILE = 'stagecraft-report.json'
const KEY_VERSION = 'stagecraft-report-v1'

/** Cache key prefix of the reports saved for `key` on `branch`. */
export function reportKeyPrefix(key: string, branch: string): string {
  return `${KEY_VERSION}-${keyPart(key)}-${keyPart(branch)}-`
}

export interface BaselineRequest {
  baselineReport: string
  baselineImage: string
  key: string
  docker: Docker
  store?: CacheStore
  ctx?: RunContext
  layerCacheDir?: string
}

export async function loadBaseline(req: BaselineRequest): Promise<Baseline> {
  if (req.baselineReport) {
    let report: RunReport
    try {
      report = parseReport(fs.readFileSync(req.baselineReport, 'utf8'))
    } catch (e) {
      throw new InputError(Input.BaselineReport, `${path.basename(req.baselineReport)} is not usable: ${errorMessage(e)}`)
    }
    return {
      ...sizesOf(report),
      info: {
        source: 'report',
        ref: req.baselineReport,
        description: `report ${path.basename(req.baselineReport)} (${report.git?.sha?.slice(0, 7) ?? report.createdAt})`
      }
    }
  }
  if (req.baselineImage) {
    const found = await req.docker.inspectImage(req.baselineImage)
    if (!found) {
      const pulled = await req.docker.raw(['pull', '--quiet', req.baselineImage])
      if (pulled.exitCode !== 0) {
        throw new InputError(Input.BaselineImage, `image "${req.baselineImage}" is not in the local store and could not be pulled`)
      }
    }
    const summary = await measureImage(req.docker, req.baselineImage, req.layerCacheDir)
    const report = sizeReportOf(req.baselineImage, summary.layers)
    return {
      report,
      contents: summary.contents,
      info: { source: 'image', ref: req.baselineImage, description: `image \`${req.baselineImage}\` measured in this run` }
    }
  }
  const base = req.ctx?.pullRequest?.baseRef
  if (!req.ctx || !base) return { note: 'none (give baseline-report or baseline-image; on pull requests the base branch report is used)' }
  if (!req.store) return { note: `none: no cache store to read the ${base} report from (set cache-dir, or run on GitHub)` }
  const dir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-baseline-'))
  try {
    const prefix = reportKeyPrefix(req.key, base)
    const hit = await req.store.restore(prefix, [], dir)
    if (!hit) return { note: `none yet: no report saved on ${base} for this image (the first push to ${base} saves one)` }
    const report = parseReport(fs.readFileSync(path.join(dir, REPORT_FILE), 'utf8'))
    return {
      ...sizesOf(report),
      info: { source: 'cache', ref: hit.key, description: `report saved on ${base} at ${report.git?.sha?.slice(0, 7) ?? report.createdAt}` }
    }
  } catch (e) {
    if (e instanceof EnvironmentError || e instanceof InputError) throw e
    return { note: `none: the ${base} report could not be read`, warning: `baseline: could not restore the ${base} report (${errorMessage(e)})` }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The sizes a saved report holds: the single-value size and, from newer reports, every platform's. */
function sizesOf(report: RunReport): Pick<Baseline, 'report' | 'platform' | 'platforms' | 'contents' | 'trend'> {
  const platforms = report.platforms?.filter(p => p.size).map(p => ({ platform: p.platform, size: p.size, contents: p.contents }))
  const own = platforms?.find(p => p.platform === report.image?.platform) ?? (platforms?.length === 1 ? platforms[0] : undefined)
  return { report: report.size, platform: report.image?.platform, platforms, contents: own?.contents, trend: trendOf(report) }
}

/** A report's trend as a baseline sees it: a pull request's report names its own point by its commit. */
function trendOf(report: RunReport): TrendPoint[] | undefined {
  if (!report.trend) return report.size ? [trendPoint(report)] : undefined
  return report.trend.map(t => (t.label === THIS_RUN ? trendPoint(report) : t))
}

/** A report's own trend point. */
export function trendPoint(report: RunReport, label = report.git?.sha?.slice(0, 7) ?? report.createdAt.slice(0, 10)): TrendPoint {
  return { label, createdAt: report.createdAt, bytes: report.size?.bytes ?? 0, compressedBytes: report.size?.compressedBytes ?? 0 }
}

/** The branch's trend continued with `report`: the previous saved report's trend (or itself), then this one. Pure. */
export function continueTrend(previous: RunReport | undefined, report: RunReport): TrendPoint[] {
  const before = previous ? (previous.trend ?? (previous.size ? [trendPoint(previous)] : [])) : []
  return [...before, trendPoint(report)].slice(-TREND_POINTS)
}

/** On non-PR runs, save this run's report as the baseline of its branch. Returns a warning on failure. */
export async function saveBaseline(store: CacheStore, report: RunReport, ctx: RunContext): Promise<string | undefined> {
  if (ctx.pullRequest || !ctx.ref) return undefined
  const dir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'stagecraft-report-'))
  try {
    // The branch's size trend travels with its reports: continue the newest one's (best effort).
    const prefix = reportKeyPrefix(report.key, ctx.ref)
    let previous: RunReport | undefined
    try {
      if (await store.restore(prefix, [], dir)) previous = parseReport(fs.readFileSync(path.join(dir, REPORT_FILE), 'utf8'))
    } catch {
      previous = undefined // no trend to continue: it starts again with this report
    }
    fs.rmSync(path.join(dir, REPORT_FILE), { force: true })
    fs.writeFileSync(path.join(dir, REPORT_FILE), JSON.stringify({ ...report, trend: continueTrend(previous, report) }))
    const key = `${prefix}${ctx.sha || Date.now()}-${ctx.runId ?? ''}`
    // One baseline per key and branch: the newest; older ones are deleted where the store can.
    if (await store.save(key, dir)) await store.prune(prefix, 1)
    return undefined
  } catch (e) {
    return `baseline: could not save this run's report (${errorMessage(e)})`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
