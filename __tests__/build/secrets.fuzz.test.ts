/**
 * Redaction, the way engine output reaches the reporter: bytes → lineSplitter (src/docker/docker.ts:
 * UTF-8 decoding across chunks, line splitting) → the pipeline's redactor on each line. Property:
 * a secret (multibyte and multi-line ones too) never reaches the reporter, however the bytes are
 * cut into chunks, including inside a character and inside the secret; and splitting stays linear.
 */
import fc from 'fast-check'
import { createRedactor } from '../../src/redact.js'
import { lineSplitter } from '../../src/docker/docker.js'
import { MAX_LINE_CHARS } from '../../src/docker/text.js'
import { maskablePieces, type Secret } from '../../src/inputs/secrets.js'
import { fuzzParams } from '../helpers/fuzz.js'

/** What the reporter receives for `bytes` cut at `cuts`, secrets redacted per line as in pipeline.ts. */
function report(bytes: Buffer, cuts: number[], secrets: Secret[]): string[] {
  const redact = createRedactor(secrets.flatMap(maskablePieces))
  const lines: string[] = []
  const splitter = lineSplitter(line => lines.push(redact(line)))
  let at = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    splitter.feed(bytes.subarray(at, c))
    at = c
  }
  splitter.feed(bytes.subarray(at))
  splitter.flush()
  return lines
}

const unit = fc.constantFrom('a', 'Z', '9', '-', '_', 'é', '€', '😀', '中', 'ß', ' ')
/** A secret: one line, or several lines of which at least one is long enough to be masked on its own. */
const secretValue = fc.oneof(
  fc.string({ unit, minLength: 4, maxLength: 24 }).filter(s => s.trim().length >= 4),
  fc
    .tuple(fc.array(fc.string({ unit, minLength: 4, maxLength: 12 }).filter(s => s.trim().length >= 4), { minLength: 2, maxLength: 3 }), fc.constantFrom('\n', '\r\n'))
    .map(([ls, eol]) => ls.join(eol))
)
const noise = fc.string({ unit: fc.oneof(unit, fc.constantFrom('\n', '\r\n', '#', '*')), maxLength: 40 })

describe('redaction of engine output (property)', () => {
  test('the secret never reaches the reporter, whatever the chunking', () => {
    fc.assert(
      fc.property(secretValue, noise, noise, fc.array(fc.nat(), { maxLength: 8 }), (secret, before, after, rawCuts) => {
        const text = `${before}${secret}${after}\n${secret}`
        const bytes = Buffer.from(text, 'utf8')
        const cuts = rawCuts.map(c => c % (bytes.length + 1))
        const lines = report(bytes, cuts, [{ id: 's', source: { kind: 'value', value: secret } }])
        const out = lines.join('\n')
        expect(out).not.toContain(secret)
        for (const piece of secret.split(/\r?\n/)) if (piece.trim().length >= 4) expect(out).not.toContain(piece.trim())
        expect(out).not.toContain('\ufffd') // no character was broken by a cut
      }),
      fuzzParams(800)
    )
  })

  test('every cut position inside a multibyte secret, one byte per chunk too', () => {
    const secret = 'p€ss😀wörd中'
    const bytes = Buffer.from(`log: ${secret} end\n`, 'utf8')
    for (let c = 0; c <= bytes.length; c++) expect(report(bytes, [c], [{ id: 's', source: { kind: 'value', value: secret } }]).join('\n')).not.toContain(secret)
    expect(report(bytes, Array.from({ length: bytes.length }, (_, i) => i), [{ id: 's', source: { kind: 'value', value: secret } }])).toEqual(['log: *** end'])
  })

  test('lineSplitter: lines are the same at any chunking (LF and CRLF), and a 16 MB line in 64 kB chunks is linear', () => {
    fc.assert(
      fc.property(noise, fc.array(fc.nat(), { maxLength: 6 }), (text, rawCuts) => {
        const bytes = Buffer.from(text, 'utf8')
        const whole = report(bytes, [], [])
        expect(report(bytes, rawCuts.map(c => c % (bytes.length + 1)), [])).toEqual(whole)
        const expected = text.split(/\r?\n/)
        if (expected[expected.length - 1] === '') expected.pop()
        expect(whole).toEqual(expected)
      }),
      fuzzParams(500)
    )
  })

  test('counterexample: a 16 MB line without a newline (a log dump) in 64 kB chunks; re-splitting the whole pending line per chunk took ~3.5 s (32 MB: ~14 s)', () => {
    const big = Buffer.alloc(16 * 1024 * 1024, 'x')
    const cuts = Array.from({ length: big.length / 65536 }, (_, i) => i * 65536)
    // A hang guard (re-splitting per chunk is quadratic): one line, cut at MAX_LINE_CHARS with the count of the rest.
    const lines = report(big, cuts, [])
    expect(lines).toHaveLength(1)
    expect(lines[0].endsWith(` [${big.length - MAX_LINE_CHARS} more characters of this line not shown]`)).toBe(true)
    expect(lines[0].indexOf(' ')).toBe(MAX_LINE_CHARS)
  })
})
