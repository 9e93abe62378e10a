/**
 * Every path publishes and the newest verdict wins, end to end through dist/ like the runner: a
 * green run on a pull request, then a run whose engine check fails, then one whose inputs cannot
 * be read. Each failing run turns the same sticky comment red with its own reason, writes the
 * summary, the report file and the outputs, and fails the step with one clear line.
 */
import fs from 'node:fs'
import { fixture } from '../fixtures/paths.js'
import { sha, startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { pullRequestPayload, runAction, type ActionRun } from '../helpers/runner.js'

let github: FakeGitHub
beforeAll(async () => {
  github = await startGitHubServer()
})
afterAll(() => github.close())

const errors = (r: ActionRun) => r.annotations.filter(a => a.level === 'error').map(a => a.message)
const ours = (issue: number) => github.commentsOn(issue).filter(c => c.body.startsWith('<!-- stagecraft:comment'))
/** A quick image: the cache-mounts fixture (busybox). */
const QUICK = { context: fixture('cache-mounts'), 'require-non-root': 'false', 'cache-mounts': 'false', 'check-name': 'image' }

test('green, then no engine, then a bad input: the one sticky comment follows the newest verdict; every run publishes', async () => {
  const n = 61
  const head = sha('every-path')
  const run = (runNumber: number, over: { inputs?: Record<string, string>; env?: Record<string, string> } = {}) =>
    runAction({
      event: { name: 'pull_request', payload: pullRequestPayload({ number: n, headSha: head, action: 'synchronize' }) },
      apiUrl: github.url,
      env: { GITHUB_RUN_NUMBER: String(runNumber), ...over.env },
      inputs: { ...QUICK, ...over.inputs }
    })

  const green = await run(1)
  expect(errors(green)).toEqual([])
  expect(green.exitCode).toBe(0)
  expect(ours(n)).toHaveLength(1)
  const id = ours(n)[0].id
  expect(JSON.parse(fs.readFileSync(green.outputs.report, 'utf8')).verdict.passed).toBe(true)

  // The engine check fails: a phase like the others, published, not a throw before anything is written.
  const noEngine = await run(2, { env: { DOCKER_HOST: 'unix:///nonexistent.sock' } })
  expect(noEngine.exitCode).toBe(1)
  expect(noEngine.problems).toEqual([])
  const [why] = errors(noEngine)
  expect(errors(noEngine)).toHaveLength(1)
  expect(why).toMatch(/^no Docker engine reachable \(.*nonexistent\.sock.*\); start one, e\.g\. with scripts\/setup-engine\.sh$/)
  expect(why).not.toContain('\n')
  const report = JSON.parse(fs.readFileSync(noEngine.outputs.report, 'utf8'))
  expect(report.verdict).toEqual({ passed: false, reasons: [why] })
  expect(report.git).toMatchObject({ sha: head, pullRequest: n, runNumber: 2 })
  expect(noEngine.outputs).toMatchObject({ 'test-result': 'skipped', findings: '0' })
  expect(fs.readFileSync(noEngine.outputs['comment-file'], 'utf8')).toBe(`${noEngine.outputs['comment-markdown']}\n`)
  expect(noEngine.summary).toContain('no Docker engine reachable')
  expect(noEngine.summary).toContain('Engine')
  // The same comment, now red with this run's reason; the check run on the commit fails too.
  expect(ours(n).map(c => c.id)).toEqual([id])
  expect(ours(n)[0].body).toContain('no Docker engine reachable')
  expect(ours(n)[0].body).toContain(`run=2.1`)
  expect(ours(n)[0].body).toContain(noEngine.outputs['comment-markdown'])
  expect(github.checkRuns.filter(c => c.name === 'image' && c.head_sha === head).map(c => c.conclusion)).toEqual(['success', 'failure'])

  // Inputs that cannot be read: still a failed report, the same comment, one error line.
  const badInput = await run(3, { inputs: { 'max-size': 'huge' } })
  expect(badInput.exitCode).toBe(1)
  expect(errors(badInput)).toEqual(['max-size: expected a size such as 250MB, 1.2GiB or 900kB, got "huge"'])
  expect(JSON.parse(fs.readFileSync(badInput.outputs.report, 'utf8')).verdict).toEqual({ passed: false, reasons: [errors(badInput)[0]] })
  expect(badInput.summary).toContain('max-size: expected a size')
  expect(ours(n).map(c => c.id)).toEqual([id])
  expect(ours(n)[0].body).toContain('max-size: expected a size')
  expect(ours(n)[0].body).toContain(`run=3.1`)
})
