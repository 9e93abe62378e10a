/**
 * What changed inside the image against the baseline (pure): the directories that explain the
 * change in bytes, and the packages added, removed, upgraded or downgraded. Both come from the
 * bounded contents summaries (src/size/contents.ts), so a saved baseline report is enough.
 */
import type { Composition, DirEntry, ImageContents } from './contents.js'
import { packageChanges, type PackageChange } from './package-delta.js'
import { type DirKind } from '../inspect/packages.js'

/** At most this many path and package changes are kept (the JSON report; the comment shows fewer). */
export const MAX_CHANGES = 200
/** A directory whose files changed by fewer bytes than this is never an entry of its own. */
const MIN_ENTRY_BYTES = 4096
/** A subdirectory is followed when it holds at least this share of its parent's change ... */
const SHARE = 0.2
/** ... or at least this share of the whole image's change (a big directory's big parts are named). */
const ROOT_SHARE = 0.1

export interface PathChange {
  /** Directory path (leading slash). */
  path: string
  kind?: DirKind
  before: number
  after: number
  delta: number
  status: 'grown' | 'added' | 'removed' | 'shrunk'
  /** Dockerfile line of the layer that last wrote the largest file under it (this image). */
  line?: number
  /** The entry stands for the directory's files outside the subdirectories listed beside it. */
  rest?: boolean
}

export interface ContentsDelta {
  paths: PathChange[]
  packages: PackageChange[]
  /** Bytes of the change the listed paths do not account for (spread thinly, or cut by the bound). */
  unexplained: number
  /** How many changes the bound left out. */
  omitted?: { paths: number; packages: number }
  /** Composition of the baseline and of this image. */
  composition?: { before: Composition; after: Composition }
}

interface Tree {
  byPath: Map<string, DirEntry>
  children: Map<string, string[]>
}

function tree(dirs: DirEntry[]): Tree {
  const byPath = new Map(dirs.map(d => [d.path, d]))
  const children = new Map<string, string[]>()
  for (const d of dirs) {
    if (d.path === '') continue
    const parent = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/')) : ''
    children.set(parent, [...(children.get(parent) ?? []), d.path])
  }
  return { byPath, children }
}

/** Bytes under `path` in `t`: listed, 0 when it provably did not exist, undefined when folded away. */
function bytesIn(t: Tree, path: string): number | undefined {
  const own = t.byPath.get(path)
  if (own) return own.bytes
  let up = path
  while (up !== '') {
    up = up.includes('/') ? up.slice(0, up.lastIndexOf('/')) : ''
    const d = t.byPath.get(up)
    if (d) return d.folded || d.kind ? undefined : 0
  }
  return 0
}

/**
 * The directories that explain the change, walking down from the root:
 * - a directory added or removed as a whole, a package root, or one with no listed subdirectories
 *   is an entry (nothing smaller explains it);
 * - otherwise the walk follows each subdirectory holding at least SHARE of the directory's change,
 *   or ROOT_SHARE of the whole change
 *   (change = the sum of |Δ| of the files' directories under it, so growth and shrinkage in two
 *   places do not cancel); when none does, the change is spread thin and the directory is the entry,
 *   unless its parts mostly cancel out (net change under half the change) or it is the root: then
 *   every subdirectory with a change of MIN_ENTRY_BYTES is followed;
 *   when the followed ones leave SHARE or more unexplained, the directory is an entry for the rest.
 */
export function pathChanges(before: DirEntry[], after: DirEntry[]): { paths: PathChange[]; unexplained: number } {
  const a = tree(before)
  const b = tree(after)
  const churnMemo = new Map<string, number>()
  // A subdirectory listed on one side only, below a folded directory on the other, cannot be
  // compared: its bytes stay in its parent's own change.
  const known = (p: string) => bytesIn(a, p) !== undefined && bytesIn(b, p) !== undefined
  const kids = (p: string) => [...new Set([...(a.children.get(p) ?? []), ...(b.children.get(p) ?? [])])].filter(known)
  const leaf = (p: string) => !!(a.byPath.get(p)?.kind || b.byPath.get(p)?.kind) || kids(p).length === 0
  const churn = (p: string): number => {
    const memo = churnMemo.get(p)
    if (memo !== undefined) return memo
    const x = bytesIn(a, p) ?? 0
    const y = bytesIn(b, p) ?? 0
    let c: number
    if (leaf(p)) c = Math.abs(y - x)
    else {
      const cs = kids(p)
      const direct = y - cs.reduce((n, k) => n + (bytesIn(b, k) ?? 0), 0) - (x - cs.reduce((n, k) => n + (bytesIn(a, k) ?? 0), 0))
      c = Math.abs(direct) + cs.reduce((n, k) => n + churn(k), 0)
    }
    churnMemo.set(p, c)
    return c
  }
  const out: PathChange[] = []
  const emit = (p: string, rest?: { before: number; after: number }) => {
    const x = rest?.before ?? bytesIn(a, p) ?? 0
    const y = rest?.after ?? bytesIn(b, p) ?? 0
    if (x === y) return
    const e: PathChange = {
      path: `/${p}`,
      before: x,
      after: y,
      delta: y - x,
      status: x === 0 ? 'added' : y === 0 ? 'removed' : y > x ? 'grown' : 'shrunk'
    }
    const kind = b.byPath.get(p)?.kind ?? a.byPath.get(p)?.kind
    if (kind) e.kind = kind
    const line = b.byPath.get(p)?.line
    if (line && y > 0) e.line = line
    if (rest) e.rest = true
    out.push(e)
  }
  const walk = (p: string) => {
    const x = bytesIn(a, p) ?? 0
    const y = bytesIn(b, p) ?? 0
    if (churn(p) < MIN_ENTRY_BYTES) return
    if ((x === 0) !== (y === 0) || leaf(p)) return emit(p)
    let cutoff = Math.max(MIN_ENTRY_BYTES, Math.min(SHARE * churn(p), ROOT_SHARE * churn('')))
    let followed = kids(p).filter(k => churn(k) >= cutoff)
    // Spread thin: the directory is the entry when its net change tells the story; when its parts
    // cancel out (300 packages swapped for 300 others of the same size), or it is "/", the parts are named.
    if (followed.length === 0 && p !== '' && 2 * Math.abs(y - x) >= churn(p)) return emit(p)
    if (followed.length === 0) {
      cutoff = MIN_ENTRY_BYTES
      followed = kids(p).filter(k => churn(k) >= cutoff)
    }
    for (const k of followed) walk(k)
    const left = churn(p) - followed.reduce((n, k) => n + churn(k), 0)
    if (left >= cutoff) {
      // The rest: the directory's own files and its changed subdirectories not followed.
      const aside = kids(p).filter(k => followed.includes(k) || bytesIn(a, k) === bytesIn(b, k))
      const sum = (t: Tree) => aside.reduce((n, k) => n + (bytesIn(t, k) ?? 0), 0)
      emit(p, { before: x - sum(a), after: y - sum(b) })
    }
  }
  walk('')
  out.sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta) || p.path.localeCompare(q.path))
  const explained = out.reduce((n, e) => n + Math.abs(e.delta), 0)
  return { paths: out, unexplained: Math.max(0, churn('') - explained) }
}

/** The contents delta, bounded to MAX_CHANGES entries of each kind. */
export function contentsDelta(before: ImageContents, after: ImageContents, max = MAX_CHANGES): ContentsDelta {
  const { paths, unexplained } = pathChanges(before.dirs, after.dirs)
  const packages = packageChanges(before.packages, after.packages)
  const d: ContentsDelta = {
    paths: paths.slice(0, max),
    packages: packages.slice(0, max),
    unexplained: unexplained + paths.slice(max).reduce((n, p) => n + Math.abs(p.delta), 0),
    composition: { before: before.composition, after: after.composition }
  }
  if (paths.length > max || packages.length > max) d.omitted = { paths: Math.max(0, paths.length - max), packages: Math.max(0, packages.length - max) }
  return d
}
