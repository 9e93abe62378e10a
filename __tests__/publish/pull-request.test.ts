import type { Finding } from '../../src/audit/types.js'
import type { Author, CheckAnnotation, ChecksApi, CommentsApi } from '../../src/github/client.js'
import type { RunContext } from '../../src/github/context.js'
import type { Identity } from '../../src/github/identity.js'
import type { CommentMode } from '../../src/inputs/inputs.js'
import { checkAnnotations, checkStamp, commentTarget, parseCheckStamp, publishCheckRun, publishComment, runStamp } from '../../src/publish/pull-request.js'
import { fakeGitHubApi } from '../fixtures/fake-github-api.js'
import { ctx } from './publish-env.js'

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

describe('commentTarget: which pull request the comment goes to', () => {
  const push: RunContext = { ...ctx, eventName: 'push', pullRequest: undefined }
  const target: RunContext = { ...ctx, eventName: 'pull_request_target' }
  // workflow_run and the like can carry a pull request without being a pull_request event.
  const other: RunContext = { ...ctx, eventName: 'workflow_dispatch' }
  test.each<[CommentMode, RunContext | undefined, ReturnType<typeof commentTarget>]>([
    ['auto', ctx, { issue: 7 }],
    ['auto', target, { issue: 7 }],
    ['auto', other, {}],
    ['auto', push, {}],
    ['auto', undefined, {}],
    ['true', other, { issue: 7 }],
    ['true', push, { note: 'comment is true but this run is not for a pull request (event push); the report is in the job summary only' }],
    ['true', undefined, { note: 'comment is true but this run is not for a pull request (event none); the report is in the job summary only' }],
    ['false', ctx, {}]
  ])('comment %s on %s', (mode, c, want) => {
    expect(commentTarget(mode, c)).toEqual(want)
  })
})

describe('publishComment', () => {
  const failing = (error: Error): CommentsApi => ({ ...fakeGitHubApi().api, createComment: async () => Promise.reject(error) })
  const status = (code: number) => Object.assign(new Error(`HTTP ${code}\nstack`), { status: code })

  test('created, then updated in place, with the URL', async () => {
    const f = fakeGitHubApi()
    expect(await publishComment(f.api, 7, 'k', 'body', ctx)).toEqual({ status: 'created', url: 'https://github.test/c/1' })
    expect(await publishComment(f.api, 7, 'k', 'body 2', ctx)).toEqual({ status: 'updated', url: 'https://github.test/c/1' })
  })

  test('a comment showing a newer run is left alone, and says which runs', async () => {
    const f = fakeGitHubApi()
    const newer = { sha: 'd'.repeat(40), runNumber: 30, runAttempt: 1 }
    await publishComment(f.api, 7, 'k', 'new', ctx, newer)
    const out = await publishComment(f.api, 7, 'k', 'old', ctx, { sha: 'e'.repeat(40), runNumber: 29 })
    expect(out).toEqual({
      status: 'skipped',
      url: 'https://github.test/c/1',
      info: 'PR comment not updated: it shows run 30 for ddddddd, newer than this run 29 for eeeeeee'
    })
  })

  test.each<[string, Error, boolean, string]>([
    ['403 on a fork', status(403), true, '(403: HTTP 403): the token of a pull request from a fork is read-only'],
    ['404 on a fork', status(404), true, '(404: HTTP 404): the token of a pull request from a fork is read-only'],
    ['403, same repository', status(403), false, '(403: HTTP 403): the token lacks pull-requests: write (or issues: write)'],
    ['404, same repository', status(404), false, '(404: HTTP 404): the token lacks pull-requests: write (or issues: write)'],
    ['500', status(500), true, '(500: HTTP 500): the GitHub API failed'],
    ['no status', new Error('socket hang up'), false, '(error: socket hang up): the GitHub API failed']
  ])('a failure (%s) is a note naming the pull request and why, first line only', async (_n, error, fromFork, why) => {
    const c: RunContext = { ...ctx, pullRequest: { ...ctx.pullRequest!, fromFork } }
    const out = await publishComment(failing(error), 7, 'k', 'body', c)
    expect(out.status).toBe('failed')
    expect(out.note).toMatch(/^could not comment on pull request #7 /)
    expect(out.note).toContain(why)
    expect(out.note).toMatch(/; the report is in the job summary$/)
    expect(out.note).not.toContain('stack')
  })
})

describe('publishCheckRun: the request GitHub gets', () => {
  function recording(fail?: Error) {
    const calls: { op: 'create' | 'update'; summary: string; annotations: number; externalId?: string; conclusion?: string }[] = []
    const f = fakeGitHubApi()
    let listed = 0
    const api: ChecksApi = {
      ...f.api,
      listCheckRuns: async (sha, name) => {
        listed++
        return f.api.listCheckRuns(sha, name)
      },
      createCheckRun: async run => {
        if (fail) throw fail
        calls.push({
          op: 'create',
          summary: run.output.summary,
          annotations: run.output.annotations?.length ?? -1,
          externalId: run.external_id,
          conclusion: run.conclusion
        })
        return f.api.createCheckRun(run)
      },
      updateCheckRun: async (_id, output) => void calls.push({ op: 'update', summary: output.summary, annotations: output.annotations?.length ?? -1 })
    }
    return { api, calls, listed: () => listed }
  }
  const annotation = (i: number): CheckAnnotation => ({
    path: 'Dockerfile',
    start_line: i,
    end_line: i,
    annotation_level: 'warning',
    title: 't',
    message: `m${i}`
  })

  test('annotations go 50 a request: the first batch with the run, the rest as updates', async () => {
    const r = recording()
    const out = await publishCheckRun(r.api, { ...base, annotations: Array.from({ length: 120 }, (_, i) => annotation(i)) })
    expect(out).toEqual({ status: 'created', url: 'https://github.test/runs/1' })
    expect(r.calls.map(c => [c.op, c.annotations])).toEqual([
      ['create', 50],
      ['update', 50],
      ['update', 20]
    ])
  })

  test('no annotation: one request with an empty list; exactly 50: no update', async () => {
    const none = recording()
    await publishCheckRun(none.api, base)
    expect(none.calls.map(c => [c.op, c.annotations])).toEqual([['create', 0]])
    const fifty = recording()
    await publishCheckRun(fifty.api, { ...base, annotations: Array.from({ length: 50 }, (_, i) => annotation(i)) })
    expect(fifty.calls.map(c => [c.op, c.annotations])).toEqual([['create', 50]])
  })

  test('a summary over 65535 characters is cut at 65000 and says so; one of 65535 is kept whole', async () => {
    const long = recording()
    await publishCheckRun(long.api, {
      ...base,
      summary: 'x'.repeat(65536),
      annotations: [annotation(1), ...Array.from({ length: 50 }, (_, i) => annotation(i))]
    })
    expect(long.calls.map(c => c.summary)).toEqual([`${'x'.repeat(65000)}\n\n… truncated`, `${'x'.repeat(65000)}\n\n… truncated`])
    const edge = recording()
    await publishCheckRun(edge.api, { ...base, summary: 'y'.repeat(65535) })
    expect(edge.calls[0].summary).toBe('y'.repeat(65535))
  })

  test('the conclusion follows the verdict; without a run number there is no external_id and no listing', async () => {
    const r = recording()
    await publishCheckRun(r.api, { ...base, passed: false })
    expect(r.calls[0]).toMatchObject({ conclusion: 'failure', externalId: undefined })
    expect(r.listed()).toBe(0)
    await publishCheckRun(r.api, { ...base, stamp: { sha: base.sha, runNumber: 3 } })
    expect(r.calls[1]).toMatchObject({ conclusion: 'success', externalId: 'stagecraft:run=3.0' })
    expect(r.listed()).toBe(1)
  })

  test.each<[string, Error, string]>([
    [
      '403 asks for the permission',
      Object.assign(new Error('Resource not accessible\nat x'), { status: 403 }),
      'could not publish check run "image" (403: Resource not accessible): the job needs permissions checks: write'
    ],
    ['another status does not', Object.assign(new Error('Server Error'), { status: 502 }), 'could not publish check run "image" (502: Server Error)'],
    ['no status', new Error('ECONNRESET'), 'could not publish check run "image" (error: ECONNRESET)']
  ])('a failure is a note: %s', async (_n, error, note) => {
    expect(await publishCheckRun(recording(error).api, base)).toEqual({ status: 'failed', note })
  })

  test('the same run number: a later attempt wins, an equal one does not stop it', async () => {
    const f = fakeChecks()
    f.seedCheckRun({ name: 'image', headSha: base.sha, externalId: 'stagecraft:run=21.2', app: 'github-actions' })
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 2 } })).status).toBe('created')
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 22, runAttempt: 1 } })).status).toBe('created')
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 20, runAttempt: 9 } })).status).toBe('skipped')
  })
})

describe('stamps', () => {
  test.each<[string, ReturnType<typeof parseCheckStamp>]>([
    ['stagecraft:run=12.34', { sha: '', runNumber: 12, runAttempt: 34 }],
    ['stagecraft:run=5.0', { sha: '', runNumber: 5, runAttempt: undefined }],
    ['xstagecraft:run=1.2', undefined],
    ['stagecraft:run=1.2x', undefined],
    ['stagecraft:run=1.', undefined],
    ['', undefined]
  ])('parseCheckStamp(%j)', (id, want) => {
    expect(parseCheckStamp(id)).toEqual(want)
  })

  test('runStamp: the pull request head, else the commit', () => {
    expect(runStamp({ ...ctx, runNumber: 4, runAttempt: 2 })).toEqual({ sha: ctx.pullRequest!.headSha, runNumber: 4, runAttempt: 2 })
    expect(runStamp({ ...ctx, pullRequest: undefined }).sha).toBe(ctx.sha)
  })
})

test('checkAnnotations: one per finding on its line (line 1 without one), severity as GitHub names it', () => {
  const f = (severity: Finding['severity'], line?: number): Finding => ({
    rule: 'toolchain',
    severity,
    message: `${severity} msg`,
    evidence: { path: '/x', line }
  })
  expect(checkAnnotations([f('error', 4), f('warning'), f('notice', 9)], 'app/Dockerfile')).toEqual([
    { path: 'app/Dockerfile', start_line: 4, end_line: 4, annotation_level: 'failure', title: 'toolchain', message: 'error msg' },
    { path: 'app/Dockerfile', start_line: 1, end_line: 1, annotation_level: 'warning', title: 'toolchain', message: 'warning msg' },
    { path: 'app/Dockerfile', start_line: 9, end_line: 9, annotation_level: 'notice', title: 'toolchain', message: 'notice msg' }
  ])
})
