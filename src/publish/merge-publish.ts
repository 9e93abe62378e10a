/**
 * Publish a merge: one report file per image, one comment (a section per image), one check run
 * (the worst image's conclusion), one SARIF, one job summary, the outputs, and on a push each
 * image's merged report saved as its key's baseline. Never throws: each problem is a warning.
 */
import fs from 'node:fs'
import path from 'node:path'
import { saveBaseline } from '../baseline/baseline.js'
import { Output } from '../constants.js'
import { errorMessage } from '../errors.js'
import type { MergeResult } from '../merge/merge.js'
import { createRedactor } from '../redact.js'
import { imagesKey, renderImages } from '../report/images-markdown.js'
import { toSarif } from '../report/sarif.js'
import { keyPart } from '../store/store.js'
import { annotate, appendSummary, platformsOutput, redactingCore, type PublishEnv, type PublishInputs } from './publish.js'
import { checkAnnotations, commentTarget, publishCheckRun, publishComment, runStamp } from './pull-request.js'

/** The `images` output: one entry per merged image, worst first. */
export function imagesOutput(result: MergeResult, files: Map<string, string>): Record<string, unknown>[] {
  return result.images.map(i => ({
    name: i.name,
    key: i.key,
    digest: i.report.image?.digest ?? '',
    tags: i.report.image?.tags ?? [],
    passed: i.report.verdict.passed,
    platforms: platformsOutput(i.report),
    report: files.get(i.key) ?? ''
  }))
}

/** One SARIF log with a run per image. */
export function mergedSarif(result: MergeResult): Record<string, unknown> {
  const runs = result.images.flatMap(i => {
    const a = i.report.audit
    const checks = i.report.checks ?? []
    if (!a && checks.length === 0) return []
    const image = { id: i.report.image?.digest ?? i.report.image?.id ?? '' }
    const doc = toSarif(a ? { image, findings: a.findings, allowed: a.allowed } : undefined, i.report.dockerfile, undefined, checks)
    return doc.runs
  })
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }
}

export async function publishMerge(inputs: PublishInputs, raw: MergeResult, rawEnv: PublishEnv): Promise<void> {
  const redact = rawEnv.redact ?? createRedactor()
  const core = redactingCore(rawEnv.core, redact)
  const result = redact.deep(raw)
  const step = async (what: string, fn: () => unknown): Promise<void> => {
    try {
      await fn()
    } catch (e) {
      core.warning(`could not ${what}: ${errorMessage(e)}`)
    }
  }
  const reports = result.images.map(i => i.report)
  if (reports.length === 0) return
  const markdown = renderImages(reports)
  const files = new Map<string, string>()
  await step('write the report files', () => {
    fs.mkdirSync(rawEnv.outDir, { recursive: true })
    for (const r of reports) {
      const file = path.join(rawEnv.outDir, `${keyPart(r.key)}.report.json`)
      fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`)
      files.set(r.key, file)
    }
    const slug = keyPart(imagesKey(reports))
    const comment = path.join(rawEnv.outDir, `${slug}.comment.md`)
    fs.writeFileSync(comment, `${markdown}\n`)
    core.setOutput(Output.CommentFile, comment)
    const sarif = path.join(rawEnv.outDir, `${slug}.sarif`)
    fs.writeFileSync(sarif, `${JSON.stringify(mergedSarif(result), null, 2)}\n`)
    core.setOutput(Output.Sarif, sarif)
  })
  await step('set the outputs', () => {
    const worst = reports[0]
    if (reports.length === 1 && worst.image?.digest) core.setOutput(Output.Digest, worst.image.digest)
    core.setOutput(Output.Report, files.get(worst.key) ?? '')
    core.setOutput(Output.TestResult, worst.test.result)
    core.setOutput(Output.Findings, String(reports.reduce((n, r) => n + (r.audit?.failing ?? 0) + r.budgets.length, 0)))
    if (reports.length === 1) {
      core.setOutput(Output.Platforms, JSON.stringify(platformsOutput(worst)))
      if (worst.size) {
        core.setOutput(Output.Size, String(worst.size.bytes))
        core.setOutput(Output.CompressedSize, String(worst.size.compressedBytes))
      }
    }
    core.setOutput(Output.CommentMarkdown, markdown)
    core.setOutput(Output.Images, JSON.stringify(imagesOutput(result, files)))
  })
  await step('annotate the Dockerfiles', () => {
    for (const r of reports) annotate(core, r.dockerfile, r, rawEnv.checksAnnotations)
  })
  await step('render the job summary', () => appendSummary(core, `${markdown}\n\n${indexTable(result)}\n`))
  await step('publish the PR comment or check run', async () => {
    const { ctx } = rawEnv
    const target = commentTarget(inputs.comment, ctx)
    if (target.note) core.warning(target.note)
    if (!ctx || (target.issue === undefined && !inputs['check-name'])) return
    if (!inputs['github-token']) return core.warning('github-token is empty: no PR comment or check run (the report is in the job summary)')
    const api = rawEnv.github(inputs['github-token'], ctx)
    if (target.issue !== undefined) {
      const out = await publishComment(api, target.issue, imagesKey(reports), markdown, ctx)
      if (out.note) core.warning(out.note)
      else core.info(out.info ?? `PR comment ${out.status}: ${out.url}`)
    }
    if (inputs['check-name']) {
      const worst = reports[0]
      const out = await publishCheckRun(api, {
        name: inputs['check-name'],
        sha: ctx.pullRequest?.headSha ?? ctx.sha,
        passed: worst.verdict.passed,
        title: worst.verdict.passed ? 'Passed' : worst.verdict.reasons[0],
        summary: markdown,
        annotations: reports.flatMap(r => checkAnnotations(r.audit?.findings ?? [], r.dockerfile)),
        stamp: runStamp(ctx)
      })
      if (out.note) core.warning(out.note)
      else if (out.info) core.info(out.info)
    }
  })
  const { store, ctx } = rawEnv
  if (store && ctx && !ctx.pullRequest) {
    for (const r of reports.filter(r => r.verdict.passed && r.size)) {
      await step(`save the baseline of ${r.key}`, async () => {
        const w = await saveBaseline(store, r, ctx)
        if (w) core.warning(w)
      })
    }
  }
}

/** The summary's table of indexes: image, digest, tags, platforms. */
function indexTable(result: MergeResult): string {
  const rows = result.images.map(
    i =>
      `| \`${i.name}\` | ${i.report.image?.digest ? `\`${i.report.image.digest}\`` : '❌ not pushed'} | ${(i.report.image?.tags ?? []).map(t => `\`${t}\``).join('<br>')} | ${(i.report.platforms ?? []).map(p => `\`${p.platform}\``).join(' ')} |`
  )
  return ['| Image | Index | Tags | Platforms |', '| --- | --- | --- | --- |', ...rows].join('\n')
}
