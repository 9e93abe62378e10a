import { checkBudgets } from '../../src/size/budget.js'
import { sizeDelta, sizeReport, type SizeLayer } from '../../src/size/model.js'

const layer = (bytes: number): SizeLayer => ({
  index: 0,
  digest: 'sha256:0',
  bytes,
  compressedBytes: bytes,
  instruction: 'RUN make',
  line: 2,
  fromBase: false,
  wastedBytes: 0
})
const report = (bytes: number) => sizeReport('img', [layer(bytes)], 'blob')
const delta = (now: number, base: number) => sizeDelta(report(now), report(base), { source: 'report', ref: 'base.json', description: '' })

describe('max-size', () => {
  test('the violation says the limit and the actual size', () => {
    expect(checkBudgets({ maxSize: 250_000_000 }, report(300_000_000))).toEqual([
      { budget: 'max-size', limit: '250 MB', actual: '300 MB', message: 'image is 300 MB, over the max-size budget of 250 MB' }
    ])
  })
  test('a max-size of 0 is a budget, not "no budget"', () => {
    expect(checkBudgets({ maxSize: 0 }, report(1))).toHaveLength(1)
  })
})

describe('max-increase in bytes', () => {
  const d = delta(110_000_000, 100_000_000)
  test('growth exactly at the limit is within it; one byte more is over', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'bytes', value: 10_000_000 } }, report(110_000_000), d)).toEqual([])
    expect(checkBudgets({ maxIncrease: { kind: 'bytes', value: 9_999_999 } }, report(110_000_000), d)).toHaveLength(1)
  })
  test('the violation names the limit in bytes and the growth with its percent', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'bytes', value: 5_000_000 } }, report(110_000_000), d)).toEqual([
      {
        budget: 'max-increase',
        limit: '5.00 MB',
        actual: '+10.0 MB (+10.0%)',
        message: 'image grew by +10.0 MB (+10.0%) against the baseline, over the max-increase budget of 5.00 MB'
      }
    ])
  })
  test('a shrinking image is never over an increase budget', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'bytes', value: 0 } }, report(90), delta(90, 100))).toEqual([])
  })
})

describe('max-increase in percent', () => {
  test('growth exactly at the percentage is within it; above is over', () => {
    const d = delta(110, 100)
    expect(d.percent).toBeCloseTo(10)
    expect(checkBudgets({ maxIncrease: { kind: 'percent', value: 10.5 } }, report(110), d)).toEqual([])
    expect(checkBudgets({ maxIncrease: { kind: 'percent', value: 9.5 } }, report(110), d)).toEqual([
      expect.objectContaining({ budget: 'max-increase', limit: '9.5%', actual: '+10 B (+10.0%)' })
    ])
    const exact = delta(125, 100)
    expect(checkBudgets({ maxIncrease: { kind: 'percent', value: 25 } }, report(125), exact)).toEqual([])
  })
  test('a baseline of 0 bytes has no percent: a percent budget cannot be judged, so it is not violated', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'percent', value: 0 } }, report(500), delta(500, 0))).toEqual([])
  })
  test('the same growth in bytes is judged by a bytes budget even against a 0-byte baseline', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'bytes', value: 100 } }, report(500), delta(500, 0))).toEqual([
      expect.objectContaining({ actual: '+500 B (n/a)' })
    ])
  })
})

test('both budgets over: max-size first, then max-increase', () => {
  const v = checkBudgets({ maxSize: 100, maxIncrease: { kind: 'percent', value: 1 } }, report(200), delta(200, 100))
  expect(v.map(x => x.budget)).toEqual(['max-size', 'max-increase'])
})
