import type { Author } from '../../src/github/client.js'
import type { Identity } from '../../src/github/identity.js'
import { checkStamp, parseCheckStamp, publishCheckRun } from '../../src/publish/pull-request.js'
import { fakeGitHubApi } from '../fixtures/fake-github-api.js'

function fakeChecks(opts: { as?: Author; identity?: Identity } = {}) {
  const f = fakeGitHubApi(opts)
  return { ...f, runs: f.checks }
}

const base = { name: 'image', sha: 'a'.repeat(40), passed: true, title: 'Passed', summary: 's', annotations: [] }

describe('check run order', () => {
  test('an older attempt of the same commit finishing last adds no check over the newer one', async () => {
    const f = fakeChecks()
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 2 } })).status).toBe('created')
    const late = await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 1 } })
    expect(late).toEqual({ status: 'skipped', info: `check run "image" not published: run 21 attempt 2 already published a newer one for aaaaaaa` })
    expect(f.runs.map(r => r.externalId)).toEqual(['stagecraft:run=21.2'])
    // A later attempt, or another commit, publishes.
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 3 } })).status).toBe('created')
    expect((await publishCheckRun(f.api, { ...base, sha: 'b'.repeat(40), stamp: { sha: 'b'.repeat(40), runNumber: 5 } })).status).toBe('created')
  })

  test('the stamp round-trips through external_id; foreign ids are ignored', () => {
    expect(parseCheckStamp(checkStamp({ sha: 'x', runNumber: 7, runAttempt: 2 }))).toEqual({ sha: '', runNumber: 7, runAttempt: 2 })
    expect(parseCheckStamp('deploy-123')).toBeUndefined()
    expect(parseCheckStamp(null)).toBeUndefined()
  })
})

describe("only our own app's check runs count", () => {
  const stamp = { sha: base.sha, runNumber: 21, runAttempt: 1 }
  const future = 'stagecraft:run=999999.1'

  test.each<[string, string | null, Partial<Identity> | undefined, 'created' | 'skipped']>([
    ["a foreign app's run with a future stamp does not stop ours", 'evil-app', undefined, 'created'],
    ['a run with no app does not stop ours', null, undefined, 'created'],
    ["our own app's newer run does", 'github-actions', undefined, 'skipped'],
    ['the slug compares case-insensitively', 'GitHub-Actions', undefined, 'skipped'],
    ['an installation of another app: its own runs count', 'my-app', { login: 'my-app[bot]', type: 'Bot' }, 'skipped'],
    ["…and the Actions app's do not", 'github-actions', { login: 'my-app[bot]', type: 'Bot' }, 'created'],
    ['a user token owns no check runs', 'github-actions', { login: 'octo', type: 'User' }, 'created']
  ])('%s', async (_n, app, me, status) => {
    const f = fakeChecks(me ? { identity: { login: me.login!, type: me.type!, source: 'graphql' } } : {})
    f.seedCheckRun({ name: 'image', headSha: base.sha, externalId: future, app })
    const out = await publishCheckRun(f.api, { ...base, stamp })
    expect(out.status).toBe(status)
    expect(f.runs.filter(r => r.externalId === checkStamp(stamp))).toHaveLength(status === 'created' ? 1 : 0)
  })
})
