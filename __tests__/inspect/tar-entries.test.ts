/** Entry names as tar writers spell them, in the form the rules use. */
import { normalisePath } from '../../src/inspect/tar-entries.js'

test.each([
  ['./usr/bin/', 'usr/bin'],
  ['usr/bin/gcc', 'usr/bin/gcc'],
  ['/etc/passwd', 'etc/passwd'],
  ['/./etc/passwd', 'etc/passwd'],
  ['././//./etc/', 'etc'],
  ['.bashrc', '.bashrc'],
  ['./.npmrc', '.npmrc'],
  ['..data/x', '..data/x'],
  ['app/./x', 'app/./x'],
  ['./', ''],
  ['.', ''],
  ['/', ''],
  ['', ''],
  ['etc//', 'etc'],
  ['./.', '']
])('%j → %j', (name, path) => {
  expect(normalisePath(name)).toBe(path)
})
