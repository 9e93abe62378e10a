/**
 * Where real pull requests differ from the happy path, end to end through dist/ like the runner:
 * a fork's read-only token (two phases: report artifact, then a workflow_run posting run), two
 * runs for two commits finishing in the wrong order, and a cancelled job.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fixture, REPO_ROOT } from '../fixtures/paths.js'
import { sha, startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { actionNode, pullRequestPayload, runAction, type ActionRun } from '../helpers/runner.js'

const FORK_TOKEN = 'ghs_forkReadOnlyToken00000000000000000000'
let github: FakeGitHub
beforeAll(async () => {
  github = await startGitHubServer({ readOnlyTokens: [FORK_TOKEN] })
})
afterAll(() => github.close())

const warnings = (r: ActionRun) => r.annotations.filter(a => a.level === 'warning').map(a => a.message)
const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const ours = (issue: number) => github.commentsOn(issue).filter(c => c.body.startsWith('<!-- stagecraft:comment'))
/** The comment as a person sees it: without the hidden marker and stamp lines. */
const visible = (body: string) =>
  body
    .split('\n')
    .filter(l => !/^<!-- stagecraft:/.test(l))
    .join('\n')

/** A quick image: the cache-mounts fixture (busybox, no secrets a fork could not have). */
const QUICK = { context: fixture('cache-mounts'), 'require-non-root': 'false', 'cache-mounts': 'false' }

/** The workflow_run event GitHub sends to the base repository when the fork's CI run completed. */
function workflowRun(headSha: string, extra: Record<string, unknown> = {}): { name: string; payload: Record<string, unknown> } {
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: 30433642,
        name: 'CI',
        event: 'pull_request',
        status: 'completed',
        conclusion: 'success',
        head_sha: headSha,
        head_branch: 'feature',
        head_repository: { full_name: 'forker/repo' },
        // Empty for pull requests from forks: the PR number must come from the report.
        pull_requests: [],
        ...extra
      },
      repository: { full_name: 'owner/repo', name: 'repo', owner: { login: 'owner' } }
    }
  }
}

describe('a pull request from a fork, in two phases', () => {
  test('fork run (403) → report artifact → workflow_run posting run → exactly one comment, the same Markdown', async () => {
    const n = 41
    const head = sha(`head-${n}`) // what the local API says the PR's head is
    const fork = await runAction({
      event: { name: 'pull_request', payload: pullRequestPayload({ number: n, headSha: head, headRepository: 'forker/repo' }) },
      apiUrl: github.url,
      token: FORK_TOKEN,
      env: { GITHUB_RUN_NUMBER: '101' },
      inputs: QUICK
    })
    expect(errors(fork)).toEqual([])
    expect(fork.exitCode).toBe(0)
    expect(warnings(fork).join('\n')).toMatch(
      /could not comment on pull request #41 \(403: Resource not accessible by integration[^)]*\): the token of a pull request from a fork is read-only \(post the report from a workflow_run workflow with mode: comment-from-report/
    )
    expect(ours(n)).toHaveLength(0)
    // Phase one's outputs: the Markdown as an output and a file, and the report to upload.
    expect(fs.readFileSync(fork.outputs['comment-file'], 'utf8')).toBe(`${fork.outputs['comment-markdown']}\n`)
    expect(fork.outputs['comment-markdown']).toContain('Stagecraft · `')
    const report = JSON.parse(fs.readFileSync(fork.outputs.report, 'utf8'))
    expect(report.git).toMatchObject({ sha: head, pullRequest: n, runNumber: 101 })

    // upload-artifact / download-artifact: the report lands in a directory of the posting job.
    const artifact = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-artifact-'))
    fs.copyFileSync(fork.outputs.report, path.join(artifact, path.basename(fork.outputs.report)))
    const emptyWorkspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-no-checkout-'))
    const postRun = () =>
      runAction({
        event: workflowRun(head),
        apiUrl: github.url,
        cwd: emptyWorkspace, // no checkout: no Dockerfile, nothing of the fork
        env: { GITHUB_RUN_NUMBER: '55' }, // the posting workflow's own numbering
        inputs: { mode: 'comment-from-report', 'report-file': artifact }
      })
    const posted = await postRun()
    expect(errors(posted)).toEqual([])
    expect(warnings(posted)).toEqual([])
    expect(posted.exitCode).toBe(0)
    expect(posted.problems).toEqual([])
    expect(ours(n)).toHaveLength(1)
    expect(visible(ours(n)[0].body)).toBe(fork.outputs['comment-markdown'])
    // A re-run of the posting workflow updates the same comment.
    const again = await postRun()
    expect(again.exitCode).toBe(0)
    expect(ours(n)).toHaveLength(1)
    expect(github.requests.filter(q => q.method === 'POST' && q.path.endsWith(`/issues/${n}/comments`)).map(q => q.status)).toEqual([403, 201])

    // A report tampered to target another PR, or from another commit, is not posted.
    const forged = { ...report, git: { ...report.git, pullRequest: 42 } }
    fs.writeFileSync(path.join(artifact, path.basename(fork.outputs.report)), JSON.stringify(forged))
    const refused = await postRun()
    expect(refused.exitCode).toBe(0)
    expect(refused.stdout).toMatch(/pull request #42 is now at [0-9a-f]{7}; the report for [0-9a-f]{7} is not posted/)
    expect(ours(42)).toHaveLength(0)
    const otherRun = await runAction({
      event: workflowRun(sha('something-else')),
      apiUrl: github.url,
      cwd: emptyWorkspace,
      inputs: { mode: 'comment-from-report', 'report-file': artifact }
    })
    expect(warnings(otherRun).join('\n')).toMatch(/is not posted: it is for commit [0-9a-f]{7}, but the workflow run that produced it built [0-9a-f]{7}/)
    fs.rmSync(artifact, { recursive: true, force: true })
    fs.rmSync(emptyWorkspace, { recursive: true, force: true })
  })

  test('mode: comment-from-report with no report is one clear input error', async () => {
    const r = await runAction({
      event: workflowRun(sha('x')),
      apiUrl: github.url,
      cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'sc-no-checkout-')),
      inputs: { mode: 'comment-from-report', 'report-file': 'nothing-here' }
    })
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toEqual(['report-file: not found: nothing-here'])
    const bad = await runAction({ event: 'push', apiUrl: github.url, inputs: { ...QUICK, mode: 'comments' } })
    expect(errors(bad)).toEqual(['mode: expected build, audit, comment-from-report or merge, got "comments"'])
  })
})

describe('newest commit wins', () => {
  test('the slower run for the older commit finishes last: the comment keeps the newer report; each check stays on its commit', async () => {
    const n = 43
    const run = (headSha: string, runNumber: number) =>
      runAction({
        event: { name: 'pull_request', payload: pullRequestPayload({ number: n, headSha, action: 'synchronize' }) },
        apiUrl: github.url,
        env: { GITHUB_RUN_NUMBER: String(runNumber) },
        inputs: { ...QUICK, 'check-name': 'image', 'build-args': `RUN_ID=${headSha.slice(0, 8)}` }
      })
    const older = sha('commit-A')
    const newer = sha('commit-B')
    const b = await run(newer, 21) // the run for the newer push finishes first
    const a = await run(older, 20) // the older one, slower, last
    expect([a.exitCode, b.exitCode]).toEqual([0, 0])
    expect(ours(n)).toHaveLength(1)
    expect(ours(n)[0].body).toContain(`<!-- stagecraft:run sha=${newer} run=21.1 -->`)
    expect(visible(ours(n)[0].body)).toBe(b.outputs['comment-markdown'])
    expect(a.stdout).toContain(`PR comment not updated: it shows run 21 for ${newer.slice(0, 7)}, newer than this run 20 for ${older.slice(0, 7)}`)
    expect(
      github.checkRuns
        .filter(c => c.name === 'image')
        .map(c => c.head_sha)
        .sort()
    ).toEqual([older, newer].sort())
    // A later commit still takes over.
    const c = await run(sha('commit-C'), 22)
    expect(c.exitCode).toBe(0)
    expect(ours(n)[0].body).toContain(`run=22.1`)
  })

  test('two attempts of one commit finishing out of order: the older attempt adds no check run over the newer', async () => {
    const n = 45
    const head = sha('commit-D')
    const attempt = (a: number) =>
      runAction({
        event: { name: 'pull_request', payload: pullRequestPayload({ number: n, headSha: head }) },
        apiUrl: github.url,
        env: { GITHUB_RUN_NUMBER: '30', GITHUB_RUN_ATTEMPT: String(a) },
        inputs: { ...QUICK, 'check-name': 'image-attempts', 'build-args': 'RUN_ID=attempts' }
      })
    const second = await attempt(2)
    const first = await attempt(1)
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    expect(first.stdout).toContain(`check run "image-attempts" not published: run 30 attempt 2 already published a newer one for ${head.slice(0, 7)}`)
    expect(github.checkRuns.filter(c => c.name === 'image-attempts').map(c => c.external_id)).toEqual(['stagecraft:run=30.2'])
    expect(ours(n)[0].body).toContain(`<!-- stagecraft:run sha=${head} run=30.2 -->`)
  })
})

describe('a cancelled job leaves no secret file', () => {
  const SECRET = `tok-cancel-${randomBytes(6).toString('hex')}`
  /** Every file under RUNNER_TEMP whose contents are the secret, and the secret dirs. */
  const leftovers = (runDir: string): string[] => {
    const out: string[] = []
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) {
          if (e.name.startsWith('stagecraft-secrets-')) out.push(p)
          walk(p)
        } else if (e.isFile() && fs.statSync(p).size < 4096 && fs.readFileSync(p, 'utf8').includes(SECRET)) out.push(p)
      }
    }
    walk(path.join(runDir, '_temp'))
    return out
  }

  test.each<[NodeJS.Signals, string]>([
    ['SIGTERM', 'the signal handler and the post step'],
    ['SIGKILL', 'the post step alone (no handler can run)']
  ])('%s mid-build: RUNNER_TEMP holds no secret afterwards (%s)', async signal => {
    let atInterrupt: string[] = []
    const r = await runAction({
      event: { name: 'pull_request', payload: pullRequestPayload({ number: 44 }) },
      apiUrl: github.url,
      inputs: { context: fixture('multistage'), 'test-target': 'test', secrets: `registry_token=${SECRET}`, 'no-cache': 'true', comment: 'false' },
      interrupt: { when: /#\d+ \[internal\] load build definition/, signal, before: dir => (atInterrupt = leftovers(dir)) }
    })
    // The premise: mid-build, the secret file was there.
    expect(atInterrupt.some(p => p.includes('stagecraft-secrets-'))).toBe(true)
    if (signal === 'SIGTERM') expect(r.exitCode ?? r.signal).toBe(143)
    else expect(r.signal).toBe('SIGKILL')
    expect(r.state['temp-paths']).toBeDefined()
    expect(r.state['temp-paths']).not.toContain(SECRET)
    expect(r.post?.exitCode).toBe(0)
    if (signal === 'SIGKILL') expect(r.post?.stdout).toMatch(/^removed \d temp director(y|ies): .*stagecraft-/m)
    expect(leftovers(r.dir)).toEqual([])
    expect(fs.readdirSync(path.join(r.dir, '_temp')).filter(n => /^stagecraft-(?!cache)/.test(n) && n !== 'stagecraft')).toEqual([])
  })

  test('Ctrl-C in the CLI: exit 130 and its temp dir is gone', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cli-tmp-'))
    const child = spawn(
      actionNode(),
      [
        path.join(REPO_ROOT, 'dist', 'cli.js'),
        fixture('multistage'),
        '--test-target',
        'test',
        '--secret-env',
        'registry_token=DEMO_TOKEN',
        '--no-cache',
        '--verbose'
      ],
      {
        env: { ...process.env, NODE_OPTIONS: '', TMPDIR: tmp, DEMO_TOKEN: SECRET, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let err = ''
    let seenTmp: string[] = []
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d
      if (seenTmp.length === 0 && /load build definition/.test(err)) {
        seenTmp = fs.readdirSync(tmp).filter(n => n.startsWith('stagecraft-'))
        child.kill('SIGINT')
      }
    })
    const code = await new Promise<number | null>(resolve => child.on('close', c => resolve(c)))
    expect(seenTmp).toHaveLength(1)
    expect(code).toBe(130)
    expect(err).toContain('stagecraft: interrupted (SIGINT); temp files removed')
    expect(fs.readdirSync(tmp).filter(n => n.startsWith('stagecraft-'))).toEqual([])
    fs.rmSync(tmp, { recursive: true, force: true })
  })
})
