/** The errors' own rules: one line, and a long echoed value elided in its middle. */
import { EnvironmentError, InputError, MAX_DETAIL, elideMiddle, errorMessage } from '../src/errors.js'

describe('InputError', () => {
  test('names the input, and keeps a detail on one line', () => {
    const e = new InputError('tags', 'line 2: expected NAME[:TAG], got "a\r\nb"')
    expect(e.message).toBe('tags: line 2: expected NAME[:TAG], got "a\\r\\nb"')
    expect(e.input).toBe('tags')
    expect(e.name).toBe('InputError')
  })

  test('a detail up to MAX_DETAIL characters is kept whole', () => {
    const detail = `expected a size, got "${'1'.repeat(MAX_DETAIL - 23)}"`
    expect(detail).toHaveLength(MAX_DETAIL)
    expect(new InputError('max-size', detail).message).toBe(`max-size: ${detail}`)
  })

  test('a 100 kB value echoed whole is elided in its middle: what was expected stays, before and after it', () => {
    const value = 'x'.repeat(100_000)
    const before = new InputError('max-size', `expected a size such as 250MB, got "${value}"`).message
    expect(before.startsWith('max-size: expected a size such as 250MB, got "xxx')).toBe(true)
    expect(before.endsWith('xxx"')).toBe(true)
    const after = new InputError('audit-allow', `line 1 "${value}": a path must start with /`).message
    expect(after.endsWith('xxx": a path must start with /')).toBe(true)
    for (const m of [before, after]) {
      expect(m).toMatch(/…\[\d+ characters\]…/)
      expect(m.length).toBeLessThan(MAX_DETAIL + 40)
      expect(m).not.toMatch(/[\r\n]/)
    }
  })
})

describe('elideMiddle', () => {
  test('keeps two thirds from the start and one third from the end, and counts what it left out', () => {
    const text = 'a'.repeat(100) + 'b'.repeat(100) + 'c'.repeat(100)
    expect(elideMiddle(text, 30)).toBe(`${'a'.repeat(20)}…[270 characters]…${'c'.repeat(10)}`)
    expect(elideMiddle(text, 300)).toBe(text)
    expect(elideMiddle(text, 299)).toBe(`${'a'.repeat(100)}${'b'.repeat(100)}…[1 character]…${'c'.repeat(99)}`)
  })

  test('never splits a surrogate pair at either cut', () => {
    const emoji = '😀'
    // max 30 cuts after 20 and before the last 10: both cuts fall inside a pair, which is left out whole.
    const text = 'a'.repeat(19) + emoji + 'b'.repeat(100) + emoji + 'c'.repeat(9)
    const out = elideMiddle(text, 30)
    expect(out).toBe(`${'a'.repeat(19)}…[${text.length - 19 - 9} characters]…${'c'.repeat(9)}`)
    expect(out).not.toMatch(/[\uD800-\uDFFF]/)
  })
})

test('errorMessage: an Error’s message, a string as is, anything else as JSON or text', () => {
  expect(errorMessage(new EnvironmentError('no engine'))).toBe('no engine')
  expect(errorMessage('plain')).toBe('plain')
  expect(errorMessage({ a: 1 })).toBe('{"a":1}')
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic
  expect(errorMessage(cyclic)).toBe('[object Object]')
})
