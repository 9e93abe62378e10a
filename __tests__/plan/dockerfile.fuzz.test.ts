/**
 * Properties of the Dockerfile plan over generated Dockerfile-like text and arbitrary strings:
 * parseDockerfile never throws and returns a consistent plan, the mount option parser keeps
 * what it is given, findStage/stageChain stay inside the plan and terminate, resolvePlan returns
 * a plan or a one-line InputError naming the input, and every call stays fast on large inputs.
 */
import fc from 'fast-check'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from '../../src/errors.js'
import { findStage, parseDockerfile, parseMountOptions, stageChain, type DockerfilePlan } from '../../src/plan/dockerfile.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { awkwardText, expectClearError, fuzzParams, prototypeKeys } from '../helpers/fuzz.js'

const word = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_.-]{0,8}$/)
const stageName = fc.oneof(word, fc.constantFrom(...prototypeKeys, 'Builder', 'BUILDER', 'scratch', '0', '12'))
const optKey = fc.oneof(
  fc.constantFrom('type', 'id', 'target', 'dst', 'destination', 'src', 'source', 'from', 'sharing', 'uid', 'gid', 'mode', 'required', 'env', 'TYPE'),
  fc.constantFrom(...prototypeKeys),
  word
)
const optValue = fc.oneof(
  fc.constantFrom('cache', 'secret', 'bind', 'tmpfs', 'locked', 'private', 'shared', 'true', '1000', '/root/.npm', ''),
  awkwardText(12).map(s => s.replace(/[\s,\\]/g, ''))
)
const mountOption = fc.tuple(optKey, fc.option(optValue, { nil: undefined })).map(([k, v]) => (v === undefined ? k : `${k}=${v}`))
const mountValue = fc.array(mountOption, { maxLength: 6 }).map(parts => parts.join(','))
const unicodeWord = fc.string({ unit: fc.constantFrom('é', '€', '😀', '中', 'a', 'ß', '\u200b'), minLength: 1, maxLength: 6 })

const fromLine = (names: string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(word, fc.constantFrom(...names, 'scratch', 'node:20-alpine', '${BASE}')),
      fc.option(stageName, { nil: undefined }),
      fc.constantFrom('FROM', 'from', 'From')
    )
    .map(([base, name, kw]) => `${kw} ${base}${name ? ` AS ${name}` : ''}`)

/** One instruction of a Dockerfile (a few lines when continued or followed by a heredoc). */
const instruction = (names: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fromLine(names),
    fromLine(names),
    fc
      .tuple(fc.array(mountValue, { maxLength: 3 }), awkwardText(30))
      .map(([mounts, cmd]) => `RUN ${mounts.map(m => `--mount=${m} `).join('')}${cmd.replace(/[\r\n]/g, ' ')}`),
    fc
      .tuple(fc.array(mountValue, { minLength: 1, maxLength: 2 }), word)
      .map(([mounts, cmd]) => `RUN ${mounts.map(m => `--mount=${m} \\\n    `).join('')}${cmd}`),
    fc.tuple(fc.constantFrom('EOF', 'END', '"EOT"', '-EOF'), awkwardText(40)).map(([tag, body]) => {
      const end = tag.replace(/["-]/g, '')
      return `RUN <<${tag}\n${body.replace(/\r/g, '')}\n${end}`
    }),
    fc.tuple(fc.constantFrom(...names, '0', '1', 'other'), word).map(([from, p]) => `COPY --from=${from} /${p} /${p}`),
    fc.tuple(fc.constantFrom('ARG', 'ENV', 'LABEL'), word, awkwardText(20)).map(([kw, k, v]) => `${kw} ${k}=${JSON.stringify(v)}`),
    awkwardText(40).map(t => `# ${t.replace(/[\r\n]/g, ' ')}`),
    fc.constantFrom(
      '',
      '   ',
      '\\',
      'RUN echo a \\',
      '  && echo b',
      'USER 1000:1000',
      'WORKDIR /app',
      'CMD ["x"]',
      'ONBUILD RUN x',
      'HEALTHCHECK NONE',
      'EXPOSE 80'
    ),
    unicodeWord.map(w => `LABEL ${w}=${w}`),
    awkwardText(60)
  )

const directives = fc.array(fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '#syntax=x'), { maxLength: 2 })

/** Dockerfile-like text: directives, then random instructions, joined with LF or CRLF. */
const dockerfileText = fc
  .tuple(directives, fc.array(stageName, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .chain(([dirs, names, crlf, bom]) =>
    fc
      .tuple(fromLine(names), fc.array(instruction(names), { maxLength: 25 }))
      .map(([from, lines]) => `${bom ? '\ufeff' : ''}${[...dirs, from, ...lines].join(crlf ? '\r\n' : '\n')}`)
  )

const anyDockerfile = fc.oneof(
  { weight: 4, arbitrary: dockerfileText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: awkwardText(200) }
)

/** The plan's own promises: indices in order, bases earlier, lines ordered, mounts in a stage. */
function checkPlan(plan: DockerfilePlan): void {
  plan.stages.forEach((s, i) => {
    expect(s.index).toBe(i)
    if (s.baseStage !== undefined) expect(s.baseStage).toBeLessThan(i)
    expect(s.line).toBeLessThanOrEqual(s.endLine)
    expect(s.instructions[0].keyword).toBe('FROM')
    for (const ins of s.instructions) {
      expect(ins.line).toBeGreaterThanOrEqual(1)
      expect(ins.line).toBeLessThanOrEqual(ins.endLine)
      expect(ins.endLine).toBeLessThanOrEqual(s.endLine)
    }
    if (s.name !== undefined) expect(s.name).toBe(s.name.toLowerCase())
  })
  for (const m of [...plan.cacheMounts, ...plan.secretMounts]) {
    expect(plan.stages[m.stage]).toBeDefined()
    expect(typeof m.id).toBe('string')
  }
  for (const m of plan.cacheMounts) {
    expect(typeof m.target).toBe('string')
    expect(['shared', 'private', 'locked']).toContain(m.sharing)
  }
}

describe('parseDockerfile (property)', () => {
  test('never throws and returns a consistent plan', () => {
    fc.assert(
      fc.property(anyDockerfile, text => {
        checkPlan(parseDockerfile(text))
      }),
      fuzzParams(300)
    )
  })

  test('large Dockerfiles parse whole (their growth in time is `npm run bench parsers`)', () => {
    // 1,500 stages of 4 instructions each (6k lines), a 200 kB RUN line, 5,000 continuation lines.
    const many = Array.from(
      { length: 1500 },
      (_, i) => `FROM ${i ? `s${i - 1}` : 'alpine'} AS s${i}\nRUN --mount=type=cache,target=/c${i} echo ${i}\nCOPY --from=s0 /a /b\nENV A=${i}`
    ).join('\n')
    // dockerfile-ast files each comment under its stage in O(comments × stages) (organizeComments):
    // 8,000 stages with a comment each take ~5 s there. Files as large as real ones stay fast.
    const commented = Array.from({ length: 300 }, (_, i) => `FROM alpine AS s${i}\n${'# note\nRUN x\n'.repeat(10)}`).join('\n')
    const longLine = `FROM alpine\nRUN ${'x'.repeat(200_000)}`
    const continued = `FROM alpine\nRUN a \\\n${'  && b \\\n'.repeat(5000)}  && c`
    const mounts = `FROM alpine\nRUN ${Array.from({ length: 2000 }, (_, i) => `--mount=type=cache,id=${i},target=/c${i}`).join(' ')} true`
    const big = parseDockerfile(many)
    expect(big.stages).toHaveLength(1500)
    expect(big.cacheMounts.map(m => m.target)).toEqual(Array.from({ length: 1500 }, (_, i) => `/c${i}`))
    expect(big.stages[1499]).toMatchObject({ name: 's1499', base: 's1498', baseStage: 1498 })
    // FROM and ten RUNs per stage; the comments are no instructions.
    expect(parseDockerfile(commented).stages.map(s => s.instructions.map(i => i.keyword).join())).toEqual(
      Array(300).fill(['FROM', ...Array(10).fill('RUN')].join())
    )
    expect(parseDockerfile(longLine).stages[0].instructions[1].args).toHaveLength(200_000)
    const run = parseDockerfile(continued).stages[0].instructions[1]
    expect(run).toMatchObject({ keyword: 'RUN', line: 2, endLine: 5003 })
    expect(run.args).toBe(`a && ${'b && '.repeat(5000)}c`)
    expect(parseDockerfile(mounts).cacheMounts.map(m => m.target)).toEqual(Array.from({ length: 2000 }, (_, i) => `/c${i}`))
  })
})

describe('parseMountOptions (property)', () => {
  test('never throws on any text; type, target and source are always strings', () => {
    fc.assert(
      fc.property(fc.oneof(mountValue, awkwardText(80)), value => {
        const o = parseMountOptions(value)
        expect(typeof o.type).toBe('string')
        expect(typeof o.target).toBe('string')
        expect(typeof o.source).toBe('string')
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype)
      }),
      fuzzParams(500)
    )
  })

  // The oracle is the meaning, not a split: options written as one CSV record (a field holding a
  // comma or a quote is quoted, quotes doubled, as Go's encoding/csv that BuildKit uses reads it)
  // come back key by key with their values, commas and quotes included; the last value of a key wins.
  const csvField = (f: string) => (/[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)
  const anyValue = fc.oneof(
    optValue,
    fc.constantFrom('/a,b', 'x"y', '"quoted"', 'a,b,"c"', ' spaced '),
    awkwardText(10).map(t => t.replace(/[\r\n]/g, ''))
  )
  const option = fc.tuple(fc.oneof(optKey, word), fc.option(anyValue, { nil: undefined }))

  test('values written as CSV fields come back whole (target="/a,b" quoted as a field is one value)', () => {
    fc.assert(
      fc.property(fc.array(option, { minLength: 1, maxLength: 6 }), options => {
        const fields = options.map(([k, v]) => (v === undefined ? k : `${k}=${v}`))
        const o = parseMountOptions(fields.map(csvField).join(','))
        // Each field is trimmed (leniency BuildKit does not have), then split at its first '='.
        const last = new Map<string, string>()
        for (const f of fields) {
          const t = f.trim()
          if (!t) continue
          const eq = t.indexOf('=')
          last.set((eq < 0 ? t : t.slice(0, eq)).toLowerCase(), eq < 0 ? 'true' : t.slice(eq + 1))
        }
        for (const [k, v] of last) {
          if (k === '__proto__') continue // cannot be an own key of a plain object; never read
          expect(o[k]).toBe(k === 'type' && v === '' ? 'bind' : v) // an empty type is BuildKit's default, bind
        }
      }),
      fuzzParams(500)
    )
  })

  test('a quoted field keeps its comma; BuildKit-invalid CSV still parses (split on commas)', () => {
    expect(parseMountOptions('type=bind,"target=/a,b",from=build')).toMatchObject({ type: 'bind', target: '/a,b', from: 'build' })
    expect(parseMountOptions('type=secret,id=npm,"env=A""B"')).toMatchObject({ type: 'secret', id: 'npm', env: 'A"B' })
    expect(parseMountOptions('type=bind,target="/a,b"')).toMatchObject({ type: 'bind', target: '"/a' })
  })

  test('a long option list is read whole', () => {
    const long = Array.from({ length: 50_000 }, (_, i) => `k${i}=v${i}`).join(',')
    const options = parseMountOptions(long)
    expect(options.k0).toBe('v0')
    expect(options.k49999).toBe('v49999')
    expect(Object.keys(options).filter(k => /^k\d+$/.test(k))).toHaveLength(50_000)
  })
})

describe('findStage and stageChain (property)', () => {
  const withRefs = dockerfileText.chain(text => {
    const plan = parseDockerfile(text)
    const names = plan.stages.flatMap(s => (s.name ? [s.name, s.name.toUpperCase()] : []))
    const ref = fc.oneof(
      fc.constantFrom(...names, ...plan.stages.map(s => String(s.index)), '-1', '1.0', '99999999999999999999', ''),
      awkwardText(10),
      fc.constantFrom(...prototypeKeys)
    )
    return fc.tuple(fc.constant(plan), ref)
  })

  test('findStage returns a stage of the plan (by name first, then by index) or undefined', () => {
    fc.assert(
      fc.property(withRefs, ([plan, ref]) => {
        const s = findStage(plan, ref)
        if (s === undefined) {
          expect(plan.stages.some(st => st.name === ref.toLowerCase())).toBe(false)
          return
        }
        expect(plan.stages[s.index]).toBe(s)
        const byName = plan.stages.find(st => st.name === ref.toLowerCase())
        expect(s).toBe(byName ?? plan.stages[Number(ref)])
      }),
      fuzzParams(300)
    )
  })

  test('stageChain terminates, starts at a root and ends at the stage, following baseStage', () => {
    fc.assert(
      fc.property(dockerfileText, text => {
        const plan = parseDockerfile(text)
        for (const stage of plan.stages) {
          const chain = stageChain(plan, stage)
          expect(chain.length).toBeLessThanOrEqual(plan.stages.length)
          expect(chain[chain.length - 1]).toBe(stage)
          expect(chain[0].baseStage).toBeUndefined()
          for (let i = 1; i < chain.length; i++) expect(chain[i].baseStage).toBe(chain[i - 1].index)
        }
      }),
      fuzzParams(200)
    )
  })

  test('a 3,000-stage FROM chain resolves whole', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `FROM ${i ? `s${i - 1}` : 'alpine'} AS s${i}`).join('\n')
    const plan = parseDockerfile(text)
    const last = plan.stages[plan.stages.length - 1]
    const chain = stageChain(plan, last)
    expect(chain.map(s => s.index)).toEqual(Array.from({ length: 3000 }, (_, i) => i))
  })
})

describe('resolvePlan (property)', () => {
  let dir: string
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-plan-fuzz-'))))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  const target = fc.oneof(fc.constant(''), stageName, fc.constantFrom('0', '1', '2', '-1'), awkwardText(15))

  test('returns a runner (and test stage) of the plan, or a one-line InputError naming the input', () => {
    let n = 0
    fc.assert(
      fc.property(anyDockerfile, target, target, (text, t, tt) => {
        const file = path.join(dir, `Dockerfile.${n++}`)
        fs.writeFileSync(file, text)
        try {
          const r = resolvePlan({ file, target: t, 'test-target': tt })
          expect(r.plan.stages).toContain(r.runner)
          if (r.test) {
            expect(r.plan.stages).toContain(r.test)
            expect(r.test).not.toBe(r.runner)
          }
        } catch (e) {
          expectClearError(e, { types: [InputError] })
          expect(['file', 'target', 'test-target']).toContain((e as InputError).input)
          expect((e as InputError).message.startsWith(`${(e as InputError).input}: `)).toBe(true)
        } finally {
          fs.rmSync(file)
        }
      }),
      fuzzParams(200)
    )
  })
})

describe('resolvePlan: counterexamples the properties found', () => {
  test('a stage ref with a line break (or a trailing CR) is quoted: the error stays on one line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-plan-regress-'))
    try {
      const file = path.join(dir, 'Dockerfile')
      fs.writeFileSync(file, 'FROM alpine AS runner\n')
      expect(() => resolvePlan({ file, target: '', 'test-target': 'te\nst\r' })).toThrow(
        'test-target: no stage "te\\nst\\r" in the Dockerfile; its stages are: runner'
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
