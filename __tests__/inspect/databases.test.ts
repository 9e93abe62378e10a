import {
  dependencyNames,
  isDatabasePath,
  isManifestPath,
  parseApkInstalled,
  parseDatabase,
  parseDpkgStatus,
  parseManifest,
  parsePasswd
} from '../../src/inspect/databases.js'

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

describe('databases as distributions write them', () => {
  test.each([
    ['etc/passwd', true],
    ['var/lib/dpkg/status', true],
    ['var/lib/dpkg/status.d/libc6', true],
    ['var/lib/dpkg/status.d/libc6.md5sums', true],
    ['var/lib/dpkg/status.d/sub/x', false],
    ['var/lib/dpkg/status.d/', false],
    ['var/lib/dpkg/status-old', false],
    ['usr/var/lib/dpkg/status.d/libc6', false],
    ['lib/apk/db/installed', true],
    ['etc/passwd-', false],
    ['app/etc/passwd', false]
  ])('isDatabasePath(%s) is %s', (path, expected) => {
    expect(isDatabasePath(path)).toBe(expected)
  })

  test('parseDatabase picks the parser by path; a status.d checksum file lists no package', () => {
    expect(parseDatabase('etc/passwd', 'app:x:1000:1000::/home/app:/bin/sh\n')).toEqual({ passwd: [{ name: 'app', uid: 1000, gid: 1000, shell: '/bin/sh' }] })
    expect(parseDatabase('lib/apk/db/installed', 'P:gcc\nV:13.2.1-r0\n')).toEqual({
      packages: [{ name: 'gcc', version: '13.2.1-r0', manager: 'apk', installedBytes: 0 }]
    })
    expect(parseDatabase('var/lib/dpkg/status.d/gcc', 'Package: gcc\nVersion: 4:12.2.0-3\n')).toEqual({
      packages: [{ name: 'gcc', version: '4:12.2.0-3', manager: 'dpkg', installedBytes: 0 }]
    })
    expect(parseDatabase('var/lib/dpkg/status.d/gcc.md5sums', 'Package: gcc\n')).toEqual({ packages: [] })
    expect(parseDatabase('etc/group', 'root:x:0:\n')).toBeUndefined()
  })

  test('passwd: comments, blank lines, NIS entries, names and shells with blanks, short lines', () => {
    const text = [
      '# /etc/passwd',
      '',
      '   ',
      'root:x:0:0:root:/root:/bin/bash',
      '+::::::',
      'node:x:1000:1000::/home/node:/bin/sh  ',
      'nologin:x:999:999',
      'bad:x:1a:0::/:/bin/sh',
      'bad2:x:0:x1::/:/bin/sh',
      'three:x:5',
      ' # not a comment:x:7:7::/:'
    ].join('\n')
    expect(parsePasswd(text)).toEqual([
      { name: 'root', uid: 0, gid: 0, shell: '/bin/bash' },
      { name: 'node', uid: 1000, gid: 1000, shell: '/bin/sh' },
      { name: 'nologin', uid: 999, gid: 999, shell: '' },
      { name: ' # not a comment', uid: 7, gid: 7, shell: '' }
    ])
  })

  test("dpkg status: every state but not-installed and config-files leaves the package's files in the image", () => {
    const stanza = (name: string, status: string) =>
      `Package: ${name}\nStatus: ${status}\nPriority: optional\nInstalled-Size: 2\nVersion: 1.0\nDescription: ${name}\n a long description\n .\n Package: not-a-field\n`
    const states = ['installed', 'unpacked', 'half-installed', 'half-configured', 'triggers-awaited', 'triggers-pending', 'not-installed', 'config-files']
    const text = states.map((s, i) => stanza(`p${i}`, `install ok ${s}`)).join('\n')
    expect(parseDpkgStatus(text).map(p => p.name)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5'])
    expect(parseDpkgStatus(stanza('held', 'hold ok installed') + '\n' + stanza('gone', 'purge ok not-installed')).map(p => p.name)).toEqual(['held'])
  })

  test('dpkg status: fields trimmed, an unreadable size is 0, stanzas split on blank lines with blanks in them', () => {
    const text =
      'Package: gcc-12  \nStatus: install ok installed\nVersion:  12.2.0-14 \nInstalled-Size: many\n \t\nPackage: cpp-12\nVersion: 12.2.0-14\nInstalled-Size: 3\n'
    expect(parseDpkgStatus(text)).toEqual([
      { name: 'gcc-12', version: '12.2.0-14', manager: 'dpkg', installedBytes: 0 },
      { name: 'cpp-12', version: '12.2.0-14', manager: 'dpkg', installedBytes: 3072 }
    ])
  })

  test('apk: values trimmed, a block without P: is skipped, an unreadable size is 0', () => {
    const text = 'C:Q1abc=\nP: build-base \nV: 0.5-r3 \nI: 4096 \n\nV:1.0\nI:10\n\nP:musl\nI:lots\n'
    expect(parseApkInstalled(text)).toEqual([
      { name: 'build-base', version: '0.5-r3', manager: 'apk', installedBytes: 4096 },
      { name: 'musl', version: '', manager: 'apk', installedBytes: 0 }
    ])
  })

  test('apk lists split on any run of blanks', () => {
    expect(parseApkInstalled('P:git\nD:so:libc.musl-x86_64.so.1   pcre2\n')[0].depends).toEqual(['so:libc.musl-x86_64.so.1', 'pcre2'])
  })

  test.each<[string, 'npm' | 'python' | undefined]>([
    ['app/node_modules/left-pad/package.json.bak', undefined],
    ['app/node_modules/left-pad/package.jsonx', undefined],
    ['x.dist-info/METADATA.orig', undefined],
    ['x.egg-info/PKG-INFO.bak', undefined]
  ])('isManifestPath(%s) → %s (anchored at the end)', (path, manager) => {
    expect(isManifestPath(path)).toBe(manager)
  })

  test('manifests: values trimmed, spaced JSON keys when cut, headers at line starts only, extras with blanks', () => {
    expect(parseManifest('p', 'npm', '{ "name" : "spaced",  "version" :  "2.0.0", "description": "cut')).toEqual({
      path: 'p',
      manager: 'npm',
      name: 'spaced',
      version: '2.0.0'
    })
    expect(parseManifest('p', 'npm', '{"name":"n","version":7,"dependencies":null}')).toEqual({ path: 'p', manager: 'npm', name: 'n', version: '' })
    expect(parseManifest('p', 'npm', '{"name":"n","dependencies":"none"}')?.depends).toBeUndefined()
    const meta =
      'Metadata-Version: 2.1\nName:   numpy  \nVersion:\t1.26.4 \nSummary: Name: not-this\nRequires-Dist: pytest ; extra  ==  "test"\nRequires-Dist:\tcython\nX-Requires-Dist: nope\n'
    expect(parseManifest('p', 'python', meta)).toEqual({ path: 'p', manager: 'python', name: 'numpy', version: '1.26.4', depends: ['cython'] })
    expect(parseManifest('p', 'python', 'Name: x\n')).toEqual({ path: 'p', manager: 'python', name: 'x', version: '' })
  })
})
