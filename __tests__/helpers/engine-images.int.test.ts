/** The image ledger and the guard, on the real engine, with throwaway FROM scratch images. */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { danglingIds, inspectImage, setup, teardown } from './engine-guard.mjs'
import { recordImage, removeRecordedImages } from './engine-images.js'

let dir: string
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-engine-images-'))))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Build a one-file scratch image (unique content), loaded; returns its engine id. */
function build(tag?: string): string {
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY f /f\n')
  fs.writeFileSync(path.join(dir, 'f'), randomBytes(16))
  const [iid, meta] = [path.join(dir, 'iid'), path.join(dir, 'metadata.json')]
  const args = ['buildx', 'build', '--quiet', '--load', '--provenance=false', '--iidfile', iid, '--metadata-file', meta, ...(tag ? ['-t', tag] : []), dir]
  execFileSync('docker', args, { stdio: 'ignore' })
  // The engine's id: the manifest digest on the containerd store, the config digest (iidfile) on the classic one.
  const digest = (JSON.parse(fs.readFileSync(meta, 'utf8')) as Record<string, string>)['containerimage.digest']
  const id = inspectImage(digest)?.id ?? inspectImage(fs.readFileSync(iid, 'utf8').trim())?.id
  if (!id) throw new Error('the build left no image in the engine')
  return id
}

test('an untagged build and a tagged one are removed; an image the test did not record stays', () => {
  const untagged = build()
  const tag = `stagecraft-test/engine-images:${randomBytes(4).toString('hex')}`
  const tagged = build(tag)
  const notOurs = build()
  expect(danglingIds().has(untagged)).toBe(true)
  recordImage(untagged)
  recordImage(tag)
  expect(removeRecordedImages()).toEqual([])
  expect(inspectImage(untagged)).toBeUndefined()
  expect(inspectImage(tagged)).toBeUndefined()
  expect(inspectImage(notOurs)?.id).toBe(notOurs)
  recordImage(notOurs) // the file's own cleanup removes it at the end
})

test('a tag the test gave is left alone once it names another image', () => {
  const tag = `stagecraft-test/engine-images:${randomBytes(4).toString('hex')}`
  const first = build(tag)
  recordImage(tag)
  const second = build(tag) // the tag moved (say, another run reused it): the first is now dangling, and ours
  expect(removeRecordedImages()).toEqual([])
  expect(inspectImage(first)).toBeUndefined()
  expect(inspectImage(tag)?.id).toBe(second)
  recordImage(tag)
})

test('the guard fails the run naming an image a test left, and not an image that was dangling before', async () => {
  const saved = { ...process.env }
  const before = build() // dangling before the (nested) run
  try {
    for (const k of ['STAGECRAFT_IMAGE_GUARD_DIR', 'STAGECRAFT_IMAGE_LEDGER', 'STAGECRAFT_DANGLING_BEFORE']) delete process.env[k]
    await setup()
    const left = build()
    fs.appendFileSync(
      process.env.STAGECRAFT_IMAGE_LEDGER!,
      `${JSON.stringify({ id: left, test: 'a leaky test' })}\n${JSON.stringify({ id: before, test: 'an older build' })}\n`
    )
    const failure = teardown()
    await expect(failure).rejects.toThrow(`engine guard: 1 image(s) the tests made are still in the engine`)
    await expect(failure).rejects.toThrow(`<none> ${left}  made by a leaky test`)
    recordImage(left)
  } finally {
    for (const k of ['STAGECRAFT_IMAGE_GUARD_DIR', 'STAGECRAFT_IMAGE_LEDGER', 'STAGECRAFT_DANGLING_BEFORE']) delete process.env[k]
    Object.assign(process.env, saved)
    recordImage(before)
  }
})
