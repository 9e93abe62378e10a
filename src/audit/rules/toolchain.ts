/**
 * toolchain: compilers, assemblers, linkers, build tools, language toolchains, node-gyp, the
 * TypeScript compiler and JS build tooling, development headers and build meta-packages must not
 * ship in the runner. One error per tool and Dockerfile line, with its paths, packages and bytes.
 */
import { finding, formatBytes, layerEvidence, type AuditContext } from '../context.js'
import { describeFiles, describePackages, groupBytes, matchSignatures } from '../match.js'
import { compileSignatures, TOOLCHAIN_SIGNATURES } from '../signatures.js'
import type { Finding } from '../types.js'

const SIGNATURES = compileSignatures(TOOLCHAIN_SIGNATURES)

export function toolchainRule(ctx: AuditContext): Finding[] {
  return matchSignatures(ctx, SIGNATURES, { packages: true }).map(g => {
    const bytes = groupBytes(g)
    const where = [describeFiles(g.files), describePackages(g.packages)].filter(Boolean).join('; ')
    // Without a Dockerfile (auditing a bare image) every layer looks inherited: name the layer instead.
    const origin =
      ctx.plan.stages.length === 0
        ? `layer ${g.layer}`
        : ctx.layers[g.layer]?.fromBase
          ? 'inherited from the base image'
          : 'added by this line'
    return finding(
      'toolchain',
      'error',
      `${g.signature.what} in the runner image (${origin}): ${where}; ${formatBytes(bytes)}. Build in an earlier stage and copy only the output.`,
      {
        path: g.files[0] ? `/${g.files[0].path}` : g.packages[0]?.manager === 'apk' ? '/lib/apk/db/installed' : '/var/lib/dpkg/status',
        bytes,
        ...layerEvidence(ctx, g.layer),
        line: g.line
      }
    )
  })
}
