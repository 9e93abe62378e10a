/** Signature matching, grouped as findings are: per signature and Dockerfile line, best evidence first, bytes counted once. */
import { describeFiles, describePackages, groupBytes, matchSignatures } from '../../src/audit/match.js'
import { compileSignatures, type Signature } from '../../src/audit/signatures.js'
import type { PackageFact } from '../../src/audit/context.js'
import type { FinalFile } from '../../src/inspect/filesystem.js'
import { context, imageFacts } from './facts.js'

const f = (path: string, size = 1, layer = 1): FinalFile => ({ path, type: 'file', size, mode: 0o755, uid: 0, gid: 0, layer })
const pkg = (name: string, version = '', installedBytes = 0, layer = 1): PackageFact => ({ name, version, manager: 'dpkg', installedBytes, layer })

describe('describeFiles', () => {
  test.each<[FinalFile[], string]>([
    [[], ''],
    [[f('usr/bin/gcc-12')], '/usr/bin/gcc-12'],
    [[f('usr/bin/gcc-12'), f('usr/bin/cc')], '/usr/bin/gcc-12 and 1 more file'],
    [[f('usr/bin/gcc-12'), f('usr/bin/cc'), f('usr/bin/c++'), f('usr/bin/cpp')], '/usr/bin/gcc-12 and 3 more files']
  ])('%#: %s', (files, want) => expect(describeFiles(files)).toBe(want))
})

describe('describePackages', () => {
  test.each<[PackageFact[], string]>([
    [[], ''],
    [[pkg('gcc-12', '12.2.0-14')], 'package gcc-12 12.2.0-14 (dpkg)'],
    [[pkg('gcc-12', '12.2.0-14'), pkg('cpp-12')], 'packages gcc-12 12.2.0-14, cpp-12 (dpkg)'],
    [[pkg('a'), pkg('b'), pkg('c'), pkg('d')], 'packages a, b, c, d (dpkg)'],
    [[pkg('a'), pkg('b'), pkg('c'), pkg('d'), pkg('e'), pkg('f')], 'packages a, b, c, d and 2 more (dpkg)']
  ])('%#: %s', (pkgs, want) => expect(describePackages(pkgs)).toBe(want))
})

describe('matchSignatures', () => {
  const SIGS: Signature[] = [
    { id: 'gcc', what: 'gcc', paths: ['usr/bin/gcc-*', 'usr/bin/cc'], packages: ['gcc-*'], compiles: true },
    { id: 'go', what: 'Go', paths: ['usr/local/go/bin/go'], dirs: ['usr/local/go'] }
  ]
  const DF = 'FROM debian AS base\nRUN apt-get install -y gcc-12\nFROM base\nCOPY --from=golang /usr/local/go /usr/local/go\n'
  const facts = () =>
    imageFacts([
      { by: '' },
      {
        by: 'RUN /bin/sh -c apt-get install -y gcc-12 # buildkit',
        files: [
          ['usr/bin/cc', 5],
          ['usr/bin/gcc-12', 700],
          ['usr/share/doc/x', 3]
        ]
      },
      {
        by: 'COPY /usr/local/go /usr/local/go # buildkit',
        files: ['usr/local/go/', ['usr/local/go/bin/go', 100], ['usr/local/go/src/fmt/print.go', 40], ['usr/local/go/pkg/tool/compile', 60]]
      }
    ])

  test('one group per signature and line, files best evidence first, a directory counted whole', () => {
    const ctx = context(DF, facts())
    ctx.packages.push(pkg('gcc-12', '12.2.0-14', 50_000, 1), pkg('libc6', '2.36', 10, 1))
    const groups = matchSignatures(ctx, compileSignatures(SIGS), { packages: true })
    expect(
      groups.map(g => ({
        id: g.signature.id,
        line: g.line,
        layer: g.layer,
        files: g.files.map(x => x.path),
        packages: g.packages.map(p => p.name),
        dirs: g.dirs,
        bytes: g.fileBytes
      }))
    ).toEqual([
      { id: 'gcc', line: 2, layer: 1, files: ['usr/bin/gcc-12', 'usr/bin/cc'], packages: ['gcc-12'], dirs: [], bytes: 705 },
      { id: 'go', line: 4, layer: 2, files: ['usr/local/go/bin/go'], packages: [], dirs: ['usr/local/go'], bytes: 200 }
    ])
    expect(groupBytes(groups[0])).toBe(50_000)
    expect(groupBytes(groups[1])).toBe(200)
  })

  test('packages only when asked; a package-only group takes the package layer', () => {
    const ctx = context(DF, imageFacts([{ by: '' }, { by: 'RUN /bin/sh -c apt-get install -y gcc-12 # buildkit' }]))
    ctx.packages.push(pkg('gcc-12', '12', 10, 1))
    expect(matchSignatures(ctx, compileSignatures(SIGS), { packages: false })).toEqual([])
    const [g] = matchSignatures(ctx, compileSignatures(SIGS), { packages: true })
    expect([g.signature.id, g.line, g.layer, g.fileBytes]).toEqual(['gcc', 2, 1, 0])
  })

  test('a file in a layer with no Dockerfile line (base image) is on the FROM line', () => {
    const ctx = context('FROM debian\nUSER 1\n', imageFacts([{ by: '', files: [['usr/bin/gcc-12', 9]] }]))
    const [g] = matchSignatures(ctx, compileSignatures(SIGS), { packages: false })
    expect([g.line, g.layer]).toEqual([1, 0])
  })
})
