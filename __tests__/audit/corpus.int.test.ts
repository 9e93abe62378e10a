/**
 * The labelled corpus on the real engine: clean runtime images give zero errors; each dirty one
 * gives exactly its expected errors (rule, Dockerfile line, path). Also: the layer cache gives the
 * same findings without docker save, and a vanished image gives one clear error line.
 */
import { execFileSync } from 'node:child_process'
import { jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AuditReport } from '../../src/audit/index.js'
import { auditImage } from '../../src/pipeline/examine.js'
import { Docker } from '../../src/docker/docker.js'
import { EnvironmentError } from '../../src/errors.js'
import { secretsKey } from '../../src/inspect/audit-cache.js'
import { buildCorpus, fixtureNames, readExpected, type BuiltFixture } from './fixture-build.js'

jest.setTimeout(15 * 60 * 1000)

const docker = new Docker()
const OPTIONS = { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' as const }
let corpus: Map<string, BuiltFixture>
let cacheDir: string

beforeAll(async () => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'stagecraft-layer-cache-'))
  corpus = await buildCorpus(docker)
})
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

const audit = (f: BuiltFixture, layerCacheDir?: string, secretScanCacheDir?: string): Promise<AuditReport> =>
  auditImage({
    docker,
    image: f.tag,
    dockerfile: { path: f.dockerfilePath, plan: f.plan },
    target: f.target,
    secrets: f.secrets,
    options: OPTIONS,
    layerCacheDir,
    secretScanCacheDir
  })

/** What a test compares: rule, line and (when expected names one) path of each error. */
const errorsOf = (r: AuditReport, withPath: boolean[]) =>
  r.findings
    .filter(f => f.severity === 'error')
    .map(f => ({ rule: f.rule, line: f.evidence.line, path: f.evidence.path }))
    .sort((a, b) => a.rule.localeCompare(b.rule) || (a.line ?? 0) - (b.line ?? 0) || (a.path ?? '').localeCompare(b.path ?? ''))
    .map((e, i) => (withPath[i] ? e : { rule: e.rule, line: e.line }))

const audited = fixtureNames().filter(n => readExpected(n).audit !== false)

test.each(audited)('%s gives exactly its expected errors', async name => {
  const f = corpus.get(name)!
  const report = await audit(f)
  // This build's own `ARG NAME=value` steps (a base image's history may hold ARG steps of its own).
  const argNames = Object.keys(f.expected.buildArgSecrets ?? {})
  const argInHistory = execFileSync('docker', ['history', '--no-trunc', '--format', '{{.CreatedBy}}', f.tag], { encoding: 'utf8' })
    .split('\n')
    .some(l => argNames.some(n => l.startsWith(`ARG ${n}=`)))
  const expected = [...f.expected.errors, ...(argInHistory ? (f.expected.errorsWhereArgInHistory ?? []) : [])].sort(
    (a, b) => a.rule.localeCompare(b.rule) || a.line - b.line || (a.path ?? '').localeCompare(b.path ?? '')
  )
  const strip = ({ message: _m, ...e }: (typeof expected)[number]) => e
  expect(
    errorsOf(
      report,
      expected.map(e => e.path !== undefined)
    )
  ).toEqual(expected.map(strip))
  expect(report.failing).toBe(expected.length)
  // Messages say what the expectation says (e.g. which encoding a secret was written in).
  for (const e of expected.filter(x => x.message)) {
    const hit = report.findings.find(x => x.severity === 'error' && x.rule === e.rule && x.evidence.line === e.line && (!e.path || x.evidence.path === e.path))
    expect(hit?.message).toMatch(new RegExp(e.message!))
  }
  // The warnings a fixture is about (wasted space, headers without a compiler, unscanned secrets).
  for (const w of f.expected.warnings ?? []) {
    const match = report.findings.filter(
      x =>
        x.severity !== 'error' &&
        x.rule === w.rule &&
        (w.line === undefined || x.evidence.line === w.line) &&
        (w.path === undefined || x.evidence.path === w.path) &&
        (w.message === undefined || new RegExp(w.message).test(x.message))
    )
    expect({ name, warning: w, found: match.length }).toEqual({ name, warning: w, found: 1 })
  }
  // Every layer is attributed to a line of the Dockerfile.
  for (const l of report.image.layers) expect(l.line).toBeGreaterThan(0)
})

test('no secret value appears anywhere in a report', async () => {
  for (const name of ['secret-deleted-file', 'secret-in-env', 'secret-encoded', 'secret-weak-values']) {
    const f = corpus.get(name)!
    const text = JSON.stringify(await audit(f))
    for (const s of f.secrets) expect(text.includes(s.value)).toBe(false)
  }
})

test('the layer cache gives the same report without docker save', async () => {
  const f = corpus.get('secret-deleted-file')!
  const privateDir = path.join(cacheDir, 'secret-scans')
  const first = await audit(f, cacheDir, privateDir)
  const second = await audit(f, cacheDir, privateDir)
  expect(first.source.dockerSave).toBe(true)
  expect({ ...second.source, timings: undefined }).toEqual({
    streamed: 0,
    cached: first.image.layers.length,
    dockerSave: false,
    reader: 'cache',
    timings: undefined
  })
  expect(second.findings).toEqual(first.findings)
  expect(second.image).toEqual(first.image)
})

test('with the shared cache alone, the layers a secret could reach are searched again; the base image layer is not', async () => {
  const f = corpus.get('secret-deleted-file')!
  const shared = mkdtempSync(path.join(tmpdir(), 'stagecraft-shared-'))
  try {
    const first = await audit(f, shared)
    const second = await audit(f, shared)
    // busybox's layer, then RUN --mount=type=secret (reached) and RUN rm (same stage, after it: reached).
    expect({ ...second.source, timings: undefined }).toEqual({ streamed: 2, cached: 1, dockerSave: true, reader: 'engine-export', timings: undefined })
    expect(second.findings).toEqual(first.findings)
    expect(second.findings.filter(x => x.rule === 'secret-leak').map(x => x.evidence.line)).toEqual([2])
  } finally {
    rmSync(shared, { recursive: true, force: true })
  }
})

/** Every file of `dir` (relative name → sha256 of its bytes). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name)
    if (statSync(p).isFile()) out[name] = createHash('sha256').update(readFileSync(p)).digest('hex')
  }
  return out
}

test('the shared layer cache is no oracle: from its contents, the diff ids and a dictionary holding the secret, no word stands out', async () => {
  // secret-deleted-file copies the secret into a layer; secret-encoded writes four secrets encoded.
  for (const name of ['secret-deleted-file', 'secret-encoded']) {
    const f = corpus.get(name)!
    const truth = f.secrets
    // The attacker's dictionary: the true values among guesses of the same shapes and lengths.
    const guesses = [0, 1, 2, 3].map(k => truth.map(s => ({ id: s.id, value: s.value.slice(0, -4) + String(1000 + k) })))
    const dictionary = [guesses[0], guesses[1], truth, guesses[2], guesses[3]]
    const snapshots: Record<string, string>[] = []
    let diffIds: string[] = []
    for (const secrets of dictionary) {
      // What the Actions cache would hold after a run on the default branch with these secrets.
      const shared = mkdtempSync(path.join(tmpdir(), 'stagecraft-shared-'))
      try {
        const report = await auditImage({
          docker,
          image: f.tag,
          dockerfile: { path: f.dockerfilePath, plan: f.plan },
          target: f.target,
          secrets,
          options: OPTIONS,
          layerCacheDir: shared
        })
        if (secrets === truth) expect(report.findings.some(x => x.rule === 'secret-leak')).toBe(true)
        diffIds = report.image.layers.map(l => l.digest)
        snapshots.push(snapshot(shared))
      } finally {
        rmSync(shared, { recursive: true, force: true })
      }
    }
    expect(Object.keys(snapshots[2]).length).toBeGreaterThan(0)
    // Byte for byte the same whichever word is the secret: nothing in it tells the true one apart.
    for (const s of snapshots) expect(s).toEqual(snapshots[2])
    // And the attack on the former layout (file names from the diff id and the secrets) finds nothing.
    for (const words of dictionary) {
      const key = secretsKey(words)
      for (const d of diffIds) expect(snapshots[2]).not.toHaveProperty(`layer-${createHash('sha256').update(`${d}\n${key}`).digest('hex')}.json`)
    }
  }
})

test('a secret the cache has not seen is scanned for, not taken from the cache', async () => {
  const f = corpus.get('secret-deleted-file')!
  await audit(f, cacheDir)
  const without = await auditImage({
    docker,
    image: f.tag,
    dockerfile: { path: f.dockerfilePath, plan: f.plan },
    target: f.target,
    secrets: [],
    options: OPTIONS,
    layerCacheDir: cacheDir
  })
  expect(without.findings.filter(x => x.rule === 'secret-leak')).toEqual([])
})

test('an image that vanished before the audit gives one clear line', async () => {
  const f = corpus.get('user-0-0')!
  const gone = { ...f, tag: 'stagecraft-fixture/does-not-exist:gone' }
  await expect(audit(gone)).rejects.toThrow(EnvironmentError)
  await expect(audit(gone)).rejects.toThrow(/stagecraft-fixture\/does-not-exist:gone is not in the engine's image store/)
})
