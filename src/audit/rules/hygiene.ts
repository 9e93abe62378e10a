/**
 * hygiene: no HEALTHCHECK (warning), setuid/setgid files (warning), package-manager caches left in
 * the image (warning), a shell present (notice).
 */
import { finding, formatBytes, layerEvidence, type AuditContext } from '../context.js'
import { describeFiles, groupBytes, matchSignatures } from '../match.js'
import { compileSignatures, PACKAGE_CACHE_SIGNATURES, SHELL_PATHS } from '../signatures.js'
import type { Finding } from '../types.js'

const CACHES = compileSignatures(PACKAGE_CACHE_SIGNATURES)

export function hygieneRule(ctx: AuditContext): Finding[] {
  return [...healthcheck(ctx), ...setuid(ctx), ...caches(ctx), ...shell(ctx)]
}

function healthcheck(ctx: AuditContext): Finding[] {
  const test = ctx.facts.config.healthcheck
  if (test && test[0] !== 'NONE') return []
  return [
    finding(
      'hygiene/no-healthcheck',
      'warning',
      `The image has no HEALTHCHECK${test ? ' (disabled with HEALTHCHECK NONE)' : ''}: nothing tells the runtime whether the service inside is healthy.`,
      { line: ctx.target.line }
    )
  ]
}

function setuid(ctx: AuditContext): Finding[] {
  const byLine = new Map<number, { paths: string[]; layer: number }>()
  for (const [path, f] of [...ctx.fs.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (f.type !== 'file' || (f.mode & 0o6000) === 0) continue
    const line = ctx.layers[f.layer]?.line ?? ctx.chain[0].line
    const g = byLine.get(line) ?? { paths: [], layer: f.layer }
    g.paths.push(`/${path}`)
    byLine.set(line, g)
  }
  return [...byLine].map(([line, g]) =>
    finding(
      'hygiene/setuid',
      'warning',
      `${g.paths.length} setuid/setgid file${g.paths.length > 1 ? 's' : ''} (${g.paths.slice(0, 5).join(', ')}${g.paths.length > 5 ? ', …' : ''}): a way to gain privileges inside the container. Remove them or clear the bits (chmod u-s,g-s).`,
      { path: g.paths[0], ...layerEvidence(ctx, g.layer), line }
    )
  )
}

function caches(ctx: AuditContext): Finding[] {
  return matchSignatures(ctx, CACHES, { packages: false })
    .filter(g => groupBytes(g) > 0)
    .map(g => {
      const bytes = groupBytes(g)
      return finding(
        'hygiene/package-cache',
        'warning',
        `${g.signature.what} left in the image: ${describeFiles(g.files)}, ${formatBytes(bytes)}. Clean it in the same RUN, or use a cache mount.`,
        { path: `/${g.files[0].path}`, bytes, ...layerEvidence(ctx, g.layer), line: g.line }
      )
    })
}

function shell(ctx: AuditContext): Finding[] {
  const present = SHELL_PATHS.filter(p => {
    const f = ctx.fs.files.get(p)
    return f && (f.type === 'file' || f.type === 'symlink' || f.type === 'hardlink')
  })
  if (present.length === 0) return []
  const first = ctx.fs.files.get(present[0])!
  return [
    finding('hygiene/shell', 'notice', `A shell is present (${present.map(p => `/${p}`).join(', ')}): handy for an attacker and rarely needed at runtime.`, {
      path: `/${present[0]}`,
      ...layerEvidence(ctx, first.layer)
    })
  ]
}
