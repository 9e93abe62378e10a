/**
 * Path globs for audit-allow and the signatures: `*` (within a path segment), `**` (any number
 * of segments), `?`, `[abc]` / `[!abc]` / `[a-z]`, `{a,b}` (nestable). Compiled to anchored RegExps.
 */

/** A glob that cannot be compiled; `reason` says why, in words. */
export class GlobError extends Error {}

/** Compile `glob` to an anchored RegExp. Throws GlobError on unbalanced brackets or braces. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${compile(glob)}$`)
}

function compile(glob: string): string {
  let out = ''
  let depth = 0
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*') {
      if (glob[i + 1] === '*') {
        if (glob[i + 2] === '*') throw new GlobError('three or more `*` in a row')
        // `**/` matches zero or more whole segments; a trailing `**` anything below.
        if (glob[i + 2] === '/') {
          out += '(?:.*/)?'
          i += 2
        } else {
          out += '.*'
          i += 1
        }
      } else out += '[^/]*'
    } else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2)
      if (close < 0) throw new GlobError('`[` without a closing `]`')
      let body = glob.slice(i + 1, close)
      const negate = body.startsWith('!') || body.startsWith('^')
      if (negate) body = body.slice(1)
      if (!body) throw new GlobError('empty `[]` class')
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, m => `\\${m}`)}]`
      i = close
    } else if (c === '{') {
      depth++
      out += '(?:'
    } else if (c === ',' && depth > 0) out += '|'
    else if (c === '}' && depth > 0) {
      depth--
      out += ')'
    } else if (c === ']' || c === '}') throw new GlobError(`unmatched \`${c}\``)
    else if (c === '\\') {
      const n = glob[++i]
      if (n === undefined) throw new GlobError('trailing `\\`')
      out += escape(n)
    } else out += escape(c)
  }
  if (depth > 0) throw new GlobError('`{` without a closing `}`')
  return out
}

const escape = (c: string) => c.replace(/[.+^${}()|[\]\\*?/]/g, m => (m === '/' ? '/' : `\\${m}`))
