import { isAllowed, unusedAllow } from '../../src/audit/allow.js'
import type { Finding } from '../../src/audit/types.js'
import { InputError } from '../../src/errors.js'
import { parseAllow, parseFailOn } from '../../src/inputs/audit-options.js'

const f = (rule: Finding['rule'], path?: string): Finding => ({ rule, severity: 'error', message: '', evidence: path ? { path } : {} })

test.each([
  ['toolchain', f('toolchain', '/usr/bin/gcc-12'), true],
  ['toolchain', f('non-root'), false],
  ['hygiene', f('hygiene/shell', '/bin/sh'), true],
  ['hygiene/shell', f('hygiene/setuid', '/usr/bin/su'), false],
  ['/usr/bin/gcc-*', f('toolchain', '/usr/bin/gcc-12'), true],
  ['/usr/bin/gcc-*', f('toolchain', '/usr/bin/sub/gcc-12'), false],
  ['/app/**/*.map', f('dev-leftover', '/app/dist/x/y.js.map'), true],
  ['/app/**/*.map', f('dev-leftover', '/app/y.js.map'), true],
  ['/usr/{bin,sbin}/ma?e', f('toolchain', '/usr/sbin/make'), true],
  ['/usr/bin/[!g]*', f('toolchain', '/usr/bin/gcc'), false],
  ['dev-leftover:/app/.env', f('dev-leftover', '/app/.env'), true],
  ['dev-leftover:/app/.env', f('secret-leak', '/app/.env'), false],
  ['/usr/bin/gcc-12', f('non-root'), false]
] as [string, Finding, boolean][])('%s', (pattern, finding, allowed) => {
  expect(isAllowed(finding, parseAllow([pattern]))).toBe(allowed)
})

test('blank lines and comments are skipped', () => {
  expect(parseAllow(['', '  # accepted for now', ' toolchain '])).toEqual([{ pattern: 'toolchain', rule: 'toolchain', path: undefined }])
})

test.each([
  ['usr/bin/gcc', /line 1 "usr\/bin\/gcc": expected a rule id/],
  ['tool-chain', /expected a rule id/],
  ['/usr/bin/[abc', /`\[` without a closing `\]`/],
  ['/usr/{bin', /`\{` without a closing `\}`/],
  ['/usr/***/x', /three or more/],
  ['toolchain:usr/bin/x', /must be absolute/]
])('malformed %s', (pattern, message) => {
  expect(() => parseAllow([pattern])).toThrow(InputError)
  expect(() => parseAllow([pattern])).toThrow(message)
  expect(() => parseAllow([pattern])).toThrow(/^audit-allow: /)
})

test.each([
  ['error', 'error'],
  [' Warning ', 'warning'],
  ['NOTICE', 'notice']
])('fail-on %s', (input, expected) => expect(parseFailOn(input)).toBe(expected))

test('fail-on: anything else is an InputError naming the input', () => {
  expect(() => parseFailOn('fatal')).toThrow(new InputError('fail-on', 'expected error, warning or notice, got "fatal"'))
})

test('# starts a comment after the pattern too; \\# is a literal #', () => {
  const rules = parseAllow(['/usr/bin/make   # this image runs make at runtime', 'hygiene/shell# no space', '/app/\\#tmp'])
  expect(rules.map(r => r.pattern)).toEqual(['/usr/bin/make', 'hygiene/shell', '/app/\\#tmp'])
  expect(isAllowed(f('toolchain', '/usr/bin/make'), rules)).toBe(true)
  expect(isAllowed(f('hygiene/shell', '/bin/sh'), rules)).toBe(true)
  expect(isAllowed(f('dev-leftover', '/app/#tmp'), rules)).toBe(true)
})

test('a glob with blanks that is not a comment is an error, not a silent non-match', () => {
  expect(() => parseAllow(['/usr/bin/make runs at runtime'])).toThrow(/line 1 .*no blanks/)
})

test('patterns that match no finding are reported (typos show)', () => {
  const rules = parseAllow(['/usr/bin/mkae  # typo', 'toolchain:/usr/bin/make', 'hygiene'])
  const findings = [f('toolchain', '/usr/bin/make'), f('hygiene/shell', '/bin/sh')]
  expect(unusedAllow(rules, findings)).toEqual(['/usr/bin/mkae'])
})
