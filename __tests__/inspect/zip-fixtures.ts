/** Zips made in memory for the archive tests: stored or deflated entries, optionally with data descriptors. */
import zlib from 'node:zlib'

export interface ZipFixtureEntry {
  name: string
  body: string | Buffer
  method?: 'store' | 'deflate'
  /** Sizes and CRC after the data (general-purpose flag bit 3), zeros in the local header, as streaming zippers write. */
  descriptor?: boolean
  encrypted?: boolean
}

/** The bytes of a zip holding `entries` (central directory at the end). */
export function makeZip(entries: ZipFixtureEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const data = Buffer.isBuffer(e.body) ? e.body : Buffer.from(e.body)
    const deflate = e.method === 'deflate'
    const body = deflate ? zlib.deflateRawSync(data) : data
    const name = Buffer.from(e.name)
    const flags = (e.descriptor ? 8 : 0) | (e.encrypted ? 1 : 0)
    const crc = zlib.crc32 ? zlib.crc32(data) >>> 0 : 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(deflate ? 8 : 0, 8)
    if (!e.descriptor) {
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(body.length, 18)
      local.writeUInt32LE(data.length, 22)
    }
    local.writeUInt16LE(name.length, 26)
    const desc = Buffer.alloc(e.descriptor ? 16 : 0)
    if (e.descriptor) {
      desc.writeUInt32LE(0x08074b50, 0)
      desc.writeUInt32LE(crc, 4)
      desc.writeUInt32LE(body.length, 8)
      desc.writeUInt32LE(data.length, 12)
    }
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(flags, 8)
    c.writeUInt16LE(deflate ? 8 : 0, 10)
    c.writeUInt32LE(crc, 16)
    c.writeUInt32LE(body.length, 20)
    c.writeUInt32LE(data.length, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offset, 42)
    central.push(c, name)
    parts.push(local, name, body, desc)
    offset += local.length + name.length + body.length + desc.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, dir, end])
}
