/**
 * hygiene/wasted-space (warning): bytes of files that a later layer deletes or overwrites still ship
 * in the lower layer. Reported once they pass both thresholds (bytes and share of the image), naming
 * the largest wasted files with the Dockerfile lines that created and removed them. Waste made and
 * removed inside the base image is left out: the Dockerfile cannot fix it.
 */
import type { WastedFile } from '../../inspect/filesystem.js'
import { finding, formatBytes, layerEvidence, type AuditContext } from '../context.js'
import type { Finding } from '../types.js'

/** Wasted bytes below this are not reported (10 MB). */
export const WASTE_MIN_BYTES = 10_000_000
/** Nor below this share of the image's uncompressed size (10%). */
export const WASTE_MIN_SHARE = 0.1
/** Files named in the message. */
const SHOWN = 3

export function wastedSpaceRule(ctx: AuditContext): Finding[] {
  const bare = ctx.plan.stages.length === 0
  const ours = ctx.fs.wasted.filter(w => bare || !ctx.layers[w.removedBy]?.fromBase)
  const bytes = ours.reduce((n, w) => n + w.size, 0)
  const total = ctx.facts.layers.reduce((n, l) => n + l.facts.tarBytes, 0)
  if (bytes < WASTE_MIN_BYTES || total === 0 || bytes / total < WASTE_MIN_SHARE) return []
  const largest = [...ours].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))
  const shown = largest.slice(0, SHOWN).map(w => describe(ctx, w))
  const more = ours.length - shown.length
  const top = largest[0]
  return [
    finding(
      'hygiene/wasted-space',
      'warning',
      `${formatBytes(bytes)} (${Math.round((bytes / total) * 100)}% of the image) are files that a later layer deletes or overwrites: they still ship in the layer that created them. Largest: ${shown.join('; ')}${more > 0 ? `; and ${more} more file${more > 1 ? 's' : ''}` : ''}. Remove files in the same RUN that creates them, or create them in an earlier stage and copy only what the runner needs.`,
      { path: `/${top.path}`, bytes, ...layerEvidence(ctx, top.layer) }
    )
  ]
}

function lineOf(ctx: AuditContext, layer: number): string {
  const o = ctx.layers[layer]
  if (!o || ctx.plan.stages.length === 0) return `layer ${layer}`
  return o.fromBase ? `the base image (line ${o.line})` : `line ${o.line}`
}

function describe(ctx: AuditContext, w: WastedFile): string {
  return `/${w.path} (${formatBytes(w.size)}, created by ${lineOf(ctx, w.layer)}, removed by ${lineOf(ctx, w.removedBy)})`
}
