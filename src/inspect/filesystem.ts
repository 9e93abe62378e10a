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

/** A file that ships in a layer but is hidden in the final filesystem. */
export interface WastedFile {
  path: string
  size: number
  /** The layer that holds the bytes. */
  layer: number
  /** The later layer that deletes (whiteout, opaque dir) or overwrites it. */
  removedBy: number
  /** How that layer hid it. */
  how: 'overwritten' | 'deleted'
}

export interface FilesystemView {
  /** Final filesystem by path (no leading slash). */
  files: Map<string, FinalFile>
  /** Per layer: bytes of its regular files overwritten or deleted by later layers. */
  wastedBytes: number[]
  /** Every regular file with bytes that a later layer deleted or overwrote. */
  wasted: WastedFile[]
}

/** Apply `layers` bottom first. Pure. */
export function mergeLayers(layers: Pick<LayerFacts, 'files' | 'whiteouts' | 'opaqueDirs'>[]): FilesystemView {
  const files = new Map<string, FinalFile>()
  const wastedBytes = layers.map(() => 0)
  const wasted: WastedFile[] = []
  let current = 0
  const drop = (path: string, how: WastedFile['how'] = 'deleted') => {
    const f = files.get(path)
    if (!f) return
    wastedBytes[f.layer] += f.size
    if (f.type === 'file' && f.size > 0) wasted.push({ path, size: f.size, layer: f.layer, removedBy: current, how })
    files.delete(path)
  }
  // Directory index: each path under its parent (implicit parents included), so hiding a
  // directory visits its subtree only: O(n) over all layers instead of O(files × whiteouts).
  const children = new Map<string, Set<string>>()
  const index = (path: string) => {
    for (let child = path; child;) {
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
      drop(path)
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
      drop(path)
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
  return { files, wastedBytes, wasted }
}

/**
 * The `limit` largest of `wasted`, largest first (ties by path). Pure; the report's wasted-files
 * list and the audit's wasted-space finding read the same list.
 */
export function largestWasted(wasted: WastedFile[], limit = 100): WastedFile[] {
  return [...wasted].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path)).slice(0, limit)
}
