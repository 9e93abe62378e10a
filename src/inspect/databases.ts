/**
 * Parsers for the few files whose content the rules need: /etc/passwd and the package databases
 * (dpkg `status`, distroless `status.d/*`, apk `installed`). Pure: text in, data out.
 */
import type { InstalledPackage, PasswdEntry } from './types.js'

/** Files whose bodies the layer scan keeps (capped), by path without leading slash. */
export function isDatabasePath(path: string): boolean {
  return (
    path === 'etc/passwd' ||
    path === 'var/lib/dpkg/status' ||
    /^var\/lib\/dpkg\/status\.d\/[^/]+$/.test(path) ||
    path === 'lib/apk/db/installed'
  )
}

/** Parse whichever database `path` is; undefined for other paths. */
export function parseDatabase(
  path: string,
  text: string
): { passwd: PasswdEntry[] } | { packages: InstalledPackage[] } | undefined {
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

/** dpkg status stanzas; only packages whose Status says they are installed. */
export function parseDpkgStatus(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = []
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string) => stanza.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'm'))?.[1]?.trim()
    const name = field('Package')
    if (!name) continue
    const status = field('Status')
    // status.d stanzas (distroless) carry no Status field: they list installed packages only.
    if (status !== undefined && !/\binstalled$/.test(status)) continue
    if (status !== undefined && /\bnot-installed$|\bconfig-files$/.test(status)) continue
    const kib = Number(field('Installed-Size') ?? '0')
    out.push({ name, version: field('Version') ?? '', manager: 'dpkg', installedBytes: Number.isFinite(kib) ? kib * 1024 : 0 })
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
    for (const line of block.split('\n')) {
      if (line.startsWith('P:')) name = line.slice(2).trim()
      else if (line.startsWith('V:')) version = line.slice(2).trim()
      else if (line.startsWith('I:')) size = Number(line.slice(2).trim()) || 0
    }
    if (name) out.push({ name, version, manager: 'apk', installedBytes: size })
  }
  return out
}
