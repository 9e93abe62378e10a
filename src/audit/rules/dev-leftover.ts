/**
 * dev-leftover (warning): source maps, .git directories, .env files, test frameworks and linters
 * in node_modules: they cost bytes and may leak sources or configuration.
 */
import { finding, formatBytes, layerEvidence, type AuditContext } from '../context.js'
import { describeFiles, groupBytes, matchSignatures } from '../match.js'
import { compileSignatures, DEV_LEFTOVER_SIGNATURES } from '../signatures.js'
import type { Finding } from '../types.js'

const SIGNATURES = compileSignatures(DEV_LEFTOVER_SIGNATURES)

export function devLeftoverRule(ctx: AuditContext): Finding[] {
  return matchSignatures(ctx, SIGNATURES, { packages: false }).map(g => {
    const bytes = groupBytes(g)
    return finding(
      'dev-leftover',
      'warning',
      `${g.signature.what} in the runner image: ${describeFiles(g.files)}, wasting ${formatBytes(bytes)}. Exclude them (.dockerignore, a production install, or a narrower COPY).`,
      { path: `/${g.files[0].path}`, bytes, ...layerEvidence(ctx, g.layer), line: g.line }
    )
  })
}
