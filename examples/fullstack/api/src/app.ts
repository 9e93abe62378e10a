/** The API under /api and the frontend's files from `publicDir`, on one port. */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon'
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** The file under `publicDir` a URL path names, or undefined (missing, a directory, or outside it). */
export function staticFile(publicDir: string, urlPath: string): string | undefined {
  const root = path.resolve(publicDir)
  const file = path.resolve(root, '.' + path.posix.normalize(decodeURIComponent(urlPath)))
  if (file !== root && !file.startsWith(root + path.sep)) return undefined
  const target = urlPath.endsWith('/') ? path.join(file, 'index.html') : file
  return fs.statSync(target, { throwIfNoEntry: false })?.isFile() ? target : undefined
}

export function createHandler(publicDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' })
    if (url.pathname === '/healthz') return json(res, 200, { status: 'ok' })
    if (url.pathname === '/api/greeting') {
      const name = url.searchParams.get('name')?.trim() || 'world'
      return json(res, 200, { message: `hello, ${name.slice(0, 64)}` })
    }
    if (url.pathname.startsWith('/api/')) return json(res, 404, { error: 'not found' })
    const file = staticFile(publicDir, url.pathname)
    if (!file) return json(res, 404, { error: 'not found' })
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    if (req.method === 'HEAD') return res.end()
    fs.createReadStream(file).pipe(res)
  }
}
