/** The process runner: whole lines across chunks (multibyte too), exit codes, and timeouts that name the call. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { cleanupOnSignal } from '../../src/cleanup.js'
import { runningDockerPids, stopDockerProcesses } from '../../src/docker/children.js'
import { callName, runDocker } from '../../src/docker/docker.js'
import { LOG_TAIL_CHARS, MAX_LINE_CHARS, STDERR_TAIL_CHARS } from '../../src/docker/text.js'
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
  sleep) exec sleep 30 ;;
  huge)
    # 200 MiB of 101-byte log lines on stdout, and one 20 MiB line with no line break on stderr.
    yes "$(printf '%0100d' 7)" | head -c 209715200
    head -c 20971520 /dev/zero | tr '\\0' e >&2 ;;
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
  // The fake never answers 'hang': only the timeout settles the call (else the test times out).
  await expect(runDocker(['--debug', 'buildx', 'inspect', 'b'], { env: env('hang'), timeoutMs: 400 })).rejects.toThrow(
    new EnvironmentError('docker buildx inspect b did not answer within 0.4 s and was stopped')
  )
})

test('no docker CLI: one line saying so', async () => {
  await expect(runDocker(['version'], { env: { PATH: '/nonexistent' } })).rejects.toThrow(/docker CLI not found on PATH/)
})

test('callName keeps the command words', () => {
  expect(callName(['buildx', 'imagetools', 'inspect', '--raw', 'r@sha256:x'])).toBe('buildx imagetools inspect')
  expect(callName(['image', 'inspect', 'sha256:abc'])).toBe('image inspect sha256:abc')
})

test('a build log of 200 MB streams through with bounded memory: only tails are kept, an endless line is cut', async () => {
  let lines = 0
  let bytes = 0
  let longest = 0
  const r = await runDocker(['buildx', 'build', '.'], {
    env: env('huge'),
    onLine: l => {
      lines++
      bytes += l.length + 1
      longest = Math.max(longest, l.length)
    }
  })
  expect(r.exitCode).toBe(0)
  // Everything streamed...
  expect(bytes).toBeGreaterThan(200 * 1024 * 1024)
  expect(lines).toBeGreaterThan(2_000_000)
  // ...and what is retained is bounded, whatever the size of the output.
  expect(r.stdout.length).toBeLessThanOrEqual(LOG_TAIL_CHARS)
  expect(r.stdout).toMatch(/^[07\n]+$/)
  expect(r.stderr.length).toBeLessThanOrEqual(STDERR_TAIL_CHARS)
  expect(r.stderr).toMatch(/^e+$/)
  expect(longest).toBeLessThan(MAX_LINE_CHARS + 100)
}, 120_000)

test('stdout that is data is kept whole and not streamed as log lines', async () => {
  const lines: string[] = []
  const r = await runDocker(['image', 'inspect', 'x'], { env: env('fail'), onLine: l => lines.push(l), stdout: 'data' })
  expect(r.stdout).toBe('café ok\nsecond')
  expect(lines).toEqual(['Error: no such image'])
})

async function untilRunning(n: number): Promise<void> {
  for (let i = 0; i < 200 && runningDockerPids().length < n; i++) await new Promise(r => setTimeout(r, 25))
}

test('stopDockerProcesses stops the docker processes still running', async () => {
  const pending = runDocker(['buildx', 'build', '.'], { env: env('sleep') })
  await untilRunning(1)
  expect(runningDockerPids()).toHaveLength(1)
  expect(stopDockerProcesses()).toBe(1)
  const r = await pending
  expect(r.exitCode).not.toBe(0)
  expect(runningDockerPids()).toEqual([])
})

test('a SIGTERM (a cancelled run) stops the running docker processes before it exits 143', async () => {
  const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
  const stop = cleanupOnSignal(() => [])
  try {
    const pending = runDocker(['buildx', 'build', '.'], { env: env('sleep') })
    await untilRunning(1)
    process.emit('SIGTERM', 'SIGTERM')
    expect((await pending).exitCode).not.toBe(0)
    expect(exit).toHaveBeenCalledWith(143)
  } finally {
    stop()
    exit.mockRestore()
  }
})
