// Make the licenses.txt that ncc --license writes beside each bundle depend on node_modules only.
// ncc lists each bundled package once, but when a bundle holds two copies of a package (isarray
// 1.0.0 without a LICENSE file, 2.x with one), which copy's text it wrote depended on the order
// webpack happened to resolve them, so a fresh clone's build could differ from the committed dist/
// and check-dist failed CI at random. This keeps ncc's list of packages (what the bundle holds) and
// rewrites each entry's text from the lockfile: the license files of every production copy of that
// package, deduplicated, in path order. Usage: node scripts/licenses.mjs FILE...
import fs from 'node:fs'
import path from 'node:path'

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'))
/** Installed copies by package name: [{ where, license, dev }], in path order. */
const copies = new Map()
for (const where of Object.keys(lock.packages ?? {}).sort()) {
  const p = lock.packages[where]
  if (!where.startsWith('node_modules/') || p.link) continue
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)
  copies.set(name, [...(copies.get(name) ?? []), { where, license: p.license, dev: Boolean(p.dev || p.devOptional) }])
}

function licenseText(where) {
  const file = fs
    .readdirSync(where)
    .filter(f => LICENSE_FILE.test(f))
    .sort()[0]
  return file ? fs.readFileSync(path.join(where, file), 'utf8') : ''
}

for (const file of process.argv.slice(2)) {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const entries = []
  for (let i = 0; i + 1 < lines.length; i++) {
    if (i > 0 && lines[i - 1] !== '') continue
    const all = (copies.get(lines[i]) ?? []).filter(c => c.license === lines[i + 1])
    if (all.length === 0) continue
    // The production copies; a package the lockfile has only as a development copy (an optional
    // peer such as supports-color) is still bundled when a production package requires it.
    const found = all.some(c => !c.dev) ? all.filter(c => !c.dev) : all
    const texts = [...new Set(found.map(c => licenseText(c.where)).filter(t => t.trim()))]
    entries.push(`${lines[i]}\n${lines[i + 1]}\n${texts.join('\n')}`)
  }
  if (entries.length === 0) throw new Error(`licenses: no package entries in ${file}`)
  fs.writeFileSync(file, entries.join('\n\n'))
}
