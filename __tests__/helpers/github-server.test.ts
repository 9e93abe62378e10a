import { getOctokit } from '@actions/github'
import { ACTIONS_APP, ACTOR, appInstallation, startGitHubServer, MAX_COMMENT_CHARS, userToken, type FakeGitHub } from './github-server.js'

interface Res {
  status: number
  headers: Headers
  body: unknown
}

/** Parse a Link header into rel -> url. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part)
    if (m) out[m[2]] = m[1]
  }
  return out
}

describe('fake GitHub server', () => {
  let gh: FakeGitHub

  async function call(method: string, path: string, body?: unknown): Promise<Res> {
    const res = await fetch(path.startsWith('http') ? path : `${gh.url}${path}`, {
      method,
      headers: { authorization: 'token t0k', 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined }
  }

  beforeEach(async () => {
    gh = await startGitHubServer()
  })
  afterEach(async () => {
    await gh.close()
  })

  it('listens on 127.0.0.1 with a random port', () => {
    expect(gh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('creates, updates and deletes issue comments', async () => {
    const created = await call('POST', '/repos/owner/repo/issues/7/comments', { body: 'hello' })
    expect(created.status).toBe(201)
    const c = created.body as { id: number; body: string; user: { login: string; type: string }; html_url: string }
    expect(c).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]', type: 'Bot' } })
    expect(c.html_url).toBe(`https://github.com/owner/repo/issues/7#issuecomment-${c.id}`)

    const patched = await call('PATCH', `/repos/owner/repo/issues/comments/${c.id}`, { body: 'edited' })
    expect(patched.status).toBe(200)
    expect(gh.commentsOn(7).map(x => x.body)).toEqual(['edited'])

    const del = await call('DELETE', `/repos/owner/repo/issues/comments/${c.id}`)
    expect(del.status).toBe(204)
    expect(del.body).toBeUndefined()
    expect(gh.comments).toHaveLength(0)
    expect((await call('PATCH', `/repos/owner/repo/issues/comments/${c.id}`, { body: 'x' })).status).toBe(404)
  })

  it('paginates comments with per_page/page and GitHub-style Link headers', async () => {
    gh.seedComments(3, 65)
    gh.seedComments(4, 2)

    const first = await call('GET', '/repos/owner/repo/issues/3/comments')
    expect((first.body as unknown[]).length).toBe(30)
    const l1 = links(first.headers.get('link'))
    expect(Object.keys(l1).sort()).toEqual(['last', 'next'])
    expect(l1.next).toBe(`${gh.url}/repositories/1296269/issues/3/comments?page=2`)
    expect(l1.last).toBe(`${gh.url}/repositories/1296269/issues/3/comments?page=3`)

    // Follow rel="next" verbatim, as octokit's paginate does.
    const ids: number[] = []
    let next: string | undefined = `${gh.url}/repos/owner/repo/issues/3/comments?per_page=20`
    let pages = 0
    while (next) {
      const res = await call('GET', next)
      expect(res.status).toBe(200)
      ids.push(...(res.body as Array<{ id: number }>).map(c => c.id))
      const l = links(res.headers.get('link'))
      if (pages > 0) expect(l.first).toContain('per_page=20&page=1')
      next = l.next
      pages++
    }
    expect(pages).toBe(4)
    expect(ids).toEqual(gh.commentsOn(3).map(c => c.id))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))

    const middle = await call('GET', '/repos/owner/repo/issues/3/comments?per_page=20&page=2')
    expect(Object.keys(links(middle.headers.get('link'))).sort()).toEqual(['first', 'last', 'next', 'prev'])

    // per_page is capped at 100; one page means no Link header.
    const big = await call('GET', '/repos/owner/repo/issues/3/comments?per_page=500')
    expect((big.body as unknown[]).length).toBe(65)
    expect(big.headers.get('link')).toBeNull()
    expect((await call('GET', '/repos/owner/repo/issues/4/comments')).body).toHaveLength(2)
    expect((await call('GET', '/repos/owner/repo/issues/99/comments')).body).toEqual([])
  })

  it('serves owner/repo only: another repository, by name or by id, is 404', async () => {
    gh.seedComments(1, 3)
    expect((await call('GET', '/repos/owner/repo/issues/1/comments')).body).toHaveLength(3)
    expect((await call('GET', '/repositories/1296269/issues/1/comments')).body).toHaveLength(3)
    expect((await call('GET', '/repos/acme/app/issues/1/comments')).status).toBe(404)
    expect((await call('GET', '/repositories/42/issues/1/comments')).status).toBe(404)
    expect((await call('POST', '/repos/owner/other/issues/1/comments', { body: 'x' })).status).toBe(404)
    expect(gh.comments).toHaveLength(3)
  })

  it('rejects comment bodies over 65536 characters with 422', async () => {
    const ok = await call('POST', '/repos/owner/repo/issues/1/comments', { body: 'x'.repeat(MAX_COMMENT_CHARS) })
    expect(ok.status).toBe(201)
    // Characters, not UTF-16 units or bytes: 65536 emoji are fine, one more is not.
    expect((await call('POST', '/repos/owner/repo/issues/1/comments', { body: '😀'.repeat(MAX_COMMENT_CHARS) })).status).toBe(201)
    const tooLong = await call('POST', '/repos/owner/repo/issues/1/comments', { body: 'x'.repeat(MAX_COMMENT_CHARS + 1) })
    expect(tooLong.status).toBe(422)
    expect(tooLong.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', field: 'body', code: 'custom' }]
    })
    const id = (ok.body as { id: number }).id
    expect((await call('PATCH', `/repos/owner/repo/issues/comments/${id}`, { body: 'y'.repeat(70000) })).status).toBe(422)
    expect(gh.comments.find(c => c.id === id)?.body).toHaveLength(MAX_COMMENT_CHARS)
    expect((await call('POST', '/repos/owner/repo/issues/1/comments', {})).status).toBe(422)
  })

  it('injects faults for the next matching requests only', async () => {
    gh.failNext({ method: 'post', pathPrefix: '/repos/owner/repo/issues/' }, 403, 2)
    gh.failNext({ pathPrefix: '/repos/owner/repo/check-runs' }, 502, 1, { message: 'Bad gateway' })

    // A GET does not match the POST fault.
    expect((await call('GET', '/repos/owner/repo/issues/1/comments')).status).toBe(200)
    const denied = await call('POST', '/repos/owner/repo/issues/1/comments', { body: 'a' })
    expect(denied.status).toBe(403)
    expect(denied.body).toMatchObject({ message: 'Resource not accessible by integration' })
    expect((await call('POST', '/repos/owner/repo/issues/1/comments', { body: 'a' })).status).toBe(403)
    expect((await call('POST', '/repos/owner/repo/issues/1/comments', { body: 'a' })).status).toBe(201)
    expect(gh.comments).toHaveLength(1)

    const bad = await call('POST', '/repos/owner/repo/check-runs', { name: 'stagecraft', head_sha: 'abc' })
    expect(bad.status).toBe(502)
    expect(bad.body).toEqual({ message: 'Bad gateway' })
    expect(gh.checkRuns).toHaveLength(0)

    expect(gh.requests.map(r => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 403', 'POST 403', 'POST 201', 'POST 502'])
  })

  it('creates and updates check runs, appending annotations and enforcing the 50 per request limit', async () => {
    const created = await call('POST', '/repos/owner/repo/check-runs', {
      name: 'stagecraft',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
      output: { title: 't', summary: 's', annotations: [{ path: 'Dockerfile', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'm' }] }
    })
    expect(created.status).toBe(201)
    const id = (created.body as { id: number }).id
    expect(created.body).not.toHaveProperty('annotations')

    const many = Array.from({ length: 51 }, () => ({ path: 'Dockerfile', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'n' }))
    expect((await call('PATCH', `/repos/owner/repo/check-runs/${id}`, { output: { title: 't', summary: 's', annotations: many } })).status).toBe(422)
    expect((await call('PATCH', `/repos/owner/repo/check-runs/${id}`, { status: 'completed' })).status).toBe(422)
    const done = await call('PATCH', `/repos/owner/repo/check-runs/${id}`, {
      conclusion: 'failure',
      output: { title: 't', summary: 'done', annotations: many.slice(0, 50) }
    })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'completed', conclusion: 'failure', output: { summary: 'done', annotations_count: 51 } })
    expect(gh.checkRuns[0].annotations).toHaveLength(51)
    expect((await call('PATCH', '/repos/owner/repo/check-runs/1', { status: 'completed' })).status).toBe(404)

    // Listed by commit: filter=latest (the default) keeps the newest run of each name; filter=all keeps every one.
    const again = await call('POST', '/repos/owner/repo/check-runs', { name: 'stagecraft', head_sha: 'a'.repeat(40), conclusion: 'success', external_id: 'e2' })
    await call('POST', '/repos/owner/repo/check-runs', { name: 'other', head_sha: 'a'.repeat(40), conclusion: 'success' })
    const listed = async (q: string) =>
      ((await call('GET', `/repos/owner/repo/commits/${'a'.repeat(40)}/check-runs${q}`)).body as { check_runs: { id: number }[] }).check_runs.map(c => c.id)
    const againId = (again.body as { id: number }).id
    expect(await listed('?check_name=stagecraft')).toEqual([againId])
    expect(await listed('?check_name=stagecraft&filter=all')).toEqual([againId, id])
    expect(await listed(`?filter=all`)).toHaveLength(3)
    expect((await call('POST', '/repos/owner/repo/check-runs', { name: 'x' })).status).toBe(422)
  })

  it('serves a pull request, 404s anything else and records every request', async () => {
    const pr = await call('GET', '/repos/owner/repo/pulls/12')
    expect(pr.status).toBe(200)
    expect(pr.body).toMatchObject({ number: 12, state: 'open', head: { ref: 'feature-12' }, base: { ref: 'main' } })
    expect((pr.body as { head: { sha: string } }).head.sha).toMatch(/^[0-9a-f]{40}$/)

    const nf = await call('GET', '/repos/owner/repo/releases/latest')
    expect(nf.status).toBe(404)
    expect(nf.body).toMatchObject({ message: 'Not Found' })
    expect((await call('PUT', '/repos/owner/repo/issues/1/comments', { body: 'x' })).status).toBe(404)

    const last = gh.requests[gh.requests.length - 1]
    expect(last).toMatchObject({ method: 'PUT', path: '/repos/owner/repo/issues/1/comments', body: { body: 'x' }, status: 404 })
    expect(gh.requests).toHaveLength(3)

    const res = await fetch(`${gh.url}/repos/owner/repo/issues/1/comments`, { method: 'POST', body: '{not json' })
    expect(res.status).toBe(400)
    expect(gh.requests[3].body).toBe('{not json')
  })

  it('a read-only token (a fork pull request token) may read but any write is 403', async () => {
    const forked = await startGitHubServer({ readOnlyTokens: ['fork-token'] })
    try {
      const as = (token: string, method: string, body?: unknown) =>
        fetch(`${forked.url}/repos/owner/repo/issues/3/comments`, {
          method,
          headers: { authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body)
        })
      expect((await as('fork-token', 'GET')).status).toBe(200)
      const denied = await as('fork-token', 'POST', { body: 'x' })
      expect(denied.status).toBe(403)
      expect(await denied.json()).toMatchObject({ message: 'Resource not accessible by integration' })
      expect((await as('other-token', 'POST', { body: 'x' })).status).toBe(201)
      expect(forked.comments.map(c => c.body)).toEqual(['x'])
    } finally {
      await forked.close()
    }
  })

  it('works with the real octokit client (paginate follows Link, errors carry status)', async () => {
    gh.seedComments(5, 205)
    const octokit = getOctokit('t0k', { baseUrl: gh.url })
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: 'owner', repo: 'repo', issue_number: 5, per_page: 100 })
    expect(all).toHaveLength(205)
    expect(gh.requests.map(r => r.path)).toEqual([
      '/repos/owner/repo/issues/5/comments',
      '/repositories/1296269/issues/5/comments',
      '/repositories/1296269/issues/5/comments'
    ])
    gh.failNext({ method: 'POST' }, 403)
    await expect(octokit.rest.issues.createComment({ owner: 'owner', repo: 'repo', issue_number: 5, body: 'x' })).rejects.toMatchObject({ status: 403 })
    const created = await octokit.rest.issues.createComment({ owner: 'owner', repo: 'repo', issue_number: 5, body: 'x' })
    expect(created.status).toBe(201)
    await expect(
      octokit.rest.issues.updateComment({ owner: 'owner', repo: 'repo', comment_id: created.data.id, body: 'z'.repeat(65537) })
    ).rejects.toMatchObject({ status: 422 })
  })
})

describe('fake GitHub server: who did what', () => {
  const PAT = 'ghp_octocatPersonalToken'
  const APP_TOKEN = 'ghs_myAppInstallation'
  const OTHER = 'ghs_otherActionsToken'
  let gh: FakeGitHub
  const as = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${gh.url}${path}`, {
      method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> }
  }
  beforeEach(async () => {
    gh = await startGitHubServer({ tokens: { [PAT]: userToken('octocat', 583231), [APP_TOKEN]: appInstallation('my-app', 777) } })
  })
  afterEach(() => gh.close())

  it('a comment is authored by the identity of the token that created it', async () => {
    const byBot = await as(OTHER, 'POST', '/repos/owner/repo/issues/2/comments', { body: 'a' })
    const byUser = await as(PAT, 'POST', '/repos/owner/repo/issues/2/comments', { body: 'b' })
    const byApp = await as(APP_TOKEN, 'POST', '/repos/owner/repo/issues/2/comments', { body: 'c' })
    expect([byBot, byUser, byApp].map(r => r.body.user)).toEqual([
      ACTOR,
      { login: 'octocat', id: 583231, type: 'User' },
      { login: 'my-app[bot]', id: 100000777, type: 'Bot' }
    ])
    expect(gh.commentsOn(2).map(c => c.user.login)).toEqual(['github-actions[bot]', 'octocat', 'my-app[bot]'])
  })

  it('GET /user answers for a user token; an installation token gets 403 as on GitHub', async () => {
    expect(await as(PAT, 'GET', '/user')).toMatchObject({ status: 200, body: { login: 'octocat', id: 583231, type: 'User' } })
    expect(await as(OTHER, 'GET', '/user')).toMatchObject({ status: 403, body: { message: 'Resource not accessible by integration' } })
    expect(await as(APP_TOKEN, 'GET', '/user')).toMatchObject({ status: 403 })
  })

  it('GraphQL viewer answers for every token, with the fields asked for', async () => {
    const viewer = async (t: string) => (await as(t, 'POST', '/graphql', { query: 'query { viewer { login __typename } }' })).body
    // `viewer` is typed User!, so a bot's viewer is a User too: only its login tells.
    expect(await viewer(OTHER)).toEqual({ data: { viewer: { login: 'github-actions[bot]', __typename: 'User' } } })
    expect(await viewer(PAT)).toEqual({ data: { viewer: { login: 'octocat', __typename: 'User' } } })
    expect(await viewer(APP_TOKEN)).toEqual({ data: { viewer: { login: 'my-app[bot]', __typename: 'User' } } })
    expect(await as(OTHER, 'POST', '/graphql', { query: 'query { repository { id } }' })).toMatchObject({ status: 200, body: { errors: [expect.anything()] } })
  })

  it('check runs carry the app that created them; a user token cannot create one', async () => {
    const run = { name: 'image', head_sha: 'a'.repeat(40), conclusion: 'success' }
    expect((await as(OTHER, 'POST', '/repos/owner/repo/check-runs', run)).body.app).toEqual(ACTIONS_APP)
    expect((await as(APP_TOKEN, 'POST', '/repos/owner/repo/check-runs', run)).body.app).toMatchObject({ id: 777, slug: 'my-app' })
    expect(await as(PAT, 'POST', '/repos/owner/repo/check-runs', run)).toMatchObject({
      status: 403,
      body: { message: 'You must authenticate via a GitHub App.' }
    })
    const listed = await as(OTHER, 'GET', `/repos/owner/repo/commits/${'a'.repeat(40)}/check-runs?filter=all`)
    expect((listed.body.check_runs as { app: { slug: string } }[]).map(r => r.app.slug)).toEqual(['my-app', 'github-actions'])
  })

  it("like GitHub, a write token may edit and delete another user's comment (protecting it is the action's job)", async () => {
    const theirs = gh.seedComment(3, 'mine', { login: 'mallory', id: 666, type: 'User' })
    expect((await as(OTHER, 'PATCH', `/repos/owner/repo/issues/comments/${theirs.id}`, { body: 'edited' })).status).toBe(200)
    expect(gh.commentsOn(3)[0]).toMatchObject({ body: 'edited', user: { login: 'mallory' } })
    expect((await as(OTHER, 'DELETE', `/repos/owner/repo/issues/comments/${theirs.id}`)).status).toBe(204)
  })

  it('seeded check runs are listed with their app, page by page with octokit.paginate', async () => {
    const other = appInstallation('other-ci', 55)
    for (let i = 0; i < 130; i++) gh.seedCheckRun({ name: 'image', head_sha: 'b'.repeat(40), external_id: `x-${i}`, app: i % 2 ? ACTIONS_APP : other.app })
    const octokit = getOctokit(OTHER, { baseUrl: gh.url })
    const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
      owner: 'owner',
      repo: 'repo',
      ref: 'b'.repeat(40),
      check_name: 'image',
      filter: 'all',
      per_page: 100
    })
    expect(runs).toHaveLength(130)
    expect(runs.filter(r => r.app?.slug === 'github-actions')).toHaveLength(65)
    expect(gh.requests.filter(r => r.path.endsWith('/check-runs'))).toHaveLength(2)
  })
})
