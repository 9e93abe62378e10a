/**
 * The size model of the runner image and its delta against a baseline (pure). Layers are
 * matched to the baseline's by their Dockerfile instruction, not by position or digest, so a
 * changed `RUN npm ci` is reported as that step growing, not as one layer gone and one new.
 */
import type { ImageContents } from './contents.js'
import type { ContentsDelta } from './contents-delta.js'

/** How the compressed size was obtained. */
export type CompressedSource = 'registry' | 'blob' | 'gzip-estimate'

/** A layer as the size model needs it: a structural subset of the inspection's LayerSummary. */
export interface SizeLayer {
  index: number
  digest: string
  /** Uncompressed bytes (the layer tar as the image stores it). */
  bytes: number
  compressedBytes: number
  /** The history `created_by`, as BuildKit recorded it. */
  instruction: string
  /** Dockerfile line that made it (the FROM line for base-image layers). */
  line?: number
  /** True for layers inherited from the base image. */
  fromBase: boolean
  /** File bytes in this layer overwritten or deleted by a later layer. */
  wastedBytes: number
}

export interface SizeReport {
  image: string
  bytes: number
  compressedBytes: number
  compressedFrom: CompressedSource
  layerCount: number
  wastedBytes: number
  layers: SizeLayer[]
}

export interface LayerDelta {
  instruction: string
  line?: number
  bytes: number
  baseBytes: number
  delta: number
  status: 'added' | 'removed' | 'changed' | 'same'
}

export interface BaselineInfo {
  /** Where the baseline came from. */
  source: 'report' | 'image' | 'cache'
  /** Path, image reference or cache key. */
  ref: string
  /** One line for the comment: how the baseline was obtained. */
  description: string
}

export interface SizeDelta {
  baseline: BaselineInfo
  baseBytes: number
  bytes: number
  percent: number | null
  baseCompressedBytes: number
  compressedBytes: number
  compressedPercent: number | null
  layers: LayerDelta[]
  /** Directories and packages that changed (when both sides have a contents summary). */
  contents?: ContentsDelta
  /** Why there is no contents delta (an older baseline report without contents, ...). */
  contentsNote?: string
}

export function sizeReport(image: string, layers: SizeLayer[], compressedFrom: CompressedSource): SizeReport {
  return {
    image,
    // keep only the model's fields, whatever richer layer objects were passed
    layers: layers.map(({ index, digest, bytes, compressedBytes, instruction, line, fromBase, wastedBytes }) => ({
      index,
      digest,
      bytes,
      compressedBytes,
      instruction,
      line,
      fromBase,
      wastedBytes
    })),
    bytes: layers.reduce((a, l) => a + l.bytes, 0),
    compressedBytes: layers.reduce((a, l) => a + l.compressedBytes, 0),
    compressedFrom,
    layerCount: layers.length,
    wastedBytes: layers.reduce((a, l) => a + l.wastedBytes, 0)
  }
}

/**
 * The instruction as a stable key: BuildKit's `RUN /bin/sh -c ... # buildkit`, the classic
 * builder's `/bin/sh -c #(nop) COPY file:abc in /`, and `|2 A=1 B=2 ` build-arg prefixes are
 * reduced to the instruction as written. Content hashes are dropped so a changed COPY matches.
 */
export function instructionKey(createdBy: string): string {
  let s = createdBy.trim()
  s = s.replace(/\s+# buildkit$/, '')
  s = s.replace(/^\|\d+(\s+\S+=\S*)*\s+/, '')
  // BuildKit writes build args after the keyword: `RUN |1 VARIANT=pr /bin/sh -c ...`.
  s = s.replace(/^RUN \|\d+(\s+\S+=\S*)*\s+/, 'RUN ')
  s = s.replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
  s = s.replace(/^\/bin\/sh -c\s+/, 'RUN ')
  s = s.replace(/\b(file|dir|multi):[0-9a-f]{64}\b/g, '<content>')
  s = s.replace(/sha256:[0-9a-f]{64}/g, '<digest>')
  return s.replace(/\s+/g, ' ')
}

/** The size report of measured layers; how the compressed sizes were obtained comes with them. */
export function sizeReportOf(image: string, layers: (SizeLayer & { compressedFrom: CompressedSource })[]): SizeReport {
  return sizeReport(image, layers, layers[0]?.compressedFrom ?? 'blob')
}

/** Match key of a layer: its instruction; a layer whose history says nothing matches by position. */
function layerKey(l: SizeLayer): string {
  const k = instructionKey(l.instruction)
  return k ? k : `#${l.index}`
}

function percent(now: number, base: number): number | null {
  return base === 0 ? null : ((now - base) / base) * 100
}

/** Delta of `current` against `base`, layers matched by instruction (in order for repeats). */
export function sizeDelta(current: SizeReport, base: SizeReport, baseline: BaselineInfo): SizeDelta {
  const pool = new Map<string, SizeLayer[]>()
  for (const l of base.layers) {
    const k = layerKey(l)
    pool.set(k, [...(pool.get(k) ?? []), l])
  }
  const layers: LayerDelta[] = []
  for (const l of current.layers) {
    const k = layerKey(l)
    const match = pool.get(k)?.shift()
    const baseBytes = match?.bytes ?? 0
    layers.push({
      instruction: l.instruction,
      line: l.line,
      bytes: l.bytes,
      baseBytes,
      delta: l.bytes - baseBytes,
      status: !match ? 'added' : l.bytes === baseBytes ? 'same' : 'changed'
    })
  }
  for (const rest of pool.values()) {
    for (const l of rest) {
      layers.push({ instruction: l.instruction, line: undefined, bytes: 0, baseBytes: l.bytes, delta: -l.bytes, status: 'removed' })
    }
  }
  return {
    baseline,
    baseBytes: base.bytes,
    bytes: current.bytes,
    percent: percent(current.bytes, base.bytes),
    baseCompressedBytes: base.compressedBytes,
    compressedBytes: current.compressedBytes,
    compressedPercent: percent(current.compressedBytes, base.compressedBytes),
    layers
  }
}

/** One report's size, for the trend. */
export interface TrendPoint {
  /** Short commit sha, or `PR` for this pull request's run. */
  label: string
  createdAt: string
  bytes: number
  compressedBytes: number
}

/** The size baseline a run compares with, wherever it came from. */
export interface Baseline {
  /** The baseline's size (its largest platform when it has several). */
  report?: SizeReport
  /** The platform `report` is of, when the baseline says. */
  platform?: string
  /** Every platform's size (and contents, from reports that carry them), when the baseline report has them. */
  platforms?: { platform: string; size: SizeReport; contents?: ImageContents }[]
  /** The contents summary of `report`'s platform: files and packages (absent from older reports). */
  contents?: ImageContents
  /** The base branch's size history the baseline report carries (absent from older reports). */
  trend?: TrendPoint[]
  info?: BaselineInfo
  /** Plain words when there is no baseline (not an error). */
  note?: string
  /** A problem worth a warning (the store failed); the run goes on without a baseline. */
  warning?: string
}
