/**
 * The secret search as it was before issue 21 (one `Buffer.indexOf` pass per needle per chunk, plus
 * a seam per needle), kept only so bench/secret-search.ts can print before and after.
 */
import type { Needle, SecretEncoding } from '../../src/inspect/secret-search.js'

/** The old search of one stream: one indexOf per needle per chunk. */
export class LegacyStreamSearch {
  private readonly needles: Needle[]
  private readonly tails: Buffer[]
  private readonly ids = new Set<string>()
  private readonly hit = new Map<string, SecretEncoding>()

  constructor(needles: Needle[]) {
    this.needles = needles.filter(n => n.scope === 'all')
    this.tails = this.needles.map(() => Buffer.alloc(0))
    for (const n of this.needles) this.ids.add(n.id)
  }

  /** Look at the next chunk of the stream. */
  feed(chunk: Buffer): void {
    for (let i = 0; i < this.needles.length; i++) {
      const n = this.needles[i]
      if (this.hit.has(n.id)) continue
      const needle = n.bytes
      const tail = this.tails[i]
      if (tail.length > 0) {
        // Only the seam can hold a match that neither side holds alone.
        const seam = Buffer.concat([tail, chunk.subarray(0, needle.length - 1)])
        if (seam.indexOf(needle) >= 0) {
          this.hit.set(n.id, n.encoding)
          continue
        }
      }
      if (chunk.indexOf(needle) >= 0) {
        this.hit.set(n.id, n.encoding)
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
    return [...this.hit.keys()]
  }

  /** True when every secret has been found: the rest of the stream need not be searched. */
  done(): boolean {
    return this.hit.size === this.ids.size
  }
}
