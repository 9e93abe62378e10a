/** The process runner: whole lines across chunks (multibyte too), exit codes, and timeouts that name the call. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callName, runDocker } from '../../src/docker/docker.js'
import { EnvironmentError } from '../../src/errors.js'

let bin: string
beforeAll(() => {
  bin = mkdtempSync(path.join(os.tmpdir(), 'sc-fake-docker-'))
  // A stand-in `docker` on PATH: prints a multibyte line in two writes, then obeys $FAKE.
  writeFileSync(
    path.join(bin, 'docker'),
    `#!/bin/sh
printf 'caf\\303'; sleep 0.1; printf '\\251 ok\\nsecond'
case "$FAKE" in
  hang) sleep 30 ;;
  fail) echo "Error: no such image" >&2; exit 3 ;;
esac
`
  )
  chmodSync(path.join(bin, 'docker'), 0o755)
})
afterAll(() => rmSync(bin, { recursive: true, force: true }))

const env = (fake: string) => ({ PATH: `${bin}:/usr/bin:/bin`, FAKE: fake })

test('lines arrive whole, a character split across two reads included; the exit code is returned, not thrown', async () => {
  const lines: string[] = []
  const r = await runDocker(['image', 'inspect', 'x'], { env: env('fail'), onLine: l => lines.push(l) })
  expect(r.exitCode).toBe(3)
  expect(r.stdout).toBe('café ok\nsecond')
  expect(lines).toEqual(expect.arrayContaining(['café ok', 'second', 'Error: no such image']))
})

test('a call that outlives its timeout is stopped and the error names it', async () => {
  const t0 = Date.now()
  await expect(runDocker(['--debug', 'buildx', 'inspect', 'b'], { env: env('hang'), timeoutMs: 400 })).rejects.toThrow(
    new EnvironmentError('docker buildx inspect b did not answer within 0.4 s and was stopped')
  )
  expect(Date.now() - t0).toBeLessThan(10_000)
})

test('no docker CLI: one line saying so', async () => {
  await expect(runDocker(['version'], { env: { PATH: '/nonexistent' } })).rejects.toThrow(/docker CLI not found on PATH/)
})

test('callName keeps the command words', () => {
  expect(callName(['buildx', 'imagetools', 'inspect', '--raw', 'r@sha256:x'])).toBe('buildx imagetools inspect')
  expect(callName(['image', 'inspect', 'sha256:abc'])).toBe('image inspect sha256:abc')
})
