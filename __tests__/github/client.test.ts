import { createGitHubClient } from '../../src/github/client.js'
import { ACTIONS_BOT, appSlugOf, identityOf, isOwnCheckRun, resolveIdentity, type Identity } from '../../src/github/identity.js'
import { ACTIONS_APP, appInstallation, startGitHubServer, userToken, type FakeGitHub } from '../helpers/github-server.js'

const PAT = 'ghp_octocatPersonalToken'
const APP = 'ghs_myAppInstallation'
const GITHUB_TOKEN = 'ghs_actionsToken'

describe('the gateway learns who it posts as', () => {
  let gh: FakeGitHub
  beforeEach(async () => {
    gh = await startGitHubServer({ tokens: { [PAT]: userToken('octocat', 583231), [APP]: appInstallation('my-app', 777) } })
  })
  afterEach(() => gh.close())
  const client = (token: string) => createGitHubClient({ token, owner: 'owner', repo: 'repo', baseUrl: gh.url, retries: 0 })
  const calls = () => gh.requests.map(r => `${r.method} ${r.path} ${r.status}`)

  test.each<[string, string, Identity]>([
    ['GITHUB_TOKEN', GITHUB_TOKEN, { login: 'github-actions[bot]', type: 'Bot', source: 'graphql' }],
    ['a GitHub App installation', APP, { login: 'my-app[bot]', type: 'Bot', source: 'graphql' }],
    ['a personal token', PAT, { login: 'octocat', type: 'User', source: 'graphql' }]
  ])('%s: GraphQL viewer, once per run', async (_n, token, expected) => {
    const api = client(token)
    expect(await api.identity()).toEqual(expected)
    expect(await api.identity()).toEqual(expected)
    expect(calls()).toEqual(['POST /graphql 200'])
  })

  test('GraphQL failing: a personal token is found by GET /user', async () => {
    gh.failNext({ pathPrefix: '/graphql' }, 502)
    expect(await client(PAT).identity()).toEqual({ login: 'octocat', type: 'User', source: 'rest' })
    expect(calls()).toEqual(['POST /graphql 502', 'GET /user 200'])
  })

  test('GraphQL failing and GET /user 403 (an installation token): the Actions bot is assumed', async () => {
    gh.failNext({ pathPrefix: '/graphql' }, 502)
    expect(await client(APP).identity()).toEqual(ACTIONS_BOT)
    expect(calls()).toEqual(['POST /graphql 502', 'GET /user 403'])
  })

  test('the comment we create is authoritative: it replaces a guess', async () => {
    gh.failNext({ pathPrefix: '/graphql' }, 502)
    gh.failNext({ pathPrefix: '/user' }, 502)
    const api = client(PAT)
    expect((await api.identity()).source).toBe('assumed')
    const made = await api.createComment(4, 'hi')
    expect(made.author).toEqual({ login: 'octocat', type: 'User' })
    expect(await api.identity()).toEqual({ login: 'octocat', type: 'User', source: 'created' })
  })

  test('the check run we create names our app', async () => {
    gh.failNext({ pathPrefix: '/graphql' }, 502)
    const api = client(APP)
    await api.createCheckRun({ name: 'image', head_sha: 'a'.repeat(40), conclusion: 'success', output: { title: 't', summary: 's' } })
    expect(await api.identity()).toEqual({ login: 'my-app[bot]', type: 'Bot', source: 'created' })
  })

  test('comments and check runs are read through every page, with their authors and apps', async () => {
    gh.seedComments(9, 230)
    gh.seedComment(9, 'last', { login: 'mallory', id: 6, type: 'User' })
    const api = client(GITHUB_TOKEN)
    const all = []
    for await (const c of api.listComments(9)) all.push(c)
    expect(all).toHaveLength(231)
    expect(all[230]).toMatchObject({ body: 'last', author: { login: 'mallory', type: 'User' } })
    for (let i = 0; i < 120; i++)
      gh.seedCheckRun({ name: 'image', head_sha: 'c'.repeat(40), external_id: `r${i}`, app: i === 0 ? ACTIONS_APP : appInstallation('ci', 5).app })
    const runs = await api.listCheckRuns('c'.repeat(40), 'image')
    expect(runs).toHaveLength(120)
    // The oldest run, the only one by the Actions app, is on the second page.
    expect(runs.filter(r => r.app?.slug === 'github-actions')).toEqual([{ id: expect.any(Number), externalId: 'r0', app: { slug: 'github-actions' } }])
  })
})

describe('identity (pure)', () => {
  test('the chain: first answer wins, errors and empty answers fall through, else the Actions bot', async () => {
    const fail = async (): Promise<Identity> => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
    }
    const octo = identityOf('octo', 'rest', 'User')
    expect(await resolveIdentity([fail, async () => octo])).toEqual(octo)
    expect(await resolveIdentity([async () => undefined, fail])).toEqual(ACTIONS_BOT)
    expect(await resolveIdentity([])).toEqual(ACTIONS_BOT)
  })

  test.each<[string, string | undefined, Identity['type'], string | undefined]>([
    ['github-actions[bot]', 'Bot', 'Bot', 'github-actions'],
    ['my-app[bot]', undefined, 'Bot', 'my-app'],
    ['octocat', 'User', 'User', undefined],
    ['octocat', undefined, 'User', undefined],
    // GraphQL's viewer is a User even for a bot: the [bot] login decides.
    ['github-actions[bot]', 'User', 'Bot', 'github-actions']
  ])('identityOf(%s, %s) is a %s with app slug %s', (login, type, kind, slug) => {
    const me = identityOf(login, 'graphql', type)
    expect(me.type).toBe(kind)
    expect(appSlugOf(me)).toBe(slug)
  })

  test('isOwnCheckRun: our app only; none for a user', () => {
    expect(isOwnCheckRun({ slug: 'github-actions' }, ACTIONS_BOT)).toBe(true)
    expect(isOwnCheckRun({ slug: 'github-actions-evil' }, ACTIONS_BOT)).toBe(false)
    expect(isOwnCheckRun(null, ACTIONS_BOT)).toBe(false)
    expect(isOwnCheckRun({ slug: 'octocat' }, identityOf('octocat', 'rest', 'User'))).toBe(false)
  })
})

describe('the Actions cache list', () => {
  test('every page, newest first, through the Link headers GitHub sends (250 entries: 3 pages of 100)', async () => {
    const t0 = Date.UTC(2026, 0, 1)
    const entries = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      key: `stagecraft-report-v1-k-${i}`,
      version: 'v',
      scope: 'refs/heads/main',
      sizeBytes: 10,
      finalized: true,
      createdAt: new Date(t0 + i * 1000),
      lastAccessedAt: new Date(t0 + i * 1000)
    }))
    const gh = await startGitHubServer({ caches: { entries, delete: () => false } })
    try {
      const api = createGitHubClient({ token: GITHUB_TOKEN, owner: 'owner', repo: 'repo', baseUrl: gh.url, retries: 0 })
      const listed = await api.listCaches('stagecraft-report-v1-', 'refs/heads/main')
      expect(listed).toHaveLength(250)
      expect(listed[0].key).toBe('stagecraft-report-v1-k-249')
      expect(new Set(listed.map(e => e.id)).size).toBe(250)
      expect(gh.requests.filter(r => r.path.endsWith('/actions/caches')).map(r => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    } finally {
      await gh.close()
    }
  })
})
