/**
 * The image summary shared by the audit and the size report: id, user, platform, sizes, and per
 * layer its digest, sizes, file count, the instruction that made it and its Dockerfile line.
 */
import type { FilesystemView } from './filesystem.js'
import type { LayerOrigin } from './history.js'
import type { CompressedFrom, ImageFacts } from './types.js'

export interface LayerSummary {
  index: number
  /** The diff id: sha256 of the uncompressed layer tar. */
  digest: string
  /** Uncompressed size of the layer tar. */
  bytes: number
  /** Sum of the sizes of the regular files the layer holds. */
  fileBytes: number
  /**
   * Compressed size: exact (`blob`: the size of the gzip blob docker save wrote, as a registry
   * stores it) or estimated (`gzip-estimate`: a gzip of the uncompressed tar made while streaming).
   */
  compressedBytes: number
  compressedFrom: CompressedFrom
  /** Entries in the layer tar (whiteouts excluded). */
  files: number
  /** The history `created_by` of the layer (secret values redacted). */
  instruction: string
  /** Dockerfile line that made the layer; the root stage's FROM line for base-image layers. */
  line: number
  fromBase: boolean
  /** File bytes of this layer overwritten or deleted by a later layer. */
  wastedBytes: number
}

export interface ImageSummary {
  id: string
  /** The configured user ('' when none: root). */
  user: string
  os: string
  architecture: string
  variant?: string
  /** Sum of the layers' uncompressed tar sizes. */
  totalBytes: number
  /** Sum of the layers' compressed sizes. */
  compressedBytes: number
  /** Bytes wasted across the layers (overwritten or deleted by a later layer). */
  wastedBytes: number
  layers: LayerSummary[]
}

/** Build the summary. Pure. */
export function summarise(facts: ImageFacts, origins: LayerOrigin[], fs: FilesystemView): ImageSummary {
  const layers = facts.layers.map((l): LayerSummary => ({
    index: l.index,
    digest: l.digest,
    bytes: l.facts.tarBytes,
    fileBytes: l.facts.files.reduce((n, f) => n + f.size, 0),
    compressedBytes: l.facts.compressedBytes,
    compressedFrom: l.facts.compressedFrom,
    files: l.facts.files.length,
    instruction: origins[l.index]?.instruction ?? '',
    line: origins[l.index]?.line ?? 1,
    fromBase: origins[l.index]?.fromBase ?? true,
    wastedBytes: fs.wastedBytes[l.index] ?? 0
  }))
  const sum = (k: 'bytes' | 'compressedBytes' | 'wastedBytes') => layers.reduce((n, l) => n + l[k], 0)
  return {
    id: facts.id,
    user: facts.config.user,
    os: facts.config.os,
    architecture: facts.config.architecture,
    variant: facts.config.variant,
    totalBytes: sum('bytes'),
    compressedBytes: sum('compressedBytes'),
    wastedBytes: sum('wastedBytes'),
    layers
  }
}
