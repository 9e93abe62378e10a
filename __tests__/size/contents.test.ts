import { compactContents, directorySummary, imageContents, wastedEntries } from '../../src/size/contents.js'
import { largestWasted, mergeLayers } from '../../src/inspect/filesystem.js'
import { imageFacts, layerFacts } from '../audit/facts.js'
import { packageRoot } from '../../src/inspect/packages.js'

describe('packageRoot: the unit a file belongs to', () => {
  test.each([
    ['app/node_modules/lodash/lodash.js', 'app/node_modules/lodash', 'npm'],
    ['app/node_modules/@babel/core/lib/index.js', 'app/node_modules/@babel/core', 'npm'],
    ['app/node_modules/a/node_modules/b/x.js', 'app/node_modules/a', 'npm'],
    ['app/node_modules/.pnpm/left-pad@1.3.0/node_modules/left-pad/index.js', 'app/node_modules/.pnpm/left-pad@1.3.0/node_modules/left-pad', 'npm'],
    ['usr/lib/python3/dist-packages/numpy/core/x.so', 'usr/lib/python3/dist-packages/numpy', 'python'],
    ['usr/lib/python3/dist-packages/numpy-1.26.0.dist-info/METADATA', 'usr/lib/python3/dist-packages/numpy', 'python'],
    ['venv/lib/python3.11/site-packages/PyYAML-6.0.dist-info/RECORD', 'venv/lib/python3.11/site-packages/pyyaml', 'python'],
    ['venv/lib/python3.11/site-packages/typing_extensions.py', 'venv/lib/python3.11/site-packages/typing_extensions', 'python'],
    ['venv/lib/python3.11/site-packages/numpy.libs/libgfortran.so', 'venv/lib/python3.11/site-packages/numpy', 'python'],
    ['app/vendor/libfoo/libfoo.so', 'app/vendor/libfoo', 'vendor'],
    ['src/vendor/github.com/pkg/errors/errors.go', 'src/vendor/github.com/pkg/errors', 'vendor']
  ])('%s → %s', (path, dir, kind) => {
    expect(packageRoot(path)).toEqual({ dir, kind })
  })

  test.each([
    'app/node_modules/.package-lock.json',
    'app/node_modules/.bin/tsc',
    'usr/bin/node',
    'src/vendor/modules.txt',
    'venv/lib/python3.11/site-packages/__pycache__/x.pyc'
  ])('%s is under no package', path => expect(packageRoot(path)).toBeUndefined())
})

const fsOf = (files: [string, number, number?][]) =>
  mergeLayers([0, 1, 2].map(layer => layerFacts({ by: '', files: files.filter(f => (f[2] ?? 0) === layer).map(([p, n]) => [p, n] as [string, number]) })))

describe('directorySummary', () => {
  test("subtree bytes and counts; a package root is one entry; the line of the Dockerfile's largest file under it", () => {
    const fs = fsOf([
      ['app/a.js', 10, 1],
      ['app/node_modules/x/index.js', 100, 1],
      ['app/node_modules/x/lib/deep/y.js', 300, 2],
      ['usr/bin/sh', 50, 0],
      ['usr/bin/tool', 20, 1]
    ])
    const { dirs, omitted } = directorySummary(fs, [
      { line: 1, fromBase: true },
      { line: 5, fromBase: false },
      { line: 9, fromBase: false }
    ])
    expect(omitted).toBe(0)
    expect(dirs).toEqual([
      { path: '', bytes: 480, files: 5, line: 9 },
      { path: 'app', bytes: 410, files: 3, line: 9 },
      { path: 'app/node_modules', bytes: 400, files: 2, line: 9 },
      { path: 'app/node_modules/x', bytes: 400, files: 2, line: 9, kind: 'npm' },
      // sh (base image) is larger, but tool is the Dockerfile's: its line explains the directory.
      { path: 'usr', bytes: 70, files: 2, line: 5 },
      { path: 'usr/bin', bytes: 70, files: 2, line: 5 }
    ])
  })

  test('bounded: the largest directories are kept, the rest folded into a listed parent', () => {
    const files: [string, number][] = []
    for (let i = 0; i < 50; i++) files.push([`data/d${String(i).padStart(2, '0')}/f`, 1000 + i])
    const { dirs, omitted } = directorySummary(fsOf(files), [{ line: 1, fromBase: false }], 10)
    expect(dirs).toHaveLength(10)
    expect(omitted).toBe(42)
    expect(dirs.find(d => d.path === 'data')).toMatchObject({ bytes: files.reduce((n, f) => n + f[1], 0), files: 50, folded: true })
    expect(directorySummary(fsOf([['usr/bin/sh', 50, 0]]), [{ line: 1, fromBase: true }]).dirs.find(d => d.path === 'usr/bin')?.line).toBe(1)
    // The 8 largest subdirectories are listed.
    expect(dirs.filter(d => d.path.startsWith('data/')).map(d => d.path)).toEqual([
      'data/d42',
      'data/d43',
      'data/d44',
      'data/d45',
      'data/d46',
      'data/d47',
      'data/d48',
      'data/d49'
    ])
  })
})

test('imageContents: packages from dpkg, npm and Python manifests, sized; composition by origin', () => {
  const facts = imageFacts([
    {
      by: '',
      files: [
        ['var/lib/dpkg/status', 10],
        ['usr/bin/sh', 1000]
      ],
      extra: {
        packages: [
          { source: 'var/lib/dpkg/status', packages: [{ name: 'libc6', version: '2.36', manager: 'dpkg', installedBytes: 5000, depends: ['libgcc-s1'] }] }
        ]
      }
    },
    {
      by: 'RUN npm ci',
      files: [
        ['app/node_modules/left-pad/package.json', 50],
        ['app/node_modules/left-pad/index.js', 450],
        ['app/server.js', 7]
      ],
      extra: { manifests: [{ path: 'app/node_modules/left-pad/package.json', manager: 'npm', name: 'left-pad', version: '1.3.0', depends: ['nothing'] }] }
    },
    {
      by: 'RUN pip install',
      files: [
        ['usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA', 20],
        ['usr/lib/python3/dist-packages/six.py', 80],
        ['etc/app.conf', 3]
      ],
      extra: { manifests: [{ path: 'usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA', manager: 'python', name: 'six', version: '1.16.0' }] }
    }
  ])
  const fs = mergeLayers(facts.layers.map(l => l.facts))
  const c = imageContents(facts, fs, [
    { line: 1, fromBase: true },
    { line: 3, fromBase: false },
    { line: 4, fromBase: false }
  ])
  expect(c.packages).toEqual([
    { manager: 'dpkg', name: 'libc6', version: '2.36', bytes: 5000, depends: ['libgcc-s1'] },
    { manager: 'npm', name: 'left-pad', version: '1.3.0', bytes: 500, depends: ['nothing'] },
    { manager: 'python', name: 'six', version: '1.16.0', bytes: 100 }
  ])
  expect(c.composition).toEqual({ base: 1010, os: 3, language: 600, app: 7 })
  expect(c.files).toBe(8)
  expect(compactContents(c).packages[0]).toEqual({ manager: 'dpkg', name: 'libc6', version: '2.36', bytes: 5000 })
})

test('a package database deleted by a later layer lists no packages', () => {
  const facts = imageFacts([
    {
      by: '',
      files: [['lib/apk/db/installed', 10]],
      extra: { packages: [{ source: 'lib/apk/db/installed', packages: [{ name: 'musl', version: '1', manager: 'apk', installedBytes: 1 }] }] }
    },
    { by: 'RUN rm', whiteouts: ['lib/apk/db/installed'] }
  ])
  const c = imageContents(facts, mergeLayers(facts.layers.map(l => l.facts)), [{ fromBase: true }, { fromBase: false }])
  expect(c.packages).toEqual([])
})

test('largestWasted: largest first, with how the later layer hid each file; lines attached', () => {
  const layers = [
    layerFacts({
      by: '',
      files: [
        ['tmp/big.tar', 5000],
        ['app/a', 10],
        ['etc/x', 300]
      ]
    }),
    layerFacts({ by: '', files: [['app/a', 20]], whiteouts: ['tmp'] }),
    layerFacts({ by: '', files: [['etc/x', 1]] })
  ]
  const w = largestWasted(mergeLayers(layers).wasted)
  expect(w).toEqual([
    { path: 'tmp/big.tar', size: 5000, layer: 0, removedBy: 1, how: 'deleted' },
    { path: 'etc/x', size: 300, layer: 0, removedBy: 2, how: 'overwritten' },
    { path: 'app/a', size: 10, layer: 0, removedBy: 1, how: 'overwritten' }
  ])
  expect(largestWasted(mergeLayers(layers).wasted, 1)).toHaveLength(1)
  expect(wastedEntries(w.slice(0, 1), [{ line: 1 }, { line: 7 }])).toEqual([
    { path: '/tmp/big.tar', bytes: 5000, how: 'deleted', layer: 0, line: 1, hiddenBy: 1, hiddenByLine: 7 }
  ])
})

describe('composition and bounds: where the bytes came from, what the summary keeps', () => {
  test.each(['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32', 'usr', 'etc', 'var', 'boot', 'opt'])('/%s written by the Dockerfile counts as OS', root => {
    const facts = imageFacts([
      {
        by: 'RUN x',
        files: [
          [`${root}/f`, 10],
          ['srv/app', 1],
          ['binx/tool', 2]
        ]
      }
    ])
    expect(imageContents(facts, mergeLayers(facts.layers.map(l => l.facts)), [{ fromBase: false }]).composition).toEqual({
      base: 0,
      os: 10,
      language: 0,
      app: 3
    })
  })
  test('a symlink or directory adds no bytes; a layer with no line info counts as the base image', () => {
    const facts = imageFacts([
      { by: '', files: [['usr/a', 5], { path: 'usr/link', type: 'symlink', size: 99 }, 'usr/dir/'] },
      { by: 'RUN y', files: [['app/b', 7]] }
    ])
    const c = imageContents(facts, mergeLayers(facts.layers.map(l => l.facts)), [{ fromBase: false }])
    expect(c.composition).toEqual({ base: 7, os: 5, language: 0, app: 0 })
    expect(c.bytes).toBe(12)
    expect(c.files).toBe(2)
  })
  test('bounded packages: the largest kept (then listed by manager and name), the rest counted', () => {
    const pkgs = [
      { name: 'small', version: '1', manager: 'dpkg' as const, installedBytes: 10 },
      { name: 'big', version: '1', manager: 'dpkg' as const, installedBytes: 900 },
      { name: 'mid', version: '1', manager: 'dpkg' as const, installedBytes: 500 },
      { name: 'also-mid', version: '1', manager: 'dpkg' as const, installedBytes: 500 }
    ]
    const facts = imageFacts([{ by: '', files: [['var/lib/dpkg/status', 1]], extra: { packages: [{ source: 'var/lib/dpkg/status', packages: pkgs }] } }])
    const fs = mergeLayers(facts.layers.map(l => l.facts))
    const c = imageContents(facts, fs, [{ fromBase: true }], { dirs: 100, packages: 2 })
    expect(c.packages.map(p => p.name)).toEqual(['also-mid', 'big'])
    expect(c.omitted).toEqual({ dirs: 0, packages: 2 })
    expect(imageContents(facts, fs, [{ fromBase: true }], { dirs: 100, packages: 4 }).omitted).toBeUndefined()
    expect(imageContents(facts, fs, [{ fromBase: true }], { dirs: 2, packages: 4 }).omitted).toEqual({ dirs: 2, packages: 0 })
  })
  test('wastedEntries: no line where the layer has none', () => {
    expect(wastedEntries([{ path: 'a', size: 1, layer: 0, removedBy: 1, how: 'deleted' }], [{}, { line: 3 }])).toEqual([
      { path: '/a', bytes: 1, how: 'deleted', layer: 0, hiddenBy: 1, hiddenByLine: 3 }
    ])
    expect(wastedEntries([{ path: 'a', size: 1, layer: 0, removedBy: 5, how: 'overwritten' }], [{ line: 2 }])).toEqual([
      { path: '/a', bytes: 1, how: 'overwritten', layer: 0, line: 2, hiddenBy: 5 }
    ])
  })
})

describe('directorySummary: the line of a directory is its largest file written by the Dockerfile', () => {
  test('the Dockerfile wrote a smaller file than the base image under it: its line, not the base image line', () => {
    const fs = mergeLayers([
      layerFacts({ by: '', files: [['usr/lib/base.so', 900]] }),
      layerFacts({
        by: 'RUN',
        files: [
          ['usr/lib/own.so', 10],
          ['usr/lib/own2.so', 5]
        ]
      })
    ])
    const dirs = directorySummary(fs, [
      { line: 1, fromBase: true },
      { line: 6, fromBase: false }
    ]).dirs
    expect(dirs.map(d => [d.path, d.bytes, d.files, d.line])).toEqual([
      ['', 915, 3, 6],
      ['usr', 915, 3, 6],
      ['usr/lib', 915, 3, 6]
    ])
  })
  test('nothing written by the Dockerfile: the base image line; equal sizes keep the first layer that wrote one', () => {
    const fs = mergeLayers([layerFacts({ by: '', files: [['etc/a', 10]] }), layerFacts({ by: '', files: [['etc/b', 10]] })])
    const dirs = directorySummary(fs, [
      { line: 1, fromBase: true },
      { line: 2, fromBase: true }
    ]).dirs
    expect(dirs.find(d => d.path === 'etc')?.line).toBe(1)
  })
})
