import { compare as pep440Compare, valid as pep440Valid } from '@renovatebot/pep440'
import semverCompare from 'semver/functions/compare.js'
import semverValid from 'semver/functions/valid.js'
import { type PackageEntry, type PackageManager } from '../inspect/packages.js'
/**
 * The package half of the contents delta (pure): packages added (grouped with the dependencies
 * installed with them), removed, upgraded or downgraded, from dpkg, apk, npm and Python metadata.
 */

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

/**
 * Version order of the package's own ecosystem: semver (npm's own parser, loose, prereleases
 * before their release) for npm, PEP 440 (pre, post and dev releases, epochs, normalised forms)
 * for Python, and dpkg's algorithm for dpkg and apk. A version its ecosystem's parser rejects
 * falls back to dpkg order. <0, 0, >0 like a comparator.
 */
export function compareVersions(x: string, y: string, manager?: PackageManager): number {
  if (manager === 'npm') {
    const a = semverValid(x, { loose: true })
    const b = semverValid(y, { loose: true })
    if (a && b) return semverCompare(a, b)
  } else if (manager === 'python' && pep440Valid(x) && pep440Valid(y)) {
    return pep440Compare(x, y)
  }
  return compareDpkgVersions(x, y)
}

/**
 * Debian's version order (epoch, upstream, revision; `~` sorts before anything), as dpkg and
 * (closely enough for up/down) apk order versions. <0, 0, >0 like a comparator.
 */
export function compareDpkgVersions(x: string, y: string): number {
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
    for (const alias of p.provides ?? [])
      if (!byName.has(pkgKey({ manager: p.manager, name: alias }))) byName.set(pkgKey({ manager: p.manager, name: alias }), p)
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
    const cmp = compareVersions(q.version, p.version, p.manager)
    if (cmp === 0) continue
    out.push({
      manager: p.manager,
      name: p.name,
      before: p.version,
      after: q.version,
      status: cmp > 0 ? 'upgraded' : 'downgraded',
      bytes: q.bytes,
      delta: q.bytes - p.bytes
    })
  }
  const weight = (c: PackageChange) => Math.abs(c.delta) + (c.withBytes ?? 0)
  return out.sort((x, y) => weight(y) - weight(x) || x.name.localeCompare(y.name))
}
