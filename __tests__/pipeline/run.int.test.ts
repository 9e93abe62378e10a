/**
 * The pipeline on the real engine and real buildx: a multi-stage fixture with a cache mount
 * and a secret mount, its test stage passing and failing, and the secret nowhere in the image.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { Docker } from '../../src/docker/docker.js'
import { readInputs } from '../../src/inputs/inputs.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { getter } from '../fixtures/inputs.js'
import { fixture } from '../fixtures/paths.js'
import { recordBuild } from '../helpers/engine-images.js'
import { imageId, imageOccurrences } from '../helpers/image-bytes.js'
import { recordingReporter } from '../helpers/reporter.js'

const FIXTURE = fixture('multistage')
const run = async (map: Record<string, string>, docker = new Docker()) => {
  const inputs = readInputs(getter({ context: FIXTURE, ...map }), { cwd: FIXTURE })
  const reporter = recordingReporter()
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-pipeline-'))
  const result = await runPipeline(inputs, resolvePlan(inputs), { docker, reporter, tmpDir, key: 'Dockerfile:runner' })
  recordBuild(result.image?.inEngine ? result.image.imageId : undefined, inputs.tags) // untagged runs leave no <none> image
  return { result, reporter }
}
const tag = (name: string) => `stagecraft-test/${name}:${randomBytes(4).toString('hex')}`
const created: string[] = []
afterAll(() => {
  for (const t of created) {
    try {
      execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
    } catch {
      // already gone
    }
  }
})

describe('pipeline on the real engine', () => {
  test('test stage passes, runner built, imageid is the engine id, the secret is nowhere', async () => {
    const secret = `tok-${randomBytes(12).toString('hex')}`
    const t = tag('pass')
    created.push(t)
    const { result, reporter } = await run({ 'test-target': 'test', tags: t, secrets: `registry_token=${secret}`, 'no-cache': 'true' })
    expect(result.failure).toBeUndefined()
    expect(result.testResult).toBe('passed')
    expect(result.image?.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.image?.imageId).toBe(imageId(t))
    expect(JSON.parse(result.image!.metadata)['image.name']).toContain(t)
    expect(result.phases.map(p => [p.name, p.outcome])).toEqual([
      ['Engine', 'ok'],
      ['Baseline', 'ok'],
      ['Test stage "test"', 'ok'],
      ['Runner stage "runner"', 'ok'],
      ['Audit', 'ok'],
      ['Size', 'ok']
    ])
    // The runner is non-root, toolchain-free and leak-free: only the busybox shell notice remains.
    expect(result.audit?.failing).toBe(0)
    expect(result.audit?.findings.map(f => f.rule)).toEqual(['hygiene/shell'])
    expect(result.size?.layerCount).toBe(3)
    expect(result.size?.bytes).toBe(result.audit!.image.totalBytes)
    expect(result.budgets).toEqual([])
    // The test stage really ran (its output is in the log) and the runner works.
    expect(reporter.lines.join('\n')).toContain('2 passed, 0 failed')
    expect(execFileSync('docker', ['run', '--rm', t], { encoding: 'utf8' }).trim()).toBe('hello from stagecraft')
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Config.User}}', t], { encoding: 'utf8' }).trim()).toBe('10001:10001')
    // The secret reached no layer, no history entry, no config, no log line.
    expect(imageOccurrences(t, secret)).toEqual([])
    expect(reporter.lines.join('\n')).not.toContain(secret)
  })

  test('the secret mount really received the value (the builder stage checks it is non-empty)', async () => {
    const t = tag('nosecret')
    // Without the required secret the builder stage cannot run: the build fails, naming the stage.
    const { result } = await run({ tags: t, 'no-cache': 'true' })
    expect(result.failure).toBe('build of runner stage "runner" failed')
    expect(result.failedLogTail?.join('\n')).toMatch(/registry_token/)
    expect(result.warnings.join('\n')).toContain('mounts secret "registry_token" but no secret with that id was given')
    expect(imageId(t)).toBeUndefined()
  })

  test('a failing test stage fails with its log tail, and no runner image is built', async () => {
    const t = tag('fail')
    const { result } = await run({ 'test-target': 'test', tags: t, secrets: 'registry_token=x1', 'build-args': 'FAIL_TESTS=1' })
    expect(result.testResult).toBe('failed')
    expect(result.failure).toMatch(/^test stage "test" failed \(exit 1\)/)
    expect(result.failedLogTail!.length).toBeLessThanOrEqual(40)
    expect(result.failedLogTail!.join('\n')).toContain("FAIL test 2: expected 'goodbye'")
    expect(result.image).toBeUndefined()
    expect(result.phases.at(-1)).toMatchObject({ name: 'Runner stage "runner"', outcome: 'skipped' })
    expect(imageId(t)).toBeUndefined()
  })

  test('the cache mount is used: a second build of the deps step finds what the first left', async () => {
    // no-cache forces the RUN to execute again while the cache mount keeps its contents.
    const first = await run({ target: 'deps', 'no-cache': 'true' })
    expect(first.result.failure).toBeUndefined()
    const second = await run({ target: 'deps', 'no-cache': 'true' })
    expect(second.reporter.lines.join('\n')).toContain('pkg cache: hit')
  })

  test('a single-stage Dockerfile (unnamed last stage) builds, audits and sizes', async () => {
    const { result } = await run({ file: path.join(FIXTURE, 'Dockerfile.naive'), secrets: 'registry_token=tok-single-01' })
    expect(result.failure).toBeUndefined()
    expect(result.runnerStage).toBe('stage-0') // as BuildKit names an unnamed stage
    expect(result.audit?.findings.map(f => f.rule)).toContain('non-root') // no USER: root by omission
    expect(result.size?.layerCount).toBeGreaterThan(3)
  })

  test('no engine reachable: the Engine phase fails with one line naming the problem (a result, not a throw)', async () => {
    const saved = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock'
    try {
      const { result } = await run({ secrets: 'registry_token=tok-noengine-1' })
      expect(result.failure).toMatch(/^no Docker engine reachable \(.*\); start one, e\.g\. with scripts\/setup-engine\.sh$/)
      expect(result.failureKind).toBe('environment')
      expect(result.phases).toEqual([{ name: 'Engine', durationMs: expect.any(Number), outcome: 'failed', reason: result.failure }])
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST
      else process.env.DOCKER_HOST = saved
    }
  })

  test('buildx missing: the Engine phase fails with one line naming the problem', async () => {
    // A docker CLI without the buildx plugin: a wrapper that answers like docker does then.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-nobuildx-'))
    const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim()
    fs.writeFileSync(
      path.join(dir, 'docker'),
      `#!/bin/sh\nif [ "$1" = buildx ]; then echo "docker: unknown command: docker buildx" >&2; exit 1; fi\nexec ${real} "$@"\n`,
      { mode: 0o755 }
    )
    const savedPath = process.env.PATH
    process.env.PATH = `${dir}:${savedPath}`
    try {
      // A secret of one letter would redact every "x" of the message: a realistic one.
      const { result } = await run({ secrets: 'registry_token=tok-nobuildx-1' })
      expect(result.failure).toMatch(/^docker buildx is missing: install the buildx CLI plugin/)
      expect(result.phases.map(p => [p.name, p.outcome])).toEqual([['Engine', 'failed']])
    } finally {
      process.env.PATH = savedPath
      fs.rmSync(dir, { recursive: true })
    }
  })
})
