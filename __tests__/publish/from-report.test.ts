import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fakeGitHubApi, MALLORY } from '../fixtures/fake-github-api.js'
import type { RunContext } from '../../src/github/context.js'
import { readRunContext } from '../../src/github/context.js'
import { findReports, parseMode, postReports, readPostableReport } from '../../src/publish/from-report.js'
import { REPORT_SCHEMA } from '../../src/report/run-report.js'

const SHA = 'a'.repeat(40)
const report = (git: Record<string, unknown> = {}) => ({
  schema: REPORT_SCHEMA,
  createdAt: '2024-01-01T00:00:00Z',
  dockerfile: 'Dockerfile',
  target: 'runner',
  key: 'Dockerfile:runner',
  git: { sha: SHA, ref: 'feature', pullRequest: 5, runNumber: 9, runAttempt: 1, ...git },
  test: { result: 'skipped' },
  budgets: [],
  verdict: { passed: true, reasons: [] }
})

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-post-report-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
const write = (name: string, data: unknown) => {
  const p = path.join(dir, name)
  fs.mkdirSync(path.dirname(p), { recursive: true })
  fs.writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data))
  return p
}

describe('mode and report-file', () => {
  test.each([
    ['', 'build'],
    ['build', 'build'],
    [' comment-from-report ', 'comment-from-report'],
    ['merge', 'merge'],
    ['audit', 'audit']
  ])('parseMode(%j) → %s', (v, m) => expect(parseMode(v)).toBe(m))

  test('a bad mode names the input', () => {
    expect(() => parseMode('post')).toThrow('mode: expected build, audit, comment-from-report or merge, got "post"')
    expect(() => parseMode(' Build ')).toThrow('mode: expected build, audit, comment-from-report or merge, got "Build"')
  })

  test('report-file: a file, or every *.report.json under a downloaded artifact directory', () => {
    const a = write('a.report.json', report())
    const b = write('nested/b.report.json', report())
    write('notes.txt', 'x')
    expect(findReports(a)).toEqual([a])
    expect(findReports(dir)).toEqual([a, b])
    expect(() => findReports('')).toThrow('report-file: required with mode: comment-from-report')
    expect(() => findReports(path.join(dir, 'nope'))).toThrow(/^report-file: not found: /)
    fs.rmSync(a)
    fs.rmSync(b)
    expect(() => findReports(dir)).toThrow(/^report-file: no Stagecraft report \(\*\.report\.json\) in /)
  })

  test('report-file: reports in name order, at most three directories down; the path trimmed and relative to the workspace', () => {
    const z = write('z.report.json', report())
    const m = write('m/m.report.json', report())
    const a = write('a/b/c/a.report.json', report())
    write('a/b/c/d/too-deep.report.json', report())
    expect(findReports(dir)).toEqual([a, m, z])
    expect(findReports(` ${path.basename(dir)} `, path.dirname(dir))).toEqual([a, m, z])
    expect(() => findReports(' nope ', dir)).toThrow('report-file: not found: nope')
    expect(() => findReports('  ')).toThrow('report-file: required with mode: comment-from-report (the path of the report artifact)')
  })

  test.each<[string, unknown, RegExp]>([
    ['not JSON', '{', /^not JSON$/],
    ['another schema', { ...report(), schema: 'x' }, /^not a Stagecraft report/],
    ['no sha', report({ sha: 'HEAD' }), /^it has no commit sha$/],
    ['not a PR run', report({ pullRequest: undefined }), /^it is not the report of a pull request run$/],
    ['a negative PR', report({ pullRequest: -3 }), /^it is not the report of a pull request run$/],
    ['PR 0', report({ pullRequest: 0 }), /^it is not the report of a pull request run$/],
    ['a PR number that is not an integer', report({ pullRequest: 1.5 }), /^it is not the report of a pull request run$/],
    ['a PR number as text', report({ pullRequest: '5' }), /^it is not the report of a pull request run$/],
    ['no key', { ...report(), key: '' }, /^it has no report key$/],
    ['a key that is not text', { ...report(), key: 7 }, /^it has no report key$/],
    ['no git section', { ...report(), git: undefined }, /^it has no commit sha$/],
    ['a sha with a prefix', report({ sha: 'x' + SHA }), /^it has no commit sha$/],
    ['a sha with a suffix', report({ sha: SHA + 'f' }), /^it has no commit sha$/],
    ['a short sha', report({ sha: SHA.slice(1) }), /^it has no commit sha$/],
    ['an upper-case sha', report({ sha: SHA.toUpperCase() }), /^it has no commit sha$/],
    ['no verdict', { ...report(), verdict: undefined }, /^it is incomplete$/],
    ['no test', { ...report(), test: undefined }, /^it is incomplete$/],
    ['budgets not a list', { ...report(), budgets: {} }, /^it is incomplete$/],
    ['null', 'null', /^not a Stagecraft report/]
  ])('an untrusted report is checked: %s', (_n, data, message) => {
    expect(() => readPostableReport(write('r.report.json', data))).toThrow(message)
  })
})

describe('postReports', () => {
  const fakeApi = (headSha = SHA) => fakeGitHubApi({ headSha })
  const ctx: RunContext = {
    eventName: 'workflow_run',
    owner: 'o',
    repo: 'r',
    sha: 'b'.repeat(40),
    ref: 'main',
    apiUrl: '',
    serverUrl: '',
    runNumber: 77,
    workflowRunHeadSha: SHA
  }

  test("posts the report on its PR, stamped with the report's commit and run (not the posting run's)", async () => {
    const f = fakeApi()
    const lines = await postReports([write('x.report.json', report())], f.api, ctx)
    expect(lines).toEqual([{ level: 'info', message: expect.stringMatching(/^PR comment created on #5 from x\.report\.json/) }])
    expect(f.comments).toHaveLength(1)
    expect(f.comments[0].body.split('\n').slice(0, 2)).toEqual(['<!-- stagecraft:comment Dockerfile:runner -->', `<!-- stagecraft:run sha=${SHA} run=9.1 -->`])
  })

  test('a pull request that cannot be read: a warning with the first line of the error, nothing posted, the next report still tried', async () => {
    const f = fakeApi()
    let calls = 0
    const api = {
      ...f.api,
      getPullRequest: async (n: number) => {
        if (calls++ === 0) throw new Error('Not Found\nhttps://docs.github.com/rest')
        return f.api.getPullRequest(n)
      }
    }
    const bad = write('bad.report.json', '{')
    const lines = await postReports([write('a.report.json', report()), bad, write('b.report.json', report())], api, ctx)
    expect(lines).toEqual([
      { level: 'warning', message: 'a.report.json is not posted: pull request #5 could not be read (Not Found)' },
      { level: 'warning', message: 'bad.report.json is not posted: not JSON' },
      { level: 'info', message: expect.stringMatching(/^PR comment created on #5 from b\.report\.json/) }
    ])
    expect(f.comments).toHaveLength(1)
  })

  test('not posted: another commit than the workflow run built, or the PR moved on', async () => {
    const f = fakeApi()
    const other = await postReports([write('x.report.json', report())], f.api, { ...ctx, workflowRunHeadSha: 'c'.repeat(40) })
    expect(other[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/is for commit aaaaaaa, but the workflow run that produced it built ccccccc$/)
    })
    const moved = await postReports([write('x.report.json', report())], fakeApi('d'.repeat(40)).api, ctx)
    expect(moved[0]).toMatchObject({ level: 'info', message: 'x.report.json: pull request #5 is now at ddddddd; the report for aaaaaaa is not posted' })
    const broken = await postReports([write('y.report.json', '{')], f.api, ctx)
    expect(broken).toEqual([{ level: 'warning', message: 'y.report.json is not posted: not JSON' }])
    expect(f.comments).toHaveLength(0)
  })

  test('a forged comment with our marker and a future stamp is left alone; ours is posted next to it', async () => {
    const f = fakeApi()
    const forged = `<!-- stagecraft:comment Dockerfile:runner -->\n<!-- stagecraft:run sha=${SHA} run=999999.1 -->\n✅ all checks passed`
    const theirs = f.seedComment(forged, MALLORY)
    const lines = await postReports([write('x.report.json', report())], f.api, ctx)
    expect(lines).toEqual([{ level: 'info', message: expect.stringMatching(/^PR comment created on #5 from x\.report\.json/) }])
    expect(f.comments.map(c => [c.id, c.author?.login, c.body.split('\n')[1]])).toEqual([
      [theirs.id, 'mallory', `<!-- stagecraft:run sha=${SHA} run=999999.1 -->`],
      [theirs.id + 1, 'github-actions[bot]', `<!-- stagecraft:run sha=${SHA} run=9.1 -->`]
    ])
    expect(f.comments[0].body).toBe(forged)
  })
})

describe('readRunContext', () => {
  test("run order, the full ref and the workflow_run head come from the runner's environment and event", () => {
    const event = write('event.json', { workflow_run: { head_sha: SHA } })
    const ctx = readRunContext({
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_NUMBER: '12',
      GITHUB_RUN_ATTEMPT: '2'
    })
    expect(ctx).toMatchObject({ fullRef: 'refs/heads/main', runNumber: 12, runAttempt: 2, workflowRunHeadSha: SHA })
    expect(readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'push', GITHUB_RUN_NUMBER: 'x' })?.runNumber).toBeUndefined()
  })
})
