/**
 * Packages of the final filesystem, for the contents summary: the dpkg/apk databases and the
 * npm/Python manifests it holds, and the package root directory a path belongs to. Pure.
 */
import type { FilesystemView } from './filesystem.js'
import type { ImageFacts, InstalledPackage, PackageManifest } from './types.js'

/** What a directory entry stands for. */
export type DirKind = 'npm' | 'python' | 'vendor'

export type PackageManager = InstalledPackage['manager'] | 'npm' | 'python'

export interface PackageEntry {
  manager: PackageManager
  name: string
  version: string
  /** Installed bytes: the database's figure (dpkg, apk) or the bytes under the package's directory. */
  bytes: number
  /** Names of the packages it depends on (every manager); kept in memory, not saved in the report. */
  depends?: string[]
  provides?: string[]
}

const PY_DIRS = new Set(['site-packages', 'dist-packages'])

/** PEP 503-style name: `PyYAML` and `pyyaml`, `typing_extensions` and `typing-extensions` match. */
export function pythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_')
}

/**
 * The package root a path lies under, when it does: the outermost `node_modules/<pkg>` or
 * `node_modules/@scope/<pkg>`; a Python distribution under site-packages/dist-packages (its module
 * directory, `<name>-<version>.dist-info`, `<name>.libs`, `<name>.py` all map to the normalised
 * name); a vendored library (`vendor/<lib>`, or `vendor/<host>/<org>/<repo>` for Go modules).
 */
export function packageRoot(path: string): { dir: string; kind: DirKind } | undefined {
  const parts = path.split('/')
  for (let i = 0; i < parts.length - 1; i++) {
    const seg = parts[i]
    if (seg === 'node_modules') {
      const name = parts[i + 1]
      if (name.startsWith('.')) continue // node_modules/.bin, .package-lock.json; .pnpm/<pkg>/node_modules/<pkg> is found further down
      const end = i + (name.startsWith('@') ? 3 : 2)
      if (end >= parts.length) return undefined // a file directly in node_modules (or @scope)
      return { dir: parts.slice(0, end).join('/'), kind: 'npm' }
    }
    if (PY_DIRS.has(seg)) {
      const entry = parts[i + 1]
      if (entry === '__pycache__' || entry.startsWith('.')) return undefined
      const name = entry
        .replace(/\.(py|pth)$/, '')
        .replace(/\.libs$/, '')
        .replace(/-\d[^/]*\.(dist-info|egg-info)$/, '')
        .replace(/\.(dist-info|egg-info)$/, '')
      return { dir: [...parts.slice(0, i + 1), pythonName(name)].join('/'), kind: 'python' }
    }
    if (seg === 'vendor' && i + 1 < parts.length - 1) {
      const goModule = parts[i + 1].includes('.') && i + 3 < parts.length
      return { dir: parts.slice(0, i + (goModule ? 4 : 2)).join('/'), kind: 'vendor' }
    }
  }
  return undefined
}

/**
 * Packages of the final filesystem: the dpkg/apk databases present in it, and every npm/Python
 * manifest present in it. npm/Python sizes are the bytes under the package's root directory.
 */
export function finalPackageList(facts: Pick<ImageFacts, 'layers'>, fs: FilesystemView, bytesOf: Map<string, number>): PackageEntry[] {
  const out = new Map<string, PackageEntry>()
  // Per layer, its databases and manifests by path: one lookup per final file.
  const byPath = facts.layers.map(l => {
    const m = new Map<string, { db?: InstalledPackage[]; manifest?: PackageManifest }>()
    for (const db of l.facts.packages ?? []) m.set(db.source, { db: db.packages })
    for (const x of l.facts.manifests ?? []) m.set(x.path, { ...m.get(x.path), manifest: x })
    return m
  })
  const shallowest = new Map<string, number>()
  for (const [path, file] of fs.files) {
    if (file.type !== 'file') continue
    const found = byPath[file.layer]?.get(path)
    if (!found) continue
    for (const p of found.db ?? []) {
      const e: PackageEntry = { manager: p.manager, name: p.name, version: p.version, bytes: p.installedBytes }
      if (p.depends) e.depends = p.depends
      if (p.provides) e.provides = p.provides
      out.set(`${p.manager}:${p.name}`, e)
    }
    const m = found.manifest
    if (!m) continue
    const root = packageRoot(path)
    // A nested npm package's bytes are already its outer package's.
    const own = root && (m.manager === 'python' || root.dir === path.slice(0, path.lastIndexOf('/')))
    const bytes = own ? (bytesOf.get(root.dir) ?? 0) : 0
    const key = `${m.manager}:${m.manager === 'python' ? pythonName(m.name) : m.name}`
    const seen = out.get(key)
    // Several copies of one npm package (nested node_modules): the shallowest names the version, bytes add up.
    const depth = path.split('/').length
    if (seen) {
      seen.bytes += bytes
      if (depth < (shallowest.get(key) ?? Infinity)) {
        seen.version = m.version
        shallowest.set(key, depth)
      }
      continue
    }
    shallowest.set(key, depth)
    const e: PackageEntry = { manager: m.manager, name: m.name, version: m.version, bytes }
    if (m.depends) e.depends = m.depends
    out.set(key, e)
  }
  return [...out.values()]
}
