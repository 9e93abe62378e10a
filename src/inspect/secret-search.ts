/**
 * Streaming search for build-secret values in file bytes, and the needles it looks for: each value
 * as given, trimmed, and in the encodings a value is commonly written in (base64 at every
 * alignment, base64url, hex, URL- and JSON-escaped). All needles of all secrets are searched in
 * one pass over the bytes (multi-search.ts), across chunk boundaries, so memory stays constant
 * whatever the file size. Values are held only in memory, never returned.
 *
 * Short or low-entropy values (`postgres`, `changeme`, a PIN) would match ordinary files: they are
 * not searched in file bytes, names or encoded; they are still checked as whole values in ENV,
 * labels and build args, and the audit reports each one and why (see `secretCoverage`).
 */

import { MultiPattern, MultiSearchStream } from './multi-search.js'
import { base64Variants } from '../encodings.js'

/** Shorter values would match almost anything: not searched at all (reported). */
export const MIN_SECRET_BYTES = 4
/** Values shorter than this are searched only in the image config, as whole values. */
export const MIN_CONTENT_BYTES = 10
/** Values whose estimated entropy (Shannon, over their bytes, times length) is below this: config only. */
export const MIN_CONTENT_BITS = 28
/** The shorter of the common base64 line widths (PEM 64, coreutils base64 76). */
const WRAP = 64
/** Encoded needles shorter than this are dropped (they would match by chance). */
const MIN_NEEDLE_BYTES = 8

export interface SecretInput {
  id: string
  value: string
}

/** How the value was written where it was found. */
export type SecretEncoding = 'raw' | 'base64' | 'base64url' | 'hex' | 'url' | 'json'

/** One byte string to look for, and the secret it belongs to. */
export interface Needle {
  id: string
  bytes: Buffer
  encoding: SecretEncoding
  /** `all`: file bytes, names, link targets and config; `config`: whole values in the config only. */
  scope: 'all' | 'config'
}

/** A secret the file search leaves out, and why (ids only, never values). */
export interface SecretCoverage {
  id: string
  /** `none`: not searched at all; `config`: only as a whole value in ENV, labels and build args. */
  scanned: 'none' | 'config'
  reason: 'too-short' | 'short' | 'low-entropy'
}

/** Shannon entropy of `b` in bits per byte, times its length: a rough guess of how guessable it is. */
export function entropyBits(b: Buffer): number {
  if (b.length === 0) return 0
  const counts = new Map<number, number>()
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1)
  let h = 0
  for (const c of counts.values()) {
    const p = c / b.length
    h -= p * Math.log2(p)
  }
  return h * b.length
}

function classify(value: string): SecretCoverage['reason'] | undefined {
  const b = Buffer.from(value.trim(), 'utf8')
  if (b.length < MIN_SECRET_BYTES) return 'too-short'
  if (b.length < MIN_CONTENT_BYTES) return 'short'
  if (entropyBits(b) < MIN_CONTENT_BITS) return 'low-entropy'
  return undefined
}

/** The secrets not searched everywhere, and why. */
export function secretCoverage(secrets: SecretInput[]): SecretCoverage[] {
  const out: SecretCoverage[] = []
  for (const s of secrets) {
    const reason = classify(s.value)
    if (reason) out.push({ id: s.id, scanned: reason === 'too-short' ? 'none' : 'config', reason })
  }
  return out
}

/** The secrets the audit must report as not (fully) searched: `secretCoverage` under its older name. */
export const unscannableSecrets = secretCoverage

/** The byte strings to look for: see the module comment. */
export function secretNeedles(secrets: SecretInput[]): Needle[] {
  const out: Needle[] = []
  const seen = new Set<string>()
  const add = (id: string, text: string, encoding: SecretEncoding, scope: Needle['scope']) => {
    const bytes = Buffer.from(text, 'utf8')
    if (encoding !== 'raw' && bytes.length < MIN_NEEDLE_BYTES) return
    const key = `${id}\n${scope}\n${bytes.toString('hex')}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ id, bytes, encoding, scope })
  }
  for (const secret of secrets) {
    const reason = classify(secret.value)
    if (reason === 'too-short') continue
    const values = [...new Set([secret.value, secret.value.trim()])].filter(v => v.length > 0)
    if (reason) {
      for (const v of values) add(secret.id, v, 'raw', 'config')
      continue
    }
    for (const v of values) add(secret.id, v, 'raw', 'all')
    for (const v of values) {
      const b = Buffer.from(v, 'utf8')
      for (const b64 of base64Variants(b)) {
        add(secret.id, b64, 'base64', 'all')
        add(secret.id, b64.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url', 'all')
      }
      // `base64` and PEM tools wrap lines at 76 or 64 characters: a long value encoded alone is
      // found by its first line (the encoding of its first 48 bytes).
      const whole = b.toString('base64')
      if (whole.length > WRAP) add(secret.id, whole.slice(0, WRAP), 'base64', 'all')
      add(secret.id, b.toString('hex'), 'hex', 'all')
      add(secret.id, b.toString('hex').toUpperCase(), 'hex', 'all')
      add(secret.id, encodeURIComponent(v), 'url', 'all')
      add(secret.id, JSON.stringify(v).slice(1, -1), 'json', 'all')
    }
  }
  // An encoded form equal to the raw value (a hex-looking value, nothing to escape) is the raw one.
  const raw = new Set(out.filter(n => n.encoding === 'raw').map(n => `${n.id}\n${n.bytes.toString('hex')}`))
  return out.filter(n => n.encoding === 'raw' || !raw.has(`${n.id}\n${n.bytes.toString('hex')}`))
}

/** A secret found, and in which encoding. */
export interface SecretMatch {
  id: string
  encoding: SecretEncoding
}

const WORD = /[A-Za-z0-9]/

/** True when `needle` occurs in `buf` with no letter or digit right before or after it. */
function wholeValueIn(buf: Buffer, needle: Buffer): boolean {
  for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + 1)) {
    const before = at > 0 ? String.fromCharCode(buf[at - 1]) : ''
    const after = at + needle.length < buf.length ? String.fromCharCode(buf[at + needle.length]) : ''
    if (!WORD.test(before) && !WORD.test(after)) return true
  }
  return false
}

/**
 * The secrets whose needles occur in `text` (one match per secret, the first encoding found).
 * `scope` `config` also tries the config-only needles, as whole values.
 */
export function findSecrets(needles: Needle[], text: string, scope: 'all' | 'config' = 'all'): SecretMatch[] {
  if (!text) return []
  const buf = Buffer.from(text, 'utf8')
  const found = new Map<string, SecretEncoding>()
  for (const n of needles) {
    if (found.has(n.id)) continue
    if (n.scope === 'config' && scope !== 'config') continue
    const hit = n.scope === 'config' ? wholeValueIn(buf, n.bytes) : buf.indexOf(n.bytes) >= 0
    if (hit) found.set(n.id, n.encoding)
  }
  return [...found].map(([id, encoding]) => ({ id, encoding }))
}

/** Ids of the secrets whose (file-scope) needles occur in `text`. */
export function textHasSecret(needles: Needle[], text: string): string[] {
  return findSecrets(needles, text).map(m => m.id)
}

/** The file-scope needles of one needle list, compiled once into one multi-pattern automaton. */
interface CompiledNeedles {
  needles: Needle[]
  set: MultiPattern | undefined
  secrets: number
}

/** Compiled per needle list: a layer scan opens one StreamSearch per file, all over the same list. */
const compiled = new WeakMap<Needle[], CompiledNeedles>()

function compile(needles: Needle[]): CompiledNeedles {
  let c = compiled.get(needles)
  if (!c) {
    const all = needles.filter(n => n.scope === 'all')
    c = { needles: all, set: all.length ? new MultiPattern(all.map(n => n.bytes)) : undefined, secrets: new Set(all.map(n => n.id)).size }
    compiled.set(needles, c)
  }
  return c
}

/**
 * Searches one stream (a file's body) for every file-scope needle in one pass (see multi-search.ts);
 * feed chunks, then read `found()`. Within one chunk, a secret matched in several encodings is
 * reported in the first of them in needle order (raw before encoded forms).
 */
export class StreamSearch {
  private readonly needles: Needle[]
  private readonly stream: MultiSearchStream | undefined
  private readonly secrets: number
  private readonly hit = new Map<string, SecretEncoding>()

  constructor(needles: Needle[]) {
    const c = compile(needles)
    this.needles = c.needles
    this.secrets = c.secrets
    this.stream = c.set && new MultiSearchStream(c.set)
  }

  /** Look at the next chunk of the stream. */
  feed(chunk: Buffer): void {
    if (!this.stream) return
    // Per secret, the first needle (in needle order) that matched in this chunk.
    let first: Map<string, number> | undefined
    this.stream.feed(
      chunk,
      k => {
        const id = this.needles[k].id
        first ??= new Map()
        const was = first.get(id)
        if (was === undefined || k < was) first.set(id, k)
      },
      k => this.hit.has(this.needles[k].id)
    )
    if (first) for (const [id, k] of first) this.hit.set(id, this.needles[k].encoding)
  }

  /** Secrets found so far (one per secret, with the encoding it was found in). */
  matches(): SecretMatch[] {
    return [...this.hit].map(([id, encoding]) => ({ id, encoding }))
  }

  /** Secret ids found so far (deduplicated). */
  found(): string[] {
    return [...this.hit.keys()]
  }

  /** True when every secret has been found: the rest of the stream need not be searched. */
  done(): boolean {
    return this.hit.size === this.secrets
  }
}
