/**
 * setupFilesAfterEnv of the integration and e2e projects: each test file removes the images it
 * recorded (engine-images.ts) when it ends, whether its tests passed or not.
 */
import { removeRecordedImages, snapshotDangling } from './engine-images.js'

beforeAll(() => snapshotDangling())
afterAll(() => {
  const left = removeRecordedImages()
  if (left.length) throw new Error(`could not remove the images this test file made:\n  ${left.join('\n  ')}`)
})
