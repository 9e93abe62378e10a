/** The one redactor: text, whole data structures, pieces added later, and the Reporter it wraps. */
import { createRedactor, encodedForms, redactingReporter } from '../src/redact.js'
import { recordingReporter } from './helpers/reporter.js'

describe('createRedactor', () => {
  test('replaces every occurrence, longest piece first', () => {
    const r = createRedactor(['abc', 'abcdef'])
    expect(r('x abcdef y abc z')).toBe('x *** y *** z')
  })
  test('no pieces: identity, and deep gives the very same object', () => {
    const o = { a: ['same'] }
    expect(createRedactor([])('same')).toBe('same')
    expect(createRedactor().deep(o)).toBe(o)
  })
  test('deep: every string of nested objects and arrays, keys too, in a copy; other values kept', () => {
    const r = createRedactor(['s3cr3t'])
    const value = { phases: [{ name: 'Engine', reason: 'no s3cr3t', durationMs: 3 }], tags: ['a:s3cr3t'], s3cr3t: true, none: undefined, n: null }
    expect(r.deep(value)).toEqual({ phases: [{ name: 'Engine', reason: 'no ***', durationMs: 3 }], tags: ['a:***'], '***': true, none: undefined, n: null })
    expect(value.phases[0].reason).toBe('no s3cr3t')
  })
  test('add: a piece read later is hidden from then on (empty pieces are ignored)', () => {
    const r = createRedactor()
    r.add(['', 'later-value'])
    expect(r('x later-value')).toBe('x ***')
    expect(r('nothing')).toBe('nothing')
  })
})

test('redactingReporter: info, warnings and group names are redacted; setSecret feeds the redactor', async () => {
  const rec = recordingReporter()
  const redact = createRedactor(['one-secret'])
  const reporter = redactingReporter(rec, redact)
  reporter.setSecret('two-secret')
  reporter.info('one-secret and two-secret')
  reporter.warning('careful: one-secret')
  await reporter.group('step one-secret', async () => undefined)
  expect(rec.lines).toEqual(['*** and ***'])
  expect(rec.warnings).toEqual(['careful: ***'])
  expect(rec.groups).toEqual(['step ***'])
  expect(redact('two-secret')).toBe('***')
})

describe('encoded forms, as the runner masks them', () => {
  const secret = 'tok+en/wïth "quotes" & more'
  const r = createRedactor([secret])
  test.each([
    ['JSON-escaped', JSON.stringify({ auth: secret })],
    ['URL-encoded', `https://example.test/?t=${encodeURIComponent(secret)}`],
    ['base64', Buffer.from(secret).toString('base64')],
    [
      'base64 inside a longer encoded text (other alignments)',
      Buffer.from(`x${secret}`).toString('base64') + ' ' + Buffer.from(`xy${secret}`).toString('base64')
    ],
    ['base64url', Buffer.from(secret).toString('base64url')]
  ])('%s', (_name, text) => {
    const out = r(text)
    expect(out).toContain('***')
    // No form of the secret is left: what remains decodes to nothing of it.
    for (const form of encodedForms(secret)) expect(out).not.toContain(form)
  })
  test('short pieces are hidden as they are, not in encodings that would hide ordinary text', () => {
    expect(encodedForms('abc')).toEqual(['abc'])
    expect(createRedactor(['ab']).deep({ s: 'YWI= ab' })).toEqual({ s: 'YWI= ***' })
  })
})
