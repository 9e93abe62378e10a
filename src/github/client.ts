/**
 * The gateway to the GitHub REST API: the only module that talks to it. Octokit from
 * @actions/github with the retry plugin (5xx and network errors are retried) and the
 * throttling plugin (primary and secondary rate limits are waited out), on GITHUB_API_URL
 * so GitHub Enterprise Server works.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { identityOf, resolveIdentity, type Author, type CheckRunApp, type Identity } from './identity.js'

export type { Author, CheckRunApp, Identity } from './identity.js'

export interface IssueComment {
  id: number
  body: string
  html_url: string
  /** Who wrote it (`user`); null for a deleted account. Only our own identity's comments are ours. */
  author: Author | null
}

/** Who the token posts as: resolved once per run, then replaced by what our own writes show. */
export interface IdentityApi {
  identity(): Promise<Identity>
}

/** The few calls the sticky comment needs; tests give an in-memory fake. */
export interface CommentsApi extends IdentityApi {
  /** Every comment of an issue, oldest first, fetched page by page as it is read. */
  listComments(issue: number): AsyncIterable<IssueComment>
  /** The created comment's `author` is the authoritative identity of the token. */
  createComment(issue: number, body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  deleteComment(id: number): Promise<void>
}

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'failure' | 'warning' | 'notice'
  message: string
  title?: string
}

export interface CheckRunOutput {
  title: string
  summary: string
  annotations?: CheckAnnotation[]
}

/** A check run already on a commit. */
export interface ListedCheckRun {
  id: number
  externalId: string | null
  /** The GitHub App that created it: only runs of our own app count. */
  app: CheckRunApp | null
}

/** Check runs (needs `checks: write`). */
export interface ChecksApi extends IdentityApi {
  createCheckRun(run: {
    name: string
    head_sha: string
    conclusion: 'success' | 'failure'
    output: CheckRunOutput
    details_url?: string
    external_id?: string
  }): Promise<{ id: number; html_url: string }>
  /** The check runs named `name` on commit `sha` (every one, not only the latest; every page). */
  listCheckRuns(sha: string, name: string): Promise<ListedCheckRun[]>
  updateCheckRun(id: number, output: CheckRunOutput): Promise<void>
}

/** One Actions cache entry as the REST API lists it. */
export interface ActionsCacheEntry {
  id: number
  key: string
  /** The scope it was saved on: `refs/heads/main`, `refs/pull/7/merge`. */
  ref: string
  sizeBytes: number
  createdAt: string
}

/** A pull request's current head, to check a report is for it. */
export interface PullsApi {
  getPullRequest(n: number): Promise<{ headSha: string; state: string }>
}

/** The Actions cache's REST endpoints (list/usage need `actions: read`, delete `actions: write`). */
export interface CachesApi {
  /** Every entry whose key starts with `keyPrefix` (on `ref` when given), newest first. */
  listCaches(keyPrefix: string, ref?: string): Promise<ActionsCacheEntry[]>
  deleteCache(id: number): Promise<void>
  /** The repository's active cache size and entry count. */
  cacheUsage(): Promise<{ bytes: number; count: number }>
}

export interface GitHubClientOptions {
  token: string
  owner: string
  repo: string
  baseUrl: string
  /** Retries for 5xx/network errors (default 3). */
  retries?: number
  /** Called when a rate limit makes the client wait. */
  onRateLimit?: (message: string) => void
}

const PER_PAGE = 100

/** Build the REST client: Octokit + retry + throttling. */
export function createGitHubClient(opts: GitHubClientOptions): CommentsApi & ChecksApi & CachesApi & PullsApi {
  const octokit = getOctokit(
    opts.token,
    {
      baseUrl: opts.baseUrl,
      // Not request.retries: set there, the retry plugin retries every failure, 403 included.
      retry: { retries: opts.retries ?? 3 },
      throttle: {
        onRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) => {
          opts.onRateLimit?.(`GitHub rate limit on ${o.method} ${o.url}; retrying in ${after} s`)
          return count < 2
        },
        onSecondaryRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) => {
          opts.onRateLimit?.(`GitHub secondary rate limit on ${o.method} ${o.url}; retrying in ${after} s`)
          return count < 2
        }
      }
    },
    retry,
    throttling
  )
  const repo = { owner: opts.owner, repo: opts.repo }
  const pick = (c: { id: number; body?: string | null; html_url: string; user?: { login: string; type: string } | null }): IssueComment => ({
    id: c.id,
    body: c.body ?? '',
    html_url: c.html_url,
    author: c.user ? { login: c.user.login, type: c.user.type } : null
  })
  // Resolved once per run (see identity.ts for the chain and why), replaced by what we create.
  let me: Promise<Identity> | undefined
  const identity = (): Promise<Identity> =>
    (me ??= resolveIdentity([
      async () => {
        // Only the login: `viewer` is typed User even for a bot, so its __typename says nothing.
        const r = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
        return identityOf(r.viewer.login, 'graphql')
      },
      async () => {
        const r = await octokit.rest.users.getAuthenticated()
        return identityOf(r.data.login, 'rest', r.data.type)
      }
    ]))
  const learn = (found: Identity | undefined): void => {
    if (found) me = Promise.resolve(found)
  }
  return {
    identity,
    async *listComments(issue) {
      for await (const r of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: PER_PAGE })) {
        for (const c of r.data) yield pick(c)
      }
    },
    async createComment(issue, body) {
      const r = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })
      const made = pick(r.data)
      if (made.author) learn(identityOf(made.author.login, 'created', made.author.type))
      return made
    },
    async updateComment(id, body) {
      const r = await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body })
      return pick(r.data)
    },
    async deleteComment(id) {
      await octokit.rest.issues.deleteComment({ ...repo, comment_id: id })
    },
    async createCheckRun(run) {
      const r = await octokit.rest.checks.create({ ...repo, ...run, status: 'completed', completed_at: new Date().toISOString() })
      if (r.data.app?.slug) learn(identityOf(`${r.data.app.slug}[bot]`, 'created', 'Bot'))
      return { id: r.data.id, html_url: r.data.html_url ?? '' }
    },
    async listCheckRuns(sha, name) {
      const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...repo, ref: sha, check_name: name, filter: 'all', per_page: PER_PAGE })
      return runs.map(c => ({ id: c.id, externalId: c.external_id ?? null, app: c.app?.slug ? { slug: c.app.slug } : null }))
    },
    async updateCheckRun(id, output) {
      await octokit.rest.checks.update({ ...repo, check_run_id: id, output })
    },
    async listCaches(keyPrefix, ref) {
      const out: ActionsCacheEntry[] = []
      const pages = octokit.paginate.iterator(octokit.rest.actions.getActionsCacheList, {
        ...repo,
        key: keyPrefix,
        ref,
        sort: 'created_at',
        direction: 'desc',
        per_page: PER_PAGE
      })
      for await (const r of pages) {
        for (const c of r.data) out.push({ id: c.id ?? 0, key: c.key ?? '', ref: c.ref ?? '', sizeBytes: c.size_in_bytes ?? 0, createdAt: c.created_at ?? '' })
        // A bound on a runaway listing: 50 pages (5000 entries) is far beyond the 10 GB quota's worth.
        if (out.length >= 50 * PER_PAGE) break
      }
      return out
    },
    async deleteCache(id) {
      await octokit.rest.actions.deleteActionsCacheById({ ...repo, cache_id: id })
    },
    async getPullRequest(n) {
      const r = await octokit.rest.pulls.get({ ...repo, pull_number: n })
      return { headSha: r.data.head.sha, state: r.data.state }
    },
    async cacheUsage() {
      const r = await octokit.rest.actions.getActionsCacheUsage(repo)
      return { bytes: r.data.active_caches_size_in_bytes, count: r.data.active_caches_count }
    }
  }
}

/** HTTP status of an Octokit error, when it has one. */
export function httpStatus(error: unknown): number | undefined {
  const s = (error as { status?: unknown })?.status
  return typeof s === 'number' ? s : undefined
}
