/**
 * BuildKit's Dockerfile checks through the pipeline, on real engines: the sid engine (Docker 28.5,
 * containerd 2.1, buildx 0.29: scripts/setup-sid-engine.sh, started here if it is not running)
 * reports them in `call: check` and in a normal build; buildx 0.13 on the default engine has none.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker, runDocker, type Runner } from '../../src/docker/docker.js'
import { readInputs } from '../../src/inputs/inputs.js'
import type { PipelineResult } from '../../src/result.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { buildRunReport } from '../../src/report/build-report.js'
import { getter } from '../fixtures/inputs.js'
import { fixture } from '../fixtures/paths.js'
import { recordBuild } from '../helpers/engine-images.js'
import { sidEngineEnv } from '../helpers/buildkit-builders.js'
import { recordingReporter } from '../helpers/reporter.js'

const CONTEXT = fixture('build-checks')
const FILE = path.join(CONTEXT, 'lint.Dockerfile')
const LINES = [
  ['build-check/ConsistentInstructionCasing', 2],
  ['build-check/ConsistentInstructionCasing', 3],
  ['build-check/MaintainerDeprecated', 6],
  ['build-check/MultipleInstructionsDisallowed', 10],
  ['build-check/JSONArgsRecommended', 12]
]

/** DOCKER_HOST and DOCKER_CONFIG of the sid engine, as its script prints them. */
let sidEnv: Record<string, string> = {}
const sidRunner: Runner = (args, opts = {}) => runDocker(args, { ...opts, env: { ...sidEnv, ...opts.env } })
const sidImages: string[] = []

beforeAll(() => {
  sidEnv = sidEngineEnv()
})
afterAll(() => {
  for (const id of sidImages) {
    try {
      execFileSync('docker', ['rmi', '-f', id], { env: { ...process.env, ...sidEnv }, stdio: 'ignore' })
    } catch {
      // already gone
    }
  }
})

const run = async (map: Record<string, string>, docker: Docker): Promise<PipelineResult> => {
  const inputs = readInputs(getter({ context: CONTEXT, file: FILE, 'require-non-root': 'false', ...map }), { cwd: CONTEXT })
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-checks-'))
  try {
    return await runPipeline(inputs, resolvePlan(inputs), { docker, reporter: recordingReporter(), tmpDir, key: 'lint.Dockerfile:runner' })
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
}

describe('on the sid engine (buildx 0.29)', () => {
  test('the engine is the one asked for: Docker 28.5, buildx 0.29, containerd store', () => {
    const env = { ...process.env, ...sidEnv }
    expect(sidEnv.DOCKER_HOST).toBe('unix:///run/stagecraft-sid/docker.sock')
    expect(execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { env, encoding: 'utf8' })).toMatch(/^28\.5\./)
    expect(execFileSync('docker', ['buildx', 'version'], { env, encoding: 'utf8' })).toMatch(/ v?0\.29\./)
    expect(execFileSync('docker', ['info', '--format', '{{json .DriverStatus}}'], { env, encoding: 'utf8' })).toContain('io.containerd.snapshotter')
  })

  test("call: check fails the step, as buildx and BPA's call-check job do, each check a finding on its line", async () => {
    const result = await run({ call: 'check' }, new Docker(sidRunner))
    expect(result.failure).toBe(
      'call "check": 5 build checks found (build-check/ConsistentInstructionCasing, build-check/MaintainerDeprecated, build-check/MultipleInstructionsDisallowed, build-check/JSONArgsRecommended)'
    )
    expect(result.phases.at(-1)).toMatchObject({ name: 'Call "check"', outcome: 'failed' })
    expect(result.checks?.map(c => [c.rule, c.line])).toEqual(LINES)
    expect(result.image).toBeUndefined()
    const report = buildRunReport(result, { dockerfile: 'lint.Dockerfile', key: 'k', failOn: 'error' })
    expect(report.verdict.passed).toBe(false)
  })

  test('a normal build reports the same checks as findings; fail-on decides (error: passes, warning: fails)', async () => {
    const result = await run({}, new Docker(sidRunner))
    if (result.image) sidImages.push(result.image.imageId)
    expect(result.failure).toBeUndefined()
    expect(result.checks?.map(c => [c.rule, c.line])).toEqual(LINES)
    expect(result.checks?.[4]).toMatchObject({ file: 'lint.Dockerfile', url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/' })
    // BPA's metadata output carries the warnings too (BUILDX_METADATA_WARNINGS=true).
    expect(JSON.parse(result.image!.metadata)['buildx.build.warnings']).toHaveLength(5)
    expect(buildRunReport(result, { dockerfile: 'lint.Dockerfile', key: 'k', failOn: 'error' }).verdict.passed).toBe(true)
    const gated = buildRunReport(result, { dockerfile: 'lint.Dockerfile', key: 'k', failOn: 'warning' }).verdict
    expect(gated.passed).toBe(false)
    expect(gated.reasons).toContain(
      'build checks: 5 at or above warning (build-check/ConsistentInstructionCasing, build-check/MaintainerDeprecated, build-check/MultipleInstructionsDisallowed, build-check/JSONArgsRecommended)'
    )
  })
})

test('on the engine the run uses, docker driver: checks reported where buildx has them (≥ 0.15), none invented where it has not (0.13)', async () => {
  const version = /v?(\d+)\.(\d+)/.exec(execFileSync('docker', ['buildx', 'version'], { encoding: 'utf8' }))
  const hasChecks = !!version && (Number(version[1]) > 0 || Number(version[2]) >= 15)
  const result = await run({}, new Docker())
  recordBuild(result.image?.inEngine ? result.image.imageId : undefined)
  expect(result.failure).toBeUndefined()
  if (hasChecks) expect(result.checks?.map(c => [c.rule, c.line])).toEqual(LINES)
  else expect(result.checks).toBeUndefined()
})
