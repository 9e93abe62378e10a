/**
 * Part reports (pure): read one, group them by image, and find the gaps a merge must not paper
 * over: a platform with no part or with two, a part that failed. Each gap names the platform
 * and the image, one line each.
 */
import { canonicalName } from '../image-ref.js'
import { REPORT_SCHEMA, type PartInfo, type RunReport } from '../report/run-report.js'

/** A part report as the merge reads it: the report, its `part`, and the file it came from. */
export interface Part {
  file: string
  report: RunReport & { part: PartInfo }
}

/** The parts of one image: one report key and one image name. */
export interface ImageGroup {
  key: string
  name: string
  parts: Part[]
}

const DIGEST = /^sha256:[0-9a-f]{64}$/
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

/** Parse a part report; throws a plain Error saying what is wrong (the caller names the file). */
export function parsePart(text: string): RunReport & { part: PartInfo } {
  let r: Partial<RunReport>
  try {
    r = JSON.parse(text) as Partial<RunReport>
  } catch {
    throw new Error('not JSON')
  }
  if (r?.schema !== REPORT_SCHEMA) throw new Error(`not a Stagecraft report (expected schema ${REPORT_SCHEMA})`)
  if (!r.part) throw new Error('not a part report (it has no "part": was it built with push-by-digest=true?)')
  const p = r.part as Partial<PartInfo>
  if (typeof p.name !== 'string' || !p.name || /[@\s]/.test(p.name)) throw new Error('its part.name is not an image name')
  if (!r.verdict || typeof r.verdict.passed !== 'boolean' || !Array.isArray(r.verdict.reasons)) throw new Error('it has no verdict')
  // A part that failed before it pushed names its platforms without digests (the merge fails naming them).
  const pushed = p.digest !== undefined || r.verdict.passed
  if (pushed && (typeof p.digest !== 'string' || !DIGEST.test(p.digest))) throw new Error('its part.digest is not a sha256 digest')
  if (!Array.isArray(p.platforms) || p.platforms.length === 0) throw new Error('its part.platforms is empty')
  for (const [i, x] of p.platforms.entries()) {
    if (!x || typeof x.platform !== 'string' || !PLATFORM.test(x.platform)) throw new Error(`its part.platforms[${i}].platform is not os/arch[/variant]`)
    if (pushed ? typeof x.digest !== 'string' || !DIGEST.test(x.digest) : x.digest !== undefined)
      throw new Error(`its part.platforms[${i}].digest is not a sha256 digest${pushed ? '' : ' (the part pushed nothing)'}`)
  }
  if (typeof r.key !== 'string' || !r.key) throw new Error('it has no report key')
  if (!r.test || !Array.isArray(r.budgets)) throw new Error('it is incomplete (no test or budgets section)')
  if (r.platforms !== undefined && !Array.isArray(r.platforms)) throw new Error('its platforms is not a list')
  return r as RunReport & { part: PartInfo }
}

/** Group parts by report key and image name, in the order they were given. */
export function groupParts(parts: Part[]): ImageGroup[] {
  const groups = new Map<string, ImageGroup>()
  for (const part of parts) {
    const name = canonicalName(part.report.part.name)
    const id = `${part.report.key}\u0000${name}`
    const g = groups.get(id) ?? { key: part.report.key, name, parts: [] }
    g.parts.push(part)
    groups.set(id, g)
  }
  return [...groups.values()]
}

/** One image's platforms: `wanted` (the platforms input) or, when empty, every platform its parts built. */
export function expectedPlatforms(group: ImageGroup, wanted: string[]): string[] {
  if (wanted.length) return wanted
  return [...new Set(group.parts.flatMap(p => p.report.part.platforms.map(x => x.platform)))].sort()
}

/**
 * The gaps of one image, one line each: a wanted platform with no part or with more than one,
 * a part of a platform nobody asked for, a part that failed.
 */
export function partProblems(group: ImageGroup, wanted: string[]): string[] {
  const problems: string[] = []
  const image = `${group.name} (${group.key})`
  const expected = expectedPlatforms(group, wanted)
  const byPlatform = new Map<string, Part[]>()
  for (const part of group.parts) for (const p of part.report.part.platforms) byPlatform.set(p.platform, [...(byPlatform.get(p.platform) ?? []), part])
  for (const platform of expected) {
    const found = byPlatform.get(platform) ?? []
    if (found.length === 0) problems.push(`${platform}: no part report for ${image}`)
    else if (found.length > 1)
      problems.push(`${platform}: ${found.length} part reports for ${image} (${found.map(f => f.file).join(', ')}); expected exactly one`)
  }
  for (const platform of byPlatform.keys()) {
    if (!expected.includes(platform)) problems.push(`${platform}: a part of ${image} built a platform not in platforms (${expected.join(', ')})`)
  }
  for (const part of group.parts) {
    if (part.report.verdict.passed) continue
    const platforms = part.report.part.platforms.map(p => p.platform).join(', ')
    const why = part.report.verdict.reasons.length ? part.report.verdict.reasons.join('; ') : 'its verdict is failed'
    problems.push(`${platforms}: the part of ${image} failed: ${why}`)
  }
  return problems
}
