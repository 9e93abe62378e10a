/**
 * What a buildx builder is and can do, parsed from `docker [--debug] buildx inspect`, and the
 * version comparisons the build needs (buildx for `--call`, BuildKit for exporters and the cache
 * service). Pure.
 */

export interface BuilderInfo {
  name: string
  driver: string
  /** Platforms the builder's nodes support, e.g. `linux/amd64`. */
  platforms: string[]
  /** BuildKit version of the first node (`v0.13.2`; `v0.0.0+unknown` for some engine builds). */
  buildkit?: string
  /** What the builder says it can do (`docker --debug buildx inspect`), or what is inferred when it does not say. */
  features: BuilderFeatures
}

/** The builder capabilities Stagecraft depends on. */
export interface BuilderFeatures {
  /** `--output type=oci` works (docker-container/remote/kubernetes, or the docker driver on the containerd store). */
  ociExporter: boolean
  /** A multi-platform image can be built (and, on the docker driver, stored). */
  multiPlatform: boolean
  /** BuildKit accepts several `--output`s in one build (BuildKit 0.13+). */
  multipleExporters: boolean
  /** Where the answer came from: buildx's own feature list, or inferred from driver and labels. */
  source: 'buildx' | 'inferred'
}

/** Parse `docker [--debug] buildx inspect` text output. */
export function parseBuilderInspect(text: string): BuilderInfo {
  const get = (key: string) => text.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? ''
  const platforms = get('Platforms')
    .split(',')
    .map(p => p.replace('*', '').trim())
    .filter(Boolean)
  const driver = get('Driver')
  const buildkit = get('BuildKit version') || get('BuildKit') || undefined
  return { name: get('Name'), driver, platforms, buildkit, features: builderFeatures(text, driver, buildkit) }
}

/**
 * The builder's features: buildx's own list when it printed one (the `Features:` block of
 * `docker --debug buildx inspect`, buildx 0.13+), else inferred the way buildx itself decides:
 * the docker driver can export OCI and build multi-platform only on the containerd store (its
 * worker then carries a snapshotter label); the other drivers always can.
 */
export function builderFeatures(text: string, driver: string, buildkit?: string): BuilderFeatures {
  const listed = new Map<string, boolean>()
  const block = text.match(/^Features:\n((?:[ \t]+.*\n?)*)/m)?.[1] ?? ''
  for (const line of block.split('\n')) {
    const m = line.match(/^\s+(.+?):\s+(true|false)\s*$/)
    if (m) listed.set(m[1].toLowerCase(), m[2] === 'true')
  }
  const multipleExporters = buildkitAtLeast(buildkit, 0, 13, driver === 'docker')
  if (listed.has('oci exporter')) {
    return { ociExporter: listed.get('oci exporter')!, multiPlatform: listed.get('multi-platform build') ?? false, multipleExporters, source: 'buildx' }
  }
  const capable = driver !== 'docker' || /org\.mobyproject\.buildkit\.worker\.snapshotter:/.test(text)
  return { ociExporter: capable, multiPlatform: capable, multipleExporters, source: 'inferred' }
}

/**
 * Whether a BuildKit version is at least major.minor. Versions the build did not stamp
 * (`v0.0.0+unknown`, distribution builds of the engine) count as recent when `unknownIsRecent`
 * (the docker driver: its BuildKit is the engine's, and an engine with the buildx this needs has 0.13+).
 */
export function buildkitAtLeast(version: string | undefined, major: number, minor: number, unknownIsRecent: boolean): boolean {
  const v = versionParts(version)
  if (!v) return unknownIsRecent
  return v[0] > major || (v[0] === major && v[1] >= minor)
}

/** `v0.13.2`, `26.1.5+dfsg1` → [0, 13, 2], [26, 1, 5]; undefined when unparseable or unstamped (`v0.0.0+unknown`). */
export function versionParts(v?: string): number[] | undefined {
  const m = v?.match(/(\d+)\.(\d+)(?:\.(\d+))?/)
  if (!m) return undefined
  const parts = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]
  return parts.every(n => n === 0) ? undefined : parts
}

/** Version `a` is at least `b` (`0.13.1+ds1`, `v0.15.0-desktop.1`...); an unparseable `a` is not. */
export function versionAtLeast(a: string, b: string): boolean {
  const x = versionParts(a)
  const y = versionParts(b) ?? [0, 0, 0]
  if (!x) return false
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i]
  return true
}
