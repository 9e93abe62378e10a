/**
 * "What grew", end to end through dist/index.js as the runner runs it: a push to main saves its
 * report (with the contents summary) in the cache-dir store; a PR whose RUN line output changed
 * gets a sticky comment naming each directory that changed, and a JSON report carrying them.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server.js'
import { pullRequestPayload, runAction } from '../helpers/runner.js'

const MiB = 1024 * 1024
let github: FakeGitHub
let work: string
beforeAll(async () => {
  github = await startGitHubServer()
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-contents-e2e-'))
})
afterAll(async () => {
  await github.close()
  fs.rmSync(work, { recursive: true, force: true })
})

test('base branch report → PR: the comment names the grown, added and removed directories with sizes and lines', async () => {
  const context = path.join(work, 'ctx')
  fs.mkdirSync(context)
  fs.writeFileSync(
    path.join(context, 'Dockerfile'),
    `FROM busybox:stable
ARG VARIANT=base
RUN mkdir -p /app/vendor/liba /app/vendor/libb && echo ${randomBytes(4).toString('hex')} > /app/id && \\
    if [ "$VARIANT" = base ]; then \\
      head -c 4194304 /dev/urandom > /app/vendor/liba/liba.so && head -c 2097152 /dev/urandom > /app/vendor/libb/libb.so; \\
    else \\
      rmdir /app/vendor/libb && head -c 9437184 /dev/urandom > /app/vendor/liba/liba.so && \\
      mkdir -p /app/models && head -c 3145728 /dev/urandom > /app/models/model.bin; \\
    fi
USER 65532
`
  )
  const cacheDir = path.join(work, 'store')
  const inputs = { context, 'cache-dir': cacheDir }
  const push = await runAction({ event: 'push', apiUrl: github.url, inputs: { ...inputs, 'build-args': 'VARIANT=base' } })
  expect(push.exitCode).toBe(0)
  const pr = await runAction({
    event: { name: 'pull_request', payload: pullRequestPayload({ number: 31 }) },
    apiUrl: github.url,
    inputs: { ...inputs, 'build-args': 'VARIANT=pr' }
  })
  expect(pr.exitCode).toBe(0)

  const body = github.commentsOn(31)[0].body
  expect(body).toContain('**What changed** (directories that explain the size change)')
  expect(body).toMatch(/\| `\/app\/vendor\/liba` · vendored \| 📈 grown \| 4\.19 MB \| 9\.44 MB \| \*\*\+5\.24 MB\*\* \| \S*Dockerfile:3 \|/)
  expect(body).toMatch(/\| `\/app\/models` \| 🆕 added \| — \| 3\.15 MB \| \*\*\+3\.15 MB\*\* \| \S*Dockerfile:3 \|/)
  expect(body).toContain('| `/app/vendor/libb` · vendored | 🗑️ removed | 2.10 MB | — | **-2.10 MB** |  |')
  expect(body).toContain('```mermaid\npie showData title Image composition (bytes)')
  expect(body.length).toBeLessThanOrEqual(65_536)
  // The RUN line is matched across the build-arg change: it grew, it is not "added".
  expect(body).toMatch(/\| 3 \| `RUN \\\|1 VARIANT=pr [^`]*` \| 12\.6 MB \| \+6\.29 MB \|/)

  const report = JSON.parse(fs.readFileSync(pr.outputs.report, 'utf8'))
  expect(report.delta.baseline.description).toMatch(/^report saved on main/)
  expect(report.delta.contents.paths.map((p: { path: string; status: string; delta: number }) => [p.path, p.status, p.delta])).toEqual([
    ['/app/vendor/liba', 'grown', 5 * MiB],
    ['/app/models', 'added', 3 * MiB],
    ['/app/vendor/libb', 'removed', -2 * MiB]
  ])
  // The base branch's size trend travels with its saved reports: here one push, then this run.
  expect(body).toContain("<details><summary>Size trend: the base branch's last 1 report, then this run</summary>")
  expect(body).toContain('```mermaid\nxychart-beta')
  expect(report.trend.map((t: { label: string; bytes: number }) => t.label).at(-1)).toBe('this run')
  expect(report.trend).toHaveLength(2)
  expect(report.trend[1].bytes - report.trend[0].bytes).toBe(Number(pr.outputs['size-delta']))
  // The same report is what the next PR would compare against: its contents are saved with it.
  expect(report.platforms[0].contents.dirs.some((d: { path: string }) => d.path === 'app/models')).toBe(true)
})
