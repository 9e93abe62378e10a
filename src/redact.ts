/**
 * The one choke point for what leaves the process: a Redactor made once per run from the secret
 * values (and their encoded forms), wrapped around the Reporter (log lines, warnings) and around
 * the publishing sink, and applied to the result and report objects before they are rendered or
 * written. Nothing a person or a file sees is meant to bypass it.
 */
import type { Reporter } from './log.js'
import { base64Variants } from './encodings.js'

/** What secret pieces are replaced with. */
export const REDACTED = '***'

/** Redacts text; `deep` redacts every string of a plain data structure (a copy). */
export interface Redactor {
  (text: string): string
  /** A copy of `value` whose strings (object keys too) are redacted; `value` itself when there is nothing to hide. */
  deep<T>(value: T): T
  /** Hide these pieces too from now on (a secret read after the redactor was made). */
  add(pieces: Iterable<string>): void
}

/** A redactor replacing every occurrence of any of `pieces` with `***`, longest piece first. */
export function createRedactor(pieces: Iterable<string> = []): Redactor {
  let sorted: string[] = []
  const set = new Set<string>()
  const text = (s: string): string => {
    if (sorted.length === 0 || typeof s !== 'string') return s
    let out = s
    for (const p of sorted) if (out.includes(p)) out = out.split(p).join(REDACTED)
    return out
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v)
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v) as unknown
      if (proto !== Object.prototype && proto !== null) return v
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]))
    }
    return v
  }
  const r = text as Redactor
  r.deep = <T>(value: T): T => (sorted.length === 0 ? value : (walk(value) as T))
  r.add = more => {
    for (const p of more) for (const form of encodedForms(p)) set.add(form)
    sorted = [...set].sort((a, b) => b.length - a.length)
  }
  r.add(pieces)
  return r
}

/** Encoded forms shorter than this are not hidden (they would hide ordinary text). */
const MIN_ENCODED = 8

/**
 * A piece and the forms it is commonly printed in, as the Actions runner's own masker adds them:
 * JSON-escaped, URL-encoded, and base64 / base64url at each of the three byte alignments (only the
 * characters that depend on the piece alone, so it is hidden inside a longer encoded text too).
 */
export function encodedForms(piece: string): string[] {
  if (!piece) return []
  const forms = new Set([piece, JSON.stringify(piece).slice(1, -1), encodeURIComponent(piece)])
  const bytes = Buffer.from(piece, 'utf8')
  for (const b64 of base64Variants(bytes)) {
    forms.add(b64)
    forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...forms].filter(f => f === piece || f.length >= MIN_ENCODED)
}

/** `reporter` with every message redacted; `setSecret` also adds the value to the redactor. */
export function redactingReporter(reporter: Reporter, redact: Redactor): Reporter {
  return {
    info: m => reporter.info(redact(m)),
    warning: m => reporter.warning(redact(m)),
    setSecret: v => {
      redact.add([v])
      reporter.setSecret(v)
    },
    group: (name, fn) => reporter.group(redact(name), fn)
  }
}
