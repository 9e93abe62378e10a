/** The API: a request handler with no side effects on import, so tests can serve it on any port. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import prettyMs from 'pretty-ms'

export interface Greeting {
  message: string
}

/** The greeting for `name`; blank or missing names greet the world. */
export function greet(name: string | null): Greeting {
  const who = name?.trim() || 'world'
  return { message: `hello, ${who.slice(0, 64)}` }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** Build the request handler; `startedAt` and `now` let tests pin the uptime. */
export function createHandler(startedAt = Date.now(), now: () => number = Date.now): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' })
    switch (url.pathname) {
      case '/healthz':
        return send(res, 200, { status: 'ok', uptime: prettyMs(now() - startedAt) })
      case '/api/greeting':
        return send(res, 200, greet(url.searchParams.get('name')))
      default:
        return send(res, 404, { error: 'not found' })
    }
  }
}
