/**
 * The one glob dialect of Stagecraft, from picomatch (bash-style globs, as in .gitignore-like
 * tools): audit-allow, the audit's signatures and cache-key-files all compile through here.
 * `*` stays within a path segment, `**` spans segments, `?`, `[abc]`, `[!abc]`/`[^abc]`,
 * `[a-z]`, `{a,b}` (nestable, `{,x}` for optional), `\` escapes. Dotfiles match like any file.
 * Unbalanced brackets or braces are an error instead of a silent literal.
 *
 * Globs compile to backtracking RegExps, and k wildcards in one path segment cost up to n^k
 * steps on a name that does not match (`*a*a*a*a*a*a*c` against 200 `a`s runs for minutes). So
 * a glob has at most MAX_STARS `*` per path segment and MAX_GLOBSTARS `**`, and no extglobs; at
 * those bounds the worst case stays in milliseconds for 255-byte names and 4 kB paths.
 */
import picomatch from 'picomatch'

/** A glob that cannot be compiled; the message says why, in words. */
export class GlobError extends Error {}

const OPTIONS: picomatch.PicomatchOptions = { dot: true, strictBrackets: true, nonegate: true, noextglob: true }
export const MAX_STARS = 3
export const MAX_GLOBSTARS = 2

/** Compile `glob` to an anchored RegExp. Throws GlobError on unbalanced brackets or braces. */
export function globToRegExp(glob: string): RegExp {
  if (/\*{3,}/.test(glob)) throw new GlobError('three or more `*` in a row')
  if ((glob.match(/\*\*/g) ?? []).length > MAX_GLOBSTARS) throw new GlobError(`more than ${MAX_GLOBSTARS} \`**\` (such a glob can take minutes to match)`)
  if (glob.split('/').some(seg => starsOnOnePath(seg.replace(/\*\*/g, '')) > MAX_STARS)) {
    throw new GlobError(`more than ${MAX_STARS} \`*\` in one path segment (such a glob can take minutes to match)`)
  }
  // `[!abc]` is bash's negated class; picomatch reads a leading `!` in a class as extglob.
  const bashClasses = glob.replace(/(^|[^\\])\[!/g, '$1[^')
  try {
    return picomatch.makeRe(bashClasses, OPTIONS)
  } catch (e) {
    throw new GlobError(inWords(e instanceof Error ? e.message : String(e)))
  }
}

/** The most `*` one alternative of `seg` holds: `{a*,*b*c*}x*` → 4 (braces are alternatives, not a sum). */
function starsOnOnePath(seg: string): number {
  let i = 0
  const alternatives = (inBraces: boolean): number => {
    let best = 0
    let here = 0
    while (i < seg.length) {
      const c = seg[i++]
      if (c === '\\') i++
      else if (c === '*') here++
      else if (c === '{') here += alternatives(true)
      else if (c === ',' && inBraces) {
        best = Math.max(best, here)
        here = 0
      } else if (c === '}' && inBraces) break
    }
    return Math.max(best, here)
  }
  return alternatives(false)
}

/** A glob split at its literal directory (`a/b/*.lock` → `a/b` and `*.lock`); undefined when `s` has no glob syntax. */
export function globParts(s: string): { base: string; glob: string } | undefined {
  const { isGlob, base, glob } = picomatch.scan(s)
  return isGlob ? { base, glob } : undefined
}

const OPENS: Record<string, string> = { ']': '[', '}': '{', ')': '(' }
const CLOSES: Record<string, string> = { '[': ']', '{': '}', '(': ')' }

/** picomatch's `Missing closing: "]" - use …` in our words: `` `[` without a closing `]` ``. */
function inWords(message: string): string {
  const m = /^Missing (closing|opening): "(.)"/.exec(message)
  if (!m) return message.split('\n')[0]
  return m[1] === 'closing' ? `\`${OPENS[m[2]]}\` without a closing \`${m[2]}\`` : `unmatched \`${CLOSES[m[2]]}\``
}
