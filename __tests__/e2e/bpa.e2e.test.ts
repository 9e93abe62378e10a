/**
 * A workflow copied from build-push-action runs unchanged through dist/index.js: secrets in the
 * quoted form Docker's docs use, one with a comma inside and one multi-line, reach the build
 * byte for byte (compared by hash inside the build, never printed) and are masked.
 */
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runAction, type ActionRun } from '../helpers/runner.js'

const DOCKERFILE = `FROM busybox:stable AS runner
RUN --mount=type=secret,id=github_token --mount=type=secret,id=deploy_key \\
    mkdir /hashes \\
 && sha256sum /run/secrets/github_token | cut -d' ' -f1 > /hashes/github_token \\
 && sha256sum /run/secrets/deploy_key | cut -d' ' -f1 > /hashes/deploy_key
USER 65534
`

let workspace: string
const created: string[] = []
beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bpa-e2e-'))
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), DOCKERFILE)
})
afterAll(() => {
  for (const t of created) execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
  fs.rmSync(workspace, { recursive: true, force: true })
})

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const everything = (r: ActionRun) =>
  [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs), JSON.stringify(r.state), JSON.stringify(r.env)]
    .join('\n')
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')

test('quoted secrets (a comma inside; a multi-line key) reach the build byte for byte and are masked', async () => {
  const token = `ghs_${randomBytes(8).toString('hex')},${randomBytes(8).toString('hex')}`
  const keyLines = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    randomBytes(24).toString('base64'),
    `a=b,c#${randomBytes(6).toString('hex')}`,
    '',
    randomBytes(24).toString('base64'),
    '-----END OPENSSH PRIVATE KEY-----'
  ]
  const key = `${keyLines.join('\n')}\n`
  const t = `stagecraft-e2e/bpa-secrets:${randomBytes(4).toString('hex')}`
  created.push(t)
  const r = await runAction({
    event: 'push',
    cwd: workspace,
    // As a workflow's `secrets: |` block scalar hands it over: one item per line, quoted.
    inputs: { tags: t, comment: 'false', secrets: `"github_token=${token}"\n"deploy_key=${key}"\n` }
  })
  expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
  expect(r.exitCode).toBe(0)
  const hashes = execFileSync('docker', ['run', '--rm', '--network', 'none', t, 'sh', '-c', 'cat /hashes/github_token /hashes/deploy_key'], {
    encoding: 'utf8'
  })
  expect(hashes.trim().split('\n')).toEqual([sha256(token), sha256(key)])
  // Masked as read: the whole values and each line of the key; printed nowhere.
  expect(r.masked).toEqual(expect.arrayContaining([token, key, keyLines[1], keyLines[4]]))
  const out = everything(r)
  for (const piece of [token, keyLines[1], keyLines[2], keyLines[4]]) expect(out).not.toContain(piece)
})

test('a BPA workflow with call: check on buildx older than 0.15 fails with one line naming the version', async () => {
  // Realistic secrets: every text the step shows is redacted, so a one-letter secret would hide each such letter.
  const r = await runAction({
    event: 'push',
    cwd: workspace,
    inputs: { call: 'check', comment: 'false', secrets: 'github_token=ghs_dummy0001\ndeploy_key=key-dummy-0002' }
  })
  const errors = r.annotations.filter(a => a.level === 'error').map(a => a.message)
  const buildx = execFileSync('docker', ['buildx', 'version'], { encoding: 'utf8' }).split(/\s+/)[1]
  const [major, minor] = buildx.replace(/^v/, '').split('.').map(Number)
  if (major === 0 && minor < 15) {
    expect(r.exitCode).toBe(1)
    expect(errors).toEqual([`call: "check" needs buildx 0.15.0 or newer (BuildKit build checks); this runner has buildx ${buildx}`])
  } else {
    expect(errors.every(e => !/needs buildx/.test(e))).toBe(true)
  }
})
