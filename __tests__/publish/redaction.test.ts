/**
 * The redaction choke point, publishing side: a secret in every place a phase can put text
 * (each phase's reason, the failure and its log tail, warnings, cache mounts, findings, build
 * checks, budgets, the baseline note, even an API error) reaches none of what publishing writes:
 * outputs, report JSON, comment Markdown, SARIF, job summary, annotations, log lines, the PR
 * comment and the check run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ChecksApi, CommentsApi } from '../../src/github/client.js'
import { maskablePieces } from '../../src/inputs/secrets.js'
import type { PipelineResult } from '../../src/result.js'
import { publish, redactingCore, type ActionCore } from '../../src/publish/publish.js'
import { createRedactor } from '../../src/redact.js'
import { buildRunReport } from '../../src/report/build-report.js'
import { makeInputs } from '../fixtures/inputs.js'
import { ctx } from './publish-env.js'

const SECRET = 'tok-9f8e7d6c5b4a'
/** A multi-line secret: each of its lines is hidden too (maskablePieces). */
const MULTI = 'line-one-AAAA\nline-two-BBBB'
const pieces = [
  ...maskablePieces({ id: 't', source: { kind: 'value', value: SECRET } }),
  ...maskablePieces({ id: 'm', source: { kind: 'value', value: MULTI } })
]
const leaks = (text: string) => [SECRET, 'line-one-AAAA', 'line-two-BBBB'].filter(s => text.includes(s))

/** Every phase failing or warning with the secret in its words. */
function leakyResult(): PipelineResult {
  const phases = ['Engine', 'Baseline', 'Cache mounts: restore', 'Test stage "test"', 'Runner stage "runner"', 'Audit', 'Size', 'Budgets'].map(name => ({
    name,
    durationMs: 1,
    outcome: 'failed' as const,
    reason: `${name} broke: ${SECRET}`
  }))
  return {
    phases,
    testResult: 'failed',
    testStage: 'test',
    runnerStage: 'runner',
    failure: `test stage "test" failed: ${SECRET}`,
    failedLogTail: [`#5 echo ${SECRET}`, `#6 line-one-AAAA`, 'line-two-BBBB'],
    failedLine: 2,
    warnings: [`cache mount npm: ${SECRET}`, `baseline: ${SECRET}`],
    layerCache: { cacheFrom: [], cacheTo: [], reason: `because ${SECRET}` },
    cacheMounts: [
      {
        phase: 'restore',
        id: 'npm',
        targets: ['/root/.npm'],
        lines: [2],
        outcome: 'failed',
        bytes: 0,
        files: 0,
        storeMs: 0,
        buildMs: 0,
        message: `restore failed: ${SECRET}`
      }
    ],
    image: { imageId: 'sha256:img', metadata: `{"note":"${SECRET}"}`, tags: [`app:${SECRET}`], inEngine: true },
    audit: {
      image: { id: 'sha256:img', user: '0', os: 'linux', architecture: 'amd64', totalBytes: 1, compressedBytes: 1, wastedBytes: 0, layers: [] },
      findings: [{ rule: 'secret-leak', severity: 'error', message: `found ${SECRET} in a layer`, evidence: { path: `/app/${SECRET}.txt`, line: 3 } }],
      allowed: [],
      failing: 1,
      source: { streamed: 1, cached: 0, dockerSave: false, reader: 'oci-layout' }
    },
    checks: [{ rule: 'SecretsUsedInArgOrEnv', severity: 'warning', message: `ARG ${SECRET}`, line: 4 }],
    budgets: [{ budget: 'max-size', message: `image over budget (${SECRET})`, limit: '1', actual: '2' }],
    baseline: { note: `no baseline: ${SECRET}` }
  } as unknown as PipelineResult
}

function recordingCore() {
  const seen: string[] = []
  const outputs: Record<string, string> = {}
  const core: ActionCore = {
    setOutput: (n, v) => void (outputs[n] = v),
    info: m => void seen.push(m),
    warning: (m, p) => void seen.push(m, JSON.stringify(p ?? {})),
    error: (m, p) => void seen.push(m, JSON.stringify(p ?? {})),
    notice: (m, p) => void seen.push(m, JSON.stringify(p ?? {})),
    appendSummary: async md => void seen.push(md)
  }
  return { core, seen, outputs }
}

/** A GitHub that records every body it is sent, and fails the check run with the secret in the error. */
function recordingGitHub() {
  const sent: string[] = []
  const api: CommentsApi & ChecksApi = {
    identity: async () => ({ login: 'github-actions[bot]', type: 'Bot', source: 'graphql' }) as never,
    listComments: async function* () {},
    createComment: async (_issue, body) => {
      sent.push(body)
      return { id: 1, body, html_url: 'https://github.test/c/1', author: { login: 'github-actions[bot]', type: 'Bot' } }
    },
    updateComment: async () => {
      throw new Error('no comment to update')
    },
    deleteComment: async () => {},
    createCheckRun: async run => {
      sent.push(JSON.stringify(run))
      throw new Error(`Bad credentials for ${SECRET}`)
    },
    listCheckRuns: async () => [],
    updateCheckRun: async () => {}
  }
  return { api, sent }
}

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-redact-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

test('a secret in every phase reaches none of the outputs, files, summary, annotations, log lines, comment or check run', async () => {
  const r = leakyResult()
  // The report is built from the raw result: publishing redacts both before rendering anything.
  const report = buildRunReport(r, { dockerfile: 'Dockerfile', key: 'Dockerfile:runner', failOn: 'error', ctx })
  expect(leaks(JSON.stringify(report))).not.toEqual([]) // the premise: the secret is in there
  const c = recordingCore()
  const gh = recordingGitHub()
  await publish(makeInputs({ 'github-token': 'ghs_x', 'check-name': 'Image' }), r, report, {
    core: c.core,
    redact: createRedactor(pieces),
    dockerfile: 'Dockerfile',
    outDir: path.join(dir, 'out'),
    ctx,
    github: () => gh.api
  })
  const files = ['report', 'comment-file', 'sarif'].map(o => fs.readFileSync(c.outputs[o], 'utf8'))
  expect(files).toHaveLength(3)
  expect(gh.sent.length).toBeGreaterThanOrEqual(2) // the comment and the check run were sent
  expect(c.seen.join('\n')).toContain('Bad credentials for ***') // an API error passes the sink too
  const everything = [...Object.values(c.outputs), ...files, ...c.seen, ...gh.sent].join('\n')
  expect(everything).toContain('***')
  expect(leaks(everything)).toEqual([])
})

test('redactingCore: messages, annotation properties, output values and the summary', async () => {
  const c = recordingCore()
  const core = redactingCore(c.core, createRedactor([SECRET]))
  core.setOutput('x', SECRET)
  core.error(`e ${SECRET}`, { title: SECRET, file: 'Dockerfile', startLine: 1 })
  await core.appendSummary(`# ${SECRET}`)
  expect(c.outputs.x).toBe('***')
  expect(c.seen).toEqual(['e ***', '{"title":"***","file":"Dockerfile","startLine":1}', '# ***'])
})
