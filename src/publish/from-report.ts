/**
 * The second phase for pull requests from forks. A fork's run gets a read-only token and cannot
 * comment; it saves its JSON report as an artifact. A `workflow_run` workflow of the base
 * repository (with `pull-requests: write`, and never checking out the fork's code) downloads it
 * and runs Stagecraft with `mode: comment-from-report`, which posts the sticky comment from the
 * report alone: no engine, no Dockerfile, nothing of the fork is executed.
 *
 * The report is data from an untrusted run, so it is checked before anything is posted: it must
 * be a Stagecraft report of a pull request run, for the commit the triggering workflow run built
 * (`workflow_run.head_sha`), and that commit must still be the PR's head.
 */
import fs from 'node:fs'
import path from 'node:path'
import { InputError, errorMessage } from '../errors.js'
import { Input } from '../constants.js'
import { renderReport } from '../report/markdown.js'
import { REPORT_SCHEMA, type RunReport } from '../report/run-report.js'
import type { CommentsApi, PullsApi } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import { publishComment } from './pull-request.js'

export type Mode = 'build' | 'comment-from-report' | 'merge' | 'audit'

/** The `mode` input. */
export function parseMode(value: string): Mode {
  const v = value.trim() || 'build'
  if (v === 'build' || v === 'comment-from-report' || v === 'merge' || v === 'audit') return v
  throw new InputError(Input.Mode, `expected build, audit, comment-from-report or merge, got "${value.trim()}"`)
}

/** The report files under `given` (a file, or a downloaded artifact directory). */
export function findReports(given: string, cwd = process.cwd()): string[] {
  if (!given.trim()) throw new InputError(Input.ReportFile, 'required with mode: comment-from-report (the path of the report artifact)')
  const abs = path.resolve(cwd, given.trim())
  if (!fs.existsSync(abs)) throw new InputError(Input.ReportFile, `not found: ${given.trim()}`)
  if (fs.statSync(abs).isFile()) return [abs]
  const found: string[] = []
  const walk = (dir: string, depth: number): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name)
      if (e.isFile() && e.name.endsWith('.report.json')) found.push(p)
      else if (e.isDirectory() && depth < 3) walk(p, depth + 1)
    }
  }
  walk(abs, 0)
  if (found.length === 0) throw new InputError(Input.ReportFile, `no Stagecraft report (*.report.json) in ${given.trim()}`)
  return found
}

/** Parse an untrusted report: the fields the comment needs, with their types checked. */
export function readPostableReport(file: string): RunReport {
  let r: Partial<RunReport>
  try {
    r = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunReport>
  } catch {
    throw new Error('not JSON')
  }
  if (r?.schema !== REPORT_SCHEMA) throw new Error(`not a Stagecraft report (expected schema ${REPORT_SCHEMA})`)
  const git = r.git
  if (typeof r.key !== 'string' || !r.key) throw new Error('it has no report key')
  if (!git || typeof git.sha !== 'string' || !/^[0-9a-f]{40}$/.test(git.sha)) throw new Error('it has no commit sha')
  if (!Number.isInteger(git.pullRequest) || (git.pullRequest ?? 0) <= 0) throw new Error('it is not the report of a pull request run')
  if (!r.verdict || !r.test || !Array.isArray(r.budgets)) throw new Error('it is incomplete')
  return r as RunReport
}

/** One line for the log: info, or a warning. */
export interface PostLine {
  level: 'info' | 'warning'
  message: string
}

/**
 * Post one sticky comment per report. Never throws for a report or an API problem: each is a
 * warning line (the posting workflow is not the fork's gate).
 */
export async function postReports(files: string[], api: CommentsApi & PullsApi, ctx: RunContext): Promise<PostLine[]> {
  const lines: PostLine[] = []
  for (const file of files) {
    const name = path.basename(file)
    let report: RunReport
    try {
      report = readPostableReport(file)
    } catch (e) {
      lines.push({ level: 'warning', message: `${name} is not posted: ${errorMessage(e)}` })
      continue
    }
    const sha = report.git!.sha!
    const pr = report.git!.pullRequest!
    if (ctx.workflowRunHeadSha && ctx.workflowRunHeadSha !== sha) {
      lines.push({
        level: 'warning',
        message: `${name} is not posted: it is for commit ${sha.slice(0, 7)}, but the workflow run that produced it built ${ctx.workflowRunHeadSha.slice(0, 7)}`
      })
      continue
    }
    try {
      const pull = await api.getPullRequest(pr)
      if (pull.headSha !== sha) {
        lines.push({
          level: 'info',
          message: `${name}: pull request #${pr} is now at ${pull.headSha.slice(0, 7)}; the report for ${sha.slice(0, 7)} is not posted`
        })
        continue
      }
    } catch (e) {
      lines.push({ level: 'warning', message: `${name} is not posted: pull request #${pr} could not be read (${errorMessage(e).split('\n')[0]})` })
      continue
    }
    const out = await publishComment(api, pr, report.key, renderReport(report), ctx, {
      sha,
      runNumber: report.git!.runNumber,
      runAttempt: report.git!.runAttempt
    })
    if (out.note) lines.push({ level: 'warning', message: out.note })
    else lines.push({ level: 'info', message: out.info ?? `PR comment ${out.status} on #${pr} from ${name}: ${out.url}` })
  }
  return lines
}
