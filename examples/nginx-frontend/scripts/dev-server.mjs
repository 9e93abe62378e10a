// A development server for dist/ (npm run dev). Production serves dist/ with nginx instead.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const port = Number(process.env.PORT ?? 8080)
http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz') return res.end('ok\n')
    let file = path.join(dist, path.normalize(url.pathname))
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html')
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  .listen(port, () => console.log(`dev server on :${port}`))
