/**
 * Properties of the report loader over arbitrary text, arbitrary JSON, mutated valid reports,
 * huge arrays and prototype-pollution keys: parseReport returns a report or throws a one-line
 * Error, what it returns can be used as a baseline (loadBaseline, sizeDelta, continueTrend throw
 * nothing but the documented InputError), nothing is polluted, and large reports load whole.
 */
import fc from 'fast-check'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Docker } from '../../src/docker/docker.js'
import { InputError } from '../../src/errors.js'
import { parseReport, type RunReport } from '../../src/report/run-report.js'
import { continueTrend, loadBaseline } from '../../src/baseline/baseline.js'
import { sizeDelta, sizeReport } from '../../src/size/model.js'
import { expectClearError, fuzzParams, prototypeKeys } from '../helpers/fuzz.js'
import { reportLayer as layer, validReport as valid } from '../fixtures/run-report.js'

/** Every path (as keys) of a JSON value, so a mutation can aim at any of them. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]))
  return out
}
const allPaths = paths(valid).filter(p => p.length > 0)

type Mutation = { at: (string | number)[]; op: 'delete' | 'set'; value: unknown }
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.constantFrom(...allPaths),
  op: fc.constantFrom('delete' as const, 'set' as const),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, 0, -1, '', [], {}, 'x'.repeat(3), Number.MAX_SAFE_INTEGER))
})

function mutate(base: unknown, ms: Mutation[]): unknown {
  const doc = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>
  for (const m of ms) {
    let cur: unknown = doc
    for (const k of m.at.slice(0, -1)) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined
    if (!cur || typeof cur !== 'object') continue
    const last = m.at[m.at.length - 1]
    if (m.op === 'delete') delete (cur as Record<string | number, unknown>)[last]
    else (cur as Record<string | number, unknown>)[last] = m.value
  }
  return doc
}

/** A report with prototype-pollution keys spliced in as raw JSON text (JSON.stringify would drop none, but object spread would). */
const polluted = fc
  .tuple(fc.constantFrom(...prototypeKeys), fc.constantFrom('', 'size', 'size.layers.0', 'git', 'platforms.0', 'trend.0'))
  .map(([key, where]) => {
    const text = JSON.stringify(valid)
    const payload = `"${key}":{"polluted":true,"schema":"x","layers":[],"length":1e9},`
    if (!where) return text.replace('{', `{${payload}`)
    const marker = { size: '"size":{', 'size.layers.0': '"layers":[{', git: '"git":{', 'platforms.0': '"platforms":[{', 'trend.0': '"trend":[{' }[where]
    return text.replace(marker, `${marker}${payload}`)
  })

const reportText = fc.oneof(
  { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map(ms => JSON.stringify(mutate(valid, ms))) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 100 }) },
  { weight: 1, arbitrary: polluted },
  { weight: 1, arbitrary: fc.nat({ max: JSON.stringify(valid).length }).map(n => JSON.stringify(valid).slice(0, n)) }
)

describe('parseReport (property)', () => {
  let dir: string
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-report-fuzz-'))))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('returns a report usable as a baseline, or throws a one-line Error', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(reportText, async text => {
        let r: RunReport | undefined
        try {
          r = parseReport(text)
        } catch (e) {
          expectClearError(e)
          return
        }
        // What a later run does with it: none of this may throw a TypeError.
        continueTrend(r, r)
        sizeDelta(valid.size!, r.size!, { source: 'report', ref: 'r', description: 'r' })
        for (const p of r.platforms ?? []) if (p.size) sizeDelta(valid.size!, p.size, { source: 'report', ref: 'r', description: 'r' })
        const file = path.join(dir, `r${n++}.json`)
        fs.writeFileSync(file, text)
        try {
          await loadBaseline({ baselineReport: file, baselineImage: '', key: 'k', docker: {} as Docker })
        } catch (e) {
          expectClearError(e, { types: [InputError], prefix: 'baseline-report: ' })
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      fuzzParams(400)
    )
  })

  test('a report with 200,000 layers and 50,000 trend points loads whole', () => {
    const big = {
      ...valid,
      size: sizeReport(
        'i',
        Array.from({ length: 200_000 }, (_, i) => layer(i)),
        'blob'
      ),
      trend: Array.from({ length: 50_000 }, () => valid.trend![0])
    }
    const text = JSON.stringify(big)
    const read = parseReport(text)
    expect(read.size!.layers).toHaveLength(200_000)
    expect(read.size!.layers[199_999]).toEqual(big.size.layers[199_999])
    expect(read.trend).toHaveLength(50_000)
  })
})

describe('parseReport: counterexamples the properties found', () => {
  test.each([
    ['platforms not a list', { platforms: {} }, "the report's platforms is not a list"],
    ['a trend point that is null', { trend: [null] }, "the report's trend[0] is not a trend point (label, createdAt, bytes, compressedBytes)"],
    ['no createdAt', { createdAt: undefined }, "the report's createdAt is not a string"],
    ['a layer without an instruction', { size: { ...valid.size, layers: [{ bytes: 1 }] } }, "the report's size.layers[0] is not a layer (instruction, bytes)"],
    ['a numeric commit sha', { git: { sha: 1 } }, "the report's git.sha is not a string"]
  ])('%s: a clear Error, not a TypeError later', (_what, over, message) => {
    expect(() => parseReport(JSON.stringify({ ...valid, ...over }))).toThrow(message)
  })
})
