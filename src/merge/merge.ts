/**
 * The merge: part reports in, one merged report per image out. Reads the parts (a file that is
 * not a part report is an InputError naming it), groups them by image, checks the gaps and the
 * registry, and creates each image's index only when every check of that image passed: the gate
 * never passes blind. Pulls nothing and needs no builder: manifests only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import type { Docker } from '../docker/docker.js'
import { errorMessage, InputError } from '../errors.js'
import { canonicalName } from '../image-ref.js'
import type { RunReport } from '../report/run-report.js'
import { createIndex, indexAnnotations } from './create-index.js'
import type { MergeInputs } from './inputs.js'
import { mergeReports, worstFirst } from './merged-report.js'
import { groupParts, parsePart, partProblems, type ImageGroup, type Part } from './parts.js'
import { checkParts, type ManifestReader } from './registry-check.js'

/** One merged image: its parts and its merged report (digest and tags set when the index was made). */
export interface MergedImage {
  name: string
  key: string
  parts: Part[]
  report: RunReport
}

export interface MergeResult {
  /** Worst first. */
  images: MergedImage[]
  /** Lines for the log: manifest-level annotations left to the part builds, and the like. */
  notes: string[]
}

export interface MergeDeps {
  docker: Pick<Docker, 'imagetoolsCreate' | 'registryManifestText'>
  reader: ManifestReader
  git?: RunReport['git']
  now?: () => Date
  /** Told before each phase (a log line). */
  info?: (message: string) => void
}

/** Read every part report; throws InputError naming the file that is not one. */
export function readParts(files: string[]): Part[] {
  return files.map(file => {
    try {
      return { file, report: parsePart(fs.readFileSync(file, 'utf8')) }
    } catch (e) {
      throw new InputError(Input.Reports, `${path.basename(file)} (${file}) is not usable: ${errorMessage(e)}`)
    }
  })
}

/**
 * Which tags go to which image: with one image, all of them; with several, each tag goes to the
 * image of its repository. A tag no image claims is an InputError. Pure.
 */
export function assignTags(groups: ImageGroup[], tags: string[]): Map<ImageGroup, string[]> {
  const out = new Map(groups.map(g => [g, [] as string[]]))
  if (groups.length === 1) return out.set(groups[0], [...tags])
  for (const tag of tags) {
    const owners = groups.filter(g => g.name === canonicalName(tag))
    if (owners.length === 0) throw new InputError(Input.Tags, `"${tag}" names none of the merged images (${groups.map(g => g.name).join(', ')})`)
    for (const g of owners) out.get(g)!.push(tag)
  }
  return out
}

/**
 * The index's sources in a fixed order (the platforms input's, then by platform name), whatever
 * order the reports came in: the same parts always make the same index digest. Pure.
 */
export function indexSources(group: ImageGroup, platforms: string[]): string[] {
  const first = (p: Part) => p.report.part.platforms.map(x => x.platform).sort()[0]
  const rank = (p: Part) => (platforms.includes(first(p)) ? platforms.indexOf(first(p)) : platforms.length)
  return [...group.parts]
    .sort((a, b) => rank(a) - rank(b) || (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0))
    .map(p => {
      // (only parts that passed, and so pushed, get this far)
      if (!p.report.part.digest) throw new Error(`the ${first(p)} part of ${group.name} pushed nothing`)
      return `${p.report.part.name}@${p.report.part.digest}`
    })
}

export async function runMerge(inputs: MergeInputs, deps: MergeDeps): Promise<MergeResult> {
  const info = deps.info ?? (() => {})
  const parts = readParts(inputs.reports)
  const groups = groupParts(parts)
  const tagsOf = assignTags(groups, inputs.tags)
  if (!inputs['dry-run']) {
    for (const g of groups) {
      if (tagsOf.get(g)!.length === 0) throw new InputError(Input.Tags, `no tag for ${g.name}: the index needs at least one (e.g. ${g.name}:latest)`)
    }
  }
  const { annotations, skipped } = indexAnnotations(inputs.annotations, inputs.labels)
  const notes = skipped.map(a => `annotation "${a}" is not an index annotation: it belongs to the part builds (each platform's manifest), not the merge`)
  const createdAt = (deps.now?.() ?? new Date()).toISOString()
  const images: MergedImage[] = []
  for (const group of groups) {
    info(`${group.name} (${group.key}): ${group.parts.length} part${group.parts.length === 1 ? '' : 's'}`)
    const problems = partProblems(group, inputs.platforms)
    problems.push(...(await checkParts(deps.reader, group.parts)))
    const tags = tagsOf.get(group)!
    let digest: string | undefined
    if (problems.length === 0) {
      try {
        digest = await createIndex(deps.docker, { sources: indexSources(group, inputs.platforms), tags, annotations }, { dryRun: inputs['dry-run'] })
        info(`${group.name}: index ${digest}${inputs['dry-run'] ? ' (dry run: not pushed)' : ` pushed as ${tags.join(', ')}`}`)
      } catch (e) {
        problems.push(`index of ${group.name}: ${errorMessage(e)}`)
      }
    }
    const report = mergeReports(group, { digest, tags: digest ? tags : [], problems, createdAt, git: deps.git }, inputs.platforms)
    images.push({ name: group.name, key: group.key, parts: group.parts, report })
  }
  const order = worstFirst(images.map(i => i.report))
  return { images: order.map(r => images.find(i => i.report === r)!), notes }
}
