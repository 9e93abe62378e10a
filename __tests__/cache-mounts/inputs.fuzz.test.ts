/**
 * Properties of the cache-mount inputs: parseCacheMounts returns mounts of the plan (in plan
 * order) or a one-line InputError naming cache-mounts; cacheKeyFiles returns existing files or a
 * one-line InputError naming cache-key-files; both stay fast, `*` globs included.
 */
import fc from 'fast-check'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cacheKeyFiles, parseCacheMounts } from '../../src/cache-mounts/inputs.js'
import { InputError } from '../../src/errors.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { awkwardText, expectClearError, fuzzParams } from '../helpers/fuzz.js'

const plan = parseDockerfile(`FROM alpine AS a
RUN --mount=type=cache,target=/root/.npm npm ci
RUN --mount=type=cache,id=go,target=/go/pkg/ --mount=type=cache,target=/ go build
RUN --mount=type=cache,id=__proto__,target=/x,uid=1000 true
`)

describe('parseCacheMounts (property)', () => {
  const item = fc.oneof(
    fc.constantFrom('auto', 'none', 'false', 'go', '/root/.npm', '/root/.npm/', 'root/.npm', '/go/pkg', '/', '__proto__', '# c', ''),
    awkwardText(15)
  )
  test('mounts of the plan, or a one-line InputError naming cache-mounts', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), fc.constantFrom('\n', ',', '\r\n'), (items, sep) => {
        try {
          const picked = parseCacheMounts(items.join(sep), plan)
          for (const m of picked) expect(plan.cacheMounts).toContain(m)
          expect(picked).toEqual(plan.cacheMounts.filter(m => picked.includes(m)))
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'cache-mounts: ' })
        }
      }),
      fuzzParams(400)
    )
  })

  test('long values: a clear error, or the mounts named once each', () => {
    expect(() => parseCacheMounts(`go${'/'.repeat(100_000)}x`, plan)).toThrow(InputError)
    expect(parseCacheMounts(Array.from({ length: 20_000 }, () => 'go').join(','), plan)).toEqual(parseCacheMounts('go', plan))
  })
})

describe('cacheKeyFiles (property)', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-keyfiles-fuzz-'))
    fs.mkdirSync(path.join(dir, 'sub'))
    for (const f of ['package-lock.json', 'requirements-dev.txt', 'sub/go.sum', 'a'.repeat(200), `${'a'.repeat(100)}b`]) fs.writeFileSync(path.join(dir, f), f)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const item = fc.oneof(
    fc.constantFrom('package-lock.json', 'requirements*.txt', '*', 'sub/*', '**', '*.json', '../x', '/etc/hostname', 'missing', '# c'),
    awkwardText(12)
  )
  test('existing files under their patterns, or a one-line InputError naming cache-key-files', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 4 }), fc.constantFrom('\n', ','), (items, sep) => {
        try {
          for (const f of cacheKeyFiles(items.join(sep), dir)) expect(fs.statSync(f).isFile()).toBe(true)
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'cache-key-files: ' })
        }
      }),
      fuzzParams(200)
    )
  })

  test('a glob of many `*` against long names is refused or answered (a backtracking match ran for minutes: past the test timeout)', () => {
    for (const glob of [`${'*a'.repeat(12)}*c`, `${'a*'.repeat(30)}c`]) expect(() => cacheKeyFiles(glob, dir)).toThrow(InputError)
  })
})

describe('counterexamples the properties found', () => {
  test('cache-key-files `*a*a…*c` against a 200-character name of `a`s: refused or no match, at once (the `.*` regex backtracked for minutes)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-keyfiles-regress-'))
    try {
      fs.writeFileSync(path.join(dir, 'a'.repeat(200)), '')
      fs.writeFileSync(path.join(dir, 'requirements-dev.txt'), '')
      // Too many `*` in one segment is refused before matching; the most allowed is still fast.
      expect(() => cacheKeyFiles(`${'*a'.repeat(12)}*c`, dir)).toThrow(/^cache-key-files: ".*" is not a valid glob \(more than 3 `\*` in one path segment/)
      expect(() => cacheKeyFiles('*a*a*c', dir)).toThrow('cache-key-files: no file matches')
      expect(cacheKeyFiles('requirements*.txt', dir)).toEqual([path.join(dir, 'requirements-dev.txt')])
      expect(cacheKeyFiles('', dir)).toEqual([path.join(dir, 'requirements-dev.txt')])
      expect(cacheKeyFiles('*a', dir)).toEqual([path.join(dir, 'a'.repeat(200))])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
