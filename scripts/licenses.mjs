// The licenses of what dist/ bundles, for dist/licenses.txt and dist/cli/licenses.txt: every
// production package in package-lock.json (a superset of what the bundles hold), name@version, its
// license id and its license file, sorted. Written from the lockfile and node_modules, so a fresh
// clone's build is byte-identical to the committed one. (ncc's --license is not used: when a bundle
// holds two copies of a package, which copy's text it wrote depended on the order webpack happened
// to resolve them, and check-dist failed a fresh clone's CI at random.)
// Usage: node scripts/licenses.mjs OUT...
import fs from 'node:fs'
import path from 'node:path'

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'))
const seen = new Map()
for (const [where, p] of Object.entries(lock.packages ?? {})) {
  if (!where.startsWith('node_modules/') || p.dev || p.devOptional || p.link) continue
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)
  const id = `${name}@${p.version}`
  if (seen.has(id)) continue
  let file
  try {
    file = fs
      .readdirSync(where)
      .filter(f => LICENSE_FILE.test(f))
      .sort()[0]
  } catch {
    throw new Error(`licenses: ${where} is in package-lock.json but not installed (run npm ci)`)
  }
  const text = file ? fs.readFileSync(path.join(where, file), 'utf8').replace(/\r\n/g, '\n').trimEnd() : ''
  seen.set(id, `${id}\n${p.license ?? 'UNKNOWN'}\n${text}`.trimEnd())
}
const out =
  [...seen.keys()]
    .sort()
    .map(k => seen.get(k))
    .join('\n\n') + '\n'
for (const f of process.argv.slice(2)) fs.writeFileSync(f, out)
