// dist/ = public/ + the browser modules tsc wrote to build/src (as dist/js/).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
fs.rmSync(dist, { recursive: true, force: true })
fs.cpSync(path.join(root, 'public'), dist, { recursive: true })
fs.mkdirSync(path.join(dist, 'js'))
for (const f of fs.readdirSync(path.join(root, 'build/src')).filter(f => f.endsWith('.js'))) {
  fs.copyFileSync(path.join(root, 'build/src', f), path.join(dist, 'js', f))
}
console.log(`dist/: ${fs.readdirSync(dist, { recursive: true }).length} entries`)
