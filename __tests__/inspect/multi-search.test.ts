import fc from 'fast-check'
import { MultiPattern, MultiSearchStream } from '../../src/inspect/multi-search.js'

const b = (s: string) => Buffer.from(s, 'latin1')

/** Every (pattern, end offset) the one-pass search reports, feeding `data` in pieces cut at `cuts`. */
function search(patterns: Buffer[], data: Buffer, cuts: number[]): string[] {
  const s = new MultiSearchStream(new MultiPattern(patterns))
  const out: string[] = []
  let at = 0
  for (const end of [...cuts.filter(c => c > 0 && c < data.length).sort((x, y) => x - y), data.length]) {
    const chunk = data.subarray(at, end)
    s.feed(chunk, k => out.push(`${k}@${end}`))
    at = end
  }
  return [...new Set(out.map(x => x.split('@')[0]))].sort()
}

/** The reference: which patterns occur anywhere in `data` (native indexOf, one per pattern). */
const naive = (patterns: Buffer[], data: Buffer) =>
  patterns
    .map((p, k) => (data.indexOf(p) >= 0 ? String(k) : undefined))
    .filter((k): k is string => k !== undefined)
    .sort()

test.each([
  ['one pattern in one chunk', ['secret-value'], 'xxsecret-valueyy', []],
  ['split at every byte', ['secret-value'], 'xxsecret-valueyy', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]],
  ['split in the first window', ['abcdefgh', 'abcdefghijklmnop'], '__abcdefghijklmnop__', [3]],
  ['a long pattern across many chunks', ['0123456789abcdefghijklmnopqrstuvwxyz', 'zyxw'], 'Q0123456789abcdefghijklmnopqrstuvwxyzQ', [2, 5, 9, 20, 30]],
  ['overlapping patterns', ['aaaab', 'aaab', 'abab'], 'aaaaaaababab', [4, 7]],
  ['one pattern a prefix of another', ['needle', 'needles!'], 'needles!', [6]],
  ['same last pair, different starts', ['xxxx-END', 'yyyy-END'], 'yyyy-END', []],
  ['a near miss at the chunk end', ['needle-1'], 'needle-needle-1', [7]],
  ['at the very start and end', ['start-ab', 'end-xyzw'], 'start-ab....end-xyzw', [10]],
  ['nothing', ['zzzzzz'], 'abcdefgh', [3]]
] as const)('%s', (_name, patterns, data, cuts) => {
  const p = patterns.map(b)
  expect(search(p, b(data), [...cuts])).toEqual(naive(p, b(data)))
})

test('patterns shorter than 2 bytes are refused (the pair table needs 2)', () => {
  expect(() => new MultiPattern([b('a')])).toThrow()
  expect(() => new MultiPattern([])).toThrow()
})

test('tiny chunks shorter than the window still find a pattern across them', () => {
  const p = [b('0123456789ABCDEF')]
  const data = b('..0123456789ABCDEF..')
  expect(
    search(
      p,
      data,
      Array.from({ length: data.length }, (_, i) => i)
    )
  ).toEqual(['0'])
})

test('skip: a pattern that no longer matters is not reported', () => {
  const s = new MultiSearchStream(new MultiPattern([b('first-one'), b('second-1')]))
  const got: number[] = []
  s.feed(
    b('first-one second-1'),
    k => got.push(k),
    k => k === 0
  )
  expect(got).toEqual([1])
})

test('property: the one-pass search finds exactly what one indexOf per pattern finds, however the stream is cut', () => {
  const alphabet = fc.constantFrom(...[0, 1, 2, 97, 98, 255]) // few values: many partial matches
  const pattern = fc.uint8Array({ minLength: 2, maxLength: 24 }).chain(p => fc.constant(Buffer.from(p)))
  const small = fc.array(alphabet, { minLength: 2, maxLength: 12 }).map(a => Buffer.from(a))
  fc.assert(
    fc.property(
      fc.array(fc.oneof(pattern, small), { minLength: 1, maxLength: 8 }),
      fc.array(fc.oneof(alphabet, fc.integer({ min: 0, max: 255 })), { maxLength: 400 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
      (patterns, noise, cutSeeds, plants) => {
        // Plant some patterns in the noise, at random places.
        let data = Buffer.from(noise)
        for (const [which, where] of plants) {
          const p = patterns[which % patterns.length]
          const at = data.length ? where % data.length : 0
          data = Buffer.concat([data.subarray(0, at), p, data.subarray(at)])
        }
        const cuts = data.length ? cutSeeds.map(c => c % data.length) : []
        expect(search(patterns, data, cuts)).toEqual(naive(patterns, data))
      }
    ),
    { numRuns: 3000 }
  )
})

test('property: long random data with planted patterns, in chunks of random sizes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 9000 }), (seed, chunk) => {
      const rnd = mulberry32(seed)
      const data = Buffer.alloc(40_000)
      for (let i = 0; i < data.length; i++) data[i] = (rnd() * 256) | 0
      const patterns = Array.from({ length: 12 }, (_, k) => {
        const p = Buffer.alloc(8 + ((rnd() * 60) | 0))
        for (let i = 0; i < p.length; i++) p[i] = (rnd() * 256) | 0
        if (k % 2 === 0) p.copy(data, (rnd() * (data.length - p.length)) | 0)
        return p
      })
      const cuts = Array.from({ length: Math.ceil(data.length / chunk) }, (_, i) => i * chunk)
      expect(search(patterns, data, cuts)).toEqual(naive(patterns, data))
    }),
    { numRuns: 60 }
  )
})

function mulberry32(a: number): () => number {
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
