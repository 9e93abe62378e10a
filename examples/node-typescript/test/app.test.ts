import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { createHandler, greet } from '../src/app.js'

describe('greet', () => {
  test('greets the name it is given', () => assert.deepEqual(greet('Ada'), { message: 'hello, Ada' }))
  test('greets the world when no name is given', () => {
    assert.deepEqual(greet(null), { message: 'hello, world' })
    assert.deepEqual(greet('   '), { message: 'hello, world' })
  })
})

describe('the API over HTTP', () => {
  let server: Server
  let base: string
  before(async () => {
    // A pinned clock: the uptime does not depend on how fast a loaded CI machine answers.
    server = createServer(createHandler(0, () => 90_000))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>(resolve => server.close(() => resolve())))

  test('/healthz answers 200 with the uptime', async () => {
    const res = await fetch(`${base}/healthz`)
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), { status: 'ok', uptime: '1m 30s' })
  })
  test('/api/greeting reads the name from the query', async () => {
    const res = await fetch(`${base}/api/greeting?name=Grace`)
    assert.deepEqual(await res.json(), { message: 'hello, Grace' })
  })
  test('unknown paths are 404, other methods 405', async () => {
    assert.equal((await fetch(`${base}/nope`)).status, 404)
    assert.equal((await fetch(`${base}/healthz`, { method: 'POST' })).status, 405)
  })
})
