/** Tars made in memory with tar-stream, for the parser tests. */
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import tar from 'tar-stream'

export interface Entry {
  name: string
  body?: string | Buffer
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'contiguous-file' | 'character-device' | 'fifo'
  mode?: number
  linkname?: string
  uid?: number
  gid?: number
}

/** The bytes of a tar holding `entries`. */
export async function makeTar(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => void chunks.push(c as Buffer))
    pack.on('end', () => resolve())
    pack.on('error', reject)
  })
  for (const e of entries) {
    await new Promise<void>((resolve, reject) => {
      const body = e.body === undefined ? undefined : Buffer.isBuffer(e.body) ? e.body : Buffer.from(e.body)
      pack.entry(
        { name: e.name, type: e.type ?? 'file', mode: e.mode, linkname: e.linkname, uid: e.uid, gid: e.gid, size: body?.length ?? 0 },
        body ?? Buffer.alloc(0),
        err => (err ? reject(err) : resolve())
      )
    })
  }
  pack.finalize()
  await done
  return Buffer.concat(chunks)
}

export const gzip = (b: Buffer): Buffer => zlib.gzipSync(b)

/** A stream that emits `buf` in chunks of `size` bytes (to exercise chunk boundaries). */
export function chunked(buf: Buffer, size = 7): Readable {
  const parts: Buffer[] = []
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size))
  return Readable.from(parts)
}
