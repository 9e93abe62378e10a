/**
 * Every example under examples/ through the real pipeline on the real engine. Its naive
 * single-stage twin (Dockerfile.naive) is built first with plain buildx and becomes the size
 * baseline (--baseline-image); then the
 * multi-stage Dockerfile runs with its test stage as the gate. Each runner must pass its test
 * stage, have no audit error, run as a numeric non-root user, be smaller than its twin, and start
 * and report healthy through its own HEALTHCHECK.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import { readInputs } from '../../src/inputs/inputs.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { getter } from '../fixtures/inputs.js'
import { REPO_ROOT } from '../fixtures/paths.js'
import { recordBuild, recordImage } from '../helpers/engine-images.js'
import { recordingReporter } from '../helpers/reporter.js'
import { EXAMPLES_DIR, exampleNames, npmSecretFiles, STAND_IN_SETS } from './examples.js'
import { type PipelineResult } from '../../src/result.js'

const EXAMPLES = exampleNames()
const run = Math.random().toString(16).slice(2, 8)
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-examples-'))
const secretFiles = npmSecretFiles(tmpRoot)
const created: string[] = []
const summary: string[] = []

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

async function pipeline(name: string, map: Record<string, string>): Promise<PipelineResult> {
  const context = path.join(EXAMPLES_DIR, name)
  const inputs = readInputs(getter({ context, 'secret-files': secretFiles, ...map }), { cwd: context })
  const tmpDir = fs.mkdtempSync(path.join(tmpRoot, `${name}-`))
  const key = `examples/${name}/${path.basename(inputs.file)}`
  // env {}: no default layer cache (the GitHub cache service) whatever machine runs this.
  const result = await runPipeline(inputs, resolvePlan(inputs), { docker: new Docker(), reporter: recordingReporter(), tmpDir, key, env: {} })
  recordBuild(result.image?.inEngine ? result.image.imageId : undefined, inputs.tags)
  return result
}

/**
 * Build the naive twin the way its README does: a plain `docker buildx build -f Dockerfile.naive`
 * (it is the baseline, not a Stagecraft subject). Secrets go by file path, never by value.
 */
function buildNaive(name: string, tag: string): void {
  const secrets = secretFiles
    .split('\n')
    .filter(Boolean)
    .flatMap(l => ['--secret', `id=${l.slice(0, l.indexOf('='))},src=${l.slice(l.indexOf('=') + 1)}`])
  const context = path.join(EXAMPLES_DIR, name)
  try {
    execFileSync('docker', ['buildx', 'build', '--load', '--progress', 'plain', '-f', path.join(context, 'Dockerfile.naive'), '-t', tag, ...secrets, context], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
    recordImage(tag)
  } catch (e) {
    const log = String((e as { stderr?: string }).stderr ?? e).split('\n').slice(-30).join('\n')
    throw new Error(`the naive twin of ${name} did not build:\n${log}`)
  }
}

/** The failure with its log tail, so a failed build shows why in the assertion message. */
const outcome = (r: PipelineResult) => (r.failure ? { failure: r.failure, log: r.failedLogTail } : { failure: undefined })

/** Start the runner with its own HEALTHCHECK polled every second; resolves with the last status. */
async function healthStatus(image: string, withinMs = 30_000): Promise<string> {
  const name = `sc-example-${randomBytes(4).toString('hex')}`
  docker('run', '-d', '--name', name, '--health-interval=1s', '--health-start-period=0s', image)
  try {
    let status = 'starting'
    for (const deadline = Date.now() + withinMs; Date.now() < deadline; ) {
      status = docker('inspect', '--format', '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}', name)
      if (status === 'healthy' || status === 'unhealthy' || status === 'none') break
      await new Promise(r => setTimeout(r, 500))
    }
    return status
  } finally {
    docker('rm', '-f', name)
  }
}

beforeAll(() => {
  // Idempotent: creates only the stand-in base images that are missing (offline, see the script).
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts/base-images.sh'), ...STAND_IN_SETS], { stdio: ['ignore', 'ignore', 'inherit'] })
}, 900_000)

afterAll(() => {
  for (const t of created) {
    try {
      execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
    } catch {
      // already gone
    }
  }
  fs.rmSync(tmpRoot, { recursive: true, force: true })
  if (summary.length) console.log(`examples (multi-stage runner vs naive twin):\n${summary.join('\n')}`)
})

test('there are examples to build', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(5)
})

describe.each(EXAMPLES)('examples/%s', name => {
  test(
    'test stage passes; the runner has no audit error, runs as non-root, is smaller than its naive twin and becomes healthy',
    async () => {
      const naiveTag = `stagecraft-example/${name}-naive:${run}`
      const tag = `stagecraft-example/${name}:${run}`
      created.push(naiveTag, tag)

      buildNaive(name, naiveTag)

      const result = await pipeline(name, { 'test-target': 'test', tags: tag, 'baseline-image': naiveTag })
      expect(outcome(result)).toEqual({ failure: undefined })
      expect(result.testResult).toBe('passed')
      expect(result.warnings).toEqual([])

      const findings = result.audit!.findings
      const line = (f: (typeof findings)[number]) => `${f.severity} ${f.rule}${f.evidence.path ? ` ${f.evidence.path}` : ''}`
      expect(findings.filter(f => f.severity === 'error').map(line)).toEqual([])
      expect(result.audit!.failing).toBe(0)

      // Non-root by the audit's rule (no finding at all, not even a warning) and by the config.
      expect(findings.filter(f => f.rule === 'non-root').map(line)).toEqual([])
      const user = docker('image', 'inspect', '--format', '{{.Config.User}}', tag)
      expect(user).toMatch(/^[1-9]\d*(:\d+)?$/)

      // The size report compares against the naive twin, measured the same way.
      expect(result.baseline?.report).toBeDefined()
      expect(result.delta).toBeDefined()
      expect(result.delta!.bytes).toBe(result.size!.bytes)
      expect(result.size!.bytes).toBeLessThan(result.delta!.baseBytes)

      expect(await healthStatus(tag)).toBe('healthy')

      const others = findings.filter(f => f.severity !== 'error').map(line)
      summary.push(
        `  ${name}: ${mb(result.size!.bytes)} vs ${mb(result.delta!.baseBytes)} (${result.delta!.percent?.toFixed(1)}%), ` +
          `user ${user}; findings: ${others.join(', ') || 'none'}`
      )
    },
    900_000
  )
})
