/**
 * Properties of the audit inputs (as exported from src/audit/index.ts): parseAllow returns rules
 * or a one-line InputError naming audit-allow and the line; parseFailOn a severity or a one-line
 * InputError naming fail-on; both in bounded time.
 */
import fc from 'fast-check'
import { InputError } from '../../src/errors.js'
import { awkwardText, expectClearError, fuzzParams } from '../helpers/fuzz.js'
import { parseAllow, parseFailOn } from '../../src/inputs/audit-options.js'

const line = fc.oneof(
  fc.constantFrom(
    'toolchain',
    'hygiene',
    'hygiene/shell',
    'dev-leftover:/app/.env',
    '/usr/bin/gcc-*',
    '/app/**/*.map',
    '/a/{b,c}/[!x]?',
    '# comment',
    '/x # why',
    '/a\\ b',
    '/[',
    '/{',
    '/]',
    '/***',
    'nope',
    'toolchain:rel',
    '/a b'
  ),
  awkwardText(30),
  fc.tuple(fc.constantFrom('/', 'toolchain:/'), awkwardText(20)).map(([a, b]) => a + b)
)

describe('parseAllow (property)', () => {
  test('rules (one per non-blank line) or a one-line InputError naming audit-allow and the line', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), lines => {
        try {
          const rules = parseAllow(lines)
          expect(rules.length).toBeLessThanOrEqual(lines.length)
          for (const r of rules) expect(r.rule !== undefined || r.path !== undefined).toBe(true)
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'audit-allow: line ' })
        }
      }),
      fuzzParams(600)
    )
  })

  test('long patterns: a rule or a clear error, and the error stays short', () => {
    const long = [`/${'a/'.repeat(50_000)}*`, `/${'{a,'.repeat(5_000)}${'}'.repeat(5_000)}`, `/${'\\'.repeat(100_000)}`, `/${'[a]'.repeat(30_000)}`]
    for (const line of long) {
      try {
        expect(parseAllow([line]).map(r => r.pattern)).toEqual([line])
      } catch (e) {
        expectClearError(e, { types: [InputError], prefix: 'audit-allow: line 1 ' })
        expect((e as Error).message.length).toBeLessThan(600)
      }
    }
  })
})

describe('parseFailOn (property)', () => {
  test('a severity, or a one-line InputError naming fail-on', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('error', ' Warning ', 'NOTICE', 'none', ''), awkwardText(20)), v => {
        try {
          expect(['error', 'warning', 'notice']).toContain(parseFailOn(v))
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'fail-on: ' })
        }
      }),
      fuzzParams(300)
    )
  })
})
