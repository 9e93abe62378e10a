/** Layer facts for unit tests: an empty layer read from its blob, with `over` on top. */
import type { LayerFacts, LayerFile } from '../../src/inspect/types.js'

export function layerFacts(over: Partial<LayerFacts> = {}): LayerFacts {
  return { tarBytes: 0, compressedBytes: 0, compressedFrom: 'blob', files: [], whiteouts: [], opaqueDirs: [], secretHits: [], ...over }
}

/** A regular file owned by root, mode 644. */
export function regularFile(path: string, size = 1): LayerFile {
  return { path, type: 'file', size, mode: 0o644, uid: 0, gid: 0 }
}
