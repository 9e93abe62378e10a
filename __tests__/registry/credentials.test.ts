import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dockerConfigPath, lookupCredentials } from '../../src/registry/credentials.js'

let dir: string
let savedPath: string | undefined
const b64 = (s: string) => Buffer.from(s).toString('base64')

function config(doc: unknown): string {
  const file = path.join(dir, 'config.json')
  fs.writeFileSync(file, JSON.stringify(doc))
  return file
}

/** A `docker-credential-<name>` on PATH that answers for `server` only, and logs what it was asked. */
function helper(name: string, server: string, answer: { Username: string; Secret: string }): string {
  const log = path.join(dir, `${name}.log`)
  const script = `#!/bin/sh
read -r server
echo "$1 $server" >> '${log}'
if [ "$server" = '${server}' ]; then echo '${JSON.stringify({ ServerURL: server, ...answer })}'; exit 0; fi
echo 'credentials not found in native keychain'; exit 1
`
  fs.writeFileSync(path.join(dir, 'bin', `docker-credential-${name}`), script, { mode: 0o755 })
  return log
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reg-creds-'))
  fs.mkdirSync(path.join(dir, 'bin'))
  savedPath = process.env.PATH
  process.env.PATH = `${path.join(dir, 'bin')}:${savedPath}`
})
afterEach(() => {
  process.env.PATH = savedPath
  fs.rmSync(dir, { recursive: true, force: true })
})

test('the config file: $DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
  expect(dockerConfigPath({ DOCKER_CONFIG: '/x/y' })).toBe('/x/y/config.json')
  expect(dockerConfigPath({})).toBe(path.join(os.homedir(), '.docker', 'config.json'))
})

test('auths: base64 user:password, matched by host whatever the key spelling', async () => {
  const file = config({
    auths: {
      'https://index.docker.io/v1/': { auth: b64('hub-user:hub:pass') },
      'ghcr.io': { auth: b64('gh:tok') },
      'http://127.0.0.1:5000': { username: 'local', password: 'pw' }
    }
  })
  expect(await lookupCredentials('docker.io', file)).toEqual({ username: 'hub-user', password: 'hub:pass' })
  expect(await lookupCredentials('GHCR.io', file)).toEqual({ username: 'gh', password: 'tok' })
  expect(await lookupCredentials('127.0.0.1:5000', file)).toEqual({ username: 'local', password: 'pw' })
  expect(await lookupCredentials('quay.io', file)).toBeUndefined()
})

test('auths: an identitytoken is a refresh token', async () => {
  const file = config({ auths: { 'myregistry.azurecr.io': { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh-me' } } })
  expect(await lookupCredentials('myregistry.azurecr.io', file)).toEqual({ username: '00000000-0000-0000-0000-000000000000', identityToken: 'refresh-me' })
})

test('no config file, or no entry: anonymous', async () => {
  expect(await lookupCredentials('ghcr.io', path.join(dir, 'absent.json'))).toBeUndefined()
  expect(await lookupCredentials('ghcr.io', config({ auths: { 'ghcr.io': {} } }))).toBeUndefined()
})

test('credHelpers[host] wins over auths; the helper gets the server on stdin', async () => {
  const log = helper('x', 'ghcr.io', { Username: 'helper-user', Secret: 'helper-secret' })
  const file = config({ credHelpers: { 'ghcr.io': 'x' }, auths: { 'ghcr.io': { auth: b64('file:user') } } })
  expect(await lookupCredentials('ghcr.io', file)).toEqual({ username: 'helper-user', password: 'helper-secret' })
  expect(fs.readFileSync(log, 'utf8')).toBe('get ghcr.io\n')
})

test('credsStore: Docker Hub is asked for as https://index.docker.io/v1/; <token> means an identity token', async () => {
  helper('store', 'https://index.docker.io/v1/', { Username: '<token>', Secret: 'refresh' })
  const file = config({ credsStore: 'store', auths: { 'https://index.docker.io/v1/': {} } })
  expect(await lookupCredentials('docker.io', file)).toEqual({ identityToken: 'refresh' })
})

test('credsStore without the host: falls back to auths, then anonymous', async () => {
  helper('store', 'elsewhere.io', { Username: 'u', Secret: 's' })
  const file = config({ credsStore: 'store', auths: { 'ghcr.io': { auth: b64('a:b') } } })
  expect(await lookupCredentials('ghcr.io', file)).toEqual({ username: 'a', password: 'b' })
  expect(await lookupCredentials('quay.io', file)).toBeUndefined()
})

test('a helper that is not on PATH, or a config that is not JSON: one line, no secret', async () => {
  await expect(lookupCredentials('ghcr.io', config({ credHelpers: { 'ghcr.io': 'absent' } }))).rejects.toThrow(
    'the docker config names the credential helper docker-credential-absent, which is not on PATH'
  )
  const file = path.join(dir, 'config.json')
  fs.writeFileSync(file, '{"auths": {"ghcr.io": {"auth": "c2VjcmV0"}')
  await expect(lookupCredentials('ghcr.io', file)).rejects.toThrow(`the docker config ${file} is not valid JSON`)
})
