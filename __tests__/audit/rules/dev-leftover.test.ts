import { devLeftoverRule } from '../../../src/audit/rules/dev-leftover.js'
import { context, imageFacts } from '../facts.js'

const DF = 'FROM busybox\nCOPY . /app/\nUSER 1000\n'
const run = (files: [string, number][]) =>
  devLeftoverRule(context(DF, imageFacts([{ by: '' }, { by: 'COPY . /app/ # buildkit', files }]))).map(f => [f.evidence.path, f.evidence.bytes, f.evidence.line])

test.each([
  ['source maps', [['app/dist/index.js.map', 300], ['app/dist/a.css.map', 100]], [['/app/dist/a.css.map', 400, 2]]],
  ['.git', [['app/.git/HEAD', 20], ['app/.git/objects/ab/cdef', 1000]], [['/app/.git/HEAD', 1020, 2]]],
  ['.env', [['app/.env', 50]], [['/app/.env', 50, 2]]],
  ['.env.production', [['app/.env.production', 50]], [['/app/.env.production', 50, 2]]],
  ['jest', [['app/node_modules/jest/package.json', 500]], [['/app/node_modules/jest/package.json', 500, 2]]],
  ['eslint', [['app/node_modules/eslint/lib/cli.js', 700]], [['/app/node_modules/eslint/lib/cli.js', 700, 2]]]
] as [string, [string, number][], unknown[]][])('%s', (_n, files, expected) => {
  expect(run(files)).toEqual(expected)
})

test.each([['app/.env.example'], ['app/index.js'], ['usr/share/i18n/charmaps/UTF-8.map'], ['app/node_modules/express/package.json']])(
  '%s is not a leftover',
  path => expect(run([[path, 10]])).toEqual([])
)

test('findings are warnings that say how many bytes they waste', () => {
  const [f] = devLeftoverRule(context(DF, imageFacts([{ by: '' }, { by: 'COPY . /app/ # buildkit', files: [['app/.env', 1500]] }])))
  expect(f.severity).toBe('warning')
  expect(f.message).toMatch(/1\.50 kB/)
})
