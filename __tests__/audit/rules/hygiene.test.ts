import { hygieneRule } from '../../../src/audit/rules/hygiene.js'
import { context, imageFacts, type LayerSpec } from '../facts.js'

const DF = 'FROM debian\nRUN apt-get update && apt-get install -y curl\nUSER 1000\n'
const base: LayerSpec = { by: '', files: [['usr/bin/ls', 10]] }
const rules = (layers: LayerSpec[], healthcheck?: string[]) =>
  hygieneRule(context(DF, imageFacts(layers, { healthcheck }))).map(f => [f.rule, f.severity, f.evidence.path, f.evidence.line])

test('no HEALTHCHECK is a warning on the target FROM line; HEALTHCHECK NONE too', () => {
  expect(rules([base])).toEqual([['hygiene/no-healthcheck', 'warning', undefined, 1]])
  expect(rules([base], ['NONE'])).toEqual([['hygiene/no-healthcheck', 'warning', undefined, 1]])
  expect(rules([base], ['CMD', 'true'])).toEqual([])
})

test('setuid/setgid files: one warning per line', () => {
  const layer: LayerSpec = {
    by: '',
    files: [
      { path: 'usr/bin/su', mode: 0o4755, size: 10 },
      { path: 'usr/bin/chage', mode: 0o2755, size: 10 },
      { path: 'usr/bin/ls', mode: 0o755, size: 10 }
    ]
  }
  expect(rules([layer], ['CMD', 'true'])).toEqual([['hygiene/setuid', 'warning', '/usr/bin/chage', 1]])
})

test('package-manager caches left behind, on the RUN line', () => {
  const run: LayerSpec = {
    by: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit',
    files: [
      ['var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease', 150_000],
      ['var/lib/apt/lists/lock', 0],
      ['root/.npm/_cacache/index', 10]
    ]
  }
  expect(rules([base, run], ['CMD', 'true'])).toEqual([
    ['hygiene/package-cache', 'warning', '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease', 2],
    ['hygiene/package-cache', 'warning', '/root/.npm/_cacache/index', 2]
  ])
})

test('a shell is a notice', () => {
  const layer: LayerSpec = { by: '', files: [{ path: 'bin/sh', type: 'symlink', link: 'dash' }, ['bin/dash', 100]] }
  expect(rules([layer], ['CMD', 'true'])).toEqual([['hygiene/shell', 'notice', '/bin/sh', 1]])
})

describe('what each finding says', () => {
  const messages = (layers: LayerSpec[], healthcheck?: string[]) => hygieneRule(context(DF, imageFacts(layers, { healthcheck }))).map(f => f.message)

  test('no HEALTHCHECK, and one disabled', () => {
    expect(messages([base])).toEqual(['The image has no HEALTHCHECK: nothing tells the runtime whether the service inside is healthy.'])
    expect(messages([base], ['NONE'])).toEqual([
      'The image has no HEALTHCHECK (disabled with HEALTHCHECK NONE): nothing tells the runtime whether the service inside is healthy.'
    ])
  })

  test('setuid files: counted, the first five named in path order, per Dockerfile line; a directory with the bits is not a file', () => {
    const suid = (path: string) => ({ path, mode: 0o4755, size: 1 })
    const one: LayerSpec = { by: '', files: [suid('usr/bin/su'), { path: 'tmp', type: 'dir' as const, mode: 0o1777 | 0o2000 }] }
    const run: LayerSpec = {
      by: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit',
      files: ['f', 'e', 'd', 'c', 'b', 'a'].map(n => suid(`usr/bin/${n}`))
    }
    expect(messages([one, run], ['CMD', 'true'])).toEqual([
      '6 setuid/setgid files (/usr/bin/a, /usr/bin/b, /usr/bin/c, /usr/bin/d, /usr/bin/e, …): a way to gain privileges inside the container. Remove them or clear the bits (chmod u-s,g-s).',
      '1 setuid/setgid file (/usr/bin/su): a way to gain privileges inside the container. Remove them or clear the bits (chmod u-s,g-s).'
    ])
    const five: LayerSpec = { by: '', files: ['a', 'b', 'c', 'd', 'e'].map(n => suid(`bin/${n}`)) }
    expect(messages([five], ['CMD', 'true'])[0]).toMatch(/^5 setuid\/setgid files \(\/bin\/a, \/bin\/b, \/bin\/c, \/bin\/d, \/bin\/e\): /)
  })

  test('a package cache: what, where and how big; an empty cache is not reported', () => {
    const run: LayerSpec = {
      by: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit',
      files: [
        ['var/cache/apt/pkgcache.bin', 2_000_000],
        ['var/cache/apt/srcpkgcache.bin', 1_000_000],
        ['root/.cache/pip/empty', 0]
      ]
    }
    expect(messages([base, run], ['CMD', 'true'])).toEqual([
      'apt cache (/var/cache/apt) left in the image: /var/cache/apt/pkgcache.bin and 1 more file, 3.00 MB. Clean it in the same RUN, or use a cache mount.'
    ])
  })

  test('every shell present is named; a directory at a shell path is not a shell', () => {
    const layer: LayerSpec = {
      by: '',
      files: [['bin/sh', 1], { path: 'bin/bash', type: 'hardlink', link: 'bin/sh' }, { path: 'bin/zsh', type: 'dir' as const }]
    }
    expect(messages([layer], ['CMD', 'true'])).toEqual(['A shell is present (/bin/sh, /bin/bash): handy for an attacker and rarely needed at runtime.'])
    expect(messages([{ by: '', files: [{ path: 'bin/sh', type: 'dir' as const }] }], ['CMD', 'true'])).toEqual([])
  })
})
