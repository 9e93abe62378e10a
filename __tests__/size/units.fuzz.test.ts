/**
 * Properties of the size inputs: parseSize / parseIncrease return a finite, non-negative number
 * or throw a one-line InputError naming the input, in bounded time.
 */
import fc from 'fast-check'
import { InputError } from '../../src/errors.js'
import { parseIncrease, parseSize } from '../../src/size/units.js'
import { awkwardText, expectClearError, fuzzParams, prototypeKeys } from '../helpers/fuzz.js'

const number = fc.oneof(fc.nat().map(String), fc.constantFrom('0', '1.5', '01', '1e3', '.5', '5.', '9'.repeat(400), '1'.padEnd(320, '0')))
const unit = fc.oneof(
  fc.constantFrom('', 'b', 'kB', 'MB', 'GiB', 'tib', '%', ' MB', 'K', 'x'),
  fc.constantFrom(...prototypeKeys.map(k => k.toLowerCase())),
  fc.stringMatching(/^[a-zA-Z]{0,6}$/)
)
const sizeText = fc.oneof(
  fc.tuple(number, unit).map(([n, u]) => `${n}${u}`),
  awkwardText(20)
)

describe('parseSize and parseIncrease (property)', () => {
  test('a finite, non-negative size, or a one-line InputError naming the input', () => {
    fc.assert(
      fc.property(sizeText, v => {
        try {
          const n = parseSize('max-size', v)
          expect(Number.isFinite(n)).toBe(true)
          expect(n).toBeGreaterThanOrEqual(0)
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'max-size: ' })
        }
        try {
          const inc = parseIncrease('max-increase', v)
          expect(Number.isFinite(inc.value)).toBe(true)
          expect(inc.value).toBeGreaterThanOrEqual(0)
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'max-increase: ' })
        }
      }),
      fuzzParams(1000)
    )
  })

  test('long values: a clear error that stays short', () => {
    for (const v of [`${'1'.repeat(100_000)}.${'1'.repeat(100_000)}x`, `1${' '.repeat(100_000)}x`, `${'1.'.repeat(50_000)}%`]) {
      for (const [input, parse] of [
        ['max-size', () => parseSize('max-size', v)],
        ['max-increase', () => parseIncrease('max-increase', v)]
      ] as const) {
        const e = (() => {
          try {
            parse()
          } catch (err) {
            return err
          }
          throw new Error(`${input} accepted ${v.length} characters`)
        })()
        expectClearError(e, { types: [InputError], prefix: `${input}: expected ` })
        expect((e as Error).message.length).toBeLessThan(600)
      }
    }
  })
})

describe('counterexamples the properties found', () => {
  test.each([
    ['max-size', `1${'0'.repeat(320)}`],
    ['max-size', '5constructor'],
    ['max-increase', `1${'0'.repeat(320)}%`]
  ])('%s %s: an InputError, not Infinity or NaN', (input, v) => {
    const parse = input === 'max-size' ? parseSize : parseIncrease
    expect(() => parse(input, v)).toThrow(InputError)
  })
})
