/**
 * The images the integration and end-to-end tests make in the engine, and their removal.
 *
 * A build Stagecraft runs without `tags` still loads its image (the docker driver always does), so
 * it would stay in the engine as a dangling `<none>` image; a test's tagged image stays until its
 * tag is removed. Tests record what they make with {@link recordImage} (runAction records the
 * action's `imageid` by itself); engine-images.setup.ts removes it when the test file ends, and the
 * guard (engine-guard.mjs) checks after the whole run that none of it is left.
 *
 * Only what a test recorded is ever removed, and only while it is still the test's: a tag while
 * it names the recorded image, an image while no tag names it and it was not dangling before the
 * run (an identical build elsewhere on a shared engine gives the same id).
 */
import fs from 'node:fs'
import { DANGLING_BEFORE_ENV, LEDGER_ENV, danglingIds, docker, inspectImage, leftOver } from './engine-guard.mjs'

interface LedgerEntry {
  id: string
  tag?: string
  /** The test that made it, for the guard's message. */
  test: string
}

const recorded: LedgerEntry[] = []

let before: Set<string> | undefined
/** Dangling before the run (the guard's snapshot), else before this test file. */
function danglingBefore(): Set<string> {
  if (!before) {
    const file = process.env[DANGLING_BEFORE_ENV]
    before = file && fs.existsSync(file) ? new Set(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) : danglingIds()
  }
  return before
}

/** Take the snapshot of dangling images before a test file's builds (engine-images.setup.ts). */
export function snapshotDangling(): void {
  danglingBefore()
}

function currentTest(): string {
  // (jest's expect; undefined when a benchmark uses the fixtures)
  const state = (globalThis as { expect?: { getState(): { testPath?: string; currentTestName?: string } } }).expect?.getState() ?? {}
  const file = state.testPath ? state.testPath.replace(/^.*__tests__\//, '__tests__/') : 'an unknown test file'
  return state.currentTestName ? `${file} › ${state.currentTestName}` : file
}

/**
 * Record an image a test made (its id, or the tag the test gave it): removed when the test file
 * ends and checked by the guard. Nothing happens for undefined or an image the engine does not hold.
 */
export function recordImage(ref: string | undefined): void {
  if (!ref) return
  const info = inspectImage(ref)
  if (!info) return
  const entry: LedgerEntry = { id: info.id, test: currentTest(), ...(ref !== info.id ? { tag: ref } : {}) }
  recorded.push(entry)
  const ledger = process.env[LEDGER_ENV]
  if (ledger) fs.appendFileSync(ledger, `${JSON.stringify(entry)}\n`)
}

/**
 * Record what a Stagecraft run made: its image (loaded, so untagged without `tags`) and each of
 * `tags` that names it. For the pipeline's `result.image` and the action's `imageid` output.
 */
export function recordBuild(imageId: string | undefined, tags: string[] = []): void {
  const id = imageId && inspectImage(imageId)?.id
  if (!id) return
  recordImage(id)
  for (const t of tags) if (inspectImage(t)?.id === id) recordImage(t)
}

/** Remove what this test file recorded and still owns; returns what is still there. */
export function removeRecordedImages(): string[] {
  const was = danglingBefore()
  // Tags first: removing an image's last tag removes the image.
  for (const e of recorded) if (e.tag && inspectImage(e.tag)?.id === e.id) docker(['rmi', e.tag])
  for (const e of recorded) {
    const info = inspectImage(e.id)
    if (info && info.tags.length === 0 && !was.has(e.id)) docker(['rmi', e.id])
  }
  return recorded.splice(0).flatMap(e => leftOver(e, was) ?? [])
}
