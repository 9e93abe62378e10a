// No test leaves an image behind in the engine. globalSetup/globalTeardown of the integration and
// e2e projects (engine-guard.setup.mjs, engine-guard.teardown.mjs) and the rules the tests' own
// cleanup uses (engine-images.ts).
//
// Setup snapshots the engine's dangling images and names a ledger file; the tests record every
// image they make there (recordImage in engine-images.ts). Teardown fails the run, listing them,
// when a recorded image is still in the engine: untagged (a dangling <none> image it was not
// before the run) or still under the tag the test gave it. Only recorded images count, so other
// builds on a shared engine (other checkouts, other agents) cannot make it fail. The engine is the
// one the tests use: DOCKER_HOST, else the current context.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const LEDGER_ENV = 'STAGECRAFT_IMAGE_LEDGER'
export const DANGLING_BEFORE_ENV = 'STAGECRAFT_DANGLING_BEFORE'
const DIR_ENV = 'STAGECRAFT_IMAGE_GUARD_DIR'

/** stdout of a docker command, or undefined when it fails. */
export function docker(args) {
  try {
    return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}

/** The image's id and tags, or undefined when the engine does not hold it. */
export function inspectImage(ref) {
  const out = docker(['image', 'inspect', '--format', '{{.Id}} {{json .RepoTags}}', ref])
  if (!out) return undefined
  const space = out.indexOf(' ')
  return { id: out.slice(0, space), tags: JSON.parse(out.slice(space + 1)) ?? [] }
}

/** The ids of the engine's dangling images (long form). */
export function danglingIds() {
  return new Set((docker(['images', '--filter', 'dangling=true', '--quiet', '--no-trunc']) ?? '').split('\n').filter(Boolean))
}

/**
 * What of a recorded image is still the test's: its tag, while the tag names the recorded image,
 * or the image itself, untagged and not dangling before the run. Undefined: nothing left.
 */
export function leftOver(entry, danglingBefore) {
  if (entry.tag && inspectImage(entry.tag)?.id === entry.id) return `${entry.tag} (${entry.id})`
  const info = inspectImage(entry.id)
  if (info && info.tags.length === 0 && !danglingBefore.has(entry.id)) return `<none> ${entry.id}`
  return undefined
}

export async function setup() {
  if (process.env[DIR_ENV]) return
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-image-guard-'))
  fs.writeFileSync(path.join(dir, 'dangling-before'), [...danglingIds()].join('\n'))
  fs.writeFileSync(path.join(dir, 'ledger'), '')
  process.env[DIR_ENV] = dir
  process.env[DANGLING_BEFORE_ENV] = path.join(dir, 'dangling-before')
  process.env[LEDGER_ENV] = path.join(dir, 'ledger')
}

export async function teardown() {
  const dir = process.env[DIR_ENV]
  if (!dir) return
  for (const k of [DIR_ENV, DANGLING_BEFORE_ENV, LEDGER_ENV]) delete process.env[k]
  const before = new Set(fs.readFileSync(path.join(dir, 'dangling-before'), 'utf8').split('\n').filter(Boolean))
  const entries = fs
    .readFileSync(path.join(dir, 'ledger'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l))
  fs.rmSync(dir, { recursive: true, force: true })
  const left = new Map()
  for (const e of entries) {
    const what = leftOver(e, before)
    if (what && !left.has(what)) left.set(what, e.test)
  }
  // Not a failure (other builds on a shared engine make them too), but said: a test that builds
  // without recording shows up here first.
  const recorded = new Set(entries.map(e => e.id))
  const unrecorded = [...danglingIds()].filter(id => !before.has(id) && !recorded.has(id))
  if (unrecorded.length) {
    console.warn(
      `engine guard: note: ${unrecorded.length} dangling image(s) appeared during the run that no test recorded (other builds on this engine, or a test that builds without recordImage): ${unrecorded.slice(0, 5).join(' ')}${unrecorded.length > 5 ? ' …' : ''}`
    )
  }
  if (left.size === 0) return
  const lines = [...left].map(([what, test]) => `  ${what}  made by ${test}`)
  throw new Error(
    `engine guard: ${left.size} image(s) the tests made are still in the engine (${process.env.DOCKER_HOST || 'the default engine'}):\n${lines.join('\n')}\n` +
      'Each test removes what it makes: recordImage() in __tests__/helpers/engine-images.ts.'
  )
}
