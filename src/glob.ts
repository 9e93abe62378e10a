/**
 * The one glob dialect of Stagecraft, from picomatch (bash-style globs, as in .gitignore-like
 * tools): audit-allow, the audit's signatures and cache-key-files all compile through here.
 * `*` stays within a path segment, `**` spans segments, `?`, `[abc]`, `[!abc]`/`[^abc]`,
 * `[a-z]`, `{a,b}` (nestable, `{,x}` for optional), `\` escapes. Dotfiles match like any file.
 * Unbalanced brackets or braces are an error instead of a silent literal.
 */
import picomatch from 'picomatch'

/** A glob that cannot be compiled; the message says why, in words. */
export class GlobError extends Error {}

const OPTIONS: picomatch.PicomatchOptions = { dot: true, strictBrackets: true, nonegate: true }

/** Compile `glob` to an anchored RegExp. Throws GlobError on unbalanced brackets or braces. */
export function globToRegExp(glob: string): RegExp {
  if (/\*{3,}/.test(glob)) throw new GlobError('three or more `*` in a row')
  // `[!abc]` is bash's negated class; picomatch reads a leading `!` in a class as extglob.
  const bashClasses = glob.replace(/(^|[^\\])\[!/g, '$1[^')
  try {
    return picomatch.makeRe(bashClasses, OPTIONS)
  } catch (e) {
    throw new GlobError(inWords(e instanceof Error ? e.message : String(e)))
  }
}

/** True when `s` has glob syntax (else it names one path). */
export function isGlob(s: string): boolean {
  return picomatch.scan(s).isGlob
}

const OPENS: Record<string, string> = { ']': '[', '}': '{', ')': '(' }
const CLOSES: Record<string, string> = { '[': ']', '{': '}', '(': ')' }

/** picomatch's `Missing closing: "]" - use …` in our words: `` `[` without a closing `]` ``. */
function inWords(message: string): string {
  const m = /^Missing (closing|opening): "(.)"/.exec(message)
  if (!m) return message.split('\n')[0]
  return m[1] === 'closing' ? `\`${OPENS[m[2]]}\` without a closing \`${m[2]}\`` : `unmatched \`${CLOSES[m[2]]}\``
}
