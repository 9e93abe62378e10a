// The build's standalone server really serves: start .next/standalone/server.js and ask it.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { after, before, test } from 'node:test'

const server = new URL('../.next/standalone/server.js', import.meta.url)
const port = 3000 + Math.floor(Math.random() * 2000)
const base = `http://127.0.0.1:${port}`
let child

before(async () => {
  assert.ok(fs.existsSync(server), 'no .next/standalone/server.js: run `npm run build` first (output: standalone)')
  child = spawn(process.execPath, [server.pathname], {
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore'
  })
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error('the standalone server did not answer within 10 s')
})
after(() => child?.kill())

test('/api/health answers ok', async () => {
  assert.deepEqual(await (await fetch(`${base}/api/health`)).json(), { status: 'ok' })
})

test('/ renders the tip of the day on the server', async () => {
  const html = await (await fetch(`${base}/`)).text()
  assert.match(html, /<h1>Tip of the day<\/h1>/)
  assert.match(html, /data-testid="tip">[^<]+</)
})
