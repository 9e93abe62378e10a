/**
 * What grew, on the real engine: the directories and packages that changed against a baseline
 * (a saved report or a measured image), in the JSON report and the PR comment; an older report
 * without contents still gives the layer delta and a note; a 200k-file image keeps both bounded.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import { readInputs } from '../../src/inputs/inputs.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { buildRunReport } from '../../src/report/build-report.js'
import { renderReport } from '../../src/report/markdown.js'
import type { RunReport } from '../../src/report/run-report.js'
import { getter } from '../fixtures/inputs.js'
import { recordBuild, recordImage } from '../helpers/engine-images.js'
import { recordingReporter } from '../helpers/reporter.js'

const MiB = 1024 * 1024
let work: string
const created: string[] = []
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-contents-'))
})
afterAll(() => {
  for (const t of created) execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
  fs.rmSync(work, { recursive: true, force: true })
})

/** Run the whole pipeline on this Dockerfile; the report is written to a file too. */
async function pipeline(dockerfile: string, inputs: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(work, 'ctx-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile)
  const parsed = readInputs(getter({ context: dir, 'require-non-root': 'false', ...inputs }), { cwd: dir })
  const tmpDir = fs.mkdtempSync(path.join(work, 'run-'))
  const result = await runPipeline(parsed, resolvePlan(parsed), { docker: new Docker(), reporter: recordingReporter(), tmpDir, key: 'Dockerfile:runner' })
  recordBuild(result.image?.inEngine ? result.image.imageId : undefined, parsed.tags) // untagged: no <none> image left
  const report = buildRunReport(result, { dockerfile: 'Dockerfile', key: 'Dockerfile:runner', failOn: parsed['fail-on'] })
  const file = path.join(dir, 'report.json')
  fs.writeFileSync(file, JSON.stringify(report))
  return { result, report, file, comment: renderReport(report) }
}

const tag = (name: string) => {
  const t = `stagecraft-test/${name}:${randomBytes(4).toString('hex')}`
  created.push(t)
  return t
}

// One RUN line whose output changes between the base branch and the PR.
const vendored = (nonce: string) => `FROM busybox:stable
ARG VARIANT=base
RUN mkdir -p /app/vendor/liba /app/vendor/libb /app/src && echo "${nonce}" > /app/src/main.txt && \\
    if [ "$VARIANT" = base ]; then \\
      head -c 4194304 /dev/urandom > /app/vendor/liba/liba.so && head -c 2097152 /dev/urandom > /app/vendor/libb/libb.so; \\
    else \\
      rmdir /app/vendor/libb && head -c 9437184 /dev/urandom > /app/vendor/liba/liba.so && \\
      mkdir -p /app/models && head -c 3145728 /dev/urandom > /app/models/model.bin; \\
    fi
`

describe("the issue's case: a vendored library grows 5 MiB, a 3 MiB model is added, another library is dropped", () => {
  const nonce = randomBytes(4).toString('hex')
  let base: Awaited<ReturnType<typeof pipeline>>

  beforeAll(async () => {
    base = await pipeline(vendored(nonce), { 'build-args': 'VARIANT=base' })
    expect(base.result.failure).toBeUndefined()
  })

  const expectThree = (report: RunReport, comment: string) => {
    const paths = report.delta!.contents!.paths
    expect(paths.map(p => [p.path, p.status, p.before, p.after, p.delta])).toEqual([
      ['/app/vendor/liba', 'grown', 4 * MiB, 9 * MiB, 5 * MiB],
      ['/app/models', 'added', 0, 3 * MiB, 3 * MiB],
      ['/app/vendor/libb', 'removed', 2 * MiB, 0, -2 * MiB]
    ])
    // The line that wrote them: the RUN on line 3 of the Dockerfile.
    expect(paths.filter(p => p.after > 0).map(p => p.line)).toEqual([3, 3])
    expect(comment).toContain('| `/app/vendor/liba` · vendored | 📈 grown | 4.19 MB | 9.44 MB | **+5.24 MB** | Dockerfile:3 |')
    expect(comment).toContain('| `/app/models` | 🆕 added | — | 3.15 MB | **+3.15 MB** | Dockerfile:3 |')
    expect(comment).toContain('| `/app/vendor/libb` · vendored | 🗑️ removed | 2.10 MB | — | **-2.10 MB** |  |')
  }

  test('against the base branch report (baseline-report): the comment and the JSON report name all three', async () => {
    const pr = await pipeline(vendored(nonce), { 'build-args': 'VARIANT=pr', 'baseline-report': base.file })
    expect(pr.result.failure).toBeUndefined()
    expectThree(pr.report, pr.comment)
    // The JSON report as written to disk carries them too, and this run's contents for the next baseline.
    const saved = JSON.parse(fs.readFileSync(pr.file, 'utf8')) as RunReport
    expect(saved.delta!.contents!.paths.map(p => p.path)).toEqual(['/app/vendor/liba', '/app/models', '/app/vendor/libb'])
    expect(saved.platforms![0].contents!.dirs.find(d => d.path === 'app/models')).toMatchObject({ bytes: 3 * MiB, files: 1, line: 3 })
  })

  test('against an image measured in this run (baseline-image): the same three', async () => {
    const t = tag('vendored-base')
    execFileSync('docker', ['buildx', 'build', '-q', '--load', '--build-arg', 'VARIANT=base', '-t', t, '-'], { input: vendored(nonce) })
    recordImage(t)
    const pr = await pipeline(vendored(nonce), { 'build-args': 'VARIANT=pr', 'baseline-image': t })
    expect(pr.result.failure).toBeUndefined()
    expectThree(pr.report, pr.comment)
  })

  test('an older baseline report without contents: the layer delta, and a note saying why there is no file delta', async () => {
    const old = JSON.parse(fs.readFileSync(base.file, 'utf8')) as RunReport
    for (const p of old.platforms ?? []) delete p.contents
    const oldFile = path.join(work, 'old-report.json')
    fs.writeFileSync(oldFile, JSON.stringify(old))
    const pr = await pipeline(vendored(nonce), { 'build-args': 'VARIANT=pr', 'baseline-report': oldFile })
    const changed = pr.report.delta!.bytes - pr.report.delta!.baseBytes
    expect(changed).toBeGreaterThanOrEqual(6 * MiB) // 9 + 3 - 4 - 2 MiB of file bytes, and a few tar headers
    expect(changed).toBeLessThan(6 * MiB + 64 * 1024)
    expect(pr.report.delta!.contents).toBeUndefined()
    expect(pr.report.delta!.contentsNote).toMatch(/baseline report predates file and package summaries/)
    expect(pr.comment).toContain('_No file or package delta: the baseline report predates')
  })
})

describe('a PR that adds a Debian package', () => {
  test('the package delta names it and the dependencies installed with it', async () => {
    const dockerfile = (pkgs: string) => `FROM debian:bookworm-slim
RUN echo ${randomBytes(4).toString('hex')} > /etc/build-id
RUN ${pkgs ? `apt-get update && apt-get install -y --no-install-recommends ${pkgs} && rm -rf /var/lib/apt/lists/*` : 'true'}
`
    const base = await pipeline(dockerfile(''))
    expect(base.result.failure).toBeUndefined()
    const pr = await pipeline(dockerfile('jq'), { 'baseline-report': base.file })
    expect(pr.result.failure).toBeUndefined()
    const packages = pr.report.delta!.contents!.packages
    // jq depends on libjq1, which depends on libonig5: one line, "jq and 2 dependencies".
    expect(packages.map(p => [p.manager, p.name, p.status, [...(p.with ?? [])].sort()])).toEqual([['dpkg', 'jq', 'added', ['libjq1', 'libonig5']]])
    expect(packages[0].after).toMatch(/^1\.6/)
    expect(packages[0].withBytes).toBeGreaterThan(100 * 1024)
    expect(pr.comment).toMatch(/- ➕ \*\*jq\*\* 1\.6\S* <sub>deb<\/sub> \(\+[\d.]+ kB\) and 2 dependencies \(\+[\d.]+ [kM]B\): lib(jq1|onig5), lib(jq1|onig5)/)
    // The files that explain the growth are named by directory, with the line that installed them.
    expect(pr.report.delta!.contents!.paths[0]).toMatchObject({ path: '/usr/lib/x86_64-linux-gnu', status: 'grown', line: 3 })
  }, 240_000)
})

describe('a 200k-file image', () => {
  test('the report stays bounded (well under 2 MB) and the comment under 65,536 characters', async () => {
    const dockerfile = `FROM busybox:stable
RUN mkdir /data && cd /data && i=0; while [ $i -lt 5000 ]; do mkdir d$i; j=0; while [ $j -lt 40 ]; do echo "$i $j ${randomBytes(4).toString('hex')}" > d$i/f$j; j=$((j+1)); done; i=$((i+1)); done
`
    const pr = await pipeline(dockerfile, { 'baseline-image': 'busybox:stable' })
    expect(pr.result.failure).toBeUndefined()
    const own = pr.report.platforms![0]
    expect(own.contents!.files).toBeGreaterThan(200_000)
    expect(own.contents!.dirs.length).toBeLessThanOrEqual(4000)
    expect(own.contents!.omitted!.dirs).toBeGreaterThan(1000)
    const bytes = fs.statSync(pr.file).size
    expect(bytes).toBeLessThan(2 * MiB)
    expect(pr.comment.length).toBeLessThanOrEqual(65_536)
    expect(pr.report.delta!.contents!.paths.map(p => [p.path, p.status])).toEqual([['/data', 'added']])
    process.stdout.write(`200k-file image: report ${bytes} bytes, comment ${pr.comment.length} characters, ${own.contents!.dirs.length} directories listed\n`)
  }, 300_000)
})
