/**
 * A fake GitHub REST API on 127.0.0.1 for end-to-end tests of the bundled action.
 *
 * It serves the endpoints Stagecraft calls (src/github/client.ts: issue comments, check runs, one pull
 * request, the Actions cache list/usage/delete) for the repository `owner/repo` only, with the shapes,
 * status codes, pagination (`Link` with rel="next"/"last", built on the repository-id form
 * `/repositories/{id}/...` as api.github.com does) and validation limits of the real API, records
 * every request, and can be told to fail the next matching requests (403, 502, ...).
 *
 * Who did what is kept as GitHub keeps it: each token is an identity (`tokens` option). An
 * installation token (GITHUB_TOKEN, the default for any unregistered token, or a GitHub App's)
 * writes as its app's bot `<slug>[bot]`, gets 403 "Resource not accessible by integration" on
 * `GET /user`, and its check runs carry its `app`; a user token writes as its user, `GET /user`
 * returns that user, and it cannot create check runs (403). GraphQL `viewer { login }` answers for
 * both. Like GitHub, a token with write access may edit and delete anyone's comment: the action,
 * not the server, must leave other people's comments alone.
 *
 * Give `url` to the action as GITHUB_API_URL.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash } from 'node:crypto'

/** A user as GitHub embeds it in comments and pull requests. */
export interface FakeUser {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** An issue comment as the REST API returns it (the fields the action reads, and a few more). */
export interface FakeComment {
  id: number
  url: string
  html_url: string
  issue_url: string
  body: string
  user: FakeUser
  created_at: string
  updated_at: string
}

/** A GitHub App as check runs embed it (`app`). */
export interface FakeApp {
  id: number
  slug: string
  node_id: string
  name: string
  owner: { login: string; id: number; type: 'User' | 'Organization' }
}

/** What a token authenticates as: a user (personal/user token) or an App installation. */
export type FakeTokenIdentity = { kind: 'user'; user: FakeUser } | { kind: 'installation'; app: FakeApp; bot: FakeUser }

/** A check run as stored by the fake: what was posted/patched, plus id and timestamps. */
export interface FakeCheckRun {
  id: number
  /** The App that created it. */
  app: FakeApp
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  external_id: string | null
  completed_at: string | null
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number }
  /** Every annotation sent, across create and updates (GitHub appends them). */
  annotations: unknown[]
  url: string
  html_url: string
}

/** One request the server received, in arrival order. */
export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. `/repos/o/r/issues/1/comments`. */
  path: string
  query: Record<string, string>
  /** Parsed JSON body; the raw string when it was not JSON; undefined when empty. */
  body: unknown
  /** Status the server answered with. */
  status: number
}

/** Which requests a fault applies to; an empty matcher matches every request. */
export interface FaultMatcher {
  /** HTTP method, case-insensitive. */
  method?: string
  /** Start of the request path (no query), e.g. `/repos/o/r/issues/`. */
  pathPrefix?: string
}

/** Options of {@link startGitHubServer}. */
export interface GitHubServerOptions {
  /**
   * Tokens that may only read (a fork pull request's GITHUB_TOKEN): any other method answers 403
   * "Resource not accessible by integration", as GitHub does.
   */
  readOnlyTokens?: string[]
  /** The Actions cache behind `/actions/caches` and `/actions/cache/usage` (see cache-service.ts). */
  caches?: ActionsCaches
  /** Token → identity; any other token is a GITHUB_TOKEN ({@link ACTIONS_INSTALLATION}). */
  tokens?: Record<string, FakeTokenIdentity>
}

/** The Actions cache entries the REST API lists, counts and deletes. */
export interface ActionsCaches {
  entries: { id: number; key: string; version: string; scope: string; sizeBytes: number; finalized: boolean; createdAt: Date; lastAccessedAt: Date }[]
  delete(id: number): boolean
}

/** A running fake GitHub API. */
export interface FakeGitHub {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string
  /** Every request received, faulted and unknown ones included. */
  requests: RecordedRequest[]
  /** Issue comments, in creation (= id) order, for all issues. */
  comments: FakeComment[]
  checkRuns: FakeCheckRun[]
  /** The comments of one issue or pull request. */
  commentsOn(issueNumber: number): FakeComment[]
  /**
   * Make the next `times` requests matching `matcher` answer `status`, with `body` (default: GitHub's
   * `{message, documentation_url}` for the status).
   */
  failNext(matcher: FaultMatcher, status: number, times?: number, body?: unknown): void
  /** Pre-create `n` comments on an issue by three other users; returns them. */
  seedComments(issueNumber: number, n: number): FakeComment[]
  /** Pre-create one comment on an issue by `user` (someone else, or the bot). */
  seedComment(issueNumber: number, body: string, user: FakeUser): FakeComment
  /** Pre-create a completed check run by `app` (another app, or the Actions one). */
  seedCheckRun(run: { name: string; head_sha: string; external_id?: string | null; conclusion?: string; app: FakeApp }): FakeCheckRun
  /** Stop listening and drop open connections. */
  close(): Promise<void>
}

/** GitHub's limit for issue comment bodies, in characters. */
export const MAX_COMMENT_CHARS = 65536
/** GitHub's limit for check run output summary and text, in characters. */
const MAX_CHECK_OUTPUT_CHARS = 65535
/** The Checks API accepts at most this many annotations per request. */
const MAX_ANNOTATIONS_PER_REQUEST = 50

const OWNER = 'owner'
const REPO = 'repo'
/** The repository's numeric id, as in the `/repositories/{id}/...` URLs of Link headers. */
const REPOSITORY_ID = 1296269
const HTML_BASE = 'https://github.com'
/** What GITHUB_TOKEN writes as: the Actions bot. */
export const ACTOR: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
/** The GitHub Actions app, as check runs created with GITHUB_TOKEN name it. */
export const ACTIONS_APP: FakeApp = {
  id: 15368,
  slug: 'github-actions',
  node_id: 'MDM6QXBwMTUzNjg=',
  name: 'GitHub Actions',
  owner: { login: 'github', id: 9919, type: 'Organization' }
}
/** GITHUB_TOKEN: an installation token of the Actions app. */
export const ACTIONS_INSTALLATION: FakeTokenIdentity = { kind: 'installation', app: ACTIONS_APP, bot: ACTOR }

/** An installation token of another GitHub App: it writes as `<slug>[bot]`. */
export function appInstallation(slug: string, id: number): Extract<FakeTokenIdentity, { kind: 'installation' }> {
  const app: FakeApp = { id, slug, node_id: `APP_${id}`, name: slug, owner: { login: `${slug}-org`, id: id + 1, type: 'Organization' } }
  return { kind: 'installation', app, bot: { login: `${slug}[bot]`, id: id + 100_000_000, type: 'Bot' } }
}

/** A personal or user-to-server token of `login`. */
export function userToken(login: string, id: number): Extract<FakeTokenIdentity, { kind: 'user' }> {
  return { kind: 'user', user: { login, id, type: 'User' } }
}
const DOCS = 'https://docs.github.com/rest'
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error'
}

interface Fault {
  matcher: FaultMatcher
  status: number
  remaining: number
  body?: unknown
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(String(body.message))
  }
}

function errorBody(status: number, message?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { message: message ?? STATUS_MESSAGES[status] ?? 'Error', documentation_url: DOCS, status: String(status), ...extra }
}

function validation(resource: string, field: string, message: string, docs: string): HttpError {
  return new HttpError(422, errorBody(422, 'Validation Failed', { errors: [{ resource, code: 'custom', field, message }], documentation_url: docs }))
}

/** Length in characters (code points), as GitHub counts it. */
function charLength(s: string): number {
  return Array.from(s).length
}

/** A check run as the API returns it: annotations are only listed by their own endpoint. */
function publicRun(run: FakeCheckRun): Omit<FakeCheckRun, 'annotations'> {
  const { annotations: _annotations, ...rest } = run
  return rest
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function optString(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Start the fake API on a random port of 127.0.0.1. */
export async function startGitHubServer(opts: GitHubServerOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = []
  const comments: FakeComment[] = []
  const checkRuns: FakeCheckRun[] = []
  const faults: Fault[] = []
  let nextCommentId = 1_000_001
  let nextCheckRunId = 5_000_001
  let url = ''

  const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  const issueOf = (c: FakeComment): number => Number(c.issue_url.slice(c.issue_url.lastIndexOf('/') + 1))
  const commentsOn = (n: number): FakeComment[] => comments.filter(c => issueOf(c) === n)

  function newComment(issue: number, body: string, user: FakeUser): FakeComment {
    const id = nextCommentId++
    const t = now()
    const c: FakeComment = {
      id,
      url: `${url}/repos/${OWNER}/${REPO}/issues/comments/${id}`,
      html_url: `${HTML_BASE}/${OWNER}/${REPO}/issues/${issue}#issuecomment-${id}`,
      issue_url: `${url}/repos/${OWNER}/${REPO}/issues/${issue}`,
      body,
      user,
      created_at: t,
      updated_at: t
    }
    comments.push(c)
    return c
  }

  function findComment(id: number): FakeComment {
    const c = comments.find(x => x.id === id)
    if (!c) throw new HttpError(404, errorBody(404))
    return c
  }

  function commentBody(body: unknown): string {
    if (!isRecord(body) || typeof body.body !== 'string') {
      throw new HttpError(422, errorBody(422, 'Invalid request.\n\n"body" wasn\'t supplied.'))
    }
    if (charLength(body.body) > MAX_COMMENT_CHARS) {
      throw validation(
        'IssueComment',
        'body',
        `body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
        `${DOCS}/issues/comments#create-an-issue-comment`
      )
    }
    return body.body
  }

  /** One page of `all` (per_page default 30, at most 100) and GitHub's Link header for `rest`. */
  function paged<T>(all: T[], rest: string, query: Record<string, string>): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number.parseInt(query.per_page ?? '', 10) || 30))
    const page = Math.max(1, Number.parseInt(query.page ?? '', 10) || 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const items = all.slice((page - 1) * perPage, page * perPage)
    const headers: Record<string, string> = {}
    if (all.length > perPage) {
      const linkBase = `${url}/repositories/${REPOSITORY_ID}`
      const pageUrl = (p: number): string => {
        const params = new URLSearchParams()
        for (const [k, v] of Object.entries(query)) if (k !== 'page') params.set(k, v)
        params.set('page', String(p))
        return `<${linkBase}${rest}?${params.toString()}>`
      }
      const links: string[] = []
      if (page > 1) links.push(`${pageUrl(Math.min(page - 1, last))}; rel="prev"`)
      if (page < last) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`)
      if (page > 1) links.push(`${pageUrl(1)}; rel="first"`)
      headers.link = links.join(', ')
    }
    return { items, headers }
  }

  function listComments(issue: number, query: Record<string, string>): Reply {
    const { items, headers } = paged(commentsOn(issue), `/issues/${issue}/comments`, query)
    return { status: 200, body: items, headers }
  }

  /** The identity behind the request's token. */
  function whoIs(token: string | undefined): FakeTokenIdentity {
    return (token !== undefined ? opts.tokens?.[token] : undefined) ?? ACTIONS_INSTALLATION
  }

  /** The user a token writes comments as. */
  function authorOf(who: FakeTokenIdentity): FakeUser {
    return who.kind === 'user' ? who.user : who.bot
  }

  /** `GET /user`: the user of a user token; an installation token is not a user (403). */
  function authenticatedUser(who: FakeTokenIdentity): Reply {
    if (who.kind !== 'user')
      throw new HttpError(
        403,
        errorBody(403, 'Resource not accessible by integration', { documentation_url: `${DOCS}/users/users#get-the-authenticated-user` })
      )
    const u = who.user
    return { status: 200, body: { login: u.login, id: u.id, node_id: `U_${u.id}`, type: u.type, site_admin: false, html_url: `${HTML_BASE}/${u.login}` } }
  }

  /**
   * `POST /graphql`: the `viewer` query only (login, __typename, databaseId), as GitHub answers it:
   * `viewer` is typed `User!`, so a bot's viewer is a `User` too (its login ends in `[bot]`).
   */
  function graphql(who: FakeTokenIdentity, body: unknown): Reply {
    const query = isRecord(body) && typeof body.query === 'string' ? body.query : ''
    const m = /\bviewer\s*\{([^}]*)\}/.exec(query)
    if (!m) return { status: 200, body: { errors: [{ message: 'the fake GitHub answers only the viewer query' }] } }
    const u = authorOf(who)
    const fields: Record<string, unknown> = { login: u.login, __typename: 'User', databaseId: u.id }
    const viewer = Object.fromEntries(
      m[1]
        .split(/[\s,]+/)
        .filter(f => f in fields)
        .map(f => [f, fields[f]])
    )
    return { status: 200, body: { data: { viewer } } }
  }

  /** Validate a check run create/update body before anything is changed (GitHub applies all or nothing). */
  function validateCheckRun(run: FakeCheckRun | undefined, body: Record<string, unknown>): void {
    const output = body.output
    if (output !== undefined) {
      if (!isRecord(output)) throw validation('CheckRun', 'output', 'output is not an object', `${DOCS}/checks/runs`)
      for (const field of ['summary', 'text'] as const) {
        const v = output[field]
        if (typeof v === 'string' && charLength(v) > MAX_CHECK_OUTPUT_CHARS) {
          throw validation('CheckRun', `output.${field}`, `${field} is too long (maximum is ${MAX_CHECK_OUTPUT_CHARS} characters)`, `${DOCS}/checks/runs`)
        }
      }
      if (Array.isArray(output.annotations) && output.annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
        throw validation(
          'CheckRun',
          'output.annotations',
          `Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request`,
          `${DOCS}/checks/runs#update-a-check-run`
        )
      }
    }
    const status = typeof body.conclusion === 'string' ? 'completed' : (optString(body.status) ?? run?.status)
    const conclusion = optString(body.conclusion) ?? run?.conclusion
    if (status === 'completed' && !conclusion) {
      throw validation('CheckRun', 'conclusion', 'conclusion is required when status is completed', `${DOCS}/checks/runs`)
    }
  }

  function applyCheckRun(run: FakeCheckRun, body: Record<string, unknown>): void {
    if (typeof body.name === 'string') run.name = body.name
    if (typeof body.status === 'string') run.status = body.status
    if (typeof body.conclusion === 'string') {
      run.conclusion = body.conclusion
      // Giving a conclusion completes the run, as on GitHub.
      run.status = 'completed'
    }
    if ('external_id' in body) run.external_id = optString(body.external_id)
    if ('completed_at' in body) run.completed_at = optString(body.completed_at)
    if (run.status === 'completed' && !run.completed_at) run.completed_at = now()
    const output = body.output
    if (isRecord(output)) {
      if ('title' in output) run.output.title = optString(output.title)
      if ('summary' in output) run.output.summary = optString(output.summary)
      if ('text' in output) run.output.text = optString(output.text)
      if (Array.isArray(output.annotations)) run.annotations.push(...(output.annotations as unknown[]))
      run.output.annotations_count = run.annotations.length
    }
  }

  function createCheckRun(who: FakeTokenIdentity, body: unknown, repoBase: string): Reply {
    // Only GitHub Apps create check runs; a user token is refused.
    if (who.kind !== 'installation')
      throw new HttpError(403, errorBody(403, 'You must authenticate via a GitHub App.', { documentation_url: `${DOCS}/checks/runs#create-a-check-run` }))
    if (!isRecord(body) || typeof body.name !== 'string' || typeof body.head_sha !== 'string') {
      throw validation('CheckRun', 'name', 'name and head_sha are required', `${DOCS}/checks/runs#create-a-check-run`)
    }
    validateCheckRun(undefined, body)
    const run = newCheckRun(body.name, body.head_sha, who.app, repoBase)
    applyCheckRun(run, body)
    checkRuns.push(run)
    return { status: 201, body: publicRun(run) }
  }

  function newCheckRun(name: string, headSha: string, app: FakeApp, repoBase: string): FakeCheckRun {
    const id = nextCheckRunId++
    return {
      id,
      app,
      name,
      head_sha: headSha,
      status: 'queued',
      conclusion: null,
      external_id: null,
      completed_at: null,
      output: { title: null, summary: null, text: null, annotations_count: 0 },
      annotations: [],
      url: `${repoBase}/check-runs/${id}`,
      html_url: `${HTML_BASE}/${OWNER}/${REPO}/runs/${id}`
    }
  }

  function pullRequest(n: number): Record<string, unknown> {
    const headSha = sha(`head-${n}`)
    const baseSha = sha(`base-${n}`)
    const fullName = `${OWNER}/${REPO}`
    const repoObj = { id: REPOSITORY_ID, name: REPO, full_name: fullName, owner: { login: OWNER, type: 'User' } }
    return {
      url: `${url}/repos/${fullName}/pulls/${n}`,
      html_url: `${HTML_BASE}/${fullName}/pull/${n}`,
      number: n,
      state: 'open',
      draft: false,
      title: `Pull request #${n}`,
      user: { login: 'octocat', id: 1, type: 'User' },
      head: { label: `${OWNER}:feature-${n}`, ref: `feature-${n}`, sha: headSha, repo: repoObj },
      base: { label: `${OWNER}:main`, ref: 'main', sha: baseSha, repo: repoObj },
      merge_commit_sha: sha(`merge-${n}`)
    }
  }

  /** An Actions cache entry as `GET /repos/{owner}/{repo}/actions/caches` returns it. */
  function publicCache(e: ActionsCaches['entries'][number]): Record<string, unknown> {
    return {
      id: e.id,
      ref: e.scope,
      key: e.key,
      version: e.version,
      last_accessed_at: e.lastAccessedAt.toISOString(),
      created_at: e.createdAt.toISOString(),
      size_in_bytes: e.sizeBytes
    }
  }

  /** `key` is a prefix; `ref` exact; sort by created_at, last_accessed_at (default) or size_in_bytes. */
  function listCaches(query: Record<string, string>): Reply {
    const sortKey = { created_at: 'createdAt', last_accessed_at: 'lastAccessedAt', size_in_bytes: 'sizeBytes' }[query.sort ?? 'last_accessed_at'] as
      'createdAt' | 'lastAccessedAt' | 'sizeBytes' | undefined
    if (!sortKey) throw validation('ActionsCache', 'sort', 'sort is not one of created_at, last_accessed_at, size_in_bytes', `${DOCS}/actions/cache`)
    const dir = query.direction === 'asc' ? 1 : -1
    const all = (opts.caches?.entries ?? [])
      .filter(e => e.finalized && (!query.key || e.key.startsWith(query.key)) && (!query.ref || e.scope === query.ref))
      .sort((a, b) => dir * (Number(a[sortKey]) - Number(b[sortKey])))
    const { items, headers } = paged(all, '/actions/caches', query)
    return { status: 200, headers, body: { total_count: all.length, actions_caches: items.map(publicCache) } }
  }

  /** `DELETE /actions/caches?key=&ref=`: the exact key, on one ref or all. */
  function deleteCachesByKey(query: Record<string, string>): Reply {
    if (!query.key) throw validation('ActionsCache', 'key', 'key is required', `${DOCS}/actions/cache`)
    const gone = (opts.caches?.entries ?? []).filter(e => e.finalized && e.key === query.key && (!query.ref || e.scope === query.ref))
    if (gone.length === 0) throw new HttpError(404, errorBody(404))
    for (const e of gone) opts.caches?.delete(e.id)
    return { status: 200, body: { total_count: gone.length, actions_caches: gone.map(publicCache) } }
  }

  /** Route one request; `path` has no query. */
  function route(method: string, path: string, query: Record<string, string>, body: unknown, token: string | undefined): Reply {
    const who = whoIs(token)
    if (path === '/user' && method === 'GET') return authenticatedUser(who)
    if (path === '/graphql' && method === 'POST') return graphql(who, body)
    const m = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))(\/.*)$/.exec(path)
    if (!m) throw new HttpError(404, errorBody(404))
    // Scoped to one repository: any other answers 404, as GitHub does for a repository the token cannot see.
    const known = m[3] !== undefined ? Number(m[3]) === REPOSITORY_ID : m[1] === OWNER && m[2] === REPO
    if (!known) throw new HttpError(404, errorBody(404))
    const repoBase = `${url}/repos/${OWNER}/${REPO}`
    const rest = m[4] ?? ''
    let r: RegExpExecArray | null
    if ((r = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(r[1])
      if (method === 'GET') return listComments(issue, query)
      if (method === 'POST') return { status: 201, body: newComment(issue, commentBody(body), authorOf(who)) }
    } else if ((r = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const c = findComment(Number(r[1]))
      if (method === 'PATCH') {
        c.body = commentBody(body)
        c.updated_at = now()
        return { status: 200, body: c }
      }
      if (method === 'DELETE') {
        comments.splice(comments.indexOf(c), 1)
        return { status: 204 }
      }
    } else if (rest === '/check-runs') {
      if (method === 'POST') return createCheckRun(who, body, repoBase)
    } else if ((r = /^\/commits\/([^/]+)\/check-runs$/.exec(rest)) && method === 'GET') {
      // filter=latest (the default) keeps the most recent run per name, as GitHub does.
      const ref = r[1]
      let runs = checkRuns.filter(c => c.head_sha === ref && (!query.check_name || c.name === query.check_name))
      if ((query.filter ?? 'latest') === 'latest') runs = runs.filter(c => !runs.some(o => o.name === c.name && o.id > c.id))
      runs = [...runs].sort((a, b) => b.id - a.id)
      const { items, headers } = paged(runs, `/commits/${ref}/check-runs`, query)
      return { status: 200, body: { total_count: runs.length, check_runs: items.map(publicRun) }, headers }
    } else if ((r = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = checkRuns.find(x => x.id === Number(r?.[1]))
      if (!run) throw new HttpError(404, errorBody(404))
      if (method === 'PATCH') {
        const patch = isRecord(body) ? body : {}
        validateCheckRun(run, patch)
        applyCheckRun(run, patch)
        return { status: 200, body: publicRun(run) }
      }
    } else if ((r = /^\/pulls\/(\d+)$/.exec(rest))) {
      if (method === 'GET') return { status: 200, body: pullRequest(Number(r[1])) }
    } else if (rest === '/actions/cache/usage' && method === 'GET') {
      const live = (opts.caches?.entries ?? []).filter(e => e.finalized)
      return {
        status: 200,
        body: { full_name: `${OWNER}/${REPO}`, active_caches_size_in_bytes: live.reduce((n, e) => n + e.sizeBytes, 0), active_caches_count: live.length }
      }
    } else if (rest === '/actions/caches') {
      if (method === 'GET') return listCaches(query)
      if (method === 'DELETE') return deleteCachesByKey(query)
    } else if ((r = /^\/actions\/caches\/(\d+)$/.exec(rest)) && method === 'DELETE') {
      if (!opts.caches?.delete(Number(r[1]))) throw new HttpError(404, errorBody(404))
      return { status: 204 }
    }
    throw new HttpError(404, errorBody(404))
  }

  function takeFault(method: string, path: string): Fault | undefined {
    const i = faults.findIndex(
      f =>
        f.remaining > 0 && (!f.matcher.method || f.matcher.method.toUpperCase() === method) && (!f.matcher.pathPrefix || path.startsWith(f.matcher.pathPrefix))
    )
    if (i < 0) return undefined
    const f = faults[i]
    f.remaining--
    if (f.remaining <= 0) faults.splice(i, 1)
    return f
  }

  /** The token of the `Authorization` header, if any. */
  function tokenOf(headers: IncomingHttpHeaders): string | undefined {
    return /^(?:token|bearer)\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]
  }

  function readOnly(headers: IncomingHttpHeaders): boolean {
    const t = tokenOf(headers)
    return t !== undefined && (opts.readOnlyTokens ?? []).includes(t)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const parsed = new URL(req.url ?? '/', url)
    const path = parsed.pathname.replace(/\/+$/, '') || '/'
    const query = Object.fromEntries(parsed.searchParams.entries())
    const raw = await readBody(req)
    let body: unknown
    let badJson = false
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
        badJson = true
      }
    }
    const record: RecordedRequest = { method, path, query, body, status: 0 }
    requests.push(record)

    let reply: Reply
    const fault = takeFault(method, path)
    if (fault) {
      reply = { status: fault.status, body: fault.body ?? errorBody(fault.status) }
    } else if (method !== 'GET' && method !== 'HEAD' && path !== '/graphql' && readOnly(req.headers)) {
      reply = { status: 403, body: errorBody(403) }
    } else if (badJson) {
      reply = { status: 400, body: errorBody(400) }
    } else {
      try {
        reply = route(method, path, query, body, tokenOf(req.headers))
      } catch (e) {
        if (!(e instanceof HttpError)) throw e
        reply = { status: e.status, body: e.body }
      }
    }
    record.status = reply.status
    const headers: Record<string, string> = { 'x-github-request-id': `FAKE:${requests.length}`, ...(reply.headers ?? {}) }
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers)
      res.end()
      return
    }
    const text = JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text))
    })
    res.end(text)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(errorBody(500, `fake GitHub crashed: ${e instanceof Error ? e.message : String(e)}`)))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    requests,
    comments,
    checkRuns,
    commentsOn,
    failNext(matcher, status, times = 1, body) {
      faults.push({ matcher, status, remaining: times, body })
    },
    seedComments(issueNumber, n) {
      const made: FakeComment[] = []
      for (let i = 0; i < n; i++) {
        const login = `user-${(i % 3) + 1}`
        made.push(newComment(issueNumber, `Comment ${i + 1} by ${login}`, { login, id: 1000 + (i % 3), type: 'User' }))
      }
      return made
    },
    seedComment(issueNumber, body, user) {
      return newComment(issueNumber, body, user)
    },
    seedCheckRun(run) {
      const made = newCheckRun(run.name, run.head_sha, run.app, `${url}/repos/${OWNER}/${REPO}`)
      applyCheckRun(made, { conclusion: run.conclusion ?? 'success', external_id: run.external_id ?? null })
      checkRuns.push(made)
      return made
    },
    close() {
      return new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

/** A deterministic 40-hex fake commit sha for a label. */
export function sha(label: string): string {
  return createHash('sha1').update(label).digest('hex')
}
