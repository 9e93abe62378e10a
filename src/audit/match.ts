/**
 * Signature matching over the final filesystem and package database, grouped the way findings are
 * reported: one group per signature and Dockerfile line (so gcc copied by one COPY is one finding,
 * and a toolchain inherited from the base is one finding on the FROM line).
 */
import type { FinalFile } from '../inspect/filesystem.js'
import type { AuditContext, PackageFact } from './context.js'
import type { CompiledSignature } from './signatures.js'

export interface SignatureGroup {
  signature: CompiledSignature
  line: number
  /** Matching regular files of the final filesystem, in path order. */
  files: FinalFile[]
  packages: PackageFact[]
  /** Layer of the first file (or package) of the group. */
  layer: number
  /** Directories (no leading slash) whose whole content the group costs: see Signature.dirs. */
  dirs: string[]
  /** Bytes of the final files the group stands for: its files and everything under `dirs`. */
  fileBytes: number
}

/** Match `signatures` (first match wins for each path / package). Pure. */
export function matchSignatures(ctx: AuditContext, signatures: CompiledSignature[], opts: { packages: boolean }): SignatureGroup[] {
  const groups = new Map<string, SignatureGroup>()
  const add = (sig: CompiledSignature, layer: number, item: { file?: FinalFile; pkg?: PackageFact }) => {
    const line = ctx.layers[layer]?.line ?? ctx.chain[0]?.line ?? 1
    const key = `${sig.id}\n${line}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { signature: sig, line, files: [], packages: [], layer, dirs: [], fileBytes: 0 }))
    if (item.file) g.files.push(item.file)
    if (item.pkg) g.packages.push(item.pkg)
  }
  const paths = [...ctx.fs.files.keys()].sort()
  for (const path of paths) {
    const file = ctx.fs.files.get(path)!
    if (file.type !== 'file') continue
    const sig = signatures.find(s => s.match(path))
    if (sig) add(sig, file.layer, { file })
  }
  if (opts.packages) {
    for (const pkg of ctx.packages) {
      const sig = signatures.find(s => s.matchPackage(pkg.name))
      if (sig) add(sig, pkg.layer, { pkg })
    }
  }
  // Best evidence first; the group's layer is its first file's (more precise than the database).
  for (const g of groups.values()) {
    g.files.sort((a, b) => g.signature.rank(a.path) - g.signature.rank(b.path) || a.path.localeCompare(b.path))
    g.layer = g.files[0]?.layer ?? g.packages[0]?.layer ?? g.layer
    g.dirs = enclosingDirs(g)
    g.fileBytes = bytesUnder(ctx, g)
  }
  return [...groups.values()].sort((a, b) => a.line - b.line || a.signature.id.localeCompare(b.signature.id))
}

/** The outermost directories of `g.signature.dirs` that hold one of the group's files. */
function enclosingDirs(g: SignatureGroup): string[] {
  const found = new Set<string>()
  for (const f of g.files) {
    const parts = f.path.split('/')
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      if (g.signature.matchDir(dir)) {
        found.add(dir)
        break
      }
    }
  }
  return [...found].sort()
}

/** Sizes of the group's files plus every other regular file under its directories, each counted once. */
function bytesUnder(ctx: AuditContext, g: SignatureGroup): number {
  let n = 0
  const inDir = (p: string) => g.dirs.some(d => p.startsWith(`${d}/`))
  for (const f of g.files) if (!inDir(f.path)) n += f.size
  if (g.dirs.length === 0) return n
  for (const [path, f] of ctx.fs.files) if (f.type === 'file' && inDir(path)) n += f.size
  return n
}

/**
 * Bytes a group costs: the larger of its packages' installed size (dpkg Installed-Size, apk I:)
 * and its files' bytes, where a file inside a package directory counts the whole directory.
 */
export function groupBytes(g: SignatureGroup): number {
  const pkgs = g.packages.reduce((n, p) => n + p.installedBytes, 0)
  return Math.max(g.fileBytes, pkgs)
}

/** "/usr/bin/gcc-12 and 3 more files" */
export function describeFiles(files: FinalFile[]): string {
  if (files.length === 0) return ''
  const more = files.length - 1
  return `/${files[0].path}${more > 0 ? ` and ${more} more file${more > 1 ? 's' : ''}` : ''}`
}

/** "packages gcc-12 12.2.0-14, cpp-12 12.2.0-14 (dpkg)" */
export function describePackages(pkgs: PackageFact[]): string {
  if (pkgs.length === 0) return ''
  const shown = pkgs.slice(0, 4).map(p => `${p.name}${p.version ? ` ${p.version}` : ''}`)
  const more = pkgs.length > 4 ? ` and ${pkgs.length - 4} more` : ''
  return `package${pkgs.length > 1 ? 's' : ''} ${shown.join(', ')}${more} (${pkgs[0].manager})`
}
