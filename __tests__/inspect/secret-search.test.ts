import fc from 'fast-check'
import { base64Variants } from '../../src/encodings.js'
import { entropyBits, findSecrets, secretCoverage, secretNeedles, StreamSearch, textHasSecret, unscannableSecrets } from '../../src/inspect/secret-search.js'

const needles = secretNeedles([
  { id: 'token', value: 'hunter2-abcdef\n' },
  { id: 'other', value: 'zq8-9x4Lk7' }
])

function scan(text: string | Buffer, chunk: number, n = needles): string[] {
  const s = new StreamSearch(n)
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text)
  for (let i = 0; i < buf.length; i += chunk) s.feed(buf.subarray(i, i + chunk))
  return s.found().sort()
}

function matches(text: string, n = needles) {
  const s = new StreamSearch(n)
  s.feed(Buffer.from(text))
  return s.matches()
}

test.each([1, 2, 3, 5, 13, 64])('finds a value split across chunks of %i bytes', size => {
  expect(scan('xxxxxxxxhunter2-abcdefyyyyyyy', size)).toEqual(['token'])
  expect(scan('aaazq8-9x4Lk7 and hunter2-abcdef\n', size)).toEqual(['other', 'token'])
  expect(scan('hunter2-abcde f zq8-9x4L', size)).toEqual([])
})

test('the trimmed value counts too (a file written from a secret with a trailing newline, or without it)', () => {
  expect(textHasSecret(needles, 'TOKEN=hunter2-abcdef')).toEqual(['token'])
})

const SECRET = 'fixture-Tok3n/+?&=%"x'
const strong = secretNeedles([{ id: 's', value: SECRET }])

test.each([0, 1, 2, 3, 4, 5])('base64 of the value is found whatever the %i bytes before it, and the bytes after it', lead => {
  for (const tail of ['', 'a', 'bc', '\n{"k":1}']) {
    const encoded = Buffer.from(`${'p'.repeat(lead)}${SECRET}${tail}`).toString('base64')
    expect(matches(`config: ${encoded}\n`, strong)).toEqual([{ id: 's', encoding: 'base64' }])
    const url = encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    // base64url differs from base64 only where the text has + or /.
    if (url !== encoded.replace(/=+$/, '')) expect(matches(url, strong)).toEqual([{ id: 's', encoding: 'base64url' }])
  }
})

test.each([
  ['hex', Buffer.from(SECRET).toString('hex')],
  ['hex', Buffer.from(SECRET).toString('hex').toUpperCase()],
  ['url', `https://x.test/?t=${encodeURIComponent(SECRET)}&y=1`],
  ['json', JSON.stringify({ token: SECRET })],
  ['raw', `token=${SECRET}`]
])('the value written %s is found, and the finding says so', (encoding, text) => {
  expect(matches(text, strong)).toEqual([{ id: 's', encoding }])
  expect(findSecrets(strong, text)).toEqual([{ id: 's', encoding }])
})

test('base64 variants cut the characters a neighbour decides', () => {
  const v = Buffer.from('abcdefgh')
  const variants = base64Variants(v)
  expect(variants).toHaveLength(3)
  for (let lead = 0; lead < 3; lead++) {
    for (const next of ['', 'Z', 'zz', '\u00ff']) {
      const enc = Buffer.concat([Buffer.from('q'.repeat(lead)), v, Buffer.from(next)]).toString('base64')
      expect(variants.some(x => enc.includes(x))).toBe(true)
    }
  }
})

test('a base64 stream of other bytes does not match', () => {
  const other = Buffer.from('fixture-Tok3m/+?&=%"x').toString('base64')
  expect(matches(other, strong)).toEqual([])
})

test('values under 4 bytes are not scanned at all, and are reported as such', () => {
  expect(secretNeedles([{ id: 'pin', value: ' 12 \n' }])).toEqual([])
  expect(
    unscannableSecrets([
      { id: 'pin', value: '123' },
      { id: 'ok', value: 'k7-Qz9xR2m' }
    ])
  ).toEqual([{ id: 'pin', scanned: 'none', reason: 'too-short' }])
})

test('short or low-entropy values are checked only as whole values in the config, and reported', () => {
  const secrets = [
    { id: 'db', value: 'postgres' },
    { id: 'rep', value: 'aaaa-bbbb-1111' },
    { id: 'pin', value: '12' },
    { id: 'good', value: 'kR7-vq2P-x0Lm' }
  ]
  expect(secretCoverage(secrets)).toEqual([
    { id: 'db', scanned: 'config', reason: 'short' },
    { id: 'rep', scanned: 'config', reason: 'low-entropy' },
    { id: 'pin', scanned: 'none', reason: 'too-short' }
  ])
  const n = secretNeedles(secrets)
  expect(n.filter(x => x.id === 'db').map(x => [x.encoding, x.scope])).toEqual([['raw', 'config']])
  // Not in file bytes: an ordinary file that says "postgres" is not a leak.
  expect(scan('host=db user=postgres dbname=postgres', 7, n)).toEqual([])
  // In the config: only as a whole value.
  expect(findSecrets(n, 'postgres', 'config')).toEqual([{ id: 'db', encoding: 'raw' }])
  expect(findSecrets(n, 'postgresql', 'config')).toEqual([])
  expect(findSecrets(n, 'postgres', 'all')).toEqual([])
})

test('entropy: a word is guessable, a random token is not', () => {
  expect(entropyBits(Buffer.from('postgres'))).toBeLessThan(28)
  expect(entropyBits(Buffer.from('aaaaaaaaaaaaaaaaaaaaaaaa'))).toBe(0)
  expect(entropyBits(Buffer.from('fixture-token-3f9c2a71d0'))).toBeGreaterThan(28)
})

test('done() once every value was found', () => {
  const s = new StreamSearch(needles)
  s.feed(Buffer.from('hunter2-abcdef zq8-9x4Lk7'))
  expect(s.done()).toBe(true)
})

test('a long value base64-encoded with line wrapping (base64, PEM) is found by its first line', () => {
  const long = 'ghs_' + 'Zq7xK2pL9mV4'.repeat(8) // 100 bytes
  const n = secretNeedles([{ id: 'long', value: long }])
  for (const width of [64, 76]) {
    const enc = Buffer.from(long).toString('base64')
    const wrapped = enc.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n')
    expect(matches(`-----BEGIN X-----\n${wrapped}\n-----END X-----\n`, n)).toEqual([{ id: 'long', encoding: 'base64' }])
  }
})

test('property: the one-pass StreamSearch finds the secrets one indexOf per needle finds, in the first encoding in needle order', () => {
  const secrets = [
    { id: 'a', value: 'Zq7xK2pL9mV4-tok' },
    { id: 'b', value: '-----BEGIN KEY-----\n' + 'Mx3Pq8Vt2Lz7Rw1Nb6Yk4Hc9Jd0Gs5Ta'.repeat(12) + '\n-----END KEY-----\n' }
  ]
  const n = secretNeedles(secrets)
  const forms = n.filter(x => x.scope === 'all').map(x => x.bytes)
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.integer({ min: 0, max: forms.length - 1 }), fc.string({ maxLength: 30 })), { maxLength: 6 }),
      fc.integer({ min: 1, max: 700 }),
      (parts, chunk) => {
        const data = Buffer.concat(parts.map(p => (typeof p === 'number' ? forms[p] : Buffer.from(p))))
        const expected = new Map<string, string>()
        for (const x of n) if (x.scope === 'all' && !expected.has(x.id) && data.indexOf(x.bytes) >= 0) expected.set(x.id, x.encoding)
        expect(scan(data, chunk, n)).toEqual([...expected.keys()].sort())
        // In one chunk, the encoding reported is the first needle in order that occurs.
        expect(matches(data.toString('latin1'), n).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
          [...expected].map(([id, encoding]) => ({ id, encoding })).sort((x, y) => x.id.localeCompare(y.id))
        )
      }
    ),
    { numRuns: 300 }
  )
})

describe('edges of the needles', () => {
  test('a whole value in the config: a letter or digit on either side makes it part of a word; a later whole occurrence still counts', () => {
    const n = secretNeedles([{ id: 'db', value: 'postgres' }])
    expect(findSecrets(n, '1postgres', 'config')).toEqual([])
    expect(findSecrets(n, 'postgres1', 'config')).toEqual([])
    expect(findSecrets(n, 'xpostgres postgres', 'config')).toEqual([{ id: 'db', encoding: 'raw' }])
    expect(findSecrets(n, '"postgres"', 'config')).toEqual([{ id: 'db', encoding: 'raw' }])
    expect(findSecrets(n, '', 'config')).toEqual([])
  })

  test('base64url: a value whose base64 has + and / is found in its URL-safe form (JWT segments, URL tokens)', () => {
    const value = 'k7-a>?~b>?~c-Qz9x' // base64 holds both '+' and '/'
    const b64 = Buffer.from(value).toString('base64')
    expect(b64).toMatch(/\+/)
    expect(b64).toMatch(/\//)
    const n = secretNeedles([{ id: 'jwt', value }])
    const url = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    expect(findSecrets(n, `eyJhbGciOiJIUzI1NiJ9.${url}.sig`)).toEqual([{ id: 'jwt', encoding: 'base64url' }])
  })

  test('JSON-escaped: a value with a quote and a backslash, inside a longer JSON string', () => {
    const value = 'p@ss"w\\rd-9fQ2xL7v'
    const n = secretNeedles([{ id: 'pw', value }])
    const text = JSON.stringify({ log: `connecting with ${value} now` })
    expect(findSecrets(n, text)).toEqual([{ id: 'pw', encoding: 'json' }])
  })

  test('an encoded form equal to the value itself is the value (raw): each needle of an alphanumeric value once', () => {
    const n = secretNeedles([{ id: 'k', value: 'A1b2C3d4E5f6G7h8' }])
    expect(n.filter(x => x.encoding === 'raw')).toHaveLength(1)
    expect(n.some(x => x.encoding === 'url' || x.encoding === 'json')).toBe(false)
    expect(findSecrets(n, 'key=A1b2C3d4E5f6G7h8')).toEqual([{ id: 'k', encoding: 'raw' }])
    const keys = n.map(x => `${x.encoding}:${x.bytes.toString('hex')}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('the length bounds: 3 bytes are not searched, 4 only in the config; 9 bytes config only, 10 random bytes everywhere', () => {
    expect(secretCoverage([{ id: 'a', value: 'k7Q' }])).toEqual([{ id: 'a', scanned: 'none', reason: 'too-short' }])
    expect(secretCoverage([{ id: 'a', value: 'k7Qz' }])).toEqual([{ id: 'a', scanned: 'config', reason: 'short' }])
    expect(secretCoverage([{ id: 'a', value: 'k7Qz9xR2m' }])).toEqual([{ id: 'a', scanned: 'config', reason: 'short' }])
    expect(secretCoverage([{ id: 'a', value: 'k7Qz9xR2mW' }])).toEqual([])
    expect(entropyBits(Buffer.alloc(0))).toBe(0)
  })

  test('encoded needles shorter than 8 bytes are dropped; the raw value is kept whatever its length', () => {
    const n = secretNeedles([{ id: 'a', value: 'k7Qz9xR2mW' }])
    expect(n.filter(x => x.encoding !== 'raw').every(x => x.bytes.length >= 8)).toBe(true)
    expect(n.filter(x => x.encoding === 'raw').map(x => x.bytes.toString())).toEqual(['k7Qz9xR2mW'])
    expect(n.some(x => x.encoding === 'base64')).toBe(true)
  })
})
