import { counted, formatBytes, formatDelta, formatPercent, parseIncrease, parseSize } from '../../src/size/units.js'

describe('parseSize', () => {
  test.each([
    ['250MB', 250_000_000],
    ['1.2GiB', Math.round(1.2 * 1024 ** 3)],
    ['900kB', 900_000],
    ['1024', 1024],
    [' 3 mib ', 3 * 1024 ** 2],
    ['10B', 10]
  ])('%s → %d', (v, n) => expect(parseSize('max-size', v)).toBe(n))
  test.each(['', 'big', '10 parsecs', '-5MB', '1,5GB'])('%j is an input error naming max-size', v => {
    expect(() => parseSize('max-size', v)).toThrow(`max-size: expected a size such as 250MB, 1.2GiB or 900kB, got "${v}"`)
  })
})

describe('parseIncrease', () => {
  test.each([
    ['10%', { kind: 'percent', value: 10 }],
    ['2.5 %', { kind: 'percent', value: 2.5 }],
    ['20MB', { kind: 'bytes', value: 20_000_000 }]
  ])('%s', (v, expected) => expect(parseIncrease('max-increase', v)).toEqual(expected))
  test('bad value names the input and both forms', () => {
    expect(() => parseIncrease('max-increase', 'lots')).toThrow('max-increase: expected a percentage such as 10% or a size such as 20MB, got "lots"')
  })
})

describe('formatting', () => {
  test.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.50 kB'],
    [123_456_789, '123 MB'],
    [12_345_678, '12.3 MB'],
    [-2_000_000, '-2.00 MB']
  ])('formatBytes(%d) = %s', (n, s) => expect(formatBytes(n)).toBe(s))
  test('deltas and percents carry their direction', () => {
    expect(formatDelta(1500)).toBe('+1.50 kB')
    expect(formatDelta(-1500)).toBe('-1.50 kB')
    expect(formatDelta(0)).toBe('±0 B')
    expect(formatPercent(4.21)).toBe('+4.2%')
    expect(formatPercent(-0.123)).toBe('-0.12%')
    expect(formatPercent(null)).toBe('n/a')
  })
})

describe('parseSize: every unit, decimal and binary, any case', () => {
  test.each([
    ['7b', 7],
    ['2k', 2_000],
    ['2kb', 2_000],
    ['2KB', 2_000],
    ['2m', 2_000_000],
    ['2g', 2_000_000_000],
    ['2gb', 2_000_000_000],
    ['2t', 2_000_000_000_000],
    ['2tb', 2_000_000_000_000],
    ['2KiB', 2_048],
    ['2gib', 2 * 1024 ** 3],
    ['2TiB', 2 * 1024 ** 4]
  ])('%s → %d', (v, n) => expect(parseSize('max-size', v)).toBe(n))
  test('two decimals are read whole', () => expect(parseSize('max-size', '1.25kB')).toBe(1_250))
  test('fractions of a byte round to the nearest byte', () => {
    expect(parseSize('max-size', '1.5b')).toBe(2)
    expect(parseSize('max-size', '0.4')).toBe(0)
  })
})

describe('parseIncrease: percentages', () => {
  test.each([
    [' 5% ', { kind: 'percent', value: 5 }],
    ['0%', { kind: 'percent', value: 0 }],
    ['1.5kB', { kind: 'bytes', value: 1_500 }],
    ['1.25%', { kind: 'percent', value: 1.25 }]
  ])('%j', (v, expected) => expect(parseIncrease('max-increase', v)).toEqual(expected))
  test('text after the % sign is an input error', () => {
    expect(() => parseIncrease('max-increase', '5%x')).toThrow('max-increase: expected a percentage')
  })
  test('a negative percentage is an input error, not a shrink budget', () => {
    expect(() => parseIncrease('max-increase', '-5%')).toThrow('max-increase: expected a percentage such as 10% or a size such as 20MB, got "-5%"')
  })
})

describe('formatBytes: where the unit and the precision change', () => {
  test.each([
    [-999, '-999 B'],
    [1_000, '1.00 kB'],
    [9_994, '9.99 kB'],
    [10_000, '10.0 kB'],
    [99_940, '99.9 kB'],
    [100_000, '100 kB'],
    [1_000_000, '1.00 MB'],
    [2_500_000_000, '2.50 GB'],
    [1e12, '1.00 TB'],
    // TB is the largest unit: larger sizes stay in TB.
    [1e15, '1000 TB']
  ])('formatBytes(%d) = %s', (n, s) => expect(formatBytes(n)).toBe(s))
})

describe('formatPercent: sign, precision, no base', () => {
  test.each<[number | null, string]>([
    [0, '±0%'],
    [1, '+1.0%'],
    [0.999, '+1.00%'],
    [-1, '-1.0%'],
    [-12.34, '-12.3%'],
    [Infinity, 'n/a'],
    [NaN, 'n/a']
  ])('formatPercent(%p) = %s', (p, s) => expect(formatPercent(p)).toBe(s))
  test('formatDelta of one byte', () => {
    expect(formatDelta(1)).toBe('+1 B')
    expect(formatDelta(-1)).toBe('-1 B')
  })
})

test.each([
  [0, 'files'],
  [1, 'file'],
  [2, 'files']
])('counted(%d, "file") says %s', (n, noun) => {
  expect(counted(n, 'file')).toBe(`${n} ${noun}`)
})
