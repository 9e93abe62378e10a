/**
 * toolchain: compilers, assemblers, linkers, build tools, language toolchains, node-gyp, the
 * TypeScript compiler and JS build tooling, development headers and build meta-packages must not
 * ship in the runner. One error per tool and Dockerfile line, with its paths, packages and bytes.
 *
 * Headers (C, Python) and -dev packages build nothing without a compiler, assembler or linker: on
 * their own they are a warning (bytes wasted, e.g. the official python:3.X-slim's Python.h); next to
 * a compiler they are part of the toolchain error.
 */
import { finding, formatBytes, layerEvidence, type AuditContext } from '../context.js'
import { describeFiles, describePackages, groupBytes, matchSignatures, type SignatureGroup } from '../match.js'
import { compileSignatures, TOOLCHAIN_SIGNATURES } from '../signatures.js'
import type { Finding } from '../types.js'

const SIGNATURES = compileSignatures(TOOLCHAIN_SIGNATURES)

export function toolchainRule(ctx: AuditContext): Finding[] {
  const groups = matchSignatures(ctx, SIGNATURES, { packages: true })
  const compiler = groups.find(g => g.signature.compiles)
  return groups.map(g => {
    const bytes = groupBytes(g)
    const where = [describeWhere(g), describePackages(g.packages)].filter(Boolean).join('; ')
    // Without a Dockerfile (auditing a bare image) every layer looks inherited: name the layer instead.
    const origin = ctx.plan.stages.length === 0 ? `layer ${g.layer}` : ctx.layers[g.layer]?.fromBase ? 'inherited from the base image' : 'added by this line'
    const evidence = {
      path: g.files[0] ? `/${g.files[0].path}` : g.packages[0]?.manager === 'apk' ? '/lib/apk/db/installed' : '/var/lib/dpkg/status',
      bytes,
      ...layerEvidence(ctx, g.layer),
      line: g.line
    }
    if (g.signature.headers && !compiler) {
      return finding(
        'toolchain',
        'warning',
        `${g.signature.what} in the runner image (${origin}): ${where}; ${formatBytes(bytes)} wasted. No compiler, assembler or linker is present, so they build nothing; drop them (or build in an earlier stage) to save the bytes.`,
        evidence
      )
    }
    const withCompiler =
      g.signature.headers && compiler ? ` With ${compiler.signature.what} present (${compilerWhere(compiler)}), they complete a toolchain.` : ''
    return finding(
      'toolchain',
      'error',
      `${g.signature.what} in the runner image (${origin}): ${where}; ${formatBytes(bytes)}.${withCompiler} Build in an earlier stage and copy only the output.`,
      evidence
    )
  })
}

/** The package directories when the signature counts whole directories, else the files. */
function describeWhere(g: SignatureGroup): string {
  if (g.dirs.length === 0) return describeFiles(g.files)
  const more = g.dirs.length - 1
  return `/${g.dirs[0]}/${more > 0 ? ` and ${more} more director${more > 1 ? 'ies' : 'y'}` : ''}`
}

function compilerWhere(g: SignatureGroup): string {
  return g.files[0] ? `/${g.files[0].path}` : describePackages(g.packages)
}
