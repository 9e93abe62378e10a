import { formatBytes, formatDelta, formatPercent, parseIncrease, parseSize } from '../../src/size/units.js'

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
