import { dependencyNames, isManifestPath, parseApkInstalled, parseDpkgStatus, parseManifest, parsePasswd } from '../../src/inspect/databases.js'

test('passwd: malformed lines are skipped', () => {
  expect(parsePasswd('root:x:0:0:root:/root:/bin/sh\n# comment\nbroken\nnobody:x:65534:65534::/:/sbin/nologin\n')).toEqual([
    { name: 'root', uid: 0, gid: 0, shell: '/bin/sh' },
    { name: 'nobody', uid: 65534, gid: 65534, shell: '/sbin/nologin' }
  ])
})

test('dpkg status: installed packages only; status.d stanzas without Status count as installed', () => {
  const text =
    'Package: gcc-12\nStatus: install ok installed\nVersion: 12.2\nInstalled-Size: 10\n\nPackage: old\nStatus: deinstall ok config-files\n\nPackage: distroless\nVersion: 1\n'
  expect(parseDpkgStatus(text).map(p => [p.name, p.installedBytes])).toEqual([
    ['gcc-12', 10240],
    ['distroless', 0]
  ])
})

test('apk installed', () => {
  expect(parseApkInstalled('C:Q1\nP:build-base\nV:0.5-r3\nI:4096\n\nP:musl\nV:1.2\nI:600000\n')).toEqual([
    { name: 'build-base', version: '0.5-r3', manager: 'apk', installedBytes: 4096 },
    { name: 'musl', version: '1.2', manager: 'apk', installedBytes: 600000 }
  ])
})

describe('package relations and language manifests', () => {
  test('dpkg Depends + Pre-Depends: every alternative, without versions or arch qualifiers', () => {
    const [p] = parseDpkgStatus(
      'Package: curl\nStatus: install ok installed\nVersion: 7.88\nPre-Depends: libc6 (>= 2.34)\nDepends: libcurl4 (= 7.88.1-10), zlib1g:any, libssl3 | libssl1.1\n'
    )
    expect(p.depends).toEqual(['libc6', 'libcurl4', 'zlib1g', 'libssl3', 'libssl1.1'])
    expect(dependencyNames([undefined, ''])).toEqual([])
  })

  test('apk D: and p: names, versions and conflicts dropped', () => {
    const [p] = parseApkInstalled('P:git\nV:2.43.0-r0\nI:12345\nD:so:libc.musl-x86_64.so.1 so:libcurl.so.4 !git-perl pcre2>=10\np:cmd:git=2.43.0-r0\n')
    expect(p).toEqual({
      name: 'git',
      version: '2.43.0-r0',
      manager: 'apk',
      installedBytes: 12345,
      depends: ['so:libc.musl-x86_64.so.1', 'so:libcurl.so.4', 'pcre2'],
      provides: ['cmd:git']
    })
  })

  test.each<[string, 'npm' | 'python' | undefined]>([
    ['app/node_modules/left-pad/package.json', 'npm'],
    ['node_modules/@types/node/package.json', 'npm'],
    ['app/node_modules/a/node_modules/b/package.json', 'npm'],
    ['app/node_modules/left-pad/lib/package.json', undefined],
    ['app/node_modules/.package-lock.json', undefined],
    ['app/package.json', undefined],
    ['usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA', 'python'],
    ['venv/lib/python3.11/site-packages/foo-1.0-py3.11.egg-info/PKG-INFO', 'python'],
    ['usr/lib/python3/dist-packages/six-1.16.0.dist-info/RECORD', undefined]
  ])('isManifestPath(%s) → %s', (path, manager) => {
    expect(isManifestPath(path)).toBe(manager)
  })

  test('dependencies: npm keys, Python Requires-Dist without extras', () => {
    expect(
      parseManifest('p', 'npm', '{"name":"express","version":"4.19.2","dependencies":{"body-parser":"1.20.2","qs":"6.11.0"},"devDependencies":{"jest":"1"}}')
        ?.depends
    ).toEqual(['body-parser', 'qs'])
    const meta =
      'Name: requests\nVersion: 2.31.0\nRequires-Dist: charset-normalizer (<4,>=2)\nRequires-Dist: urllib3<3,>=1.21.1\nRequires-Dist: PySocks!=1.5.7,>=1.5.6; extra == "socks"\n\nRequires-Dist: not-a-header\n'
    expect(parseManifest('p', 'python', meta)?.depends).toEqual(['charset-normalizer', 'urllib3'])
  })

  test.each<[string, 'npm' | 'python', string, { name: string; version: string } | undefined]>([
    ['npm', 'npm', '{"name":"x","version":"1.0.0"}', { name: 'x', version: '1.0.0' }],
    ['npm without a name', 'npm', '{"private":true}', undefined],
    ['npm cut mid-document', 'npm', '{"name":"cut","version":"3.1.4","description":"abc', { name: 'cut', version: '3.1.4' }],
    ['python', 'python', 'Metadata-Version: 2.1\r\nName: PyYAML\r\nVersion: 6.0.1\r\n\r\nbody', { name: 'PyYAML', version: '6.0.1' }],
    ['python, description headers ignored', 'python', 'Metadata-Version: 2.1\n\nName: nope\n', undefined]
  ])('parseManifest: %s', (_n, manager, text, expected) => {
    const m = parseManifest('p', manager, text)
    expect(m ? { name: m.name, version: m.version } : undefined).toEqual(expected)
  })
})
