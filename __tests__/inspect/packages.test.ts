/** Package roots of paths, and the package list of the final filesystem. */
import { mergeLayers } from '../../src/inspect/filesystem.js'
import { finalPackageList, packageRoot, pythonName } from '../../src/inspect/packages.js'
import type { ImageLayer, LayerFacts, PackageManifest } from '../../src/inspect/types.js'
import { layerFacts, regularFile } from '../helpers/layer-facts.js'

describe('packageRoot', () => {
  test.each([
    // npm: the outermost package, scoped or not; pnpm's store is found at its inner node_modules
    ['app/node_modules/express/lib/router/index.js', 'app/node_modules/express', 'npm'],
    ['app/node_modules/@babel/core/lib/index.js', 'app/node_modules/@babel/core', 'npm'],
    ['app/node_modules/express/node_modules/qs/lib/index.js', 'app/node_modules/express', 'npm'],
    ['app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/lodash.js', 'app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash', 'npm'],
    ['app/node_modules/.bin/tsc', undefined, undefined],
    ['app/node_modules/.package-lock.json', undefined, undefined],
    ['app/node_modules/left-pad', undefined, undefined],
    ['app/node_modules/@scope/file', undefined, undefined],
    // Python: module directories, single-module files, dist-info / egg-info with or without a version, bundled libs
    ['usr/lib/python3/dist-packages/yaml/__init__.py', 'usr/lib/python3/dist-packages/yaml', 'python'],
    ['venv/lib/python3.12/site-packages/PyYAML-6.0.1.dist-info/METADATA', 'venv/lib/python3.12/site-packages/pyyaml', 'python'],
    ['venv/lib/python3.12/site-packages/typing_extensions.py', 'venv/lib/python3.12/site-packages/typing_extensions', 'python'],
    ['venv/lib/python3.12/site-packages/typing_extensions-4.9.0.dist-info/RECORD', 'venv/lib/python3.12/site-packages/typing_extensions', 'python'],
    ['venv/lib/python3.12/site-packages/numpy.libs/libopenblas.so', 'venv/lib/python3.12/site-packages/numpy', 'python'],
    ['venv/lib/python3.12/site-packages/distutils-precedence.pth', 'venv/lib/python3.12/site-packages/distutils_precedence', 'python'],
    ['venv/lib/python3.12/site-packages/foo.egg-info/PKG-INFO', 'venv/lib/python3.12/site-packages/foo', 'python'],
    ['venv/lib/python3.12/site-packages/__pycache__/six.cpython-312.pyc', undefined, undefined],
    ['venv/lib/python3.12/site-packages/.hidden/x', undefined, undefined],
    ['venv/lib/python3.12/site-packages/a.python/x', 'venv/lib/python3.12/site-packages/a_python', 'python'],
    ['venv/lib/python3.12/site-packages/my.libsx/x', 'venv/lib/python3.12/site-packages/my_libsx', 'python'],
    // vendored: Go modules by host/org/repo, others by their first directory
    ['src/vendor/github.com/pkg/errors/errors.go', 'src/vendor/github.com/pkg/errors', 'vendor'],
    ['src/vendor/golang.org/x/sys/unix/a.go', 'src/vendor/golang.org/x/sys', 'vendor'],
    ['src/vendor/github.com/modules.txt', 'src/vendor/github.com', 'vendor'],
    ['app/vendor/monolog/src/Logger.php', 'app/vendor/monolog', 'vendor'],
    ['app/vendor/autoload.php', undefined, undefined],
    ['usr/bin/node', undefined, undefined]
  ])('%s', (path, dir, kind) => {
    expect(packageRoot(path)).toEqual(dir === undefined ? undefined : { dir, kind })
  })

  test.each([
    ['PyYAML', 'pyyaml'],
    ['typing-extensions', 'typing_extensions'],
    ['zope.interface', 'zope_interface'],
    ['a--b__c..d', 'a_b_c_d']
  ])('pythonName(%s) is %s', (name, normal) => {
    expect(pythonName(name)).toBe(normal)
  })
})

describe('finalPackageList', () => {
  const file = regularFile
  const layer = (index: number, facts: Partial<LayerFacts>): ImageLayer => ({ index, digest: `sha256:${index}`, facts: layerFacts(facts) })
  const npm = (path: string, name: string, version: string, depends?: string[]): PackageManifest => ({
    path,
    manager: 'npm',
    name,
    version,
    ...(depends && { depends })
  })
  const list = (layers: ImageLayer[], bytes: Record<string, number> = {}) =>
    finalPackageList({ layers }, mergeLayers(layers.map(l => l.facts)), new Map(Object.entries(bytes)))

  test('the databases of the final filesystem, with relations; a database replaced by a later layer is the later one', () => {
    const layers = [
      layer(0, {
        files: [file('var/lib/dpkg/status')],
        packages: [{ source: 'var/lib/dpkg/status', packages: [{ name: 'libc6', version: '2.36', manager: 'dpkg', installedBytes: 100 }] }]
      }),
      layer(1, {
        files: [file('var/lib/dpkg/status'), file('lib/apk/db/installed')],
        packages: [
          {
            source: 'var/lib/dpkg/status',
            packages: [
              { name: 'libc6', version: '2.36', manager: 'dpkg', installedBytes: 100 },
              { name: 'gcc-12', version: '12.2', manager: 'dpkg', installedBytes: 5000, depends: ['cpp-12', 'libc6'] }
            ]
          },
          { source: 'lib/apk/db/installed', packages: [{ name: 'git', version: '2.43', manager: 'apk', installedBytes: 7, provides: ['cmd:git'] }] }
        ]
      })
    ]
    expect(list(layers)).toEqual([
      { manager: 'dpkg', name: 'libc6', version: '2.36', bytes: 100 },
      { manager: 'dpkg', name: 'gcc-12', version: '12.2', bytes: 5000, depends: ['cpp-12', 'libc6'] },
      { manager: 'apk', name: 'git', version: '2.43', bytes: 7, provides: ['cmd:git'] }
    ])
  })

  test('a database deleted by a later layer lists nothing; only regular files count', () => {
    const layers = [
      layer(0, {
        files: [file('var/lib/dpkg/status')],
        packages: [{ source: 'var/lib/dpkg/status', packages: [{ name: 'a', version: '1', manager: 'dpkg', installedBytes: 1 }] }]
      }),
      layer(1, { whiteouts: ['var/lib/dpkg/status'] })
    ]
    expect(list(layers)).toEqual([])
    const dirNamed = [
      layer(0, {
        files: [{ ...file('var/lib/dpkg/status'), type: 'dir' }],
        packages: [{ source: 'var/lib/dpkg/status', packages: [{ name: 'a', version: '1', manager: 'dpkg', installedBytes: 1 }] }]
      })
    ]
    expect(list(dirNamed)).toEqual([])
  })

  test('npm: sizes are the bytes under the package root; copies of one package add up, the shallowest names the version', () => {
    const m = [
      npm('app/node_modules/express/node_modules/qs/package.json', 'qs', '6.5.0'),
      npm('app/node_modules/express/package.json', 'express', '4.19.2', ['qs']),
      npm('app/node_modules/qs/package.json', 'qs', '6.11.0'),
      npm('app/node_modules/body-parser/node_modules/qs/package.json', 'qs', '6.9.0')
    ]
    const layers = [layer(0, { files: m.map(x => file(x.path)), manifests: m })]
    const bytes = { 'app/node_modules/express': 300, 'app/node_modules/qs': 40, 'app/node_modules/body-parser': 90 }
    expect(list(layers, bytes)).toEqual([
      // nested under express: counted in express's bytes, not again here; the top-level copy names the version
      { manager: 'npm', name: 'qs', version: '6.11.0', bytes: 40 },
      { manager: 'npm', name: 'express', version: '4.19.2', bytes: 300, depends: ['qs'] }
    ])
  })

  test('a copy deeper than the first one seen does not rename the version', () => {
    const m = [npm('app/node_modules/qs/package.json', 'qs', '6.11.0'), npm('app/node_modules/a/node_modules/qs/package.json', 'qs', '6.5.0')]
    const layers = [layer(0, { files: m.map(x => file(x.path)), manifests: m })]
    expect(list(layers, { 'app/node_modules/qs': 40 })).toEqual([{ manager: 'npm', name: 'qs', version: '6.11.0', bytes: 40 }])
  })

  test('Python: names matched PEP 503-style, bytes of the normalised root; manifests outside a package root count no bytes', () => {
    const m: PackageManifest[] = [
      { path: 'venv/lib/python3.12/site-packages/PyYAML-6.0.1.dist-info/METADATA', manager: 'python', name: 'PyYAML', version: '6.0.1', depends: [] },
      { path: 'srv/package.json', manager: 'npm', name: 'loose', version: '0.1.0' }
    ]
    const layers = [layer(0, { files: m.map(x => file(x.path)), manifests: m })]
    expect(list(layers, { 'venv/lib/python3.12/site-packages/pyyaml': 1234, srv: 99 })).toEqual([
      { manager: 'python', name: 'PyYAML', version: '6.0.1', bytes: 1234, depends: [] },
      { manager: 'npm', name: 'loose', version: '0.1.0', bytes: 0 }
    ])
  })

  test('the manifest read is the one in the layer that wrote the final file', () => {
    const old = npm('app/node_modules/qs/package.json', 'qs', '6.5.0')
    const neu = npm('app/node_modules/qs/package.json', 'qs', '6.11.0')
    const layers = [layer(0, { files: [file(old.path)], manifests: [old] }), layer(1, { files: [file(neu.path)], manifests: [neu] })]
    expect(list(layers).map(p => p.version)).toEqual(['6.11.0'])
  })
})
