/**
 * Facts read from an image: its config, its history and what each layer holds. Plain JSON-able
 * data, so a layer's facts can be cached by digest and the rules can be tested on hand-made facts.
 */

/** One tar entry of a layer, as the rules need it (never its content). */
export interface LayerFile {
  /** Path without a leading slash, as written in the layer tar (`usr/bin/gcc-12`). */
  path: string
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other'
  /** Content bytes (0 for anything but regular files). */
  size: number
  /** Permission bits including setuid (0o4000) / setgid (0o2000). */
  mode: number
  uid: number
  gid: number
  /** Target of a symlink or hard link. */
  link?: string
}

/** A user from /etc/passwd. */
export interface PasswdEntry {
  name: string
  uid: number
  gid: number
  shell: string
}

/** A package recorded as installed in the image's package database. */
export interface InstalledPackage {
  name: string
  version: string
  manager: 'dpkg' | 'apk'
  /** Installed size in bytes as the package database records it (0 when unknown). */
  installedBytes: number
  /** Names this package depends on (dpkg Depends + Pre-Depends, every alternative; apk `D:` names). */
  depends?: string[]
  /** apk `p:` provides (`so:libc.musl-x86_64.so.1`, `cmd:sh`), to resolve `D:` names. */
  provides?: string[]
}

/** A language package's manifest: npm `node_modules/<pkg>/package.json`, Python `*.dist-info/METADATA`. */
export interface PackageManifest {
  /** Path of the manifest file (no leading slash). */
  path: string
  manager: 'npm' | 'python'
  name: string
  version: string
  /** Names it depends on: npm `dependencies` keys, Python `Requires-Dist` (extras excluded). */
  depends?: string[]
}

/** Where a build secret's value occurred inside a layer. */
export interface SecretHit {
  secretId: string
  /** Path of the file whose bytes (or name / link target) contain the value. */
  path: string
  /**
   * When the file is an archive (tar, gzip, zip) and the value is in one of its members: the
   * member's path inside it (`logs/env.txt`; nested archives joined by `!`: `inner.tgz!env.txt`).
   * `where` then says where in the member (`path`: its name).
   */
  member?: string
  where: 'content' | 'path' | 'link'
  /** How the value was written when not as is: base64, base64url, hex, url (percent-encoded), json (escaped). */
  encoding?: 'base64' | 'base64url' | 'hex' | 'url' | 'json'
}

/** A build secret's value found in the image config (ids only, never values). */
export interface ConfigSecretHit {
  secretId: string
  field: 'env' | 'label' | 'history' | 'config'
  /** Env variable name, label key, history index (as text), or config field name. */
  key: string
  /** How the value was written when not as is (see SecretHit). */
  encoding?: 'base64' | 'base64url' | 'hex' | 'url' | 'json'
  /** For history hits: the build arg whose value it is (`RUN |1 NAME=value …`), when it is one. */
  arg?: string
}

/** How a layer's compressed size was obtained. */
export type CompressedFrom = 'blob' | 'gzip-estimate'

/** Everything one pass over a layer tar learns. Independent of the other layers. */
export interface LayerFacts {
  /** Uncompressed size of the layer tar in bytes. */
  tarBytes: number
  /** Size of the compressed blob (exact) or of a gzip of the tar made while streaming (estimate). */
  compressedBytes: number
  compressedFrom: CompressedFrom
  /** Entries other than whiteouts, in tar order. */
  files: LayerFile[]
  /** Paths this layer deletes from lower layers (`.wh.<name>` entries). */
  whiteouts: string[]
  /** Directories whose lower-layer contents this layer hides (`.wh..wh..opq`). */
  opaqueDirs: string[]
  /** /etc/passwd as written by this layer, when it writes one. */
  passwd?: PasswdEntry[]
  /** The package database as written by this layer (dpkg status, status.d, apk installed). */
  packages?: { source: string; packages: InstalledPackage[] }[]
  /** Language package manifests this layer writes (name and version only). */
  manifests?: PackageManifest[]
  /** Secret values found (ids only, never values); empty when no secret was given. */
  secretHits: SecretHit[]
  /** Archives in this layer's files that the secret search could not fully look inside, and why. */
  archiveLimits?: ArchiveLimit[]
}

/** An archive (or a member of one) the secret search did not fully search: a bound hit, or unreadable. */
export interface ArchiveLimit {
  /** The file in the layer. */
  path: string
  /** The member inside it, when the limit concerns one (nested archives joined by `!`). */
  member?: string
  reason: string
}

/** One entry of the image history (config `history`). */
export interface HistoryItem {
  createdBy: string
  emptyLayer: boolean
  comment?: string
}

/** The parts of the image config the audit reads. */
export interface ImageConfigFacts {
  os: string
  architecture: string
  variant?: string
  user: string
  env: string[]
  labels: Record<string, string>
  /** The HEALTHCHECK test, when the image has one (`["NONE"]` disables an inherited one). */
  healthcheck?: string[]
  entrypoint: string[]
  cmd: string[]
  workingDir: string
  history: HistoryItem[]
  /** rootfs.diff_ids, bottom layer first. */
  diffIds: string[]
}

/** A layer of the image with its facts, in rootfs order (index 0 is the bottom layer). */
export interface ImageLayer {
  index: number
  /** The diff id (sha256 of the uncompressed tar). */
  digest: string
  facts: LayerFacts
}

/** Everything the inspection learnt about an image. */
export interface ImageFacts {
  /** The image id as the engine reports it, or the platform's manifest digest when read from an OCI layout. */
  id: string
  /** `os/architecture[/variant]`, e.g. `linux/arm64`. */
  platform: string
  config: ImageConfigFacts
  layers: ImageLayer[]
  /** Secret values found in the config: env, labels, history, entrypoint/cmd/workdir. */
  configSecretHits: ConfigSecretHit[]
  /** Secret ids that were scanned for (values are never kept). */
  secretIds: string[]
  /** How the facts were obtained, for the report: layers read from the stream vs from the cache. */
  source: ReadSource
}

/** How an image was read: layers streamed vs taken from the layer cache, and from where. */
export interface ReadSource {
  streamed: number
  cached: number
  /** The engine's image export was read (docker save). */
  dockerSave: boolean
  /** `oci-layout`: the build's own OCI layout; `engine-export`: docker save; `registry`: the distribution API; `cache`: nothing read. */
  reader?: 'oci-layout' | 'engine-export' | 'registry' | 'cache'
  /** Of the streamed layers (all platforms), how many were read while the build still wrote the OCI layout. */
  prefetched?: number
  /** Where the audit's time went (milliseconds, wall clock), for the report and the bench. */
  timings?: ReadTimings
}

/**
 * The audit's time, by step: `configs` the index, manifests and configs; `layers` the layer blobs
 * (read, decompressed and scanned, overlapping); `search` the part of it spent in the secret search
 * (main thread, summed over layers); `facts` the rules, the size and the contents summary.
 */
export interface ReadTimings {
  configsMs?: number
  layersMs?: number
  searchMs?: number
  factsMs?: number
}
