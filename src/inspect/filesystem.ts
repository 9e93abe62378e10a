/**
 * The image's final filesystem, from its layers applied in order (overlay semantics: `.wh.` whiteouts
 * and opaque directories hide lower layers), and the bytes each layer wastes: file bytes that a
 * later layer overwrites or deletes (they still ship in the image, though nobody can see them).
 */
import type { LayerFacts, LayerFile } from './types.js'

/** A path of the final filesystem and the layer that put it there. */
export interface FinalFile extends LayerFile {
  layer: number
}

export interface FilesystemView {
  /** Final filesystem by path (no leading slash). */
  files: Map<string, FinalFile>
  /** Per layer: bytes of its regular files overwritten or deleted by later layers. */
  wastedBytes: number[]
}

/** A file a later layer hid: it still ships in the image (in `layer`), nobody can see it. */
export interface WastedFile {
  path: string
  bytes: number
  /** The layer that wrote it. */
  layer: number
  /** The layer that overwrote or deleted it. */
  hiddenBy: number
  how: 'overwritten' | 'deleted'
}

type Layers = Pick<LayerFacts, 'files' | 'whiteouts' | 'opaqueDirs'>[]

/** Apply `layers` bottom first. Pure. `onHide` sees every regular file a later layer hides. */
export function mergeLayers(layers: Layers, onHide?: (w: WastedFile) => void): FilesystemView {
  const files = new Map<string, FinalFile>()
  const wastedBytes = layers.map(() => 0)
  let current = 0
  const drop = (path: string, how: WastedFile['how']) => {
    const f = files.get(path)
    if (!f) return
    wastedBytes[f.layer] += f.size
    if (onHide && f.type === 'file' && f.size > 0) onHide({ path, bytes: f.size, layer: f.layer, hiddenBy: current, how })
    files.delete(path)
  }
  // Directory index: each path under its parent (implicit parents included), so hiding a
  // directory visits its subtree only: O(n) over all layers instead of O(files × whiteouts).
  const children = new Map<string, Set<string>>()
  const index = (path: string) => {
    for (let child = path; child; ) {
      const slash = child.lastIndexOf('/')
      const parent = slash < 0 ? '' : child.slice(0, slash)
      let set = children.get(parent)
      if (!set) children.set(parent, (set = new Set()))
      if (set.has(child)) break
      set.add(child)
      child = parent
    }
  }
  const dropUnder = (dir: string) => {
    const stack = [...(children.get(dir) ?? [])]
    children.delete(dir)
    for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
      drop(path, 'deleted')
      const below = children.get(path)
      if (below) {
        for (const c of below) stack.push(c)
        children.delete(path)
      }
    }
  }
  const indexPath = index
  layers.forEach((layer, index) => {
    current = index
    for (const dir of layer.opaqueDirs) dropUnder(dir)
    for (const path of layer.whiteouts) {
      drop(path, 'deleted')
      dropUnder(path)
    }
    for (const file of layer.files) {
      const old = files.get(file.path)
      if (old) {
        if (old.type === 'dir' && file.type !== 'dir') dropUnder(file.path)
        drop(file.path, 'overwritten')
      }
      files.set(file.path, { ...file, layer: index })
      indexPath(file.path)
    }
  })
  return { files, wastedBytes }
}

/**
 * The `limit` largest files that later layers overwrite or delete, largest first (ties by path).
 * Pure; shared by the report (wasted-files list) and the audit (wasted-space finding).
 */
export function wastedFiles(layers: Layers, limit = 100): WastedFile[] {
  const all: WastedFile[] = []
  mergeLayers(layers, w => all.push(w))
  return all.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)).slice(0, limit)
}
