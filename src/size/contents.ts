/**
 * A compact, bounded summary of what an image holds, made to be saved in the report and compared
 * with a later image's (src/size/contents-delta.ts): directory aggregates (never every file), the
 * installed packages (dpkg, apk, npm, Python), and the image's composition. Pure.
 *
 * Bounds (a 2 GB image with 200k files gives well under 1 MB of JSON):
 * - at most MAX_DIRS directories: the largest by bytes under them; a smaller one is folded into
 *   its nearest listed parent, which is then marked `folded` (it has unlisted subdirectories);
 * - everything under a package root (a node_modules package, a Python distribution, a vendored
 *   library) is one entry: the package is the unit a reviewer reasons about;
 * - at most MAX_PACKAGES packages, the largest kept.
 */
import type { FilesystemView, WastedFile } from '../inspect/filesystem.js'
import { finalPackageList, packageRoot, type DirKind, type PackageEntry } from '../inspect/packages.js'
import type { ImageFacts } from '../inspect/types.js'

export const MAX_DIRS = 4000
export const MAX_PACKAGES = 4000

/** A directory of the final filesystem, with everything under it. */
export interface DirEntry {
  /** Path without leading slash ('' is the root). Python distributions use their normalised name. */
  path: string
  /** Bytes of the regular files under it (subdirectories included). */
  bytes: number
  files: number
  /** Dockerfile line of the layer that last wrote the largest file under it. */
  line?: number
  /** A package root: everything under it is this one entry. */
  kind?: DirKind
  /** Some subdirectories are not listed (folded in to keep the summary bounded). */
  folded?: boolean
}

/** Bytes of the final filesystem by where they came from. */
export interface Composition {
  /** Files written by the base image's layers. */
  base: number
  /** System paths (usr, lib, bin, etc, var, ...) written by this Dockerfile: OS packages and the like. */
  os: number
  /** node_modules packages, Python distributions, vendored libraries written by this Dockerfile. */
  language: number
  /** Everything else written by this Dockerfile: the application. */
  app: number
  /** false: measured without a Dockerfile, so base-image bytes count as the other kinds. */
  baseKnown?: false
}

export interface ImageContents {
  /** Regular files of the final filesystem and their bytes. */
  files: number
  bytes: number
  dirs: DirEntry[]
  packages: PackageEntry[]
  composition: Composition
  /** How many entries the bounds left out. */
  omitted?: { dirs: number; packages: number }
}

const SYSTEM_ROOTS = new Set(['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32', 'usr', 'etc', 'var', 'boot', 'opt'])
const parentOf = (p: string) => (p === '' ? undefined : p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')

interface Node {
  path: string
  bytes: number
  files: number
  kind?: DirKind
  folded?: boolean
  /** Largest file under it: bytes and layer; and the largest written by the Dockerfile (not the base image). */
  top: { bytes: number; layer: number }
  own: { bytes: number; layer: number }
}

/**
 * Directory aggregates of a filesystem (bounded to `maxDirs`), each with the Dockerfile line of
 * its largest file written by the Dockerfile (by the base image when the Dockerfile wrote none). Pure.
 */
export function directorySummary(
  fs: FilesystemView,
  layers: LayerLines,
  maxDirs = MAX_DIRS
): { dirs: DirEntry[]; omitted: number; packageBytes: Map<string, number> } {
  const nodes = new Map<string, Node>()
  const node = (path: string): Node => {
    let n = nodes.get(path)
    if (!n) {
      n = { path, bytes: 0, files: 0, top: { bytes: -1, layer: -1 }, own: { bytes: -1, layer: -1 } }
      nodes.set(path, n)
      const parent = parentOf(path)
      if (parent !== undefined) node(parent)
    }
    return n
  }
  node('')
  // Files add to their own directory (or package root) first; subtree totals are summed below.
  for (const [path, f] of fs.files) {
    if (f.type !== 'file') continue
    const root = packageRoot(path)
    const n = node(root ? root.dir : (parentOf(path) ?? ''))
    if (root) n.kind = root.kind
    n.bytes += f.size
    n.files++
    if (f.size > n.top.bytes) n.top = { bytes: f.size, layer: f.layer }
    if (f.size > n.own.bytes && layers[f.layer] && !layers[f.layer].fromBase) n.own = { bytes: f.size, layer: f.layer }
  }
  const deepestFirst = [...nodes.values()].sort((a, b) => depth(b.path) - depth(a.path))
  for (const n of deepestFirst) {
    const parent = parentOf(n.path)
    if (parent === undefined) continue
    const p = nodes.get(parent)!
    p.bytes += n.bytes
    p.files += n.files
    if (n.top.bytes > p.top.bytes) p.top = n.top
    if (n.own.bytes > p.own.bytes) p.own = n.own
  }
  // Top-level directories first (a change anywhere is placed at least that far), then largest
  // first; a parent is never smaller than its child and sorts before it on a tie, so the kept set
  // is closed under parents.
  const shallow = (n: Node) => (depth(n.path) <= 1 ? 0 : 1)
  const ranked = [...nodes.values()].sort(
    (a, b) => shallow(a) - shallow(b) || b.bytes - a.bytes || depth(a.path) - depth(b.path) || a.path.localeCompare(b.path)
  )
  const kept = ranked.slice(0, maxDirs)
  const keptSet = new Set(kept.map(n => n.path))
  for (const n of ranked.slice(maxDirs)) {
    let up = parentOf(n.path)
    while (up !== undefined && !keptSet.has(up)) up = parentOf(up)
    if (up !== undefined) nodes.get(up)!.folded = true
  }
  const dirs = kept
    .sort((a, b) => a.path.localeCompare(b.path))
    .map(n => {
      const e: DirEntry = { path: n.path, bytes: n.bytes, files: n.files }
      // The line of the Dockerfile's own largest file under it; the base image's when it wrote nothing there.
      const by = n.own.layer >= 0 ? n.own : n.top
      const line = by.layer >= 0 ? layers[by.layer]?.line : undefined
      if (line) e.line = line
      if (n.kind) e.kind = n.kind
      if (n.folded) e.folded = true
      return e
    })
  // Every package root's bytes, listed or not (a package's size must not depend on the bound).
  const packageBytes = new Map([...nodes.values()].filter(n => n.kind).map(n => [n.path, n.bytes]))
  return { dirs, omitted: Math.max(0, ranked.length - maxDirs), packageBytes }
}

function depth(p: string): number {
  if (p === '') return 0
  let d = 1
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 47) d++
  return d
}

/** Per layer: its Dockerfile line and whether it comes from the base image. */
export type LayerLines = { line?: number; fromBase: boolean }[]

/** Where the final filesystem's bytes came from (see Composition). */
export function composition(fs: FilesystemView, fromBase: (layer: number) => boolean): Composition {
  const c: Composition = { base: 0, os: 0, language: 0, app: 0 }
  for (const [path, f] of fs.files) {
    if (f.type !== 'file') continue
    if (fromBase(f.layer)) c.base += f.size
    else if (packageRoot(path)) c.language += f.size
    else if (SYSTEM_ROOTS.has(path.split('/')[0])) c.os += f.size
    else c.app += f.size
  }
  return c
}

/**
 * The contents summary of an image. `layers` gives each layer's Dockerfile line and whether it
 * comes from the base image.
 */
export function imageContents(
  facts: Pick<ImageFacts, 'layers'>,
  fs: FilesystemView,
  layers: { line?: number; fromBase: boolean }[],
  bounds = { dirs: MAX_DIRS, packages: MAX_PACKAGES }
): ImageContents {
  const { dirs, omitted, packageBytes } = directorySummary(fs, layers, bounds.dirs)
  const all = finalPackageList(facts, fs, packageBytes)
  const packages = [...all]
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
    .slice(0, bounds.packages)
    .sort((a, b) => a.manager.localeCompare(b.manager) || a.name.localeCompare(b.name))
  const root = dirs.find(d => d.path === '')
  const out: ImageContents = {
    files: root?.files ?? 0,
    bytes: root?.bytes ?? 0,
    dirs,
    packages,
    composition: composition(fs, i => layers[i]?.fromBase ?? true)
  }
  if (omitted || all.length > packages.length) out.omitted = { dirs: omitted, packages: all.length - packages.length }
  return out
}

/** The contents as saved in the report: dependency lists dropped (only the current image needs them). */
export function compactContents(c: ImageContents): ImageContents {
  return { ...c, packages: c.packages.map(({ depends: _d, provides: _p, ...rest }) => rest) }
}

/** A wasted file with the Dockerfile lines that wrote it and that hid it. */
export interface WastedEntry {
  /** Path (leading slash). */
  path: string
  bytes: number
  how: 'overwritten' | 'deleted'
  layer: number
  line?: number
  hiddenBy: number
  hiddenByLine?: number
}

/** Attach Dockerfile lines to wasted files. */
export function wastedEntries(files: WastedFile[], layers: { line?: number }[]): WastedEntry[] {
  return files.map(w => {
    const e: WastedEntry = { path: `/${w.path}`, bytes: w.size, how: w.how, layer: w.layer, hiddenBy: w.removedBy }
    if (layers[w.layer]?.line) e.line = layers[w.layer].line
    if (layers[w.removedBy]?.line) e.hiddenByLine = layers[w.removedBy].line
    return e
  })
}
