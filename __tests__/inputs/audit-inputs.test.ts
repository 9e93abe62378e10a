/** The inputs of `stagecraft audit IMAGE` and of `mode: audit`: no build input, the same audit and size policy. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readAuditInputs, readRegistryAuditInputs } from '../../src/inputs/inputs.js'
import { getter } from '../fixtures/inputs.js'
import { errorOf } from '../helpers/error-of.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-audit-inputs-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:stable AS runner\n')
  fs.writeFileSync(path.join(dir, 'base.json'), '{}')
  fs.mkdirSync(path.join(dir, 'reports'))
})
afterAll(() => fs.rmSync(dir, { recursive: true }))

const IMAGE = 'ghcr.io/org/app@sha256:' + 'a'.repeat(64)
const registry = (map: Record<string, string>) => readRegistryAuditInputs(getter(map), dir)

describe('readAuditInputs', () => {
  test('defaults: both policies on, fail on errors, no budget, no baseline', () => {
    expect(readAuditInputs(getter({}), dir)).toEqual({
      'require-non-root': true,
      'forbid-toolchains': true,
      'audit-allow': [],
      'fail-on': 'error',
      'max-size': undefined,
      'max-increase': undefined,
      'baseline-report': '',
      'baseline-image': ''
    })
  })

  test('every input read: policies off, allow lines (CRLF too), budgets, a baseline report relative to the workspace', () => {
    const got = readAuditInputs(
      getter({
        'require-non-root': 'false',
        'forbid-toolchains': 'False',
        'audit-allow': 'toolchain:/usr/bin/make\r\nsecret-leak:/app/.env',
        'fail-on': ' warning ',
        'max-size': '200MB',
        'max-increase': '5%',
        'baseline-report': ' base.json ',
        'baseline-image': ' ghcr.io/org/app:main '
      }),
      dir
    )
    expect(got).toMatchObject({
      'require-non-root': false,
      'forbid-toolchains': false,
      'fail-on': 'warning',
      'baseline-report': path.join(dir, 'base.json'),
      'baseline-image': 'ghcr.io/org/app:main'
    })
    expect(got['audit-allow']).toHaveLength(2)
    expect(got['max-size']).toBe(200_000_000)
    expect(got['max-increase']).toBeDefined()
  })

  test.each<[string, Record<string, string>, string]>([
    ['a baseline report that does not exist', { 'baseline-report': 'gone.json' }, 'baseline-report: file not found: gone.json'],
    ['a baseline report that is a directory', { 'baseline-report': 'reports' }, 'baseline-report: file not found: reports'],
    ['a policy that is not a boolean', { 'require-non-root': 'yes' }, 'require-non-root: expected true or false, got "yes"']
  ])('%s → one line naming the input', (_n, map, message) => {
    expect(errorOf(() => readAuditInputs(getter(map), dir))).toBe(message)
  })
})

describe('readRegistryAuditInputs (mode: audit)', () => {
  test('the image, no Dockerfile, comment auto, publishing inputs trimmed', () => {
    expect(registry({ image: ` ${IMAGE} `, target: ' runner ', 'comment-key': ' api ', 'check-name': ' Audit ', 'cache-dir': ' .cache ' })).toMatchObject({
      image: IMAGE,
      file: '',
      comment: 'auto',
      target: 'runner',
      'comment-key': 'api',
      'check-name': 'Audit',
      'cache-dir': '.cache',
      'require-non-root': true
    })
  })

  test('a Dockerfile for findings on its lines resolves against the workspace', () => {
    expect(registry({ image: IMAGE, file: 'Dockerfile' }).file).toBe(path.join(dir, 'Dockerfile'))
  })

  test.each<[string, string]>([
    ['', 'auto'],
    ['auto', 'auto'],
    [' AUTO ', 'auto'],
    ['true', 'true'],
    ['TRUE', 'true'],
    ['False', 'false']
  ])('comment %j is %s', (v, want) => {
    expect(registry({ image: IMAGE, comment: v }).comment).toBe(want)
  })

  test.each<[string, Record<string, string>, string]>([
    ['no image', {}, 'image: required with mode: audit (the image to audit, e.g. ghcr.io/org/app@sha256:… or ghcr.io/org/app:1.2)'],
    ['a Dockerfile that does not exist', { image: IMAGE, file: 'nope/Dockerfile' }, 'file: Dockerfile not found: nope/Dockerfile'],
    ['a Dockerfile that is a directory', { image: IMAGE, file: 'reports' }, 'file: Dockerfile not found: reports'],
    ['a comment mode that is neither', { image: IMAGE, comment: ' always ' }, 'comment: expected auto, true or false, got "always"']
  ])('%s → one line naming the input', (_n, map, message) => {
    expect(errorOf(() => registry(map))).toBe(message)
  })
})
