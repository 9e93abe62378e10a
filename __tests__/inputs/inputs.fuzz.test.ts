/**
 * Properties of every list input and of readInputs: random CSV-ish text for each ListInput name,
 * random secret lists, random values for each input of action.yml. Each parser returns items or
 * throws a one-line InputError that starts with the input's name, an error never contains a
 * secret value, and large inputs parse in bounded time.
 */
import fc from 'fast-check'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../../src/errors.js'
import { readInputs } from '../../src/inputs/inputs.js'
import { BPA_LIST_OPTIONS, parseList, parseListItems, readList, type ListInput, type ListOptions } from '../../src/inputs/list.js'
import { parseSecrets } from '../../src/inputs/secrets.js'
import { getter } from '../fixtures/inputs.js'
import { awkwardText, expectClearError, fuzzParams } from '../helpers/fuzz.js'

const LIST_INPUTS = Object.keys(BPA_LIST_OPTIONS) as ListInput[]
const listText = fc.oneof(
  awkwardText(120),
  fc
    .tuple(
      fc.array(fc.oneof(awkwardText(20), fc.constantFrom('"a,b"', '"multi\nline"', '""', '"unclosed', 'x"y', '# comment', '  ', 'k=v', '"a""b"')), {
        maxLength: 8
      }),
      fc.constantFrom('\n', ',', '\r\n')
    )
    .map(([a, sep]) => a.join(sep))
)

describe('list inputs (property)', () => {
  test('readList: items (non-blank, with a line inside the input) or a one-line InputError naming the input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIST_INPUTS), listText, (name, raw) => {
        let items
        try {
          items = readList(name, raw)
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: `${name}: ` })
          return
        }
        const lines = raw.split('\n').length
        // A lone CR makes csv-parse take CR as the record delimiter: lines are not LF-counted then.
        const lfText = !raw.replace(/\r\n/g, '').includes('\r')
        for (const item of items) {
          expect(item.value.trim()).not.toBe('')
          expect(item.line).toBeGreaterThanOrEqual(1)
          if (lfText) expect(item.line).toBeLessThanOrEqual(lines)
          if ((BPA_LIST_OPTIONS[name] as ListOptions).trim !== false) expect(item.value).toBe(item.value.trim())
        }
        expect(parseList(raw, BPA_LIST_OPTIONS[name])).toEqual(items.map(i => i.value))
      }),
      fuzzParams(600)
    )
  })

  test('parseListItems reads 20,000 lines, a 1 MB quoted value and 50,000 commas whole', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `KEY_${i}=value,${i}`).join('\n')
    const quoted = `"${'x\n'.repeat(500_000)}"`
    const commas = ','.repeat(50_000)
    for (const name of ['tags', 'build-args', 'secrets'] as const) {
      const opts = BPA_LIST_OPTIONS[name]
      const read = parseListItems(lines, opts).map(i => i.value)
      expect(read).toEqual(name === 'tags' ? Array.from({ length: 20_000 }, (_, i) => [`KEY_${i}=value`, `${i}`]).flat() : lines.split('\n'))
      expect(parseListItems(quoted, opts).map(i => i.value)).toEqual(['x\n'.repeat(500_000).slice(0, name === 'secrets' ? undefined : -1)])
      expect(parseListItems(commas, opts).map(i => i.value)).toEqual(name === 'tags' ? [] : [commas])
    }
  })
})

/** A secret value that cannot turn up in an error by accident (no word of the messages). */
const secretValue = fc
  .tuple(fc.constantFrom('Zq', 'Xv', '€k', '😀p', 'ßw'), awkwardText(20), fc.constantFrom('9Q', '7J', '中'))
  .map(([a, b, c]) => `${a}${b}${c}`)
  .filter(v => v.trim().length >= 4)

describe('parseSecrets (property)', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-secrets-fuzz-'))
    fs.writeFileSync(path.join(dir, 'key'), 'file-secret-Zq9Q')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/), fc.constantFrom('', 'bad id', 'a/b', '__proto__', 'dup'))
  const item = fc.tuple(id, secretValue, fc.boolean()).map(([i, v, quote]) => ({ line: quote ? `"${i}=${v.replace(/"/g, '""')}"` : `${i}=${v}`, value: v }))
  const secretsInput = fc.tuple(fc.array(item, { maxLength: 4 }), fc.array(fc.oneof(awkwardText(20), secretValue), { maxLength: 2 }))

  test('secrets or a one-line InputError that names the input and never shows a value', () => {
    fc.assert(
      fc.property(
        secretsInput,
        fc.constantFrom('', 'f=key', 'g=missing', 'f2=key\nh=/'),
        fc.constantFrom('', 'e=TOKEN', 'e=UNSET', 'e=1BAD'),
        ([items, junk], files, envs) => {
          const raw = [...items.map(i => i.line), ...junk].join('\n')
          const values = [...items.map(i => i.value), ...junk.filter(j => j.length >= 4), 'file-secret-Zq9Q', 'env-secret-Xv7J']
          const masked: string[] = []
          try {
            const { secrets, unresolved } = parseSecrets({ secrets: raw, secretFiles: files, secretEnvs: envs }, { TOKEN: 'env-secret-Xv7J' }, dir, v =>
              masked.push(v)
            )
            for (const s of secrets) if (s.source.value) expect(masked).toContain(s.source.value)
            // An unresolved line names its input, line and id, never a value.
            for (const u of unresolved) {
              expect(['secrets', 'secret-files', 'secret-envs']).toContain(u.input)
              expect(u.detail).toMatch(new RegExp(`^line ${u.line}: secret "`))
              for (const v of values) expect(u.detail).not.toContain(v.trim())
            }
          } catch (e) {
            expectClearError(e, { types: [InputError], forbidden: values.flatMap(v => [v, v.trim()]) })
            expect(['secrets', 'secret-files', 'secret-envs']).toContain((e as InputError).input)
          }
        }
      ),
      fuzzParams(500)
    )
  })
})

describe('readInputs (property)', () => {
  let dir: string
  const names = Object.keys((parseYaml(fs.readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs)
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-inputs-fuzz-'))
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox AS runner\n')
    fs.writeFileSync(path.join(dir, 'report.json'), '{}')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const plausible = fc.constantFrom(
    '',
    'true',
    'false',
    'auto',
    'error',
    'warning',
    '250MB',
    '10%',
    'linux/amd64',
    'a=b',
    'Dockerfile',
    '.',
    'report.json',
    'default',
    'check',
    'nofile=1:2',
    'host:1.2.3.4',
    '/usr/bin/*',
    'toolchain'
  )
  const value = fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 2, arbitrary: awkwardText(40) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) })

  test('every input at a random value: Inputs, or a one-line InputError that starts with an input name and hides secrets', () => {
    const secret = 'sEcr3t-Zq9Q-€'
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 8 }), fc.boolean(), (map, withSecret) => {
        const inputs: Record<string, string> = { ...map }
        if (withSecret) inputs.secrets = `tok=${secret}\n${inputs.secrets ?? ''}`
        try {
          readInputs(getter(inputs), { env: { TOKEN: secret }, cwd: dir })
        } catch (e) {
          expectClearError(e, { types: [InputError], forbidden: [secret] })
          expect(names).toContain((e as InputError).input)
          expect((e as InputError).message.startsWith(`${(e as InputError).input}: `)).toBe(true)
        }
      }),
      fuzzParams(600)
    )
  })
})

describe('counterexamples the properties found', () => {
  test('a CRLF inside a quoted value no longer shifts the lines of the items after it (csv-parse counts it twice)', () => {
    expect(readList('secrets', '"a=x\r\ny"\r\nb=2').map(i => i.line)).toEqual([1, 3])
    expect(readList('add-hosts', '"\r\n"a,b"\r\na').map(i => [i.value, i.line])).toEqual([
      ['"\r\n"a', 1],
      ['b"', 1],
      ['a', 3]
    ])
  })

  test('an InputError is one line even when it echoes a value with line breaks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-inputs-regress-'))
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\n')
    try {
      expect(() => readInputs(getter({ context: 'a\r\n\u0000' }), { env: {}, cwd: dir })).toThrow('context: directory not found: a\\r\\n\u0000')
      expect(() => readInputs(getter({ 'build-args': '"multi\nline"' }), { env: {}, cwd: dir })).toThrow(
        /^build-args: line 1: expected NAME=value, got "multi\\nline"$/
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
