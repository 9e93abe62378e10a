import { GlobError, globParts, globToRegExp } from '../src/glob.js'

test.each([
  ['usr/bin/gcc-*', 'usr/bin/gcc-12', true],
  ['usr/bin/gcc-*', 'usr/bin/gcc-12/x', false],
  ['app/**/*.map', 'app/a/b/.x.map', true],
  ['app/**/*', 'app', false],
  ['app/**', 'app', true],
  ['a[!b]c', 'axc', true],
  ['a[!b]c', 'abc', false],
  ['a[^b]c', 'abc', false],
  ['usr/{lib,include}/x', 'usr/include/x', true],
  ['gcc-[0-9]{,[0-9]}', 'gcc-12', true],
  ['x\\*y', 'x*y', true],
  ['x\\*y', 'xay', false]
])('%s matches %s: %s', (glob, path, expected) => expect(globToRegExp(glob).test(path)).toBe(expected))

test.each([
  ['a[b', '`[` without a closing `]`'],
  ['a{b', '`{` without a closing `}`'],
  ['a]b', 'unmatched `]`'],
  ['a***', 'three or more `*` in a row'],
  ['*a*a*a*c', 'more than 3 `*` in one path segment (such a glob can take minutes to match)'],
  ['**/a/**/b/**/c', 'more than 2 `**` (such a glob can take minutes to match)']
])('%s is refused: %s', (glob, message) => {
  expect(() => globToRegExp(glob)).toThrow(GlobError)
  expect(() => globToRegExp(glob)).toThrow(message)
})

test('stars are counted per brace alternative, so long alternatives stay allowed', () => {
  expect(globToRegExp('bin/{python[0-9]*-config,*-linux-*-python[0-9]*-config}').test('bin/x86_64-linux-gnu-python3.11-config')).toBe(true)
  expect(() => globToRegExp('{*a*a*a*c,x}')).toThrow(GlobError)
})

test('globParts: the literal directory and the glob, or undefined for a plain path', () => {
  expect([globParts('a/*.json'), globParts('a/{b,c}'), globParts('package-lock.json')]).toEqual([
    { base: 'a', glob: '*.json' },
    { base: 'a', glob: '{b,c}' },
    undefined
  ])
})
