import { toolchainRule } from '../../../src/audit/rules/toolchain.js'
import { context, imageFacts, type LayerSpec } from '../facts.js'

const DF = `FROM debian:bookworm-slim
COPY --from=builder /usr/bin/gcc-12 /usr/bin/gcc-12
COPY app/ /app/
RUN apt-get install -y make
`
const base: LayerSpec = { by: '', files: ['usr/', 'usr/bin/', ['usr/bin/ls', 100]] }

function findings(layers: LayerSpec[]) {
  return toolchainRule(context(DF, imageFacts(layers))).map(f => ({ line: f.evidence.line, path: f.evidence.path, bytes: f.evidence.bytes }))
}

test.each([
  ['gcc copied from a builder', ['usr/bin/gcc-12', 5000], '/usr/bin/gcc-12'],
  ['cross gcc', ['usr/bin/x86_64-linux-gnu-gcc-12', 5000], '/usr/bin/x86_64-linux-gnu-gcc-12'],
  ['cc1', ['usr/libexec/gcc/x86_64-linux-gnu/12/cc1', 5000], '/usr/libexec/gcc/x86_64-linux-gnu/12/cc1'],
  ['clang', ['usr/bin/clang-16', 5000], '/usr/bin/clang-16'],
  ['tcc', ['usr/local/bin/tcc', 5000], '/usr/local/bin/tcc'],
  ['ld', ['usr/bin/ld.bfd', 5000], '/usr/bin/ld.bfd'],
  ['as', ['usr/bin/as', 5000], '/usr/bin/as'],
  ['cmake', ['usr/bin/cmake', 5000], '/usr/bin/cmake'],
  ['ninja', ['usr/bin/ninja', 5000], '/usr/bin/ninja'],
  ['pkg-config', ['usr/bin/pkg-config', 5000], '/usr/bin/pkg-config'],
  ['go', ['usr/local/go/bin/go', 5000], '/usr/local/go/bin/go'],
  ['rustc', ['usr/local/cargo/bin/rustc', 5000], '/usr/local/cargo/bin/rustc'],
  ['javac', ['opt/java/openjdk/bin/javac', 5000], '/opt/java/openjdk/bin/javac'],
  ['maven', ['usr/share/maven/bin/mvn', 5000], '/usr/share/maven/bin/mvn'],
  ['.NET SDK', ['usr/share/dotnet/sdk/8.0.100/dotnet.dll', 5000], '/usr/share/dotnet/sdk/8.0.100/dotnet.dll'],
  ['node-gyp', ['app/node_modules/node-gyp/package.json', 5000], '/app/node_modules/node-gyp/package.json'],
  ['typescript', ['app/node_modules/typescript/package.json', 5000], '/app/node_modules/typescript/package.json'],
  ['esbuild', ['app/node_modules/esbuild/package.json', 5000], '/app/node_modules/esbuild/package.json'],
  ['scoped babel', ['app/node_modules/@babel/core/package.json', 5000], '/app/node_modules/@babel/core/package.json'],
  ['C headers', ['usr/include/stdio.h', 5000], '/usr/include/stdio.h'],
  ['Python headers', ['usr/include/python3.11/Python.h', 5000], '/usr/include/python3.11/Python.h']
] as [string, [string, number], string][])('%s is a toolchain, on the line that added it', (_n, f, path) => {
  expect(findings([base, { by: 'COPY --from=builder /usr/bin/gcc-12 /usr/bin/gcc-12 # buildkit', files: [f] }])).toEqual([
    { line: 2, path, bytes: 5000 }
  ])
})

test.each([
  ['ls', 'usr/bin/ls'],
  ['ldd (a script, not a linker)', 'usr/bin/ldd'],
  ['the dynamic loader', 'lib64/ld-linux-x86-64.so.2'],
  ['npm bundled node-gyp', 'usr/local/lib/node_modules/npm/node_modules/node-gyp/package.json'],
  ['a package merely named like typescript', 'app/node_modules/typescript-logging/package.json'],
  ['gcc-12-base docs', 'usr/share/doc/gcc-12-base/copyright']
])('%s is not a toolchain', (_n, path) => {
  expect(findings([base, { by: 'COPY app/ /app/ # buildkit', files: [[path, 10]] }])).toEqual([])
})

test('symlinks are not evidence (only the file they point at)', () => {
  const layer: LayerSpec = { by: 'COPY app/ /app/ # buildkit', files: [{ path: 'usr/bin/cc', type: 'symlink', link: '/etc/alternatives/cc' }] }
  expect(findings([base, layer])).toEqual([])
})

test('a toolchain inherited from the base is one finding per tool on the FROM line, with its packages', () => {
  const status = [
    { name: 'gcc-12', version: '12.2.0', manager: 'dpkg' as const, installedBytes: 40_000_000 },
    { name: 'gcc-12-base', version: '12.2.0', manager: 'dpkg' as const, installedBytes: 100_000 },
    { name: 'make', version: '4.3', manager: 'dpkg' as const, installedBytes: 1_600_000 },
    { name: 'build-essential', version: '12.9', manager: 'dpkg' as const, installedBytes: 20_000 },
    { name: 'libssl-dev', version: '3.0', manager: 'dpkg' as const, installedBytes: 3_000_000 }
  ]
  const baseLayer: LayerSpec = {
    by: '',
    files: [['usr/bin/x86_64-linux-gnu-gcc-12', 1_000_000], ['usr/bin/make', 250_000], ['var/lib/dpkg/status', 3000]],
    extra: { packages: [{ source: 'var/lib/dpkg/status', packages: status }] }
  }
  const out = toolchainRule(context('FROM base-with-gcc\nUSER 1000\n', imageFacts([baseLayer])))
  expect(out.map(f => [f.evidence.line, f.evidence.path, f.evidence.bytes])).toEqual([
    [1, '/var/lib/dpkg/status', 20_000], // build-essential
    [1, '/var/lib/dpkg/status', 3_000_000], // libssl-dev
    [1, '/usr/bin/x86_64-linux-gnu-gcc-12', 40_000_000],
    [1, '/usr/bin/make', 1_600_000]
  ])
  expect(out[2].message).toMatch(/GNU C\/C\+\+ compiler.*inherited from the base image.*gcc-12 12\.2\.0/)
})

test('apk build-base is a build meta-package', () => {
  const layer: LayerSpec = {
    by: '',
    files: [['lib/apk/db/installed', 100]],
    extra: { packages: [{ source: 'lib/apk/db/installed', packages: [{ name: 'build-base', version: '0.5', manager: 'apk', installedBytes: 4096 }] }] }
  }
  const [f] = toolchainRule(context('FROM alpine\n', imageFacts([layer])))
  expect(f.evidence.path).toBe('/lib/apk/db/installed')
  expect(f.message).toMatch(/build meta-package/)
})

test('a package database deleted by a later layer no longer counts', () => {
  const layer: LayerSpec = {
    by: '',
    files: [['var/lib/dpkg/status', 100]],
    extra: { packages: [{ source: 'var/lib/dpkg/status', packages: [{ name: 'make', version: '4', manager: 'dpkg', installedBytes: 1 }] }] }
  }
  const df = 'FROM base\nRUN rm -rf /var/lib/dpkg\n'
  expect(toolchainRule(context(df, imageFacts([layer, { by: 'RUN /bin/sh -c rm -rf /var/lib/dpkg # buildkit', whiteouts: ['var/lib/dpkg'] }])))).toEqual([])
})
