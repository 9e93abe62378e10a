/** The job-summary Markdown for a pipeline run (pure: result in, Markdown out). */
import type { PipelineResult } from '../pipeline.js'

const ICON = { ok: '✅', failed: '❌', skipped: '⏭️' } as const

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(1)} s`
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

/** A fenced code block whose fence is longer than any backtick run inside `text`. */
export function codeBlock(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map(m => m.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text}\n${fence}`
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

export function renderSummary(r: PipelineResult, dockerfile: string): string {
  const out: string[] = []
  const verdict = r.failure ? '❌' : '✅'
  out.push(`## ${verdict} Stagecraft: \`${dockerfile}\` → \`${r.runnerStage}\``, '')
  if (r.failure) out.push(`**Failed:** ${escapeCell(r.failure)}`, '')
  const test =
    r.testResult === 'skipped' ? 'skipped (no `test-target`)' : `\`${r.testStage}\` ${r.testResult === 'passed' ? '✅ passed' : '❌ failed'}`
  out.push(`**Test stage:** ${test}`, '')
  out.push('| Phase | Outcome | Duration |', '| --- | --- | ---: |')
  for (const p of r.phases) out.push(`| ${escapeCell(p.name)} | ${ICON[p.outcome]} ${p.outcome} | ${formatDuration(p.durationMs)} |`)
  out.push('')
  if (r.image) {
    out.push(`**Image:** \`${r.image.imageId}\``)
    if (r.image.tags.length) out.push(`**Tags:** ${r.image.tags.map(t => `\`${t}\``).join(', ')}`)
    if (r.image.digest) out.push(`**Digest:** \`${r.image.digest}\``)
    out.push('')
  }
  if (r.failedLogTail?.length) {
    out.push(`<details open><summary>Last ${r.failedLogTail.length} lines of the failing build's log</summary>`, '')
    out.push(codeBlock(r.failedLogTail.join('\n')), '', '</details>', '')
  }
  for (const w of r.warnings) out.push(`> [!WARNING]`, `> ${escapeCell(w)}`, '')
  if (r.engine) out.push(`<sub>engine ${r.engine.server} · buildx ${r.engine.buildx} · builder ${r.engine.builder} (${r.engine.driver})</sub>`, '')
  return out.join('\n')
}
