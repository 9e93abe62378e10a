/**
 * What changed inside the image against the baseline (pure): the directories that explain the
 * change in bytes, and the packages added, removed, upgraded or downgraded. Both come from the
 * bounded contents summaries (src/inspect/contents.ts), so a saved baseline report is enough.
 */
import type { Composition, DirEntry, DirKind, ImageContents, PackageEntry, PackageManager } from '../inspect/contents.js'

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

export interface PackageChange {
  manager: PackageManager
  name: string
  before?: string
  after?: string
  status: 'added' | 'removed' | 'upgraded' | 'downgraded'
  /** Installed bytes now (0 when removed) and the change. */
  bytes: number
  delta: number
  /** Added packages installed with this one (its dependencies among the added: see groupAdded). */
  with?: string[]
  withBytes?: number
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

/**
 * Debian-style version order (epoch, upstream, revision; `~` sorts before anything), which also
 * orders semver, PEP 440 releases and apk versions sensibly. <0, 0, >0 like a comparator.
 */
export function compareVersions(x: string, y: string): number {
  const split = (v: string) => {
    const epoch = /^\d+:/.test(v) ? Number(v.slice(0, v.indexOf(':'))) : 0
    const rest = v.replace(/^\d+:/, '')
    const dash = rest.lastIndexOf('-')
    return { epoch, upstream: dash > 0 ? rest.slice(0, dash) : rest, revision: dash > 0 ? rest.slice(dash + 1) : '' }
  }
  const a = split(x)
  const b = split(y)
  return a.epoch - b.epoch || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision)
}

function order(c: string | undefined): number {
  if (c === undefined) return 0
  if (c === '~') return -1
  if (/\d/.test(c)) return 0
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0)
  return c.charCodeAt(0) + 256
}

function verrevcmp(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    let first = 0
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const ac = order(a[i])
      const bc = order(b[j])
      if (ac !== bc) return ac - bc
      i++
      j++
    }
    while (a[i] === '0') i++
    while (b[j] === '0') j++
    while (i < a.length && /\d/.test(a[i]) && j < b.length && /\d/.test(b[j])) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j)
      i++
      j++
    }
    if (i < a.length && /\d/.test(a[i])) return 1
    if (j < b.length && /\d/.test(b[j])) return -1
    if (first) return first
  }
  return 0
}

const pkgKey = (p: Pick<PackageEntry, 'manager' | 'name'>) => `${p.manager}:${p.manager === 'python' ? p.name.toLowerCase().replace(/[-_.]+/g, '_') : p.name}`

/**
 * Group newly installed packages with the dependencies installed with them. The rule: among the
 * packages added, a package that no other added package of its manager depends on is a root; each
 * root takes, largest root first, every added package it reaches through dependencies (dpkg
 * Depends + Pre-Depends, any alternative; apk `D:` resolved through `p:` provides; npm
 * `dependencies`; Python `Requires-Dist` without extras) that no earlier root took. Packages only
 * reachable from each other (a cycle) make their largest member a root. Keys: `manager:name`.
 */
export function groupAdded(added: PackageEntry[]): Map<string, PackageEntry[]> {
  const byName = new Map<string, PackageEntry>()
  for (const p of added) {
    byName.set(pkgKey(p), p)
    for (const alias of p.provides ?? []) if (!byName.has(pkgKey({ manager: p.manager, name: alias }))) byName.set(pkgKey({ manager: p.manager, name: alias }), p)
  }
  const deps = (p: PackageEntry) =>
    [...new Set((p.depends ?? []).map(d => byName.get(pkgKey({ manager: p.manager, name: d })))).values()].filter((d): d is PackageEntry => !!d && d !== p)
  const pulled = new Set<PackageEntry>()
  for (const p of new Set(byName.values())) for (const d of deps(p)) pulled.add(d)
  const bySize = [...new Set(byName.values())].sort((x, y) => y.bytes - x.bytes || x.name.localeCompare(y.name))
  const groups = new Map<string, PackageEntry[]>()
  const taken = new Set<PackageEntry>()
  const take = (root: PackageEntry) => {
    taken.add(root)
    const members: PackageEntry[] = []
    const queue = [root]
    while (queue.length) {
      for (const d of deps(queue.shift()!)) {
        if (taken.has(d)) continue
        taken.add(d)
        members.push(d)
        queue.push(d)
      }
    }
    groups.set(pkgKey(root), members)
  }
  for (const p of bySize) if (!pulled.has(p) && !taken.has(p)) take(p)
  for (const p of bySize) if (!taken.has(p)) take(p)
  return groups
}

/** Packages added, removed, upgraded, downgraded; added ones grouped with their dependencies. */
export function packageChanges(before: PackageEntry[], after: PackageEntry[]): PackageChange[] {
  const old = new Map(before.map(p => [pkgKey(p), p]))
  const now = new Map(after.map(p => [pkgKey(p), p]))
  const added = after.filter(p => !old.has(pkgKey(p)))
  const groups = groupAdded(added)
  const out: PackageChange[] = []
  for (const p of added) {
    const members = groups.get(pkgKey(p))
    if (!members) continue // installed with another added package: on its line
    const c: PackageChange = { manager: p.manager, name: p.name, after: p.version, status: 'added', bytes: p.bytes, delta: p.bytes }
    if (members.length) {
      c.with = members.map(m => m.name)
      c.withBytes = members.reduce((n, m) => n + m.bytes, 0)
    }
    out.push(c)
  }
  for (const p of before) {
    const q = now.get(pkgKey(p))
    if (!q) {
      out.push({ manager: p.manager, name: p.name, before: p.version, status: 'removed', bytes: 0, delta: -p.bytes })
      continue
    }
    const cmp = compareVersions(q.version, p.version)
    if (cmp === 0) continue
    out.push({ manager: p.manager, name: p.name, before: p.version, after: q.version, status: cmp > 0 ? 'upgraded' : 'downgraded', bytes: q.bytes, delta: q.bytes - p.bytes })
  }
  const weight = (c: PackageChange) => Math.abs(c.delta) + (c.withBytes ?? 0)
  return out.sort((x, y) => weight(y) - weight(x) || x.name.localeCompare(y.name))
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
