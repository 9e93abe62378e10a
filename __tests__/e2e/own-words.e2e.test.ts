/**
 * Own words only, end to end through dist/ like the runner: before the action's first run on a
 * pull request, someone posts a comment with the action's marker, a stamp from the future and a
 * passing verdict, and another app adds a check run with a future stamp. A failing run must leave
 * the forged comment exactly as it was, post its own comment (by github-actions[bot]) with this
 * run's verdict, and publish its check run.
 */
import { fixture } from '../fixtures/paths.js'
import { ACTIONS_APP, appInstallation, sha, startGitHubServer, type FakeComment, type FakeGitHub } from '../helpers/github-server.js'
import { pullRequestPayload, runAction, type ActionRun } from '../helpers/runner.js'

let github: FakeGitHub
beforeAll(async () => {
  github = await startGitHubServer()
})
afterAll(() => github.close())

/** A quick image (busybox) with a size budget it cannot meet: a failing run. */
const FAILING = { context: fixture('cache-mounts'), 'require-non-root': 'false', 'cache-mounts': 'false', 'max-size': '1KB' }
const KEY = 'own-words'
const MARKER = `<!-- stagecraft:comment ${KEY} -->`
const MALLORY = { login: 'mallory', id: 6660666, type: 'User' as const }
const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const visible = (body: string) =>
  body
    .split('\n')
    .filter(l => !/^<!-- stagecraft:/.test(l))
    .join('\n')

test("a forged comment and a foreign check run with future stamps: untouched, and ours holds this run's failing verdict", async () => {
  const n = 61
  const head = sha('own-words-head')
  const forgedBody = `${MARKER}\n<!-- stagecraft:run sha=${head} run=999999.1 -->\n✅ all checks passed`
  const forged: FakeComment = github.seedComment(n, forgedBody, MALLORY)
  // Posted long ago: an edit by the action would show in updated_at.
  forged.created_at = forged.updated_at = '2020-01-01T00:00:00Z'
  const before = JSON.stringify(forged)
  const evil = appInstallation('evil-ci', 4242).app
  const foreignCheck = github.seedCheckRun({ name: 'image-own', head_sha: head, external_id: 'stagecraft:run=999999.1', conclusion: 'success', app: evil })

  const run = (runNumber: number) =>
    runAction({
      event: { name: 'pull_request', payload: pullRequestPayload({ number: n, headSha: head }) },
      apiUrl: github.url,
      env: { GITHUB_RUN_NUMBER: String(runNumber) },
      inputs: { ...FAILING, 'comment-key': KEY, 'check-name': 'image-own' }
    })
  const r = await run(7)
  expect(r.exitCode).toBe(1)
  expect(errors(r).at(-1)).toMatch(/over the max-size budget of 1\.00 kB$/i)
  expect(r.stdout).not.toMatch(/PR comment not updated|not published/)

  // The forged comment is byte-for-byte as it was; nothing was sent to it.
  const theirs = () => github.commentsOn(n).filter(c => c.user.login === MALLORY.login)
  expect(theirs().map(c => JSON.stringify(c))).toEqual([before])
  expect(github.requests.filter(q => q.path.endsWith(`/issues/comments/${forged.id}`))).toEqual([])

  // Ours: one comment by the Actions bot with this run's failing verdict.
  const ours = () => github.commentsOn(n).filter(c => c.user.login === 'github-actions[bot]' && c.user.type === 'Bot')
  expect(ours()).toHaveLength(1)
  expect(ours()[0].body.split('\n').slice(0, 2)).toEqual([MARKER, `<!-- stagecraft:run sha=${head} run=7.1 -->`])
  expect(visible(ours()[0].body)).toBe(r.outputs['comment-markdown'])
  expect(ours()[0].body).toMatch(/^### ❌ Stagecraft/m)
  expect(ours()[0].body).toContain('| **Budget** | ❌ image is')

  // Check runs: the foreign one untouched, ours published by the Actions app.
  const checks = github.checkRuns.filter(c => c.name === 'image-own')
  expect(checks.find(c => c.id === foreignCheck.id)).toMatchObject({ app: { slug: 'evil-ci' }, external_id: 'stagecraft:run=999999.1', conclusion: 'success' })
  expect(checks.filter(c => c.id !== foreignCheck.id)).toMatchObject([
    { app: ACTIONS_APP, head_sha: head, external_id: 'stagecraft:run=7.1', conclusion: 'failure' }
  ])

  // The next run updates our comment in place; the forged one still untouched.
  const ourId = ours()[0].id
  const next = await run(8)
  expect(next.exitCode).toBe(1)
  expect(ours()).toMatchObject([{ id: ourId, body: expect.stringContaining(`run=8.1 -->`) }])
  expect(theirs().map(c => JSON.stringify(c))).toEqual([before])
  expect(github.requests.filter(q => q.path.endsWith(`/issues/comments/${forged.id}`))).toEqual([])
})
