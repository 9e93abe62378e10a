import { escapeCell } from '../../src/report/cells.js'

test.each([
  ['a | b', 'a \\| b'],
  ['one\ntwo\r\nthree\rfour', 'one two three\rfour'],
  ['<img src=x>', '&lt;img src=x>'],
  ['||\n\n<<', '\\|\\|  &lt;&lt;'],
  ['plain', 'plain']
])('escapeCell(%j) = %j: pipes escaped, each newline (LF or CRLF) one blank, no raw HTML', (input, want) => {
  expect(escapeCell(input)).toBe(want)
})
