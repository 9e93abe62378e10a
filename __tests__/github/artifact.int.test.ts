/**
 * The artifact gateway with the real @actions/artifact against the emulated artifact service (v4
 * Twirp + Azurite): the file is uploaded as is under its own name, kept the days asked for, and
 * listed by the service; a second upload of the same name in the run is refused.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { uploadArtifact } from '../../src/github/artifact.js'
import { startArtifactService, type FakeArtifactService } from '../helpers/artifact-service.js'

let service: FakeArtifactService
let dir: string
const saved = { ...process.env }

beforeAll(async () => {
  service = await startArtifactService()
  Object.assign(process.env, service.env(), { GITHUB_SERVER_URL: 'https://github.com' })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-artifact-'))
})
afterAll(async () => {
  process.env = saved
  await service.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a .dockerbuild file is uploaded unarchived, under its name, kept the days asked for, and listed', async () => {
  const file = path.join(dir, 'acme~app~ABC123.dockerbuild')
  const bytes = randomBytes(40_000)
  fs.writeFileSync(file, bytes)
  const up = await uploadArtifact(file, 4)
  expect(up).toEqual({ id: expect.any(Number), name: 'acme~app~ABC123.dockerbuild', size: bytes.length, digest: expect.stringMatching(/^[0-9a-f]{64}$/) })
  const a = service.artifacts.find(x => x.id === up.id)!
  expect(a).toMatchObject({ name: 'acme~app~ABC123.dockerbuild', finalized: true, size: bytes.length, version: 7, hash: `sha256:${up.digest}` })
  expect(Math.round((new Date(a.expiresAt!).getTime() - Date.now()) / 86_400_000)).toBe(4)
  expect((await service.download(up.id)).equals(bytes)).toBe(true)
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const listed = await new DefaultArtifactClient().listArtifacts()
  expect(listed.artifacts.map(x => [x.id, x.name, x.size])).toEqual([[up.id, a.name, bytes.length]])
})

test('no retention: the repository default (no expires_at sent)', async () => {
  const file = path.join(dir, 'acme~app~DEF456.dockerbuild')
  fs.writeFileSync(file, 'x')
  const up = await uploadArtifact(file)
  expect(service.artifacts.find(x => x.id === up.id)!.expiresAt).toBeUndefined()
})

test('the same name twice in a run is refused by the service (artifacts are immutable)', async () => {
  const file = path.join(dir, 'acme~app~ABC123.dockerbuild')
  await expect(uploadArtifact(file, 1)).rejects.toThrow()
  expect(service.calls.at(-1)).toMatchObject({ rpc: 'CreateArtifact', status: 409 })
})
