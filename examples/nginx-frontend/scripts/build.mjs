// Assemble dist/: the browser modules tsc wrote to build/src, the public files, and content hashes in
// the asset names (index.html is rewritten to point at them), so nginx can let browsers cache assets
// forever. The modules import each other, so they share one hash: change one, all get new names.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const hash = (...bodies) => bodies.reduce((h, b) => h.update(b), createHash('sha256')).digest('hex').slice(0, 10)
fs.rmSync(dist, { recursive: true, force: true })
fs.mkdirSync(path.join(dist, 'assets'), { recursive: true })

const renamed = new Map()
const srcDir = path.join(root, 'build/src')
const modules = fs.readdirSync(srcDir).filter(f => f.endsWith('.js')).sort()
const sources = new Map(modules.map(f => [f, fs.readFileSync(path.join(srcDir, f), 'utf8')]))
const modulesHash = hash(...sources.values())
const names = new Map(modules.map(f => [f, `${path.basename(f, '.js')}.${modulesHash}.js`]))
for (const [f, code] of sources) {
  let out = code
  for (const [from, to] of names) out = out.replaceAll(`'./${from}'`, `'./${to}'`).replaceAll(`"./${from}"`, `"./${to}"`)
  fs.writeFileSync(path.join(dist, 'assets', names.get(f)), out)
  renamed.set(`/assets/${f}`, `/assets/${names.get(f)}`)
}

const css = fs.readFileSync(path.join(root, 'public/styles.css'))
const cssName = `styles.${hash(css)}.css`
fs.writeFileSync(path.join(dist, 'assets', cssName), css)
renamed.set('/assets/styles.css', `/assets/${cssName}`)

let html = fs.readFileSync(path.join(root, 'public/index.html'), 'utf8')
for (const [from, to] of renamed) html = html.replaceAll(`"${from}"`, `"${to}"`)
fs.writeFileSync(path.join(dist, 'index.html'), html)
console.log(`dist/: index.html and ${renamed.size} assets`)
