import fs from 'node:fs'
import { looksLikeZip, zipEntries, type ZipEntry } from '../../src/inspect/zip-entries.js'
import { fixture } from '../fixtures/paths.js'
import { makeZip } from './zip-fixtures.js'

const all = (zip: Buffer, budget = 1 << 20): ZipEntry[] => [...zipEntries(zip, () => budget)]
const text = (e: ZipEntry) => ('data' in e ? e.data.toString() : `skipped: ${e.skipped}`)

/** Offsets in a zip made by makeZip with one entry named `name` (local header at 0). */
const layout = (zip: Buffer) => {
  const eocd = zip.length - 22
  return { eocd, central: zip.readUInt32LE(eocd + 16) }
}
const patched = (zip: Buffer, edit: (z: Buffer, at: ReturnType<typeof layout>) => void) => {
  const z = Buffer.from(zip)
  edit(z, layout(z))
  return z
}

describe('looksLikeZip', () => {
  test.each([
    ['PK\x03\x04', true],
    ['PK\x05\x06', true],
    ['PK\x03\x06', false],
    ['PK\x05\x04', false],
    ['PK\x01\x02', false],
    ['PK\x07\x08', false],
    ['PK\x03', false],
    ['XK\x03\x04', false],
    ['PX\x03\x04', false],
    ['', false]
  ])('%j: %s', (head, expected) => {
    expect(looksLikeZip(Buffer.from(head, 'latin1'))).toBe(expected)
  })
})

describe('a zip written by Info-ZIP', () => {
  const zip = fs.readFileSync(fixture('archives', 'info-zip.zip'))

  test('files in central-directory order, directories left out; local extra fields longer than the central ones', () => {
    const entries = all(zip)
    expect(entries.map(e => e.name)).toEqual(['app/lib/data.dat', 'app/config.json'])
    expect(text(entries[0])).toBe('stored-bytes')
    expect(text(entries[1])).toBe('{"token":"x","n":1}\n'.repeat(20))
  })

  test('the budget is asked per entry: a stored entry exactly at it is read, one byte over is not', () => {
    expect(all(zip, 12).map(text)).toEqual(['stored-bytes', 'skipped: decompression bound reached'])
    expect(all(zip, 11).map(text)[0]).toBe('skipped: decompression bound reached')
  })

  test('a deflated entry is bounded by the budget, and skipped when none is left', () => {
    expect(all(zip, 399).map(text)[1]).toBe('skipped: decompression bound reached')
    expect(all(zip, 400).map(text)[1]).toBe('{"token":"x","n":1}\n'.repeat(20))
    expect(all(zip, 0).map(text)).toEqual(['skipped: decompression bound reached', 'skipped: decompression bound reached'])
  })
})

describe('the end record', () => {
  test('an empty zip (the end record alone) has no entries', () => {
    expect(all(makeZip([]))).toEqual([])
  })

  test('found before an archive comment of the largest size (65 535 bytes)', () => {
    const z = makeZip([{ name: 'a.txt', body: 'hello' }])
    const comment = Buffer.alloc(0xffff, 0x20)
    const withComment = Buffer.concat([z, comment])
    withComment.writeUInt16LE(0xffff, z.length - 2)
    expect(all(withComment).map(text)).toEqual(['hello'])
  })

  test('not looked for further back than a comment can reach', () => {
    const fake = Buffer.concat([makeZip([]), Buffer.alloc(0xffff + 1)])
    expect(() => all(fake)).toThrow('no zip end-of-central-directory record')
  })

  test('no end record at all', () => {
    expect(() => all(Buffer.from('PK\x03\x04 not really a zip, just its first bytes'))).toThrow('no zip end-of-central-directory record')
  })

  test('zip64 (entry count or directory offset at their maximum) is named, not guessed at', () => {
    const z = makeZip([{ name: 'a', body: 'x' }])
    expect(() => all(patched(z, (b, at) => b.writeUInt16LE(0xffff, at.eocd + 10)))).toThrow('zip64 archive (not supported)')
    expect(() => all(patched(z, (b, at) => b.writeUInt32LE(0xffffffff, at.eocd + 16)))).toThrow('zip64 archive (not supported)')
  })

  test('a directory offset past the end or at something else is a corrupt directory', () => {
    const z = makeZip([{ name: 'a', body: 'x' }])
    expect(() => all(patched(z, (b, at) => b.writeUInt32LE(b.length - 40, at.eocd + 16)))).toThrow('corrupt zip central directory')
    expect(() => all(patched(z, (b, at) => b.writeUInt32LE(0, at.eocd + 16)))).toThrow('corrupt zip central directory')
    expect(() => all(patched(z, (b, at) => b.writeUInt16LE(2, at.eocd + 10)))).toThrow('corrupt zip central directory')
  })
})

describe('entries that are named, not read', () => {
  const one = makeZip([{ name: 'secret.txt', body: 'the body of the entry' }])

  test('encrypted', () => {
    expect(all(makeZip([{ name: 'e.txt', body: 'x', encrypted: true }]))).toEqual([{ name: 'e.txt', skipped: 'encrypted' }])
  })

  test.each([
    ['compressed size', 20],
    ['uncompressed size', 24],
    ['local header offset', 42]
  ])('zip64 entry (%s at its maximum)', (_, field) => {
    const z = patched(one, (b, at) => b.writeUInt32LE(0xffffffff, at.central + field))
    expect(all(z)).toEqual([{ name: 'secret.txt', skipped: 'zip64 entry (not supported)' }])
  })

  test('a local header that is not one, or lies past the end', () => {
    expect(all(patched(one, b => b.writeUInt32LE(0, 0)))).toEqual([{ name: 'secret.txt', skipped: 'corrupt local header' }])
    expect(all(patched(one, (b, at) => b.writeUInt32LE(b.length - 29, at.central + 42)))).toEqual([{ name: 'secret.txt', skipped: 'corrupt local header' }])
  })

  test('data that runs past the end', () => {
    const z = patched(one, (b, at) => b.writeUInt32LE(b.length, at.central + 20))
    expect(all(z)).toEqual([{ name: 'secret.txt', skipped: 'truncated entry' }])
  })

  test('data that ends exactly at the end of the buffer is read', () => {
    // A zip cut after its data: the central record still says where the entry is.
    const z = patched(one, (b, at) => b.writeUInt32LE(b.length - 30 - 'secret.txt'.length, at.central + 20))
    const e = all(z)[0]
    expect('data' in e && e.data.length).toBe(z.length - 30 - 'secret.txt'.length)
  })

  test('a compression method other than stored and deflate', () => {
    const z = patched(one, (b, at) => b.writeUInt16LE(12, at.central + 10))
    expect(all(z)).toEqual([{ name: 'secret.txt', skipped: 'compression method 12 (not supported)' }])
  })

  test('deflate data that does not inflate', () => {
    const z = patched(one, (b, at) => b.writeUInt16LE(8, at.central + 10))
    expect(all(z)).toEqual([{ name: 'secret.txt', skipped: 'corrupt deflate data' }])
  })

  test('the entries after a skipped one are still read', () => {
    const z = makeZip([
      { name: 'e', body: 'x', encrypted: true },
      { name: 'dir/', body: '' },
      { name: 'b', body: 'bee', method: 'deflate', descriptor: true }
    ])
    expect(all(z).map(e => [e.name, text(e)])).toEqual([
      ['e', 'skipped: encrypted'],
      ['b', 'bee']
    ])
  })

  test('a name that starts with a slash is a file', () => {
    expect(all(makeZip([{ name: '/abs.txt', body: 'x' }])).map(e => e.name)).toEqual(['/abs.txt'])
  })

  test('a central record with a comment: the next record is found after it', () => {
    const z = makeZip([
      { name: 'a', body: 'one' },
      { name: 'b', body: 'two' }
    ])
    const at = layout(z)
    // Give the first central record a 3-byte comment: insert it after its name and shift the end record.
    const first = at.central + 46 + 1
    const withComment = Buffer.concat([z.subarray(0, first), Buffer.from('c!c'), z.subarray(first)])
    withComment.writeUInt16LE(3, at.central + 32)
    withComment.writeUInt32LE(withComment.readUInt32LE(withComment.length - 22 + 12) + 3, withComment.length - 22 + 12)
    expect(all(withComment).map(text)).toEqual(['one', 'two'])
  })
})
