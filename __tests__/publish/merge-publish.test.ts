import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Finding } from '../../src/audit/types.js'
import type { RunContext } from '../../src/github/context.js'
import type { MergedImage, MergeResult } from '../../src/merge/merge.js'
import { imagesOutput, mergedSarif, publishMerge } from '../../src/publish/merge-publish.js'
import type { ActionCore, PublishEnv } from '../../src/publish/publish.js'
import { createRedactor } from '../../src/redact.js'
import type { RunReport } from '../../src/report/run-report.js'
import { LocalDirStore } from '../../src/store/local-store.js'
import { makeInputs } from '../fixtures/inputs.js'
import { D, partReport } from '../fixtures/part-report.js'
import { ctx, fakeGitHub, recordingCore } from './publish-env.js'

const finding = (severity: Finding['severity'], rule: Finding['rule'], line?: number, platform?: string): Finding => ({
  rule,
  severity,
  message: `${rule} says no`,
  evidence: { path: '/usr/bin/gcc', ...(line === undefined ? {} : { line }) },
  ...(platform ? { platform } : {})
})

/** A merged image as the merge makes it: its report built from a part of one platform. */
function image(o: { name: string; key: string; passed?: boolean; digest?: string; tags?: string[]; over?: Partial<RunReport> }): MergedImage {
  const base = partReport({ platform: 'linux/amd64', name: o.name, key: o.key, passed: o.passed })
  const report = {
    ...base,
    dockerfile: `${o.key}/Dockerfile`,
    image: { ...base.image!, digest: o.digest ?? '', tags: o.tags ?? [] },
    ...o.over
  } as RunReport
  return { name: o.name, key: o.key, parts: [], report }
}

// Worst first, as the merge orders them: the failing web image, then the passing app image.
const web = image({
  name: '127.0.0.1:5000/web',
  key: 'web',
  passed: false,
  over: {
    audit: {
      failOn: 'error',
      findings: [finding('error', 'toolchain', 12, 'linux/amd64'), finding('notice', 'hygiene/no-healthcheck')],
      allowed: [],
      failing: 1
    },
    budgets: [{ budget: 'max-size', message: 'web is over max-size' }] as RunReport['budgets']
  }
})
const app = image({ name: '127.0.0.1:5000/app', key: 'app', digest: D('9'), tags: ['127.0.0.1:5000/app:v1', '127.0.0.1:5000/app:latest'] })
const two: MergeResult = { images: [web, app], notes: [] }
const one: MergeResult = { images: [app], notes: [] }

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-merge-publish-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function env(core: ActionCore, gh = fakeGitHub(), over: Partial<PublishEnv> = {}): PublishEnv {
  return { core, dockerfile: 'Dockerfile', outDir: path.join(dir, 'out'), ctx, github: () => gh.api, ...over }
}
const inputs = makeInputs({ 'github-token': 'ghs_token', comment: 'auto', 'check-name': 'Images' })

describe('imagesOutput', () => {
  test('one entry per image in the merge order, with its report file (empty when it has none)', () => {
    expect(imagesOutput(two, new Map([['app', '/out/app.report.json']]))).toEqual([
      {
        name: '127.0.0.1:5000/web',
        key: 'web',
        digest: '',
        tags: [],
        passed: false,
        platforms: [expect.objectContaining({ platform: 'linux/amd64' })],
        report: ''
      },
      {
        name: '127.0.0.1:5000/app',
        key: 'app',
        digest: D('9'),
        tags: ['127.0.0.1:5000/app:v1', '127.0.0.1:5000/app:latest'],
        passed: true,
        platforms: [expect.objectContaining({ platform: 'linux/amd64' })],
        report: '/out/app.report.json'
      }
    ])
  })
  test('an image without an image record: empty digest and no tags', () => {
    const bare = image({ name: 'n', key: 'k', over: { image: undefined } })
    expect(imagesOutput({ images: [bare], notes: [] }, new Map())[0]).toMatchObject({ digest: '', tags: [] })
  })
})

describe('mergedSarif', () => {
  test('a run per image that has an audit or build checks, none for one with neither', () => {
    const bare = image({ name: 'n', key: 'k', over: { audit: undefined, checks: [] } })
    const doc = mergedSarif({ images: [web, bare, app], notes: [] }) as { $schema: string; version: string; runs: { results: unknown[] }[] }
    expect(doc.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(doc.version).toBe('2.1.0')
    expect(doc.runs.map(r => r.results.length)).toEqual([2, 0])
  })
  test('an image with build checks and no audit still gets its run', () => {
    const checked = image({
      name: 'n',
      key: 'k',
      over: { audit: undefined, checks: [{ rule: 'build-check/X', severity: 'warning', message: 'x', line: 2, file: 'Dockerfile' }] as RunReport['checks'] }
    })
    const doc = mergedSarif({ images: [checked], notes: [] }) as { runs: { results: { ruleId: string }[] }[] }
    expect(doc.runs.map(r => r.results.map(x => x.ruleId))).toEqual([['build-check/X']])
  })
})

describe('publishMerge', () => {
  test('no image: nothing is written or set', async () => {
    const c = recordingCore()
    await publishMerge(inputs, { images: [], notes: [] }, env(c.core))
    expect(c.outputs).toEqual({})
    expect(c.summary).toEqual([])
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  })

  test('two images: a report file each, one comment file and SARIF, outputs of the worst, findings summed', async () => {
    const c = recordingCore()
    await publishMerge(inputs, two, env(c.core))
    const out = path.join(dir, 'out')
    expect(fs.readdirSync(out).sort()).toEqual(['app.report.json', 'app_web.comment.md', 'app_web.sarif', 'web.report.json'])
    expect(JSON.parse(fs.readFileSync(path.join(out, 'web.report.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(web.report)))
    expect(c.outputs.report).toBe(path.join(out, 'web.report.json'))
    expect(c.outputs['comment-file']).toBe(path.join(out, 'app_web.comment.md'))
    expect(fs.readFileSync(c.outputs['comment-file'], 'utf8')).toBe(`${c.outputs['comment-markdown']}\n`)
    expect(JSON.parse(fs.readFileSync(c.outputs.sarif, 'utf8'))).toEqual(mergedSarif(two))
    expect(c.outputs['test-result']).toBe('passed')
    // web: 1 failing finding + 1 budget; app: none.
    expect(c.outputs.findings).toBe('2')
    // With several images the single-image outputs stay unset.
    expect(c.outputs.digest).toBeUndefined()
    expect(c.outputs.platforms).toBeUndefined()
    expect(c.outputs.size).toBeUndefined()
    expect(JSON.parse(c.outputs.images)).toEqual(
      imagesOutput(
        two,
        new Map([
          ['web', path.join(out, 'web.report.json')],
          ['app', path.join(out, 'app.report.json')]
        ])
      )
    )
  })

  test('one image: its digest, platforms and sizes are outputs too', async () => {
    const c = recordingCore()
    await publishMerge(inputs, one, env(c.core))
    expect(c.outputs.digest).toBe(D('9'))
    expect(JSON.parse(c.outputs.platforms)).toEqual([expect.objectContaining({ platform: 'linux/amd64' })])
    expect(c.outputs.size).toBe('1000')
    expect(c.outputs['compressed-size']).toBe('500')
    expect(c.outputs.findings).toBe('0')
  })

  test('one image not pushed: no digest output', async () => {
    const c = recordingCore()
    await publishMerge(inputs, { images: [image({ name: 'n', key: 'k' })], notes: [] }, env(c.core))
    expect(c.outputs.digest).toBeUndefined()
    expect(c.outputs.report).toBe(path.join(dir, 'out', 'k.report.json'))
  })

  test("findings and budget violations are annotated on their image's Dockerfile as a single run does (line 1 when none)", async () => {
    const c = recordingCore()
    await publishMerge(inputs, two, env(c.core))
    expect(c.log.filter(l => l.props?.file)).toEqual([
      {
        level: 'error',
        message: 'toolchain says no (/usr/bin/gcc)',
        props: { title: 'Stagecraft toolchain [linux/amd64]', file: 'web/Dockerfile', startLine: 12 }
      },
      {
        level: 'notice',
        message: 'hygiene/no-healthcheck says no (/usr/bin/gcc)',
        props: { title: 'Stagecraft hygiene/no-healthcheck', file: 'web/Dockerfile', startLine: 1 }
      },
      { level: 'error', message: 'web is over max-size', props: { title: 'Stagecraft: max-size', file: 'web/Dockerfile', startLine: 1 } }
    ])
  })

  test('the job summary: the comment, then a table of the indexes', async () => {
    const c = recordingCore()
    await publishMerge(inputs, two, env(c.core))
    expect(c.summary).toHaveLength(1)
    const [summary] = c.summary
    expect(summary.startsWith(`${c.outputs['comment-markdown']}\n\n| Image | Index | Tags | Platforms |\n| --- | --- | --- | --- |\n`)).toBe(true)
    expect(summary).toContain('| `127.0.0.1:5000/web` | ❌ not pushed |  | `linux/amd64` |')
    expect(summary).toContain(`| \`127.0.0.1:5000/app\` | \`${D('9')}\` | \`127.0.0.1:5000/app:v1\`<br>\`127.0.0.1:5000/app:latest\` | \`linux/amd64\` |`)
  })

  test("on a pull request: one sticky comment for all images and one check run with the worst image's verdict on the head", async () => {
    const c = recordingCore()
    const gh = fakeGitHub()
    await publishMerge(inputs, two, env(c.core, gh))
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].body).toContain(c.outputs['comment-markdown'])
    expect(gh.checks).toEqual([{ name: 'Images', head_sha: ctx.pullRequest!.headSha, conclusion: 'failure', title: web.report.verdict.reasons[0] }])
    expect(c.log.filter(l => l.level === 'warning')).toEqual([])
  })

  test('a passing merge concludes its check run "Passed"; a second publish updates the one comment', async () => {
    const c = recordingCore()
    const gh = fakeGitHub()
    await publishMerge(inputs, one, env(c.core, gh))
    await publishMerge(inputs, one, env(c.core, gh))
    expect(gh.comments).toHaveLength(1)
    expect(gh.checks[0]).toMatchObject({ conclusion: 'success', title: 'Passed' })
  })

  test('no token: a warning, no API call; no check name and not a pull request: nothing to publish', async () => {
    const c = recordingCore()
    const gh = fakeGitHub()
    await publishMerge({ ...inputs, 'github-token': '' }, two, env(c.core, gh))
    expect(c.log.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      'github-token is empty: no PR comment or check run (the report is in the job summary)'
    ])
    const push: RunContext = { ...ctx, eventName: 'push', pullRequest: undefined }
    const quiet = recordingCore()
    await publishMerge({ ...inputs, 'check-name': '' }, two, env(quiet.core, gh, { ctx: push }))
    expect(gh.comments).toEqual([])
    expect(gh.checks).toEqual([])
    expect(quiet.log.filter(l => l.level === 'warning')).toEqual([])
  })

  test('comment true outside a pull request: says why there is no comment', async () => {
    const c = recordingCore()
    const push: RunContext = { ...ctx, eventName: 'push', pullRequest: undefined }
    await publishMerge({ ...inputs, comment: 'true', 'check-name': '' }, one, env(c.core, fakeGitHub(), { ctx: push }))
    expect(c.log.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      'comment is true but this run is not for a pull request (event push); the report is in the job summary only'
    ])
  })

  test('on a push each passing, sized image is saved as its baseline; a failing one is not; never on a pull request', async () => {
    const store = new LocalDirStore(path.join(dir, 'store'))
    const push: RunContext = { ...ctx, eventName: 'push', ref: 'main', fullRef: 'refs/heads/main', pullRequest: undefined }
    await publishMerge({ ...inputs, 'check-name': '' }, two, env(recordingCore().core, fakeGitHub(), { store }))
    expect(fs.existsSync(store.dir) ? fs.readdirSync(store.dir) : []).toEqual([])
    await publishMerge({ ...inputs, 'check-name': '' }, two, env(recordingCore().core, fakeGitHub(), { ctx: push, store }))
    const saved = fs.readdirSync(store.dir)
    expect(saved).toHaveLength(1)
    expect(saved[0]).toContain('app')
    expect(saved[0]).not.toContain('web')
  })

  test('a step that fails is a warning and the others still run', async () => {
    const c = recordingCore({ summaryFails: true })
    const outDir = path.join(dir, 'a-file')
    fs.writeFileSync(outDir, '')
    const gh = fakeGitHub()
    await publishMerge(inputs, two, env(c.core, gh, { outDir }))
    const warnings = c.log.filter(l => l.level === 'warning').map(l => l.message)
    expect(warnings).toEqual([expect.stringMatching(/^could not write the report files: /), 'could not write the job summary: EACCES: GITHUB_STEP_SUMMARY'])
    expect(c.outputs.report).toBe('')
    expect(c.outputs['comment-markdown']).toBeDefined()
    expect(gh.comments).toHaveLength(1)
  })

  test('a secret in a report is redacted in the files, the outputs and the comment', async () => {
    const secret = 'hunter2-merge-secret'
    const leaky = image({ name: 'n', key: 'k', over: { verdict: { passed: false, reasons: [`leaked ${secret}`] } } })
    const redact = createRedactor([secret])
    const c = recordingCore()
    const gh = fakeGitHub()
    await publishMerge(inputs, { images: [leaky], notes: [] }, env(c.core, gh, { redact }))
    const everything = [fs.readFileSync(c.outputs.report, 'utf8'), JSON.stringify(c.outputs), c.summary.join(''), gh.comments[0].body, gh.checks[0].title]
    for (const text of everything) expect(text).not.toContain(secret)
    expect(gh.checks[0].title).toBe('leaked ***')
  })
})
