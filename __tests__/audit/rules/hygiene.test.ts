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
