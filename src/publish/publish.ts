/**
 * Publish a run, whatever it produced: outputs, report files (JSON, Markdown, SARIF),
 * annotations, job summary, PR comment, check run and the size baseline. Every problem here is a
 * warning; deciding the step's outcome is main.ts's job. The runner's toolkit is injected as
 * `ActionCore`, so this module is unit-tested without @actions/core.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Finding } from '../audit/types.js'
import { saveBaseline } from '../baseline/baseline.js'
import { Output } from '../constants.js'
import { errorMessage } from '../errors.js'
import type { ChecksApi, CommentsApi } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import type { Inputs } from '../inputs/inputs.js'
import type { PipelineResult } from '../model/result.js'
import { renderReport } from '../report/markdown.js'
import type { RunReport } from '../report/run-report.js'
import { toSarif } from '../report/sarif.js'
import { renderSummary } from '../report/summary.js'
import { failingCount } from '../report/verdict.js'
import { keyPart, type CacheStore } from '../store/store.js'
import { checkAnnotations, commentTarget, publishCheckRun, publishComment, runStamp } from './pull-request.js'
import { evidencePath } from '../audit/evidence-path.js'

/** Where an annotation lands. */
export interface AnnotationProps {
  title?: string
  file?: string
  startLine?: number
}

/** What publishing needs of the runner's toolkit (@actions/core in the action). */
export interface ActionCore {
  setOutput(name: string, value: string): void
  info(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  notice(message: string, props?: AnnotationProps): void
  /** Append Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>
}

export interface PublishEnv {
  core: ActionCore
  /** The Dockerfile as annotations name it. */
  dockerfile: string
  /** Where the report files are written. */
  outDir: string
  ctx?: RunContext
  store?: CacheStore
  /** The GitHub API for the comment and the check run (created only when one is needed). */
  github: (token: string, ctx: RunContext) => CommentsApi & ChecksApi
}

/** Write everything the run produced. Never throws for a publishing problem: it warns. */
export async function publish(inputs: Inputs, result: PipelineResult, report: RunReport, env: PublishEnv): Promise<void> {
  const { core } = env
  const markdown = renderReport(report)
  writeOutputs(core, inputs, result, report)
  writeFiles(env, result, report, markdown)
  annotate(env, result)
  await appendSummary(core, renderSummary(result, report, env.store?.name))
  await publishToGitHub(inputs, result, report, markdown, env)
  if (env.store && env.ctx && result.size) {
    const w = await saveBaseline(env.store, report, env.ctx)
    if (w) core.warning(w)
  }
}

/** Add a section to the job summary; a failure is a warning. */
export async function appendSummary(core: ActionCore, markdown: string): Promise<void> {
  try {
    await core.appendSummary(markdown)
  } catch (e) {
    core.warning(`could not write the job summary: ${errorMessage(e)}`)
  }
}

function writeOutputs(core: ActionCore, inputs: Inputs, result: PipelineResult, report: RunReport): void {
  core.setOutput(Output.TestResult, result.testResult)
  if (result.image) {
    core.setOutput(Output.ImageId, result.image.imageId)
    core.setOutput(Output.Metadata, result.image.metadata)
    if (result.image.digest) core.setOutput(Output.Digest, result.image.digest)
  }
  core.setOutput(Output.Findings, String(failingCount(result, inputs['fail-on'])))
  if (result.size) {
    core.setOutput(Output.Size, String(result.size.bytes))
    core.setOutput(Output.CompressedSize, String(result.size.compressedBytes))
  }
  if (report.platforms) core.setOutput(Output.Platforms, JSON.stringify(platformsOutput(report)))
  if (result.delta) {
    core.setOutput(Output.SizeDelta, String(result.delta.bytes - result.delta.baseBytes))
    core.setOutput(Output.SizeDeltaPercent, result.delta.percent === null ? '' : result.delta.percent.toFixed(2))
  }
}

/** The report (JSON), the comment (Markdown) and SARIF as files, and outputs naming them. */
function writeFiles(env: PublishEnv, result: PipelineResult, report: RunReport, markdown: string): void {
  const { core } = env
  fs.mkdirSync(env.outDir, { recursive: true })
  const slug = keyPart(report.key)
  const reportPath = path.join(env.outDir, `${slug}.report.json`)
  fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`)
  core.setOutput(Output.Report, reportPath)
  const commentPath = path.join(env.outDir, `${slug}.comment.md`)
  fs.writeFileSync(commentPath, `${markdown}\n`)
  core.setOutput(Output.CommentFile, commentPath)
  core.setOutput(Output.CommentMarkdown, markdown)
  if (result.audit) {
    const sarifPath = path.join(env.outDir, `${slug}.sarif`)
    fs.writeFileSync(sarifPath, `${JSON.stringify(toSarif(result.audit, env.dockerfile), null, 2)}\n`)
    core.setOutput(Output.Sarif, sarifPath)
  }
}

/** One annotation per finding, build check and budget violation, on its Dockerfile line. */
function annotate(env: PublishEnv, result: PipelineResult): void {
  const { core, dockerfile } = env
  const level = { error: core.error, warning: core.warning, notice: core.notice } as const
  for (const f of result.audit?.findings ?? []) level[f.severity].call(core, findingMessage(f), { title: `Stagecraft ${f.rule}${f.platform ? ` [${f.platform}]` : ''}`, file: dockerfile, startLine: f.evidence.line ?? 1 })
  for (const c of result.checks ?? []) level[c.severity].call(core, c.message, { title: `Stagecraft ${c.rule}`, file: dockerfile, startLine: c.line ?? 1 })
  for (const b of result.budgets) core.error(b.message, { title: `Stagecraft: ${b.budget}`, file: dockerfile, startLine: 1 })
}

function findingMessage(f: Finding): string {
  const path = evidencePath(f.evidence)
  return `${f.message}${path ? ` (${path})` : ''}`
}

/** The sticky PR comment and the check run, when asked for and possible. */
async function publishToGitHub(inputs: Inputs, result: PipelineResult, report: RunReport, markdown: string, env: PublishEnv): Promise<void> {
  const { core, ctx } = env
  const target = commentTarget(inputs.comment, ctx)
  if (target.note) core.warning(target.note)
  if (!ctx || (target.issue === undefined && !inputs['check-name'])) return
  if (!inputs['github-token']) {
    core.warning('github-token is empty: no PR comment or check run (the report is in the job summary)')
    return
  }
  const api = env.github(inputs['github-token'], ctx)
  if (target.issue !== undefined) {
    const out = await publishComment(api, target.issue, report.key, markdown, ctx)
    if (out.note) core.warning(out.note)
    else core.info(out.info ?? `PR comment ${out.status}: ${out.url}`)
  }
  if (inputs['check-name']) {
    const out = await publishCheckRun(api, {
      name: inputs['check-name'],
      sha: ctx.pullRequest?.headSha ?? ctx.sha,
      passed: report.verdict.passed,
      title: report.verdict.passed ? 'Passed' : report.verdict.reasons[0],
      summary: markdown,
      annotations: checkAnnotations(result.audit?.findings ?? [], env.dockerfile),
      stamp: runStamp(ctx)
    })
    if (out.note) core.warning(out.note)
    else if (out.info) core.info(out.info)
  }
}

/** The `platforms` output: one compact entry per platform. */
export function platformsOutput(report: RunReport): { platform: string; size: number; compressedSize: number; sizeDelta: number | null; findings: number; failing: number }[] {
  return (report.platforms ?? []).map(p => ({
    platform: p.platform,
    size: p.size.bytes,
    compressedSize: p.size.compressedBytes,
    sizeDelta: p.delta ? p.delta.bytes - p.delta.baseBytes : null,
    findings: p.findings,
    failing: p.failing
  }))
}
