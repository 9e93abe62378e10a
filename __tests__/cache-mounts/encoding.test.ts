import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  MAX_USEFUL_RATIO,
  TARBALL_NAMES,
  chooseEncoding,
  decodeFile,
  encodeFile,
  entryEncoding,
  sampleRatio,
  unreadableReason
} from '../../src/cache-mounts/encoding.js'
import { zstdAvailable } from '../../src/compression.js'

const hasZstd = zstdAvailable()

describe('chooseEncoding', () => {
  test('zstd for contents that compress, when this Node.js has it', () => {
    expect(chooseEncoding({ zstd: true, storeCompresses: false, sampleRatio: 0.4 })).toEqual({
      encoding: 'zstd',
      reason: 'the contents compress (sample at 40%)'
    })
  })
  test('plain for contents that do not compress (or were not sampled)', () => {
    expect(chooseEncoding({ zstd: true, storeCompresses: false, sampleRatio: MAX_USEFUL_RATIO + 0.01 }).encoding).toBe('none')
    expect(chooseEncoding({ zstd: true, storeCompresses: false, sampleRatio: 1.0 }).reason).toBe('the contents do not compress (sample at 100%)')
    expect(chooseEncoding({ zstd: true, storeCompresses: false }).encoding).toBe('none')
  })
  test('plain without zstd (Node 20): gzip would cost more time than it saves', () => {
    expect(chooseEncoding({ zstd: false, storeCompresses: false, sampleRatio: 0.2 })).toEqual({ encoding: 'none', reason: 'this Node.js has no zstd' })
  })
  test('plain for a store that compresses its archives itself, or hard-links the tarball in', () => {
    expect(chooseEncoding({ zstd: true, storeCompresses: true, sampleRatio: 0.2 }).encoding).toBe('none')
    expect(chooseEncoding({ zstd: true, storeCompresses: false, storeLinks: true, sampleRatio: 0.2 })).toEqual({
      encoding: 'none',
      reason: 'the store hard-links the tarball: no bytes are copied'
    })
    expect(chooseEncoding({ zstd: true, storeCompresses: false, storeLinks: false, sampleRatio: 0.2 }).encoding).toBe('zstd')
  })
  test('a configured encoding wins; zstd without zstd falls back to plain', () => {
    expect(chooseEncoding({ zstd: false, storeCompresses: true, setting: 'gzip' })).toEqual({ encoding: 'gzip', reason: 'as configured' })
    expect(chooseEncoding({ zstd: true, storeCompresses: false, storeLinks: true, setting: 'zstd' }).encoding).toBe('zstd')
    expect(chooseEncoding({ zstd: false, storeCompresses: false, setting: 'zstd' })).toEqual({
      encoding: 'none',
      reason: 'zstd was asked for, but this Node.js has no zstd'
    })
    expect(chooseEncoding({ zstd: true, storeCompresses: false, sampleRatio: 0.2, setting: 'none' }).encoding).toBe('none')
  })
})

describe('entryEncoding (format detection)', () => {
  test('an entry written before encodings existed: no encoding field, cache.tar', () => {
    expect(entryEncoding({ id: 'x', fingerprint: 'f', files: 1, bytes: 2 }, ['cache.tar', 'entry.json'])).toBe('none')
    expect(entryEncoding(undefined, ['cache.tar'])).toBe('none')
  })
  test('a new entry says its encoding, and must hold the matching tarball', () => {
    expect(entryEncoding({ format: 2, encoding: 'zstd' }, ['cache.tar.zst', 'entry.json'])).toBe('zstd')
    expect(entryEncoding({ format: 2, encoding: 'none' }, ['cache.tar'])).toBe('none')
    expect(entryEncoding({ format: 2, encoding: 'zstd' }, ['cache.tar'])).toBeUndefined()
  })
  test('an encoding this version does not know, or no tarball: undefined', () => {
    expect(entryEncoding({ encoding: 'brotli' }, ['cache.tar.br'])).toBeUndefined()
    expect(entryEncoding({ encoding: 'toString' }, ['cache.tar'])).toBeUndefined()
    expect(entryEncoding({}, ['entry.json'])).toBeUndefined()
  })
  test('without entry.json the tarball name tells', () => {
    expect(entryEncoding(undefined, ['cache.tar.zst'])).toBe('zstd')
    expect(entryEncoding(undefined, ['cache.tar.gz'])).toBe('gzip')
  })
})

describe('unreadableReason', () => {
  test('zstd without zstd: a clear reason naming the Node.js version', () => {
    expect(unreadableReason('zstd', false, '20.1.0')).toBe("it is zstd-compressed and Node.js 20.1.0 has no zstd (Node.js 24, the action's runtime, reads it)")
    expect(unreadableReason('zstd', true)).toBeUndefined()
    expect(unreadableReason('gzip', false)).toBeUndefined()
    expect(unreadableReason('none', false)).toBeUndefined()
  })
})

describe('codecs', () => {
  let dir: string
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-enc-'))))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const text = Buffer.from('function add(a, b) { return a + b }\n'.repeat(50_000))

  test.each(hasZstd ? (['gzip', 'zstd', 'none'] as const) : (['gzip', 'none'] as const))('%s round-trips a file', async encoding => {
    const src = path.join(dir, `src-${encoding}`)
    fs.writeFileSync(src, text)
    const packed = path.join(dir, TARBALL_NAMES[encoding] + '-' + encoding)
    await encodeFile(src, packed, encoding)
    if (encoding !== 'none') expect(fs.statSync(packed).size).toBeLessThan(text.length / 10)
    const back = path.join(dir, `back-${encoding}`)
    await decodeFile(packed, back, encoding)
    expect(fs.readFileSync(back).equals(text)).toBe(true)
  })

  test('sampleRatio tells text from random bytes (zstd only)', () => {
    const t = path.join(dir, 'text')
    const r = path.join(dir, 'random')
    fs.writeFileSync(t, text)
    fs.writeFileSync(r, randomBytes(1 << 20))
    if (!hasZstd) {
      expect(sampleRatio(t)).toBeUndefined()
      return
    }
    expect(sampleRatio(t)!).toBeLessThan(0.1)
    expect(sampleRatio(r)!).toBeGreaterThan(MAX_USEFUL_RATIO)
    fs.writeFileSync(path.join(dir, 'empty'), '')
    expect(sampleRatio(path.join(dir, 'empty'))).toBeUndefined()
  })
})
