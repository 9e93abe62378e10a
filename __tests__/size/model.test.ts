import { checkBudgets } from '../../src/size/budget.js'
import { instructionKey, sizeDelta, sizeReport, type SizeLayer } from '../../src/size/model.js'

const layer = (index: number, instruction: string, bytes: number, base = false): SizeLayer => ({
  index,
  digest: `sha256:${String(index).padStart(64, '0')}`,
  bytes,
  compressedBytes: Math.round(bytes / 2),
  instruction,
  line: base ? 1 : index + 1,
  fromBase: base,
  wastedBytes: 0
})

describe('instructionKey', () => {
  test.each([
    ['RUN /bin/sh -c npm ci # buildkit', 'RUN /bin/sh -c npm ci'],
    ['|2 NODE_ENV=production A=1 /bin/sh -c npm ci', 'RUN npm ci'],
    ['RUN |1 VARIANT=pr /bin/sh -c make # buildkit', 'RUN /bin/sh -c make'],
    ['RUN |2 A=1 B= /bin/sh -c make', 'RUN /bin/sh -c make'],
    ['/bin/sh -c #(nop) COPY file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in /app ', 'COPY <content> in /app'],
    ['COPY /app/dist ./dist # buildkit', 'COPY /app/dist ./dist'],
    ['WORKDIR   /app', 'WORKDIR /app']
  ])('%s', (raw, key) => expect(instructionKey(raw)).toBe(key))
})

describe('sizeDelta', () => {
  const base = sizeReport(
    'base',
    [layer(0, 'debian', 80_000_000, true), layer(1, 'COPY dist ./dist # buildkit', 1_000_000), layer(2, 'RUN /bin/sh -c npm ci # buildkit', 40_000_000)],
    'blob'
  )
  const now = sizeReport(
    'now',
    [
      layer(0, 'debian', 80_000_000, true),
      layer(1, 'COPY dist ./dist # buildkit', 1_200_000),
      layer(2, 'RUN /bin/sh -c npm ci --omit=dev # buildkit', 20_000_000)
    ],
    'blob'
  )
  const d = sizeDelta(now, base, { source: 'report', ref: 'base.json', description: 'from base.json' })

  test('totals and percent', () => {
    expect(now.bytes).toBe(101_200_000)
    expect(d.bytes - d.baseBytes).toBe(-19_800_000)
    expect(d.percent).toBeCloseTo(-16.36, 1)
    expect(d.compressedBytes - d.baseCompressedBytes).toBe(-9_900_000)
  })
  test('layers matched by instruction: same, changed, added, removed', () => {
    expect(d.layers.map(l => [l.status, l.delta])).toEqual([
      ['same', 0],
      ['changed', 200_000],
      ['added', 20_000_000],
      ['removed', -40_000_000]
    ])
  })
  test('no base bytes → percent is null, never Infinity', () => {
    const empty = sizeReport('e', [], 'blob')
    expect(sizeDelta(now, empty, d.baseline).percent).toBeNull()
  })
})

describe('checkBudgets', () => {
  const r = sizeReport('x', [layer(0, 'a', 300_000_000, true)], 'blob')
  const base = sizeReport('b', [layer(0, 'a', 250_000_000, true)], 'blob')
  const d = sizeDelta(r, base, { source: 'image', ref: 'b', description: '' })
  test('max-size over', () => {
    expect(checkBudgets({ maxSize: 250_000_000 }, r)).toEqual([
      expect.objectContaining({ budget: 'max-size', message: 'image is 300 MB, over the max-size budget of 250 MB' })
    ])
  })
  test('max-size: an image exactly at the budget is within it', () => {
    expect(checkBudgets({ maxSize: 300_000_000 }, r)).toEqual([])
    expect(checkBudgets({ maxSize: 299_999_999 }, r)).toHaveLength(1)
  })
  test('max-increase as percent and bytes', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'percent', value: 10 } }, r, d)[0].message).toBe(
      'image grew by +50.0 MB (+20.0%) against the baseline, over the max-increase budget of 10%'
    )
    expect(checkBudgets({ maxIncrease: { kind: 'bytes', value: 60_000_000 } }, r, d)).toEqual([])
  })
  test('no baseline: an increase budget is not violated', () => {
    expect(checkBudgets({ maxIncrease: { kind: 'percent', value: 1 } }, r)).toEqual([])
  })
})
