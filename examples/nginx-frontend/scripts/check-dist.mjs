// The built site is consistent: every /assets/ path index.html names exists in dist/.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
const refs = [...html.matchAll(/"(\/assets\/[^"]+)"/g)].map(m => m[1])
const missing = refs.filter(r => !fs.existsSync(path.join(dist, r)))
if (refs.length < 2 || missing.length) {
  console.error(`dist/index.html: ${refs.length} asset references, missing: ${missing.join(', ') || 'none'}`)
  process.exit(1)
}
console.log(`dist/index.html: ${refs.length} asset references, all present`)
