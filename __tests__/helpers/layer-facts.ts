/** Image facts for unit tests. */
import type { ImageConfigFacts, LayerFacts, LayerFile } from '../../src/inspect/types.js'

/** An empty layer read from its blob, with `over` on top. */
export function layerFacts(over: Partial<LayerFacts> = {}): LayerFacts {
  return { tarBytes: 0, compressedBytes: 0, compressedFrom: 'blob', files: [], whiteouts: [], opaqueDirs: [], secretHits: [], ...over }
}

/** A regular file owned by root, mode 644. */
export function regularFile(path: string, size = 1): LayerFile {
  return { path, type: 'file', size, mode: 0o644, uid: 0, gid: 0 }
}

/** An image config of linux/amd64 with nothing set, and `over` on top. */
export function imageConfig(over: Partial<ImageConfigFacts> = {}): ImageConfigFacts {
  return { os: 'linux', architecture: 'amd64', user: '', env: [], labels: {}, entrypoint: [], cmd: [], workingDir: '', history: [], diffIds: [], ...over }
}
