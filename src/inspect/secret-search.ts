/**
 * Streaming search for build-secret values in file bytes. Each value is looked for across chunk
 * boundaries (the last `length - 1` bytes of a chunk are kept), so memory stays constant whatever
 * the file size. Values are held only in memory, never returned.
 */

/** Shorter values would match almost any file: they are reported as not scannable instead. */
export const MIN_SECRET_BYTES = 4

export interface SecretInput {
  id: string
  value: string
}

/** One byte string to look for, and the secret it belongs to. */
export interface Needle {
  id: string
  bytes: Buffer
}

/** The byte strings to look for: the value as given and, when it differs, the value trimmed. */
export function secretNeedles(secrets: SecretInput[]): Needle[] {
  const out: Needle[] = []
  for (const s of secrets) {
    if (Buffer.byteLength(s.value.trim(), 'utf8') < MIN_SECRET_BYTES) continue // see unscannableSecrets
    for (const v of new Set([s.value, s.value.trim()])) out.push({ id: s.id, bytes: Buffer.from(v, 'utf8') })
  }
  return out
}

/** Ids of secrets too short to scan for (they would match everywhere). */
export function unscannableSecrets(secrets: SecretInput[]): string[] {
  return secrets.filter(s => Buffer.byteLength(s.value.trim(), 'utf8') < MIN_SECRET_BYTES).map(s => s.id)
}

/** True when `text` contains one of the needles of secret `id`. */
export function textHasSecret(needles: Needle[], text: string): string[] {
  if (!text) return []
  const buf = Buffer.from(text, 'utf8')
  const ids = new Set<string>()
  for (const n of needles) if (buf.indexOf(n.bytes) >= 0) ids.add(n.id)
  return [...ids]
}

/** Searches one stream (a file's body) for every needle; feed chunks, then read `found()`. */
export class StreamSearch {
  private readonly tails: Buffer[]
  private readonly ids = new Set<string>()
  private readonly hit = new Set<string>()

  constructor(private readonly needles: Needle[]) {
    this.tails = needles.map(() => Buffer.alloc(0))
    for (const n of needles) this.ids.add(n.id)
  }

  /** Look at the next chunk of the stream. */
  feed(chunk: Buffer): void {
    for (let i = 0; i < this.needles.length; i++) {
      if (this.hit.has(this.needles[i].id)) continue
      const needle = this.needles[i].bytes
      const tail = this.tails[i]
      if (tail.length > 0) {
        // Only the seam can hold a match that neither side holds alone.
        const seam = Buffer.concat([tail, chunk.subarray(0, needle.length - 1)])
        if (seam.indexOf(needle) >= 0) {
          this.hit.add(this.needles[i].id)
          continue
        }
      }
      if (chunk.indexOf(needle) >= 0) {
        this.hit.add(this.needles[i].id)
        continue
      }
      const keep = needle.length - 1
      if (keep === 0) continue
      if (chunk.length >= keep) this.tails[i] = Buffer.from(chunk.subarray(chunk.length - keep))
      else {
        const joined = Buffer.concat([tail, chunk])
        this.tails[i] = Buffer.from(joined.subarray(Math.max(0, joined.length - keep)))
      }
    }
  }

  /** Secret ids found so far (deduplicated). */
  found(): string[] {
    return [...this.hit]
  }

  /** True when every secret has been found: the rest of the stream need not be searched. */
  done(): boolean {
    return this.hit.size === this.ids.size
  }
}
