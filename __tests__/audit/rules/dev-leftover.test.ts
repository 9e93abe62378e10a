import { devLeftoverRule } from '../../../src/audit/rules/dev-leftover.js'
import { context, imageFacts } from '../facts.js'

const DF = 'FROM busybox\nCOPY . /app/\nUSER 1000\n'
const run = (files: [string, number][]) =>
  devLeftoverRule(context(DF, imageFacts([{ by: '' }, { by: 'COPY . /app/ # buildkit', files }]))).map(f => [
    f.evidence.path,
    f.evidence.bytes,
    f.evidence.line
  ])

test.each([
  [
    'source maps',
    [
      ['app/dist/index.js.map', 300],
      ['app/dist/a.css.map', 100]
    ],
    [['/app/dist/a.css.map', 400, 2]]
  ],
  [
    '.git',
    [
      ['app/.git/HEAD', 20],
      ['app/.git/objects/ab/cdef', 1000]
    ],
    [['/app/.git/HEAD', 1020, 2]]
  ],
  ['.env', [['app/.env', 50]], [['/app/.env', 50, 2]]],
  ['.env.production', [['app/.env.production', 50]], [['/app/.env.production', 50, 2]]],
  ['jest', [['app/node_modules/jest/package.json', 500]], [['/app/node_modules/jest/package.json', 500, 2]]],
  ['eslint', [['app/node_modules/eslint/lib/cli.js', 700]], [['/app/node_modules/eslint/lib/cli.js', 700, 2]]],
  [
    'pytest in site-packages, with its dist-info',
    [
      ['usr/local/lib/python3.11/site-packages/_pytest/main.py', 4000],
      ['usr/local/lib/python3.11/site-packages/pytest-8.0.0.dist-info/METADATA', 300]
    ],
    [['/usr/local/lib/python3.11/site-packages/_pytest/main.py', 4300, 2]]
  ],
  ['mypy in a venv', [['opt/venv/lib/python3.11/site-packages/mypy/build.py', 9000]], [['/opt/venv/lib/python3.11/site-packages/mypy/build.py', 9000, 2]]]
] as [string, [string, number][], unknown[]][])('%s', (_n, files, expected) => {
  expect(run(files)).toEqual(expected)
})

test.each([
  ['app/.env.example'],
  ['app/index.js'],
  ['usr/share/i18n/charmaps/UTF-8.map'],
  ['app/node_modules/express/package.json'],
  ['usr/local/lib/python3.11/site-packages/flask/app.py'],
  ['usr/local/lib/python3.11/site-packages/pytest_runner_not_really.txt']
])('%s is not a leftover', path => expect(run([[path, 10]])).toEqual([]))

test('findings are warnings that say how many bytes they waste', () => {
  const [f] = devLeftoverRule(context(DF, imageFacts([{ by: '' }, { by: 'COPY . /app/ # buildkit', files: [['app/.env', 1500]] }])))
  expect(f.severity).toBe('warning')
  expect(f.message).toMatch(/1\.50 kB/)
})
