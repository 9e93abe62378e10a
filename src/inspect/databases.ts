/**
 * Parsers for the few files whose content the rules need: /etc/passwd and the package databases
 * (dpkg `status`, distroless `status.d/*`, apk `installed`). Pure: text in, data out.
 */
import type { InstalledPackage, PackageManifest, PasswdEntry } from './types.js'

/** Files whose bodies the layer scan keeps (capped), by path without leading slash. */
export function isDatabasePath(path: string): boolean {
  return path === 'etc/passwd' || path === 'var/lib/dpkg/status' || /^var\/lib\/dpkg\/status\.d\/[^/]+$/.test(path) || path === 'lib/apk/db/installed'
}

/** Parse whichever database `path` is; undefined for other paths. */
export function parseDatabase(path: string, text: string): { passwd: PasswdEntry[] } | { packages: InstalledPackage[] } | undefined {
  if (path === 'etc/passwd') return { passwd: parsePasswd(text) }
  if (path === 'lib/apk/db/installed') return { packages: parseApkInstalled(text) }
  if (path.startsWith('var/lib/dpkg/status')) {
    // status.d files are `<pkg>` or `<pkg>.md5sums`; only the stanza files are databases.
    if (path.endsWith('.md5sums')) return { packages: [] }
    return { packages: parseDpkgStatus(text) }
  }
  return undefined
}

/** `name:x:uid:gid:gecos:home:shell` lines; malformed lines are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = []
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const f = line.split(':')
    if (f.length < 4 || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3])) continue
    out.push({ name: f[0], uid: Number(f[2]), gid: Number(f[3]), shell: (f[6] ?? '').trim() })
  }
  return out
}

/**
 * dpkg's package states whose files are not on disk: every other state (installed, but also unpacked,
 * half-installed, half-configured, triggers-awaited, triggers-pending) leaves the files in the image.
 */
const DPKG_ABSENT = new Set(['not-installed', 'config-files'])

/** dpkg status stanzas: the packages whose files are in the image (see DPKG_ABSENT). */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = []
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string) => stanza.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'm'))?.[1]?.trim()
    const name = field('Package')
    if (!name) continue
    // `Status: want flag state`; status.d stanzas (distroless) carry none: they list installed packages only.
    const state = field('Status')?.split(/\s+/).at(-1)
    if (state !== undefined && DPKG_ABSENT.has(state)) continue
    const kib = Number(field('Installed-Size') ?? '0')
    const pkg: InstalledPackage = { name, version: field('Version') ?? '', manager: 'dpkg', installedBytes: Number.isFinite(kib) ? kib * 1024 : 0 }
    const depends = dependencyNames([field('Pre-Depends'), field('Depends')])
    if (depends.length) pkg.depends = depends
    out.push(pkg)
  }
  return out
}

/** apk `installed` database: `P:` name, `V:` version, `I:` installed bytes, blank line between. */
export function parseApkInstalled(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = []
  for (const block of text.split(/\n\s*\n/)) {
    let name = ''
    let version = ''
    let size = 0
    let depends: string[] = []
    let provides: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('P:')) name = line.slice(2).trim()
      else if (line.startsWith('V:')) version = line.slice(2).trim()
      else if (line.startsWith('I:')) size = Number(line.slice(2).trim()) || 0
      else if (line.startsWith('D:')) depends = apkNames(line.slice(2))
      else if (line.startsWith('p:')) provides = apkNames(line.slice(2))
    }
    if (!name) continue
    const pkg: InstalledPackage = { name, version, manager: 'apk', installedBytes: size }
    if (depends.length) pkg.depends = depends
    if (provides.length) pkg.provides = provides
    out.push(pkg)
  }
  return out
}

/** `libc6 (>= 2.34), libx | liby:any` → every package name, alternatives included, versions and arch dropped. */
export function dependencyNames(fields: (string | undefined)[]): string[] {
  const names = new Set<string>()
  for (const f of fields) {
    for (const alt of (f ?? '').split(/[,|]/)) {
      const name = alt.trim().split(/[\s(:[]/)[0]
      if (name) names.add(name)
    }
  }
  return [...names]
}

/** apk `D:`/`p:` lists: `so:libc.musl-x86_64.so.1 cmd:sh=1.36 !conflict` → names without versions or conflicts. */
function apkNames(list: string): string[] {
  return list
    .split(/\s+/)
    .filter(w => w && !w.startsWith('!'))
    .map(w => w.split(/[=<>~]/)[0])
}

/** Language package manifests whose bodies the layer scan keeps (npm package roots, Python distributions). */
export function isManifestPath(path: string): PackageManifest['manager'] | undefined {
  if (/(^|\/)node_modules\/(@[^/]+\/)?[^/@.][^/]*\/package\.json$/.test(path)) return 'npm'
  if (/\.dist-info\/METADATA$|\.egg-info\/PKG-INFO$/.test(path)) return 'python'
  return undefined
}

/** Name and version of a manifest; undefined when it names no package. `text` may be a capped prefix. */
export function parseManifest(path: string, manager: PackageManifest['manager'], text: string): PackageManifest | undefined {
  let name = ''
  let version = ''
  let depends: string[] = []
  if (manager === 'npm') {
    try {
      const doc = JSON.parse(text) as { name?: unknown; version?: unknown; dependencies?: unknown }
      name = typeof doc.name === 'string' ? doc.name : ''
      version = typeof doc.version === 'string' ? doc.version : ''
      if (doc.dependencies && typeof doc.dependencies === 'object') depends = Object.keys(doc.dependencies)
    } catch {
      // A body cut at the read cap is not JSON: its first name/version keys are the package's.
      name = text.match(/"name"\s*:\s*"([^"]*)"/)?.[1] ?? ''
      version = text.match(/"version"\s*:\s*"([^"]*)"/)?.[1] ?? ''
    }
  } else {
    // Core metadata: RFC 822 headers up to the first blank line.
    const head = text.split(/\r?\n\r?\n/)[0]
    name = head.match(/^Name:[ \t]*(.+)$/m)?.[1]?.trim() ?? ''
    version = head.match(/^Version:[ \t]*(.+)$/m)?.[1]?.trim() ?? ''
    for (const m of head.matchAll(/^Requires-Dist:[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)(.*)$/gm)) if (!/\bextra\s*==/.test(m[2])) depends.push(m[1])
  }
  if (!name) return undefined
  const out: PackageManifest = { path, manager, name, version }
  if (depends.length) out.depends = depends
  return out
}
