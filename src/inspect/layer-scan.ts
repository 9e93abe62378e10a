/**
 * One pass over a layer tar (uncompressed): the entry list, whiteouts, the databases the rules
 * need, and the build secrets found in file bytes. Bodies are read only for the databases
 * (capped) and, when secrets were given, streamed through the secret search; nothing is kept.
 */
import type { Readable } from 'node:stream'
import { isDatabasePath, isManifestPath, parseDatabase, parseManifest } from './databases.js'
import { ContentSearch, type ContentHit, type ContentLimit } from './content-search.js'
import { findSecrets, type Needle, type SecretMatch } from './secret-search.js'
import { forEachTarEntry, normalisePath, skipBody, type TarBody, type TarHeader } from './tar-entries.js'
import type { LayerFacts, LayerFile, SecretHit } from './types.js'

/** A database larger than this is not read (a dpkg status of thousands of packages is ~3 MB). */
const MAX_DATABASE_BYTES = 32 * 1024 * 1024
/** Only this much of a package manifest is read (name and version come first) ... */
const MAX_MANIFEST_BYTES = 256 * 1024
/** ... and at most this much of all manifests of one layer (a huge node_modules costs no more). */
const MAX_MANIFEST_BYTES_PER_LAYER = 64 * 1024 * 1024
/** Archive limits kept per file (a zip of thousands of encrypted entries says so once, with a count). */
const MAX_LIMITS_PER_FILE = 10

/** What the scan of one layer tar returns; sizes of the tar itself are counted by the caller. */
export type LayerScan = Omit<LayerFacts, 'tarBytes' | 'compressedBytes' | 'compressedFrom'>

/** Scan the uncompressed layer tar streaming from `input`. Rejects when it is not a valid tar. */
/** Time spent in the secret search (milliseconds), added to by every scan given it. */
export interface SearchClock {
  searchMs: number
}

export async function scanLayerTar(input: Readable, needles: Needle[], clock?: SearchClock): Promise<LayerScan> {
  const scan: LayerScan = { files: [], whiteouts: [], opaqueDirs: [], secretHits: [] }
  // Config-only needles (short or low-entropy values) are never searched in layers.
  const searching = needles.some(n => n.scope === 'all')
  let manifestBytes = 0
  await forEachTarEntry(input, async (header, body) => {
    const path = normalisePath(header.name)
    const slash = path.lastIndexOf('/')
    const base = path.slice(slash + 1)
    const dir = slash < 0 ? '' : path.slice(0, slash)
    if (base.startsWith('.wh.')) {
      if (base === '.wh..wh..opq') scan.opaqueDirs.push(dir)
      // A bare `.wh.` names no file: kept as a whiteout of '' it would hide the whole filesystem.
      else if (!base.startsWith('.wh..wh.') && base.length > 4) scan.whiteouts.push(dir ? `${dir}/${base.slice(4)}` : base.slice(4))
      return skipBody(body)
    }
    if (!path) return skipBody(body)
    const file = toLayerFile(path, header)
    scan.files.push(file)
    if (searching) {
      for (const m of findSecrets(needles, path)) scan.secretHits.push(secretHit(m, path, 'path'))
      for (const m of findSecrets(needles, file.link ?? '')) scan.secretHits.push(secretHit(m, path, 'link'))
    }
    if (file.type !== 'file' || file.size === 0) return skipBody(body)
    const manifest = isManifestPath(path)
    if (manifest && manifestBytes < MAX_MANIFEST_BYTES_PER_LAYER) {
      manifestBytes += Math.min(file.size, MAX_MANIFEST_BYTES)
      return readManifest(body, path, file.size, manifest, needles, scan, clock)
    }
    const keep = isDatabasePath(path) && file.size <= MAX_DATABASE_BYTES
    if (!keep && !searching) return skipBody(body)
    await readBody(body, path, file.size, keep, needles, scan, clock)
  })
  return scan
}

/** Run one step of the search, its time added to `clock`. */
async function timed<T>(clock: SearchClock | undefined, step: () => Promise<T> | T): Promise<T> {
  if (!clock) return step()
  const t0 = performance.now()
  try {
    return await step()
  } finally {
    clock.searchMs += performance.now() - t0
  }
}

async function readBody(body: TarBody, path: string, size: number, keep: boolean, needles: Needle[], scan: LayerScan, clock?: SearchClock): Promise<void> {
  const search = needles.some(n => n.scope === 'all') ? ContentSearch.forFile(needles, path, size) : undefined
  const kept: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (search && !search.done()) await timed(clock, () => search.write(chunk))
    if (keep) kept.push(chunk)
  }
  if (search) record(await timed(clock, () => search.end()), path, scan)
  if (!keep) return
  const parsed = parseDatabase(path, Buffer.concat(kept).toString('utf8'))
  if (!parsed) return
  if ('passwd' in parsed) scan.passwd = parsed.passwd
  else (scan.packages ??= []).push({ source: path, packages: parsed.packages })
}

/** Keep the first MAX_MANIFEST_BYTES of a manifest (the rest still goes through the secret search). */
async function readManifest(
  body: TarBody,
  path: string,
  fileSize: number,
  manager: 'npm' | 'python',
  needles: Needle[],
  scan: LayerScan,
  clock?: SearchClock
): Promise<void> {
  const search = needles.some(n => n.scope === 'all') ? ContentSearch.forFile(needles, path, fileSize) : undefined
  const kept: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (search && !search.done()) await timed(clock, () => search.write(chunk))
    if (size < MAX_MANIFEST_BYTES) kept.push(chunk.subarray(0, MAX_MANIFEST_BYTES - size))
    size += chunk.length
  }
  if (search) record(await timed(clock, () => search.end()), path, scan)
  const parsed = parseManifest(path, manager, Buffer.concat(kept).toString('utf8'))
  if (parsed) (scan.manifests ??= []).push(parsed)
}

/** The hits and archive limits of one file's search, into the layer's facts. */
function record(found: { hits: ContentHit[]; limits: ContentLimit[] }, path: string, scan: LayerScan): void {
  for (const h of found.hits) {
    const hit = secretHit(h.match, path, h.where)
    scan.secretHits.push(h.member === undefined ? hit : { ...hit, member: h.member })
  }
  if (found.limits.length === 0) return
  const limits = (scan.archiveLimits ??= [])
  for (const l of found.limits.slice(0, MAX_LIMITS_PER_FILE)) limits.push({ path, ...l })
  const more = found.limits.length - MAX_LIMITS_PER_FILE
  if (more > 0) limits.push({ path, reason: `and ${more} more members not searched` })
}

/** A hit; the encoding only when the value was not written as is (keeps cached facts small). */
function secretHit(m: SecretMatch, path: string, where: SecretHit['where']): SecretHit {
  return m.encoding === 'raw' ? { secretId: m.id, path, where } : { secretId: m.id, path, where, encoding: m.encoding }
}

function toLayerFile(path: string, h: TarHeader): LayerFile {
  const type: LayerFile['type'] =
    h.type === 'file' || h.type === 'contiguous-file'
      ? 'file'
      : h.type === 'directory'
        ? 'dir'
        : h.type === 'symlink'
          ? 'symlink'
          : h.type === 'link'
            ? 'hardlink'
            : 'other'
  const file: LayerFile = {
    path,
    type,
    size: type === 'file' ? (h.size ?? 0) : 0,
    mode: h.mode ?? 0,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0
  }
  if (h.linkname) file.link = type === 'hardlink' ? normalisePath(h.linkname) : h.linkname
  return file
}
