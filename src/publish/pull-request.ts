/**
 * Publishing the report on GitHub: the sticky PR comment and the optional check run. Neither is
 * the user's gate, so every failure here becomes a warning and the step's outcome is unchanged.
 */
import { errorMessage } from '../errors.js'
import type { Finding } from '../audit/types.js'
import type { ChecksApi, CheckAnnotation, CommentsApi } from '../github/client.js'
import { httpStatus } from '../github/client.js'
import { isOwnCheckRun } from '../github/identity.js'
import type { RunContext } from '../github/context.js'
import type { CommentMode } from '../inputs/inputs.js'
import { upsertStickyComment, type RunStamp } from './sticky-comment.js'

export interface PublishOutcome {
  status: 'created' | 'updated' | 'skipped' | 'failed'
  url?: string
  /** Why it was skipped or failed (a warning for the log), one line. */
  note?: string
  /** A plain log line (an update skipped on purpose). */
  info?: string
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** Whether to comment, and on which PR; a note when `true` cannot be honoured. */
export function commentTarget(mode: CommentMode, ctx: RunContext | undefined): { issue?: number; note?: string } {
  if (mode === 'false') return {}
  const pr = ctx?.pullRequest
  if (pr && (mode === 'true' || PR_EVENTS.has(ctx.eventName))) return { issue: pr.number }
  if (mode === 'true') {
    return { note: `comment is true but this run is not for a pull request (event ${ctx?.eventName ?? 'none'}); the report is in the job summary only` }
  }
  return {}
}

/** The commit and run this run reports on (the PR head, not the merge commit). */
export function runStamp(ctx: RunContext): RunStamp {
  return { sha: ctx.pullRequest?.headSha ?? ctx.sha, runNumber: ctx.runNumber, runAttempt: ctx.runAttempt }
}

/** Post or update the sticky comment; never throws. `stamp` defaults to this run's. */
export async function publishComment(
  api: CommentsApi,
  issue: number,
  key: string,
  body: string,
  ctx: RunContext,
  stamp = runStamp(ctx)
): Promise<PublishOutcome> {
  try {
    const r = await upsertStickyComment(api, issue, key, body, stamp)
    if (r.action === 'skipped') {
      return {
        status: 'skipped',
        url: r.comment.html_url,
        info: `PR comment not updated: it shows run ${r.newer?.runNumber} for ${r.newer?.sha.slice(0, 7)}, newer than this run ${stamp.runNumber} for ${stamp.sha.slice(0, 7)}`
      }
    }
    return { status: r.action, url: r.comment.html_url }
  } catch (e) {
    const status = httpStatus(e)
    const why =
      status === 403 || status === 404
        ? ctx.pullRequest?.fromFork
          ? 'the token of a pull request from a fork is read-only (post the report from a workflow_run workflow with mode: comment-from-report, see the README)'
          : 'the token lacks pull-requests: write (or issues: write)'
        : 'the GitHub API failed'
    return {
      status: 'failed',
      note: `could not comment on pull request #${issue} (${status ?? 'error'}: ${errorMessage(e).split('\n')[0]}): ${why}; the report is in the job summary`
    }
  }
}

const LEVEL: Record<Finding['severity'], CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' }
/** GitHub takes at most 50 annotations per check-run request. */
const ANNOTATIONS_PER_REQUEST = 50

export function checkAnnotations(findings: Finding[], dockerfile: string): CheckAnnotation[] {
  return findings.map(f => ({
    path: dockerfile,
    start_line: f.evidence.line ?? 1,
    end_line: f.evidence.line ?? 1,
    annotation_level: LEVEL[f.severity],
    title: f.rule,
    message: f.message
  }))
}

/** Publish a completed check run carrying the annotations (in batches of 50); never throws. */
export async function publishCheckRun(
  api: ChecksApi,
  run: { name: string; sha: string; passed: boolean; title: string; summary: string; annotations: CheckAnnotation[]; stamp?: RunStamp }
): Promise<PublishOutcome> {
  // A check run belongs to its commit, so a run for an older commit never touches the newer
  // commit's check. Two runs of the same commit (re-run attempts) can finish out of order: the
  // run order is kept in external_id, and an older run does not add a check over a newer one.
  // Only check runs our own app created count: any app can set any external_id.
  if (run.stamp?.runNumber !== undefined) {
    try {
      const me = await api.identity()
      const newer = (await api.listCheckRuns(run.sha, run.name))
        .filter(c => isOwnCheckRun(c.app, me))
        .map(c => parseCheckStamp(c.externalId))
        .find(s => s && laterRun(s, run.stamp!))
      if (newer) {
        return {
          status: 'skipped',
          info: `check run "${run.name}" not published: run ${newer.runNumber} attempt ${newer.runAttempt ?? 1} already published a newer one for ${run.sha.slice(0, 7)}`
        }
      }
    } catch {
      // cannot list (permissions): publish as before
    }
  }
  const summary = run.summary.length > 65535 ? `${run.summary.slice(0, 65000)}\n\n… truncated` : run.summary
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < run.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(run.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  try {
    const created = await api.createCheckRun({
      name: run.name,
      head_sha: run.sha,
      ...(run.stamp?.runNumber !== undefined ? { external_id: checkStamp(run.stamp) } : {}),
      conclusion: run.passed ? 'success' : 'failure',
      output: { title: run.title, summary, annotations: batches[0] ?? [] }
    })
    for (const batch of batches.slice(1)) await api.updateCheckRun(created.id, { title: run.title, summary, annotations: batch })
    return { status: 'created', url: created.html_url }
  } catch (e) {
    const status = httpStatus(e)
    return {
      status: 'failed',
      note: `could not publish check run "${run.name}" (${status ?? 'error'}: ${errorMessage(e).split('\n')[0]})${status === 403 ? ': the job needs permissions checks: write' : ''}`
    }
  }
}

/** external_id of our check runs: the run order. */
export function checkStamp(s: RunStamp): string {
  return `stagecraft:run=${s.runNumber ?? 0}.${s.runAttempt ?? 0}`
}

export function parseCheckStamp(id: string | null): RunStamp | undefined {
  const m = /^stagecraft:run=(\d+)\.(\d+)$/.exec(id ?? '')
  return m ? { sha: '', runNumber: Number(m[1]), runAttempt: Number(m[2]) || undefined } : undefined
}

/** True when `a` is a later run (number, then attempt) than `b`. */
function laterRun(a: RunStamp, b: RunStamp): boolean {
  const an = a.runNumber ?? 0
  const bn = b.runNumber ?? 0
  return an > bn || (an === bn && (a.runAttempt ?? 0) > (b.runAttempt ?? 0))
}
