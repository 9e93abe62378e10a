import assert from 'node:assert/strict'
import fs from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { createHandler, staticFile } from '../src/app.js'

// The frontend's dist/ when the test stage provides it (FRONTEND_DIST), else a stand-in.
const publicDir = process.env.FRONTEND_DIST ?? fs.mkdtempSync(path.join(os.tmpdir(), 'public-'))
if (!process.env.FRONTEND_DIST) fs.writeFileSync(path.join(publicDir, 'index.html'), '<!doctype html><title>stand-in</title>')

let server: Server
let base: string
before(async () => {
  server = createServer(createHandler(publicDir))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => new Promise<void>(resolve => server.close(() => resolve())))

test('/api/greeting greets by name', async () => {
  assert.deepEqual(await (await fetch(`${base}/api/greeting?name=Ada`)).json(), { message: 'hello, Ada' })
})

test('/ serves the frontend', async () => {
  const res = await fetch(`${base}/`)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/)
  assert.match(await res.text(), /<!doctype html>/i)
})

test('the frontend modules index.html loads are served', async () => {
  const html = await (await fetch(`${base}/`)).text()
  for (const [, src] of html.matchAll(/src="([^"]+)"/g)) assert.equal((await fetch(base + src)).status, 200, src)
})

test('paths outside the public directory are not served', () => {
  assert.equal(staticFile(publicDir, '/../../etc/passwd'), undefined)
  assert.equal(staticFile(publicDir, '/%2e%2e/%2e%2e/etc/passwd'), undefined)
})

test('unknown API paths are 404', async () => assert.equal((await fetch(`${base}/api/nope`)).status, 404))
