/** The job summary (pure): the report Markdown (same as the PR comment), then the run's details. */
import { renderCacheMountSummary } from './cache-mounts.js'
import { escapeCell, renderReport } from './markdown.js'
import type { PartInfo, RunReport } from './run-report.js'
import { type PipelineResult } from '../result.js'
import { type CacheMountReport } from '../cache-mounts/types.js'

const ICON = { ok: '✅', failed: '❌', skipped: '⏭️' } as const

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const s = ms / 1000
  if (s < 59.95) return `${s.toFixed(1)} s`
  // Whole seconds before splitting off the minutes: 119.6 s is `2 min 0 s`, never `1 min 60 s`.
  const whole = Math.round(s)
  return `${Math.floor(whole / 60)} min ${whole % 60} s`
}

/** A fenced code block whose fence is longer than any backtick run inside `text`. */
export function codeBlock(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map(m => m.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text}\n${fence}`
}

export function renderSummary(r: PipelineResult, report: RunReport, cacheStore?: string): string {
  const out: string[] = [renderReport(report), '']
  if (report.part) out.push(partLine(report.part), '')
  if (r.failure) out.push(`**Stopped:** ${escapeCell(r.failure)}`, '')
  out.push('| Phase | Outcome | Duration |', '| --- | --- | ---: |')
  for (const p of r.phases) {
    const why = p.outcome !== 'ok' && p.reason ? `: ${escapeCell(p.reason)}` : ''
    out.push(`| ${escapeCell(p.name)} | ${ICON[p.outcome]} ${p.outcome}${why} | ${formatDuration(p.durationMs)} |`)
  }
  out.push('')
  if (r.failedLogTail?.length) {
    out.push(`<details open><summary>Last ${r.failedLogTail.length} lines of the failing build's log</summary>`, '')
    out.push(codeBlock(r.failedLogTail.join('\n')), '', '</details>', '')
  }
  const mounts: CacheMountReport[] = r.cacheMounts
  if (mounts.length) out.push(renderCacheMountSummary(mounts, { store: cacheStore }), '')
  if (r.layerCache) out.push(`Layer cache: ${escapeCell(r.layerCache.reason)}.`, '')
  for (const w of r.warnings) out.push('> [!WARNING]', `> ${escapeCell(w)}`, '')
  const read = r.audit?.source
  if (read?.reader) {
    const how = {
      'oci-layout': "the build's own OCI layout",
      'engine-export': "the engine's image export (docker save)",
      registry: 'the registry (OCI distribution API, no pull)',
      cache: 'the audit layer cache alone'
    }[read.reader]
    out.push(`<sub>Image read from ${how}: ${read.streamed} layer${read.streamed === 1 ? '' : 's'} read, ${read.cached} from the audit layer cache.</sub>`, '')
  }
  if (r.engine) out.push(`<sub>engine ${r.engine.server} · buildx ${r.engine.buildx} · builder ${r.engine.builder} (${r.engine.driver})</sub>`, '')
  return out.join('\n')
}

/** What a part of a split build says about itself in the job summary. */
export function partLine(part: PartInfo): string {
  const platforms = part.platforms.map(p => `\`${p.platform}\``).join(', ')
  const pushed = part.digest ? `pushed by digest as \`${part.digest}\`` : 'nothing pushed (the part failed)'
  return `**Part of a split build:** ${platforms} of \`${escapeCell(part.name)}\`, ${pushed} (nothing tagged). The merge (\`mode: merge\`) checks every part, creates the index, and posts the PR comment, check run and baseline.`
}
