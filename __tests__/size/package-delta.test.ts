/** Version order per ecosystem, and what a changed package list says (the comment's package lines). */
import { compareDpkgVersions, compareVersions, packageChanges } from '../../src/size/package-delta.js'

describe("dpkg order: epoch, upstream, revision (Debian's algorithm)", () => {
  test.each([
    ['10:1.0', '9:2.0', 1],
    ['1.0-10', '1.0-9', 1],
    ['1.0-2', '1.0-2', 0],
    ['1.2-3-4', '1.2-3-10', -1],
    ['1.2-3-4', '1.2-4-1', -1],
    ['1.0', '1.0-1', -1],
    ['1.0', '1.0.0', -1],
    ['1.0', '1.0a', -1],
    ['1.0a', '1.0+', -1],
    ['1.0~', '1.0', -1],
    ['1.02', '1.2', 0],
    ['1.10', '1.9', 1],
    ['9', '10', -1],
    ['1.0.1', '1.0', 1],
    ['-1', '-2', -1],
    ['a1', '1', 1],
    ['1.12', '1.21', -1],
    ['1.0-1', '1.0+1', -1]
  ] as const)('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareDpkgVersions(a, b))).toBe(sign)
    expect(Math.sign(compareDpkgVersions(b, a))).toBe(-sign || 0)
  })
  test('a dpkg version that is also valid PEP 440 keeps dpkg order (1.0 < 1.0.0)', () => {
    expect(Math.sign(compareVersions('1.0', '1.0.0', 'dpkg'))).toBe(-1)
    expect(Math.sign(compareVersions('1.0', '1.0.0'))).toBe(-1)
  })
  test('npm reads versions loosely, as npm does: 1.2.3beta is a prerelease of 1.2.3', () => {
    expect(Math.sign(compareVersions('1.2.3beta', '1.2.3', 'npm'))).toBe(-1)
    expect(Math.sign(compareVersions('1.2.3', '1.2.3beta', 'npm'))).toBe(1)
    expect(Math.sign(compareVersions('=1.2.3', 'v1.2.4', 'npm'))).toBe(-1)
  })
})

describe('packageChanges', () => {
  test('Python names compare normalised: Foo_Bar and foo-bar are one distribution, upgraded', () => {
    expect(
      packageChanges([{ manager: 'python', name: 'Foo_Bar', version: '1.0', bytes: 10 }], [{ manager: 'python', name: 'foo.bar', version: '1.1', bytes: 12 }])
    ).toEqual([{ manager: 'python', name: 'Foo_Bar', before: '1.0', after: '1.1', status: 'upgraded', bytes: 12, delta: 2 }])
  })
  test('Python names: runs of - _ . are one separator, but a separator is not nothing', () => {
    const c = packageChanges(
      [
        { manager: 'python', name: 'foo__bar', version: '1.0', bytes: 10 },
        { manager: 'python', name: 'foobar', version: '1.0', bytes: 10 }
      ],
      [
        { manager: 'python', name: 'foo-bar', version: '1.0', bytes: 10 },
        { manager: 'python', name: 'foobar', version: '1.0', bytes: 10 }
      ]
    )
    expect(c).toEqual([])
  })
  test('npm and dpkg names are exact: a case change is a removal and an addition', () => {
    const c = packageChanges([{ manager: 'npm', name: 'Foo', version: '1.0.0', bytes: 10 }], [{ manager: 'npm', name: 'foo', version: '1.0.0', bytes: 10 }])
    expect(c.map(x => [x.name, x.status, x.delta]).sort()).toEqual([
      ['Foo', 'removed', -10],
      ['foo', 'added', 10]
    ])
  })
  test('a removed package is a negative delta with nothing installed; the same version is no change', () => {
    expect(
      packageChanges(
        [
          { manager: 'dpkg', name: 'curl', version: '8.0', bytes: 500 },
          { manager: 'dpkg', name: 'bash', version: '5.2', bytes: 900 }
        ],
        [{ manager: 'dpkg', name: 'bash', version: '5.2', bytes: 950 }]
      )
    ).toEqual([{ manager: 'dpkg', name: 'curl', before: '8.0', status: 'removed', bytes: 0, delta: -500 }])
  })
  test('an added package with no added dependencies has no "with" list', () => {
    const [c] = packageChanges([], [{ manager: 'dpkg', name: 'jq', version: '1.7', bytes: 100, depends: ['libc6'] }])
    expect(c).toEqual({ manager: 'dpkg', name: 'jq', after: '1.7', status: 'added', bytes: 100, delta: 100 })
  })
  test('an apk provides alias never takes the place of a package of that name', () => {
    const after = [
      { manager: 'apk' as const, name: 'app', version: '1', bytes: 100, depends: ['zlib'] },
      { manager: 'apk' as const, name: 'zlib', version: '1', bytes: 50, provides: ['so:libz.so.1'] },
      { manager: 'apk' as const, name: 'libz-shim', version: '1', bytes: 5, provides: ['zlib'] }
    ]
    const c = packageChanges([], after)
    expect(c.find(x => x.name === 'app')).toMatchObject({ with: ['zlib'], withBytes: 50 })
    expect(c.map(x => x.name).sort()).toEqual(['app', 'libz-shim'])
  })
})
