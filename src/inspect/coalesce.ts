/**
 * Bigger chunks for the readers: an engine's export arrives in 32 KB frames (a registry's blob in
 * whatever its socket gives), and every chunk costs a zlib call, a tar-parser step and a search
 * call. Joining them into ~1 MB chunks halves the audit's CPU on a `docker save` stream, and on a
 * two-core runner the engine's export wants both cores, so our CPU is the audit's time over it.
 */
import { pipeline, Transform, type Readable } from 'node:stream'

/** Chunks handed on are at least this big (except the last). */
export const COALESCE_BYTES = 1024 * 1024

/** `input` re-chunked to at least `min` bytes a chunk; errors pass through, a chunk big enough passes as is. */
export function coalesced(input: Readable, min = COALESCE_BYTES): Readable {
  let parts: Buffer[] = []
  let size = 0
  const joiner = new Transform({
    readableHighWaterMark: min,
    transform(chunk: Buffer, _enc, done) {
      if (size === 0 && chunk.length >= min) return done(null, chunk)
      parts.push(chunk)
      size += chunk.length
      if (size < min) return done()
      const joined = Buffer.concat(parts, size)
      parts = []
      size = 0
      done(null, joined)
    },
    flush(done) {
      done(null, size > 0 ? Buffer.concat(parts, size) : undefined)
    }
  })
  // Either side failing or stopping ends the other (a reader that gives up stops the export).
  return pipeline(input, joiner, () => {})
}
