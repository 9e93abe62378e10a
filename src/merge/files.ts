/**
 * The `reports` input: paths or globs, one per line, as actions/download-artifact leaves them
 * (a directory per artifact). A file is taken as it is; a directory gives the `*.json` files in it
 * (three levels down); a glob (the project's dialect, src/glob.ts) the files it matches.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { globParts, globToRegExp, GlobError } from '../glob.js'

const MAX_DEPTH = 3

function walk(dir: string, depth: number, out: string[], max = MAX_DEPTH): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name)
    if (e.isFile()) out.push(p)
    else if (e.isDirectory() && depth < max) walk(p, depth + 1, out, max)
  }
}

/** The report files `lines` name, absolute, each once, in the order given. Throws InputError naming a line that finds nothing. */
export function resolveReportFiles(lines: string[], cwd = process.cwd()): string[] {
  const found: string[] = []
  const given = lines.map(l => l.trim()).filter(Boolean)
  if (given.length === 0) throw new InputError(Input.Reports, 'required with mode: merge (the part reports: paths or globs, one per line)')
  for (const line of given) {
    const glob = globParts(line)
    const before = found.length
    if (glob) {
      let re: RegExp
      try {
        re = globToRegExp(glob.glob)
      } catch (e) {
        throw new InputError(Input.Reports, `"${line}" is not a valid glob: ${e instanceof GlobError ? e.message : String(e)}`)
      }
      const base = path.resolve(cwd, glob.base || '.')
      const files: string[] = []
      if (fs.existsSync(base) && fs.statSync(base).isDirectory()) walk(base, 0, files, 8)
      found.push(...files.filter(f => re.test(path.relative(base, f).split(path.sep).join('/'))))
    } else {
      const abs = path.resolve(cwd, line)
      if (!fs.existsSync(abs)) throw new InputError(Input.Reports, `not found: ${line}`)
      if (fs.statSync(abs).isFile()) found.push(abs)
      else {
        const files: string[] = []
        walk(abs, 0, files)
        found.push(...files.filter(f => f.endsWith('.json')))
      }
    }
    if (found.length === before) throw new InputError(Input.Reports, `no report file matches ${line}`)
  }
  return [...new Set(found)]
}
