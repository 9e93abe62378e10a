import { StreamSearch, secretNeedles, textHasSecret, unscannableSecrets } from '../../src/inspect/secret-search.js'

const needles = secretNeedles([
  { id: 'token', value: 'hunter2-abcdef\n' },
  { id: 'other', value: 'zzzz-9999' }
])

function scan(text: string, chunk: number): string[] {
  const s = new StreamSearch(needles)
  const buf = Buffer.from(text)
  for (let i = 0; i < buf.length; i += chunk) s.feed(buf.subarray(i, i + chunk))
  return s.found().sort()
}

test.each([1, 2, 3, 5, 13, 64])('finds a value split across chunks of %i bytes', size => {
  expect(scan('xxxxxxxxhunter2-abcdefyyyyyyy', size)).toEqual(['token'])
  expect(scan('aaazzzz-9999 and hunter2-abcdef\n', size)).toEqual(['other', 'token'])
  expect(scan('hunter2-abcde f zzzz-999', size)).toEqual([])
})

test('the trimmed value counts too (a file written from a secret with a trailing newline, or without it)', () => {
  expect(textHasSecret(needles, 'TOKEN=hunter2-abcdef')).toEqual(['token'])
})

test('values under 4 bytes are not scanned, and are reported as such', () => {
  expect(secretNeedles([{ id: 'pin', value: ' 12 \n' }])).toEqual([])
  expect(unscannableSecrets([{ id: 'pin', value: '123' }, { id: 'ok', value: '1234' }])).toEqual(['pin'])
})

test('done() once every value was found', () => {
  const s = new StreamSearch(needles)
  s.feed(Buffer.from('hunter2-abcdef zzzz-9999'))
  expect(s.done()).toBe(true)
})
