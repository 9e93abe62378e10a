/** What the run is about, from the Actions environment and the event payload (pure). */
import fs from 'node:fs'

export interface RunContext {
  eventName: string
  owner: string
  repo: string
  sha: string
  /** Branch of this run: the PR head for pull requests, else the pushed branch. */
  ref: string
  /** GITHUB_REF as given (`refs/heads/main`, `refs/pull/7/merge`): the Actions cache scope of the run. */
  fullRef?: string
  /** GITHUB_RUN_NUMBER and GITHUB_RUN_ATTEMPT: the order of runs of one workflow. */
  runNumber?: number
  runAttempt?: number
  /** On a `workflow_run` event: the commit the triggering run built. */
  workflowRunHeadSha?: string
  pullRequest?: {
    number: number
    baseRef: string
    baseSha: string
    headSha: string
    /** The head repository is not the base repository: the token is read-only. */
    fromFork: boolean
  }
  apiUrl: string
  serverUrl: string
  runId?: string
}

interface PrPayload {
  number?: number
  workflow_run?: { head_sha?: string }
  pull_request?: {
    number: number
    base: { ref: string; sha: string; repo?: { full_name?: string } }
    head: { ref: string; sha: string; repo?: { full_name?: string } | null }
  }
}

/** Read GITHUB_* variables and the event payload; undefined when not running in Actions. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_EVENT_NAME) return undefined
  const [owner, repo] = env.GITHUB_REPOSITORY.split('/')
  let payload: PrPayload = {}
  if (env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH)) {
    try {
      payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PrPayload
    } catch {
      payload = {}
    }
  }
  const pr = payload.pull_request
  const ctx: RunContext = {
    eventName: env.GITHUB_EVENT_NAME,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_HEAD_REF || (env.GITHUB_REF ?? '').replace(/^refs\/heads\//, ''),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID,
    fullRef: env.GITHUB_REF || undefined,
    runNumber: positive(env.GITHUB_RUN_NUMBER),
    runAttempt: positive(env.GITHUB_RUN_ATTEMPT),
    workflowRunHeadSha: typeof payload.workflow_run?.head_sha === 'string' ? payload.workflow_run.head_sha : undefined
  }
  if (pr) {
    ctx.pullRequest = {
      number: pr.number,
      baseRef: pr.base.ref,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      fromFork: !!pr.base.repo?.full_name && pr.head.repo?.full_name !== pr.base.repo.full_name
    }
  }
  return ctx
}

function positive(v: string | undefined): number | undefined {
  const n = Number(v)
  return v && Number.isInteger(n) && n > 0 ? n : undefined
}
