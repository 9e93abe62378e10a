/** The inputs of a merge (`mode: merge`, `stagecraft merge`), read once through a getter like readInputs. */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { listInput, readList } from '../inputs/list.js'
import { resolveReportFiles } from './files.js'

export interface MergeInputs {
  /** The part report files, absolute. */
  reports: string[]
  /** Every image must have exactly one part per platform; empty: the platforms the parts built. */
  platforms: string[]
  /** Full references (`registry/name:tag`); with several images each goes to the image of its repository. */
  tags: string[]
  /** BPA's syntax; only index-level ones apply to the index. */
  annotations: string[]
  labels: string[]
  /** Check everything and compute the index digest, push nothing (CLI `--dry-run`). */
  'dry-run': boolean
}

export function readMergeInputs(get: (name: string) => string, opts: { cwd?: string; dryRun?: boolean } = {}): MergeInputs {
  const platforms = listInput('platforms', get(Input.Platforms))
  for (const p of platforms) {
    if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p)) throw new InputError(Input.Platforms, `expected os/arch[/variant] such as linux/amd64, got "${p}"`)
  }
  const labels = readList('labels', get(Input.Labels)).map(({ value, line }) => {
    if (value.indexOf('=') <= 0) throw new InputError(Input.Labels, `line ${line}: expected key=value, got "${value}"`)
    return value
  })
  const annotations = readList('annotations', get(Input.Annotations)).map(({ value, line }) => {
    if (value.indexOf('=') <= 0) throw new InputError(Input.Annotations, `line ${line}: expected [type:]key=value, got "${value}"`)
    return value
  })
  return {
    reports: resolveReportFiles(get(Input.Reports).split(/\r?\n/), opts.cwd),
    platforms,
    tags: listInput('tags', get(Input.Tags)),
    annotations,
    labels,
    'dry-run': opts.dryRun ?? false
  }
}
