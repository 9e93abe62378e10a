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
  expect(findings([base, { by: 'COPY --from=builder /usr/bin/gcc-12 /usr/bin/gcc-12 # buildkit', files: [f] }])).toEqual([{ line: 2, path, bytes: 5000 }])
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
    files: [
      ['usr/bin/x86_64-linux-gnu-gcc-12', 1_000_000],
      ['usr/bin/make', 250_000],
      ['var/lib/dpkg/status', 3000]
    ],
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

describe('headers and -dev packages build nothing without a compiler', () => {
  const pyHeaders: LayerSpec = {
    by: '',
    files: [
      ['usr/local/include/python3.11/Python.h', 3000],
      ['usr/local/include/python3.11/object.h', 40_000],
      ['usr/local/include/python3.11/cpython/pystate.h', 7000],
      ['usr/local/bin/python3.11-config', 3000]
    ]
  }
  const dev: LayerSpec = {
    by: '',
    files: [
      ['usr/include/stdio.h', 30_000],
      ['var/lib/dpkg/status', 100]
    ],
    extra: {
      packages: [
        {
          source: 'var/lib/dpkg/status',
          packages: [
            { name: 'libc6-dev', version: '2.36', manager: 'dpkg', installedBytes: 12_000_000 },
            { name: 'libpq-dev', version: '15', manager: 'dpkg', installedBytes: 900_000 }
          ]
        }
      ]
    }
  }
  const sev = (layers: LayerSpec[], df = 'FROM python:3.11-slim\nUSER 1000\n') =>
    toolchainRule(context(df, imageFacts(layers))).map(f => [f.severity, f.evidence.path, f.evidence.bytes])

  test('the official python:3.X-slim layout (Python.h, python3-config, no gcc) is a warning with the include tree’s bytes', () => {
    const out = toolchainRule(context('FROM python:3.11-slim\nUSER 1000\n', imageFacts([pyHeaders])))
    expect(out.map(f => [f.severity, f.evidence.path, f.evidence.bytes])).toEqual([
      ['warning', '/usr/local/include/python3.11/Python.h', 3000 + 40_000 + 7000 + 3000]
    ])
    expect(out[0].message).toMatch(/No compiler, assembler or linker is present/)
    expect(out[0].message).toMatch(/\/usr\/local\/include\/python3\.11\//)
  })

  test('python3-config alone gives the headers away', () => {
    expect(sev([{ by: '', files: [['usr/bin/python3.11-config', 3000]] }])).toEqual([['warning', '/usr/bin/python3.11-config', 3000]])
  })

  test('C headers and -dev packages alone: warnings', () => {
    expect(sev([dev]).map(x => x[0])).toEqual(['warning', 'warning'])
  })

  test.each([
    ['gcc', ['usr/bin/x86_64-linux-gnu-gcc-12', 1000]],
    ['clang', ['usr/bin/clang-16', 1000]],
    ['ld', ['usr/bin/ld', 1000]],
    ['tcc', ['usr/bin/tcc', 1000]]
  ] as [string, [string, number]][])('next to %s every header finding is a toolchain error', (_n, compiler) => {
    const out = toolchainRule(
      context(
        'FROM python:3.11-slim\nRUN apt-get install gcc\n',
        imageFacts([pyHeaders, dev, { by: 'RUN /bin/sh -c apt-get install gcc # buildkit', files: [compiler] }])
      )
    )
    expect(out.map(f => f.severity)).toEqual(out.map(() => 'error'))
    expect(out).toHaveLength(4)
    expect(out.find(f => f.evidence.path?.endsWith('Python.h'))!.message).toMatch(/present \(\/usr\/bin\/.*\), they complete a toolchain/)
  })

  test('make alone is still an error (a build tool, not a header)', () => {
    expect(sev([{ by: '', files: [['usr/bin/make', 1000]] }])).toEqual([['error', '/usr/bin/make', 1000]])
  })
})

describe('package findings cost the whole package directory', () => {
  const df = 'FROM node:20-slim\nCOPY app/ /app/\n'
  const by = 'COPY app/ /app/ # buildkit'
  test('typescript in node_modules: every file of the package, not its package.json', () => {
    const files: [string, number][] = [
      ['app/node_modules/typescript/package.json', 140],
      ['app/node_modules/typescript/lib/typescript.js', 9_000_000],
      ['app/node_modules/typescript/lib/tsserver.js', 11_000_000],
      ['app/node_modules/typescript-logging/index.js', 5000],
      ['app/node_modules/ms/index.js', 3000]
    ]
    const [f] = toolchainRule(context(df, imageFacts([{ by: '' }, { by, files }])))
    expect(f.evidence).toMatchObject({ path: '/app/node_modules/typescript/package.json', bytes: 20_000_140, line: 2 })
    expect(f.message).toMatch(/\/app\/node_modules\/typescript\/; 20\.0 MB/)
  })

  test('a scoped package (@babel/core) and nested copies each count their directory once', () => {
    const files: [string, number][] = [
      ['app/node_modules/@babel/core/package.json', 100],
      ['app/node_modules/@babel/core/lib/index.js', 1000],
      ['app/node_modules/x/node_modules/@babel/core/package.json', 100],
      ['app/node_modules/x/node_modules/@babel/core/lib/index.js', 2000],
      ['app/node_modules/@babel/parser/lib/index.js', 50_000]
    ]
    const [f] = toolchainRule(context(df, imageFacts([{ by: '' }, { by, files }])))
    expect(f.evidence.bytes).toBe(3200)
    expect(f.message).toMatch(/and 1 more directory/)
  })

  test('dpkg Installed-Size wins when larger than the files seen', () => {
    const layer: LayerSpec = {
      by: '',
      files: [
        ['usr/bin/make', 250_000],
        ['var/lib/dpkg/status', 10]
      ],
      extra: { packages: [{ source: 'var/lib/dpkg/status', packages: [{ name: 'make', version: '4.3', manager: 'dpkg', installedBytes: 1_600_000 }] }] }
    }
    expect(toolchainRule(context('FROM x\n', imageFacts([layer])))[0].evidence.bytes).toBe(1_600_000)
  })

  test('the Go toolchain counts /usr/local/go', () => {
    const files: [string, number][] = [
      ['usr/local/go/bin/go', 15_000_000],
      ['usr/local/go/pkg/tool/linux_amd64/compile', 20_000_000],
      ['usr/local/go/src/fmt/print.go', 30_000]
    ]
    const [f] = toolchainRule(context('FROM golang\n', imageFacts([{ by: '', files }])))
    expect(f.evidence.bytes).toBe(35_030_000)
  })
})
