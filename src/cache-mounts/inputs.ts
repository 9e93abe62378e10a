/**
 * The cache-mount inputs, parsed and validated without the engine: `cache-mounts` (which
 * `RUN --mount=type=cache` to persist) and `cache-key-files` (what keys their store entries).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { errorMessage, InputError } from '../errors.js'
import { globParts, globToRegExp } from '../glob.js'
import { parseList } from '../inputs/list.js'
import type { CacheMount, DockerfilePlan } from '../plan/dockerfile.js'
import { cacheId } from './keys.js'

/** Lockfile names looked for in the context when cache-key-files is empty (globs, see ../glob.ts). */
export const LOCKFILE_PATTERNS = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'requirements*.txt',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'pdm.lock',
  'go.sum',
  'Cargo.lock',
  'Gemfile.lock',
  'composer.lock',
  'mix.lock',
  'pubspec.lock',
  'packages.lock.json',
  'gradle.lockfile',
  'Package.resolved',
  'conan.lock',
  'vcpkg.json'
]

/** LOCKFILE_PATTERNS at any depth, compiled on first use (not when the module loads). */
let lockfileRes: RegExp[] | undefined

/** Directories never searched for lockfiles: vendored or generated trees. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', 'target', 'dist', 'build', '.venv', 'venv', '__pycache__', '.tox'])
const MAX_DEPTH = 3
const MAX_FILES = 64
/** How deep a cache-key-files glob searches below its literal directory. */
const GLOB_DEPTH = 8

/**
 * The mounts to persist. `auto` (or empty) → every cache mount in the Dockerfile; `false`/`none`
 * → none; otherwise a list (newlines or commas) of cache ids or targets, each of which must name
 * a cache mount of the Dockerfile.
 */
export function parseCacheMounts(value: string, plan: DockerfilePlan): CacheMount[] {
  const v = value.trim()
  if (v === '' || /^(auto|true)$/i.test(v)) return [...plan.cacheMounts]
  if (/^(false|none|off)$/i.test(v)) return []
  const wanted = v
    .split(/\r?\n|,/)
    .map(s => s.trim())
    .filter(s => s && !s.startsWith('#'))
  const picked = new Set<CacheMount>()
  for (const name of wanted) {
    const n = stripSlash(name)
    const found = plan.cacheMounts.filter(m => m.id === name || cacheId(m) === n || stripSlash(m.target) === n)
    if (found.length === 0) {
      const has = plan.cacheMounts.length ? plan.cacheMounts.map(describeMount).join(', ') : 'none'
      throw new InputError('cache-mounts', `no RUN --mount=type=cache with id or target "${name}" in the Dockerfile; it has: ${has}`)
    }
    found.forEach(m => picked.add(m))
  }
  return plan.cacheMounts.filter(m => picked.has(m))
}

/** `/root/.npm (line 5)` or `npm → /root/.npm (line 5)` when the id differs from the target. */
export function describeMount(m: CacheMount): string {
  const id = cacheId(m)
  return id === stripSlash(m.target) ? `${m.target} (line ${m.line})` : `${id} → ${m.target} (line ${m.line})`
}

/**
 * The files whose contents key the store entries, as absolute paths, sorted. Empty `value` →
 * the lockfiles found in `contextDir` (up to three levels deep, vendored trees skipped). Otherwise
 * one path per line, relative to the context, each of which may be a glob in the dialect of
 * ../glob.ts (say `services/` + `*` + `/requirements*.txt`), searched below its literal directory
 * with vendored trees skipped. A line that matches no file is an InputError.
 */
export function cacheKeyFiles(value: string, contextDir: string): string[] {
  // One per line (a brace glob keeps its commas); `#` starts a comment line.
  const items = parseList(value, { ignoreComma: true, quote: false })
  if (items.length === 0) return findFiles(contextDir, (lockfileRes ??= LOCKFILE_PATTERNS.map(p => globToRegExp(`**/${p}`))), MAX_DEPTH)
  const out = new Set<string>()
  for (const item of items) {
    let matches: string[]
    const parts = globParts(item)
    if (parts) {
      let re: RegExp
      try {
        re = globToRegExp(parts.glob)
      } catch (e) {
        throw new InputError('cache-key-files', `"${item}" is not a valid glob (${errorMessage(e)})`)
      }
      matches = findFiles(path.resolve(contextDir, parts.base), [re], parts.glob.includes('**') ? GLOB_DEPTH : parts.glob.split('/').length - 1)
    } else {
      const abs = path.resolve(contextDir, item)
      matches = isFile(abs) ? [abs] : []
    }
    if (matches.length === 0) throw new InputError('cache-key-files', `no file matches "${item}" (relative to the context ${contextDir})`)
    matches.forEach(m => out.add(m))
  }
  return [...out].sort()
}

/**
 * One hash of the key files' paths (relative to `contextDir`) and contents. No files → a fixed
 * value, so entries still have a stable key.
 */
export function hashKeyFiles(files: string[], contextDir: string): string {
  const h = createHash('sha256')
  h.update('stagecraft-key-files-v1\n')
  for (const f of [...files].sort()) {
    const rel = path.relative(contextDir, f).split(path.sep).join('/')
    const content = createHash('sha256').update(fs.readFileSync(f)).digest('hex')
    h.update(`${rel}\0${content}\n`)
  }
  return h.digest('hex')
}

/**
 * Files below `root` whose path relative to it matches one of `res`: at most MAX_FILES, at most
 * `depth` directories down, never inside vendored or generated trees or dot-directories.
 */
function findFiles(root: string, res: RegExp[], depth: number): string[] {
  const out: string[] = []
  const walk = (dir: string, level: number) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const e of entries) {
      if (out.length >= MAX_FILES) return
      const p = path.join(dir, e.name)
      const rel = path.relative(root, p).split(path.sep).join('/')
      if (e.isFile() && res.some(r => r.test(rel))) out.push(p)
      else if (e.isDirectory() && level < depth && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, level + 1)
    }
  }
  walk(root, 0)
  return out.sort()
}

function stripSlash(p: string): string {
  // A loop, not /\/+$/: that regex is quadratic on a long run of slashes.
  if (p.length <= 1) return p
  let end = p.length
  while (end > 0 && p[end - 1] === '/') end--
  return p.slice(0, end)
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile()
  } catch {
    return false
  }
}
