/**
 * The audit's inputs, parsed: fail-on (error, warning or notice) and audit-allow. audit-allow has
 * one pattern per line: a rule id (`toolchain`, `hygiene/shell`, or `hygiene` for every hygiene
 * rule), an absolute path glob (`/usr/bin/gcc-*`, `/app/**\/*.map`, in the dialect of ../glob.ts),
 * or a rule id and a path glob joined by a colon (`dev-leftover:/app/.env`). `#` starts a comment,
 * at the start of a line or after the pattern (`/usr/bin/make   # runs make at runtime`); `\#` is
 * a literal `#` in a glob. Blank lines are skipped.
 */
import { InputError } from '../errors.js'
import { GlobError, globToRegExp } from '../glob.js'
import { RULE_IDS, type AllowRule, type Severity } from '../audit/types.js'

const RULES = new Set<string>([...RULE_IDS, 'hygiene'])

/** The line without its comment: everything from the first `#` not preceded by `\`. */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++
    else if (line[i] === '#') return line.slice(0, i)
  }
  return line
}

/** Parse audit-allow lines. Throws InputError('audit-allow', …) naming the bad line. */
export function parseAllow(lines: string[]): AllowRule[] {
  const rules: AllowRule[] = []
  lines.forEach((raw, i) => {
    const line = stripComment(raw).trim()
    if (!line) return
    const bad = (why: string) => new InputError('audit-allow', `line ${i + 1} ${JSON.stringify(line)}: ${why}`)
    const colon = line.indexOf(':')
    const rule = line.startsWith('/') ? undefined : colon < 0 ? line : line.slice(0, colon).trim()
    const glob = line.startsWith('/') ? line : colon < 0 ? undefined : line.slice(colon + 1).trim()
    if (rule !== undefined && !RULES.has(rule)) {
      throw bad(`expected a rule id (${[...RULES].join(', ')}) or an absolute path glob starting with /`)
    }
    if (glob !== undefined && !glob.startsWith('/')) throw bad('the path glob must be absolute (start with /)')
    if (glob !== undefined && /\s/.test(glob.replace(/\\\s/g, ''))) {
      throw bad('a path glob has no blanks (write `\\ ` for a blank in a path; `#` starts a comment)')
    }
    let path: RegExp | undefined
    if (glob !== undefined) {
      try {
        path = globToRegExp(glob)
      } catch (e) {
        throw bad(e instanceof GlobError ? e.message : String(e))
      }
    }
    rules.push({ pattern: line, rule, path })
  })
  return rules
}

/** Parse the fail-on input (case-insensitive, surrounding blanks ignored). */
export function parseFailOn(v: string): Severity {
  const s = v.trim().toLowerCase()
  if (s === 'error' || s === 'warning' || s === 'notice') return s
  throw new InputError('fail-on', `expected error, warning or notice, got ${JSON.stringify(v)}`)
}
