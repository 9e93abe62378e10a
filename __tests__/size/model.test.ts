import { checkBudgets } from '../../src/size/budget.js'
import { instructionKey, sizeDelta, sizeReport, sizeReportOf, type SizeLayer } from '../../src/size/model.js'

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

describe('the size report and its delta: totals, sources, matching', () => {
  test('sizeReport totals bytes, compressed bytes, waste and layers, and keeps only the model fields', () => {
    const r = sizeReport(
      'img',
      [{ ...layer(0, 'a', 100, true), wastedBytes: 7, extra: 'dropped' } as SizeLayer, { ...layer(1, 'b', 50), wastedBytes: 3 }],
      'registry'
    )
    expect(r).toMatchObject({ image: 'img', bytes: 150, compressedBytes: 75, wastedBytes: 10, layerCount: 2, compressedFrom: 'registry' })
    expect(Object.keys(r.layers[0]).sort()).toEqual(['bytes', 'compressedBytes', 'digest', 'fromBase', 'index', 'instruction', 'line', 'wastedBytes'])
  })
  test('sizeReportOf: the compressed sizes are from where the layers say; no layers is the blob measurement', () => {
    expect(sizeReportOf('img', [{ ...layer(0, 'a', 10), compressedFrom: 'gzip-estimate' }]).compressedFrom).toBe('gzip-estimate')
    expect(sizeReportOf('img', []).compressedFrom).toBe('blob')
  })
  test('layers without history match by position; a repeated instruction matches in order', () => {
    const base = sizeReport('b', [layer(0, '', 10), layer(1, 'RUN x', 20), layer(2, 'RUN x', 30)], 'blob')
    const now = sizeReport('n', [layer(0, '  ', 15), layer(1, 'RUN x', 20), layer(2, 'RUN x', 35)], 'blob')
    const d = sizeDelta(now, base, { source: 'report', ref: 'r', description: '' })
    expect(d.layers.map(l => [l.status, l.baseBytes, l.delta])).toEqual([
      ['changed', 10, 5],
      ['same', 20, 0],
      ['changed', 30, 5]
    ])
    expect(d.percent).toBeCloseTo((10 / 60) * 100)
    expect(d.compressedPercent).toBeCloseTo(((Math.round(15 / 2) + 10 + Math.round(35 / 2) - (5 + 10 + 15)) / 30) * 100)
  })
  test('a removed layer keeps its instruction and has no line', () => {
    const base = sizeReport('b', [layer(0, 'RUN gone', 20)], 'blob')
    const d = sizeDelta(sizeReport('n', [], 'blob'), base, { source: 'report', ref: 'r', description: '' })
    expect(d.layers).toEqual([{ instruction: 'RUN gone', line: undefined, bytes: 0, baseBytes: 20, delta: -20, status: 'removed' }])
    expect(d.percent).toBe(-100)
  })
  test.each([
    ['/bin/sh -c apt-get install -y curl', 'RUN apt-get install -y curl'],
    ['ADD multi:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in /', 'ADD <content> in /'],
    ['COPY dir:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /x', 'COPY <content> /x'],
    ['FROM sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM <digest>'],
    ['RUN a  \t b', 'RUN a b'],
    ['RUN echo "# buildkit" ok # buildkit', 'RUN echo "# buildkit" ok'],
    ['RUN x  # buildkit', 'RUN x'],
    ['|12 A=1 B=2 C=3 D=4 E=5 F=6 G=7 H=8 I=9 J=10 K=11 L=12 /bin/sh -c make', 'RUN make'],
    ['|2  A=1  B=2  /bin/sh -c make', 'RUN make'],
    ['RUN |2  A=1  B=2  /bin/sh -c make', 'RUN /bin/sh -c make'],
    ['/bin/sh -c #(nop)  ENV A=1', 'ENV A=1'],
    ['/bin/sh -c  make', 'RUN make'],
    ['RUN echo |1 A=1 x', 'RUN echo |1 A=1 x']
  ])('instructionKey(%j) = %j', (raw, key) => expect(instructionKey(raw)).toBe(key))
})
