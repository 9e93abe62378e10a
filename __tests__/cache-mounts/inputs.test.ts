import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cacheKeyFiles, hashKeyFiles, parseCacheMounts } from '../../src/cache-mounts/inputs.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'

const plan = parseDockerfile(`FROM node:20 AS deps
RUN --mount=type=cache,target=/root/.npm npm ci
FROM python:3.12 AS py
RUN --mount=type=cache,id=pip,target=/root/.cache/pip,sharing=locked pip install -r requirements.txt
RUN --mount=type=cache,id=apt,target=/var/cache/apt --mount=type=cache,id=apt-lists,target=/var/lib/apt/lists apt-get update
`)
const ids = (value: string) => parseCacheMounts(value, plan).map(m => m.id)

describe('parseCacheMounts', () => {
  test.each([
    ['', ['/root/.npm', 'pip', 'apt', 'apt-lists']],
    ['auto', ['/root/.npm', 'pip', 'apt', 'apt-lists']],
    ['false', []],
    ['none', []],
    ['pip', ['pip']],
    ['/root/.cache/pip', ['pip']],
    ['/root/.npm/', ['/root/.npm']],
    ['apt-lists, pip', ['pip', 'apt-lists']],
    ['apt\n# a comment\n/root/.npm', ['/root/.npm', 'apt']]
  ])('%j → %j', (value, expected) => {
    expect(ids(value)).toEqual(expected)
  })

  test('a name the Dockerfile does not mount is one line naming the input and listing what it has', () => {
    expect(() => parseCacheMounts('/root/.cargo', plan)).toThrow(
      'cache-mounts: no RUN --mount=type=cache with id or target "/root/.cargo" in the Dockerfile; it has: ' +
        '/root/.npm (line 2), pip → /root/.cache/pip (line 4), apt → /var/cache/apt (line 5), apt-lists → /var/lib/apt/lists (line 5)'
    )
    expect(() => parseCacheMounts('x', parseDockerfile('FROM busybox\nRUN true\n'))).toThrow(/it has: none$/)
  })
})

describe('cacheKeyFiles and hashKeyFiles', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-keyfiles-'))
    const write = (rel: string, text = rel) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
      fs.writeFileSync(path.join(dir, rel), text)
    }
    write('package-lock.json')
    write('requirements-dev.txt')
    write('services/api/go.sum')
    write('node_modules/left-pad/package-lock.json') // vendored: never a key file
    write('.git/yarn.lock')
    write('a/b/c/d/Cargo.lock') // deeper than three levels
    write('README.md')
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('default: the lockfiles found in the context', () => {
    const rel = cacheKeyFiles('', dir).map(f => path.relative(dir, f))
    expect(rel).toEqual(['package-lock.json', 'requirements-dev.txt', 'services/api/go.sum'])
  })

  test('an explicit list, with * in file names', () => {
    const rel = cacheKeyFiles('README.md\nrequirements*.txt', dir).map(f => path.relative(dir, f))
    expect(rel).toEqual(['README.md', 'requirements-dev.txt'])
  })

  test('a path that matches nothing names the input', () => {
    expect(() => cacheKeyFiles('poetry.lock', dir)).toThrow(/^cache-key-files: no file matches "poetry.lock"/)
    expect(() => cacheKeyFiles('reqs*.txt', dir)).toThrow(/^cache-key-files: no file matches "reqs\*.txt"/)
  })

  test('globs anywhere in the path, in the one glob dialect', () => {
    const rel = (v: string) => cacheKeyFiles(v, dir).map(f => path.relative(dir, f))
    expect(rel('**/go.sum')).toEqual(['services/api/go.sum'])
    expect(rel('services/*/go.sum')).toEqual(['services/api/go.sum'])
    expect(rel('{package-lock.json,services/api/go.sum}')).toEqual(['package-lock.json', 'services/api/go.sum'])
    // `*` stays within a directory: the top-level pattern does not reach services/api/.
    expect(() => rel('*.sum')).toThrow(/^cache-key-files: no file matches "\*\.sum"/)
    expect(() => rel('services/*/[a-z.sum')).toThrow(/^cache-key-files: "services\/\*\/\[a-z.sum" is not a valid glob \(`\[` without a closing `\]`\)$/)
  })

  test('the hash follows contents and paths, not order or location of the context', () => {
    const files = cacheKeyFiles('', dir)
    const h = hashKeyFiles(files, dir)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashKeyFiles([...files].reverse(), dir)).toBe(h)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-keyfiles-copy-'))
    fs.cpSync(dir, copy, { recursive: true })
    expect(hashKeyFiles(cacheKeyFiles('', copy), copy)).toBe(h)
    fs.appendFileSync(path.join(copy, 'package-lock.json'), ' changed')
    expect(hashKeyFiles(cacheKeyFiles('', copy), copy)).not.toBe(h)
    fs.rmSync(copy, { recursive: true, force: true })
    expect(hashKeyFiles([], dir)).toBe(hashKeyFiles([], '/elsewhere'))
  })
})
