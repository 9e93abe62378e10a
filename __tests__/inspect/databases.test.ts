import { parseApkInstalled, parseDpkgStatus, parsePasswd } from '../../src/inspect/databases.js'

test('passwd: malformed lines are skipped', () => {
  expect(parsePasswd('root:x:0:0:root:/root:/bin/sh\n# comment\nbroken\nnobody:x:65534:65534::/:/sbin/nologin\n')).toEqual([
    { name: 'root', uid: 0, gid: 0, shell: '/bin/sh' },
    { name: 'nobody', uid: 65534, gid: 65534, shell: '/sbin/nologin' }
  ])
})

test('dpkg status: installed packages only; status.d stanzas without Status count as installed', () => {
  const text = 'Package: gcc-12\nStatus: install ok installed\nVersion: 12.2\nInstalled-Size: 10\n\nPackage: old\nStatus: deinstall ok config-files\n\nPackage: distroless\nVersion: 1\n'
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
