/**
 * audit-allow: one pattern per line, each a rule id (`toolchain`, `hygiene/shell`, or `hygiene` for
 * every hygiene rule), an absolute path glob (`/usr/bin/gcc-*`, `/app/**\/*.map`), or a rule id and
 * a path glob joined by a colon (`dev-leftover:/app/.env`). Blank lines and `#` comments are skipped.
 */
import { InputError } from '../errors.js'
import { GlobError, globToRegExp } from './glob.js'
import { RULE_IDS, type AllowRule, type Finding } from './types.js'

const RULES = new Set<string>([...RULE_IDS, 'hygiene'])

/** Parse audit-allow lines. Throws InputError('audit-allow', …) naming the bad line. */
export function parseAllow(lines: string[]): AllowRule[] {
  const rules: AllowRule[] = []
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const bad = (why: string) => new InputError('audit-allow', `line ${i + 1} ${JSON.stringify(line)}: ${why}`)
    const colon = line.indexOf(':')
    const rule = line.startsWith('/') ? undefined : colon < 0 ? line : line.slice(0, colon)
    const glob = line.startsWith('/') ? line : colon < 0 ? undefined : line.slice(colon + 1).trim()
    if (rule !== undefined && !RULES.has(rule)) {
      throw bad(`expected a rule id (${[...RULES].join(', ')}) or an absolute path glob starting with /`)
    }
    if (glob !== undefined && !glob.startsWith('/')) throw bad('the path glob must be absolute (start with /)')
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

/** True when `finding` matches one of `rules`. */
export function isAllowed(finding: Finding, rules: AllowRule[]): boolean {
  return rules.some(r => {
    if (r.rule && r.rule !== finding.rule && !(r.rule === 'hygiene' && finding.rule.startsWith('hygiene/'))) return false
    if (r.path) return finding.evidence.path !== undefined && r.path.test(finding.evidence.path)
    return true
  })
}
