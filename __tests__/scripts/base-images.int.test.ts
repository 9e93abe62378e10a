/**
 * scripts/base-images.sh on the real engine: every stand-in carries its recipe fingerprint, a run
 * with current images changes nothing, and each stand-in has what its official image has where
 * the audit looks (the corpus checks the audit's verdicts on them).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { REPO_ROOT } from '../fixtures/paths.js'

const STAND_INS = [
  'node:20-slim',
  'node:20',
  'python:3.11-slim',
  'golang:1.19',
  'nginx:bookworm',
  'gcr.io/distroless/static-debian12:nonroot',
  'gcr.io/distroless/nodejs20-debian12:nonroot'
]
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim()
const inImage = (image: string, script: string) => spawnSync('docker', ['run', '--rm', '--entrypoint', '/bin/sh', image, '-c', script], { encoding: 'utf8' })

test('a second run finds every stand-in current (idempotent) and each carries its recipe label', () => {
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'base-images.sh'), 'node', 'golang', 'python', 'nginx', 'distroless'], { encoding: 'utf8' })
  expect(r.status).toBe(0)
  const lines = r.stdout.trim().split('\n')
  expect(lines.length).toBeGreaterThanOrEqual(STAND_INS.length)
  for (const l of lines) expect(l).toMatch(/^\S+\s+exists\s/)
  for (const image of STAND_INS)
    expect(docker('image', 'inspect', '--format', '{{index .Config.Labels "org.stagecraft.recipe"}}', image)).toMatch(/^[0-9a-f]{16}$/)
}, 300_000)

test.each([
  ['node:20', 'command -v gcc g++ make python3 && test -f /usr/include/stdio.h && dpkg -s libc6-dev gcc g++ make >/dev/null'],
  ['node:20-slim', '! command -v gcc && ! command -v make && command -v node npm'],
  [
    'python:3.11-slim',
    'test -f /usr/local/include/python3.11/Python.h && test -x /usr/local/bin/python3-config && test -e /usr/local/bin/python3.11 && ! command -v gcc'
  ],
  ['golang:1.19', 'test -x /usr/local/go/bin/go && command -v gcc make && ! dpkg -s golang-go 2>/dev/null'],
  ['nginx:bookworm', 'grep -q "^user nginx;" /etc/nginx/nginx.conf && id -u nginx']
])('%s is laid out like the official image', (image, script) => {
  const r = inImage(image, script)
  expect({ image, status: r.status, stderr: r.stderr }).toEqual({ image, status: 0, stderr: '' })
})

test('nginx runs as root by default, distroless :nonroot as 65532 with a status.d database and no shell', () => {
  expect(docker('image', 'inspect', '--format', '{{.Config.User}}', 'nginx:bookworm')).toBe('')
  expect(docker('image', 'inspect', '--format', '{{.Config.User}}', 'gcr.io/distroless/static-debian12:nonroot')).toBe('65532:65532')
  const files = docker('create', 'gcr.io/distroless/static-debian12:nonroot', '/x')
  try {
    const list = execFileSync('sh', ['-c', `docker export ${files} | tar -t`], { encoding: 'utf8' })
    expect(list).toMatch(/^var\/lib\/dpkg\/status\.d\/base-files$/m)
    expect(list).not.toMatch(/^(usr\/)?bin\/(sh|bash|dash)$/m)
    expect(execFileSync('sh', ['-c', `docker export ${files} | tar -xO etc/passwd`], { encoding: 'utf8' })).toMatch(/^nonroot:x:65532:65532:/m)
  } finally {
    docker('rm', files)
  }
})
