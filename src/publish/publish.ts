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
import type { PipelineResult } from '../result.js'
import { createRedactor, type Redactor } from '../redact.js'
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

/** `core` with every message, output value and summary redacted: the publishing side of the choke point. */
export function redactingCore(core: ActionCore, redact: Redactor): ActionCore {
  return {
    setOutput: (name, value) => core.setOutput(name, redact(value)),
    info: m => core.info(redact(m)),
    warning: (m, props) => core.warning(redact(m), redact.deep(props)),
    error: (m, props) => core.error(redact(m), redact.deep(props)),
    notice: (m, props) => core.notice(redact(m), redact.deep(props)),
    appendSummary: markdown => core.appendSummary(redact(markdown))
  }
}

/** The inputs publishing reads (the action reads them defensively when the others could not be read). */
export type PublishInputs = Pick<Inputs, 'fail-on' | 'comment' | 'github-token' | 'check-name'>

export interface PublishEnv {
  core: ActionCore
  /** The run's redactor: the result, the report and everything told to `core` pass it. */
  redact?: Redactor
  /** The Dockerfile as annotations name it. */
  dockerfile: string
  /** Annotate build checks on their lines (BPA's DOCKER_BUILD_CHECKS_ANNOTATIONS; default true). */
  checksAnnotations?: boolean
  /** Where the report files are written. */
  outDir: string
  ctx?: RunContext
  store?: CacheStore
  /** The GitHub API for the comment and the check run (created only when one is needed). */
  github: (token: string, ctx: RunContext) => CommentsApi & ChecksApi
  /** Export and upload the build record (BPA's DOCKER_BUILD_SUMMARY / DOCKER_BUILD_RECORD_*); told through the redacting core. */
  buildRecord?: (core: ActionCore) => Promise<unknown>
}

/**
 * Write everything the run produced, secrets redacted (the result and report are redacted before
 * anything is rendered from them). Never throws: a publishing problem is a warning.
 */
export async function publish(inputs: PublishInputs, rawResult: PipelineResult, rawReport: RunReport, rawEnv: PublishEnv): Promise<void> {
  const redact = rawEnv.redact ?? createRedactor()
  const env = { ...rawEnv, core: redactingCore(rawEnv.core, redact) }
  const result = redact.deep(rawResult)
  const report = redact.deep(rawReport)
  const { core } = env
  const step = async (what: string, fn: () => unknown): Promise<void> => {
    try {
      await fn()
    } catch (e) {
      core.warning(`could not ${what}: ${errorMessage(e)}`)
    }
  }
  let markdown = ''
  await step('render the report', () => (markdown = renderReport(report)))
  await step('set the outputs', () => writeOutputs(core, inputs, result, report))
  await step('write the report files', () => writeFiles(env, result, report, markdown))
  await step('annotate the Dockerfile', () => annotate(core, env.dockerfile, result, env.checksAnnotations))
  await step('render the job summary', () => appendSummary(core, renderSummary(result, report, env.store?.name)))
  const { buildRecord } = env
  if (buildRecord) await step('publish the build record', () => buildRecord(core))
  await step('publish the PR comment or check run', () => publishToGitHub(partPublishInputs(inputs, report, core), result, report, markdown, env))
  if (report.part) core.info('part of a split build: the size baseline is saved by the merge (mode: merge), not by a part')
  else if (env.store && env.ctx && result.size) {
    const { store, ctx } = env
    await step('save the size baseline', async () => {
      const w = await saveBaseline(store, report, ctx)
      if (w) core.warning(w)
    })
  }
}

/**
 * A part of a split build leaves the PR to the merge, which posts one comment and one check run for
 * every platform: no check run from a part, and a comment only when asked for explicitly
 * (`comment: true`, best with a `comment-key` of its own, or the merge's comment is replaced).
 */
export function partPublishInputs(inputs: PublishInputs, report: Pick<RunReport, 'part'>, core: Pick<ActionCore, 'info'>): PublishInputs {
  if (!report.part) return inputs
  const skipped = [
    inputs.comment !== 'true' && inputs.comment !== 'false' ? 'PR comment' : '',
    inputs['check-name'] ? `check run "${inputs['check-name']}"` : ''
  ]
  const what = skipped.filter(Boolean).join(' and ')
  if (what) core.info(`part of a split build: no ${what} from a part; the merge (mode: merge) publishes one for every platform`)
  return { ...inputs, comment: inputs.comment === 'true' ? 'true' : 'false', 'check-name': '' }
}

/** Add a section to the job summary; a failure is a warning. */
export async function appendSummary(core: ActionCore, markdown: string): Promise<void> {
  try {
    await core.appendSummary(markdown)
  } catch (e) {
    core.warning(`could not write the job summary: ${errorMessage(e)}`)
  }
}

function writeOutputs(core: ActionCore, inputs: PublishInputs, result: PipelineResult, report: RunReport): void {
  core.setOutput(Output.TestResult, result.testResult)
  if (result.image) {
    if (!result.image.noImageIdOutput) core.setOutput(Output.ImageId, result.image.imageId)
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

/** The report (JSON), the comment (Markdown) and SARIF as files, and outputs naming them; a file that cannot be written is a warning. */
function writeFiles(env: PublishEnv, result: PipelineResult, report: RunReport, markdown: string): void {
  const { core } = env
  const slug = keyPart(report.key)
  const write = (name: string, text: () => string, output: Output): void => {
    const file = path.join(env.outDir, `${slug}.${name}`)
    try {
      fs.mkdirSync(env.outDir, { recursive: true })
      fs.writeFileSync(file, text())
      core.setOutput(output, file)
    } catch (e) {
      core.warning(`could not write ${file}: ${errorMessage(e)}`)
    }
  }
  write('report.json', () => `${JSON.stringify(report, null, 2)}\n`, Output.Report)
  write('comment.md', () => `${markdown}\n`, Output.CommentFile)
  core.setOutput(Output.CommentMarkdown, markdown)
  const checks = result.checks ?? []
  if (result.audit || checks.length)
    write('sarif', () => `${JSON.stringify(toSarif(result.audit, env.dockerfile, undefined, checks), null, 2)}\n`, Output.Sarif)
}

/** What is annotated on a Dockerfile: the audit's findings, the build checks, the budget violations. */
export type Annotated = Pick<PipelineResult, 'checks' | 'budgets'> & { audit?: { findings: Finding[] } }

/**
 * One annotation per finding, build check and budget violation, on its line of `dockerfile` (a
 * merge calls it once per image). `checksAnnotations` false: BPA's DOCKER_BUILD_CHECKS_ANNOTATIONS=false
 * turns the build checks' annotations off (they stay findings).
 */
export function annotate(core: ActionCore, dockerfile: string, what: Annotated, checksAnnotations?: boolean): void {
  const level = {
    error: (m: string, p: AnnotationProps) => core.error(m, p),
    warning: (m: string, p: AnnotationProps) => core.warning(m, p),
    notice: (m: string, p: AnnotationProps) => core.notice(m, p)
  }
  for (const f of what.audit?.findings ?? [])
    level[f.severity](findingMessage(f), {
      title: `Stagecraft ${f.rule}${f.platform ? ` [${f.platform}]` : ''}`,
      file: dockerfile,
      startLine: f.evidence.line ?? 1
    })
  if (checksAnnotations !== false)
    for (const c of what.checks ?? []) level[c.severity](c.message, { title: `Stagecraft ${c.rule}`, file: dockerfile, startLine: c.line ?? 1 })
  for (const b of what.budgets) core.error(b.message, { title: `Stagecraft: ${b.budget}`, file: dockerfile, startLine: 1 })
}

function findingMessage(f: Finding): string {
  const path = evidencePath(f.evidence)
  return `${f.message}${path ? ` (${path})` : ''}`
}

/** The sticky PR comment and the check run, when asked for and possible. */
async function publishToGitHub(inputs: PublishInputs, result: PipelineResult, report: RunReport, markdown: string, env: PublishEnv): Promise<void> {
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
export function platformsOutput(
  report: RunReport
): { platform: string; size: number; compressedSize: number; sizeDelta: number | null; findings: number; failing: number }[] {
  return (report.platforms ?? []).map(p => ({
    platform: p.platform,
    size: p.size.bytes,
    compressedSize: p.size.compressedBytes,
    sizeDelta: p.delta ? p.delta.bytes - p.delta.baseBytes : null,
    findings: p.findings,
    failing: p.failing
  }))
}
