/**
 * The committed bundles carry what their entry can run: the CLI has no Actions cache service
 * (it never injects that store), the action does. Read from dist/, which check-dist keeps in sync.
 */
import fs from 'node:fs'
import path from 'node:path'

const licensed = (dir: string) =>
  fs
    .readFileSync(path.join('dist', dir, 'licenses.txt'), 'utf8')
    .split('\n')
    .filter(l => /^@?[a-z0-9][\w./-]*$/.test(l))

test('the CLI bundle ships no @actions/cache, Azure SDK or lazily loaded chunk', () => {
  expect(fs.readdirSync('dist/cli').sort()).toEqual(['index.js', 'licenses.txt', 'package.json'])
  expect(licensed('cli').filter(p => /^@actions\/cache|^@azure\/|^@protobuf-ts\//.test(p))).toEqual([])
})

test('the action bundle has the Actions cache client', () => {
  expect(licensed('.')).toEqual(expect.arrayContaining(['@actions/cache', '@azure/core-client']))
})
