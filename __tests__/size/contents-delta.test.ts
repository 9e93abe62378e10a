import { directorySummary } from '../../src/size/contents.js'
import { mergeLayers } from '../../src/inspect/filesystem.js'
import { contentsDelta, pathChanges } from '../../src/size/contents-delta.js'
import { layerFacts } from '../audit/facts.js'
import { compareVersions, groupAdded, packageChanges } from '../../src/size/package-delta.js'
import { type PackageEntry } from '../../src/inspect/packages.js'

const KiB = 1024
const MiB = 1024 * 1024
const dirsOf = (files: [string, number][], max?: number) =>
  directorySummary(mergeLayers([layerFacts({ by: '', files })]), [{ line: 7, fromBase: false }], max).dirs

// A base tree shared by the cases: an OS, an app with two vendored libraries and some code.
const BASE: [string, number][] = [
  ['usr/lib/x86_64-linux-gnu/libc.so.6', 2 * MiB],
  ['usr/bin/sh', 100 * KiB],
  ['app/vendor/liba/liba.so', 4 * MiB],
  ['app/vendor/libb/libb.so', 2 * MiB],
  ['app/vendor/libb/data/table.bin', 1 * MiB],
  ['app/src/main.py', 20 * KiB]
]
const without = (files: [string, number][], ...paths: string[]) => files.filter(f => !paths.some(p => f[0].startsWith(p)))
const many = (dir: string, n: number, size: number): [string, number][] => Array.from({ length: n }, (_, i) => [`${dir}/m${i}/f.py`, size])

describe('pathChanges: the smallest directories that explain the change', () => {
  test.each<[string, [string, number][], [string, number][], { path: string; status: string; delta: number }[]]>([
    [
      "the issue's case: a vendored library grows, a model is added, another library is dropped",
      BASE,
      [...without(BASE, 'app/vendor/libb', 'app/vendor/liba'), ['app/vendor/liba/liba.so', 9 * MiB], ['app/models/model.bin', 3 * MiB]],
      [
        { path: '/app/vendor/liba', status: 'grown', delta: 5 * MiB },
        { path: '/app/models', status: 'added', delta: 3 * MiB },
        { path: '/app/vendor/libb', status: 'removed', delta: -3 * MiB }
      ]
    ],
    [
      'growth deep in a tree is named at the deepest directory holding it',
      [...BASE, ['opt/tool/share/data/x.bin', 1 * MiB]],
      [...BASE, ['opt/tool/share/data/x.bin', 6 * MiB]],
      [{ path: '/opt/tool/share/data', status: 'grown', delta: 5 * MiB }]
    ],
    [
      'a change spread thinly over many subdirectories is named at their parent',
      [...BASE, ...many('usr/lib/python3.11', 20, 10 * KiB)],
      [...BASE, ...many('usr/lib/python3.11', 20, 60 * KiB)],
      [{ path: '/usr/lib/python3.11', status: 'grown', delta: 20 * 50 * KiB }]
    ],
    [
      'parts holding a tenth of the whole change are named even when each is a small share of a big parent',
      [...BASE, ['usr/share/doc/readme', 10 * KiB]],
      [
        ...BASE,
        ['usr/share/doc/readme', 10 * KiB],
        ...['a', 'b', 'c', 'd', 'e', 'f'].map((x, i): [string, number] => [`usr/share/${x}/data`, (i + 10) * 100 * KiB])
      ],
      ['f', 'e', 'd', 'c', 'b', 'a'].map((x, i) => ({ path: `/usr/share/${x}`, status: 'added', delta: (15 - i) * 100 * KiB }))
    ],
    [
      'a new directory is named at its top, not at its largest file',
      BASE,
      [...BASE, ['srv/www/assets/img/a.png', 2 * MiB], ['srv/www/index.html', 10 * KiB]],
      [{ path: '/srv', status: 'added', delta: 2 * MiB + 10 * KiB }]
    ],
    [
      'a shrinking library and the files of its parent that changed',
      BASE,
      [...without(BASE, 'app/vendor/liba'), ['app/vendor/liba/liba.so', 1 * MiB], ['app/vendor/NOTICE', 2 * MiB]],
      [
        { path: '/app/vendor/liba', status: 'shrunk', delta: -3 * MiB },
        { path: '/app/vendor', status: 'added', delta: 2 * MiB }
      ]
    ],
    [
      'packages swapped for others of the same size: the net is nil, the parts are named',
      [...BASE, ...many('app/lib', 30, 50 * KiB)],
      [...BASE, ...many('app/lib', 30, 50 * KiB).map(([p, n]): [string, number] => [p.replace(/m(\d)\//, 'n$1/'), n])],
      [
        ...Array.from({ length: 10 }, (_, i) => ({ path: `/app/lib/m${i}`, status: 'removed', delta: -50 * KiB })),
        ...Array.from({ length: 10 }, (_, i) => ({ path: `/app/lib/n${i}`, status: 'added', delta: 50 * KiB }))
      ]
    ],
    ['a change below 4 KiB is noise', BASE, [...BASE, ['app/src/tiny.py', 100]], []],
    ['nothing changed', BASE, BASE, []]
  ])('%s', (_name, before, after, expected) => {
    const { paths } = pathChanges(dirsOf(before), dirsOf(after))
    expect(paths.map(p => ({ path: p.path, status: p.status, delta: p.delta }))).toEqual(expected)
  })

  test('each entry has before/after and the line that wrote it; the rest-of-parent entry is marked', () => {
    const { paths } = pathChanges(
      dirsOf(BASE),
      dirsOf([...without(BASE, 'app/vendor/liba'), ['app/vendor/liba/liba.so', 1 * MiB], ['app/vendor/NOTICE', 2 * MiB]])
    )
    expect(paths[0]).toEqual({ path: '/app/vendor/liba', kind: 'vendor', before: 4 * MiB, after: 1 * MiB, delta: -3 * MiB, status: 'shrunk', line: 7 })
    expect(paths[1]).toMatchObject({ path: '/app/vendor', before: 0, after: 2 * MiB, rest: true })
  })

  test('top-level directories are always listed, so a small one is never hidden behind a folded root', () => {
    const before: [string, number][] = [
      ['etc/passwd', 500],
      ['bin/sh', 1 * MiB]
    ]
    const after: [string, number][] = [...before, ...many('data', 50, 100 * KiB)]
    const { paths } = pathChanges(dirsOf(before), dirsOf(after, 10))
    expect(paths.map(p => [p.path, p.status])).toEqual([['/data', 'added']])
  })

  test('a directory folded away in the bounded baseline is compared as a whole (no guess below it)', () => {
    const before = [...BASE, ...many('data', 30, 100 * KiB)]
    const after: [string, number][] = [...BASE, ...many('data', 30, 100 * KiB), ['data/m3/new.bin', 1 * MiB]]
    const { paths } = pathChanges(dirsOf(before, 10), dirsOf(after))
    expect(paths.map(p => [p.path, p.delta])).toEqual([['/data', 1 * MiB]])
    // Listed on both sides, the subdirectory is named.
    expect(pathChanges(dirsOf(before), dirsOf(after)).paths.map(p => [p.path, p.delta])).toEqual([['/data/m3', 1 * MiB]])
  })
})

describe('compareVersions: each ecosystem its own order', () => {
  test.each([
    // dpkg and apk: Debian's algorithm.
    ['dpkg', '1.0', '1.1', -1],
    ['dpkg', '1.10', '1.9', 1],
    ['dpkg', '1:1.0', '2.0', 1],
    ['dpkg', '1.0~rc1', '1.0', -1],
    ['dpkg', '6.9.11.60+dfsg-1.6', '6.9.11.60+dfsg-1.6+deb12u1', -1],
    ['dpkg', '2.36-9+deb12u4', '2.36-9+deb12u4', 0],
    ['apk', '3.1.4-r5', '3.1.4-r6', -1],
    ['apk', '1.36.1-r15', '1.36.1-r2', 1],
    // npm: semver, where a prerelease comes before its release (dpkg order says the opposite).
    ['npm', '1.0.0-rc.1', '1.0.0', -1],
    ['npm', '1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['npm', '1.0.0-alpha.beta', '1.0.0-beta', -1],
    ['npm', '1.0.0-beta.11', '1.0.0-beta.2', 1],
    ['npm', '4.17.21', '4.17.3', 1],
    ['npm', '2.0.0+build.1', '2.0.0+build.2', 0],
    ['npm', 'v1.2.3', '1.2.4', -1],
    // not semver (a git url, a tag): dpkg order, not a crash
    ['npm', 'github:user/repo#abc', 'github:user/repo#abd', -1],
    // Python: PEP 440.
    ['python', '1.0rc1', '1.0', -1],
    ['python', '1.0', '1.0.post1', -1],
    ['python', '1.0.dev1', '1.0a1', -1],
    ['python', '1.0a1', '1.0b1', -1],
    ['python', '2!1.0', '3.0', 1],
    ['python', '1.0', '1.0.0', 0],
    ['python', '1.0+local.1', '1.0', 1],
    ['python', '24.2', '24.10', -1]
  ] as const)('%s: %s vs %s', (manager, a, b, sign) => {
    expect(Math.sign(compareVersions(a, b, manager))).toBe(sign)
    expect(Math.sign(compareVersions(b, a, manager))).toBe(-sign || 0)
  })

  test('a release after its prerelease is an upgrade, for npm and Python alike', () => {
    const changes = packageChanges(
      [
        { manager: 'npm', name: 'next', version: '15.0.0-rc.1', bytes: 10 },
        { manager: 'python', name: 'Django', version: '5.1rc1', bytes: 10 }
      ],
      [
        { manager: 'npm', name: 'next', version: '15.0.0', bytes: 10 },
        { manager: 'python', name: 'Django', version: '5.1', bytes: 10 }
      ]
    )
    expect(Object.fromEntries(changes.map(c => [c.name, c.status]))).toEqual({ next: 'upgraded', Django: 'upgraded' })
  })
})

const deb = (name: string, bytes: number, depends: string[] = [], version = '1.0'): PackageEntry => ({ manager: 'dpkg', name, version, bytes, depends })

describe('package delta', () => {
  test('an added package is grouped with the added packages it depends on (restricted to the added set)', () => {
    const before = [deb('libc6', 10 * MiB), deb('zlib1g', 1 * MiB, ['libc6'], '1.2.13')]
    const after = [
      ...before.map(p => (p.name === 'zlib1g' ? { ...p, version: '1.3' } : p)),
      deb('curl', 500 * KiB, ['libcurl4', 'libc6']),
      deb('libcurl4', 1 * MiB, ['libnghttp2-14', 'libssl3', 'libssl1.1', 'libc6']),
      deb('libnghttp2-14', 200 * KiB, ['libc6']),
      deb('libssl3', 5 * MiB, ['libc6']),
      deb('jq', 100 * KiB, ['libjq1']),
      deb('libjq1', 300 * KiB, ['libonig5']),
      deb('libonig5', 600 * KiB)
    ]
    const changes = packageChanges(before, after)
    expect(changes.map(c => [c.name, c.status, c.with ?? []])).toEqual([
      ['curl', 'added', ['libcurl4', 'libnghttp2-14', 'libssl3']],
      ['jq', 'added', ['libjq1', 'libonig5']],
      ['zlib1g', 'upgraded', []]
    ])
    expect(changes[0]).toMatchObject({ delta: 500 * KiB, withBytes: 1 * MiB + 5 * MiB + 200 * KiB, after: '1.0' })
    expect(changes[2]).toMatchObject({ before: '1.2.13', after: '1.3' })
  })

  test('npm and Python packages group the same way (npm dependencies, Requires-Dist); managers never mix', () => {
    const npm = (name: string, bytes: number, depends: string[] = []): PackageEntry => ({ manager: 'npm', name, version: '1.0.0', bytes, depends })
    const py = (name: string, bytes: number, depends: string[] = []): PackageEntry => ({ manager: 'python', name, version: '1.0', bytes, depends })
    const changes = packageChanges(
      [npm('lodash', 10)],
      [
        npm('lodash', 10),
        npm('express', 200, ['body-parser', 'lodash']),
        npm('body-parser', 100, ['bytes']),
        npm('bytes', 5),
        py('Requests', 50, ['urllib3', 'charset_normalizer']),
        py('urllib3', 40),
        py('charset-normalizer', 30),
        deb('bytes', 999)
      ]
    )
    expect(changes.map(c => [c.manager, c.name, c.with ?? [], c.withBytes ?? 0])).toEqual([
      ['dpkg', 'bytes', [], 0],
      ['npm', 'express', ['body-parser', 'bytes'], 105],
      ['python', 'Requests', ['urllib3', 'charset-normalizer'], 70]
    ])
  })

  test('removed and downgraded; npm and Python packages one line each', () => {
    const before: PackageEntry[] = [
      deb('vim', 3 * MiB),
      { manager: 'npm', name: 'lodash', version: '4.17.21', bytes: 1 * MiB },
      { manager: 'python', name: 'PyYAML', version: '6.0', bytes: 1 }
    ]
    const after: PackageEntry[] = [
      { manager: 'npm', name: 'lodash', version: '4.17.20', bytes: 1 * MiB },
      { manager: 'python', name: 'pyyaml', version: '6.0', bytes: 1 },
      { manager: 'npm', name: 'left-pad', version: '1.3.0', bytes: 10 }
    ]
    expect(packageChanges(before, after).map(c => [c.manager, c.name, c.status])).toEqual([
      ['dpkg', 'vim', 'removed'],
      ['npm', 'left-pad', 'added'],
      ['npm', 'lodash', 'downgraded']
    ])
  })

  test('a cycle of new packages makes its largest member the root; apk names resolve through provides', () => {
    const names = (g: ReturnType<typeof groupAdded>) => [...g.entries()].map(([k, v]) => [k, v.map(p => p.name)])
    const groups = groupAdded([deb('a', 1, ['b']), deb('b', 5, ['a'])])
    expect(names(groups)).toEqual([['dpkg:b', ['a']]])
    const apk = (name: string, bytes: number, depends: string[], provides: string[] = []): PackageEntry => ({
      manager: 'apk',
      name,
      version: '1',
      bytes,
      depends,
      provides
    })
    const g = groupAdded([apk('git', 10, ['so:libcurl.so.4', 'so:libc.musl-x86_64.so.1']), apk('libcurl', 5, [], ['so:libcurl.so.4'])])
    expect(names(g)).toEqual([['apk:git', ['libcurl']]])
  })
})

test('contentsDelta: bounded lists, the rest counted', () => {
  const before = { files: 0, bytes: 0, dirs: dirsOf(BASE), packages: [], composition: { base: 0, os: 0, language: 0, app: 0 } }
  const afterFiles = [...BASE, ...Array.from({ length: 30 }, (_, i) => [`new${i}/f`, (i + 1) * 10 * KiB] as [string, number])]
  const after = { ...before, dirs: dirsOf(afterFiles), packages: Array.from({ length: 12 }, (_, i) => deb(`p${i}`, i)) }
  const d = contentsDelta(before, after, 10)
  expect(d.paths).toHaveLength(10)
  expect(d.paths[0]).toMatchObject({ path: '/new29', delta: 300 * KiB })
  expect(d.omitted).toEqual({ paths: 20, packages: 2 })
  expect(d.unexplained).toBe(((20 * 21) / 2) * 10 * KiB)
})
