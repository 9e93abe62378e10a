/**
 * Builds the audit corpus (`__tests__/fixtures/audit/<name>/`) on the real engine as
 * `stagecraft-fixture/<name>`, with the secrets and build args its expected.json names.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Docker } from '../../src/docker/docker.js'
import { parseDockerfile, findStage, type DockerfilePlan, type Stage } from '../../src/plan/dockerfile.js'
import { fixture } from '../fixtures/paths.js'
import { inspectImage } from '../helpers/engine-guard.mjs'
import { recordImage } from '../helpers/engine-images.js'

/** expected.json: what the audit of the fixture must find. */
export interface Expected {
  /** false for images that are only built (bases of other fixtures). */
  audit?: boolean
  /** Stage to build (default: the last one). */
  target?: string
  /** Other fixtures to build first (their tags are used in FROM). */
  needs?: string[]
  /** Build secrets (id → value), passed with --secret and to the audit. Fixture values, not real secrets. */
  secrets?: Record<string, string>
  /** Build args whose value is a secret: ARG name → secret id. */
  buildArgSecrets?: Record<string, string>
  /**
   * Exactly the error findings expected: rule, Dockerfile line, and optionally the evidence path and
   * a regular expression the message must match.
   */
  errors: { rule: string; line: number; path?: string; message?: string }[]
  /**
   * Errors expected besides, where the builder records an `ARG NAME=value` step in the image's
   * history (BuildKit in Docker 28 does; Docker 26's does not): a build arg's value is then in the
   * config even with no RUN after it.
   */
  errorsWhereArgInHistory?: { rule: string; line: number; path?: string; message?: string }[]
  /** Findings below error that must be among the findings (not exhaustive). */
  warnings?: { rule: string; line?: number; path?: string; message?: string }[]
}

export interface BuiltFixture {
  name: string
  tag: string
  dockerfilePath: string
  plan: DockerfilePlan
  target: Stage
  expected: Expected
  secrets: { id: string; value: string }[]
}

export const CORPUS_DIR = fixture('audit')

/** Names of the fixtures (directories holding a Dockerfile). */
export function fixtureNames(): string[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => d.name)
    .sort()
}

export function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(CORPUS_DIR, name, 'expected.json'), 'utf8')) as Expected
}

/** Build one fixture (its `needs` must be built already). Throws with the build log's tail. */
export async function buildFixture(docker: Docker, name: string): Promise<BuiltFixture> {
  const dir = path.join(CORPUS_DIR, name)
  const dockerfilePath = path.join(dir, 'Dockerfile')
  const expected = readExpected(name)
  const plan = parseDockerfile(readFileSync(dockerfilePath, 'utf8'))
  const target = (expected.target ? findStage(plan, expected.target) : undefined) ?? plan.stages[plan.stages.length - 1]
  const tag = `stagecraft-fixture/${name}`
  const secrets = Object.entries(expected.secrets ?? {}).map(([id, value]) => ({ id, value }))
  const tmp = mkdtempSync(path.join(tmpdir(), 'stagecraft-audit-'))
  try {
    const args = ['--load', '-t', tag, '-f', dockerfilePath, '--progress', 'plain']
    if (expected.target) args.push('--target', expected.target)
    for (const s of secrets) {
      const file = path.join(tmp, s.id)
      writeFileSync(file, s.value)
      args.push('--secret', `id=${s.id},src=${file}`)
    }
    const env: Record<string, string> = {}
    for (const [arg, id] of Object.entries(expected.buildArgSecrets ?? {})) {
      // By environment, never argv: `--build-arg NAME` takes the value from the environment.
      env[arg] = expected.secrets?.[id] ?? ''
      args.push('--build-arg', arg)
    }
    // A rebuild moves the tag; on the classic store the image it named stays as a <none> image.
    const previous = inspectImage(tag)?.id
    let r = await docker.buildx([...args, dir], { env })
    // containerd's snapshotter can lose a race when several builds unpack the same parent layers at
    // once ("parent snapshot … does not exist: not found"): the same build succeeds when run again.
    for (let retry = 0; retry < 2 && r.exitCode !== 0 && /snapshot .* not found|failed to solve: not found/.test(r.stderr); retry++) {
      r = await docker.buildx([...args, dir], { env })
    }
    if (r.exitCode !== 0) {
      const tail = r.stderr.split('\n').slice(-25).join('\n')
      throw new Error(`building fixture ${name} failed:\n${tail}`)
    }
    if (previous && inspectImage(tag)?.id !== previous && inspectImage(previous)?.tags.length === 0) recordImage(previous)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return { name, tag, dockerfilePath, plan, target, expected, secrets }
}

/** Fixtures built at once: enough to overlap the engine's waits, few enough not to thrash 2 cores. */
const CONCURRENCY = 4

/** Build every fixture, bases first, the rest a few at a time. */
export async function buildCorpus(docker: Docker): Promise<Map<string, BuiltFixture>> {
  const names = fixtureNames()
  const bases = new Set(names.flatMap(n => readExpected(n).needs ?? []))
  const built = new Map<string, BuiltFixture>()
  for (const b of bases) built.set(b, await buildFixture(docker, b))
  const queue = names.filter(n => !bases.has(n))
  const worker = async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) built.set(n, await buildFixture(docker, n))
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return built
}
