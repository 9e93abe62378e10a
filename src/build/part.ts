/**
 * A split build's part (pure): which repository it pushed to, what digest, and each platform's
 * manifest digest, assembled from buildx's metadata and the manifest the registry serves for that
 * digest. The shape is the report's `PartInfo` (report/run-report.ts), which sits above this layer.
 */
import type { RegistryManifest } from '../docker/docker.js'

export interface PartImage {
  /** Canonical repository name, no tag or digest. */
  name: string
  /** What the build pushed (`containerimage.digest`): a manifest or an index. */
  digest: string
  /** Each platform built, with its platform manifest's digest. */
  platforms: { platform: string; digest: string }[]
}

/** A part that failed before anything was pushed: its image and the platforms it was to build. */
export interface UnpushedPart {
  name: string
  digest?: undefined
  platforms: { platform: string; digest?: undefined }[]
}

/** `os/arch[/variant]` of an OCI platform object. */
export function platformName(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

/** BuildKit lists attestation manifests in an index under the platform `unknown/unknown`. */
function isAttestation(m: { platform?: { os: string; architecture: string }; annotations?: Record<string, string> }): boolean {
  return m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || (m.platform?.os === 'unknown' && m.platform?.architecture === 'unknown')
}

/**
 * The part from what was pushed: an index gives one entry per platform manifest (attestations left
 * out); a single manifest is the one platform, named by buildx's metadata descriptor or, failing
 * that, by the only platform asked for. Throws a plain Error when no platform can be named.
 */
export function assemblePart(
  name: string,
  digest: string,
  pushed: RegistryManifest,
  known: { descriptorPlatform?: string; requested: string[] }
): PartImage {
  if (pushed.manifests) {
    const platforms = pushed.manifests
      .filter(m => !isAttestation(m))
      .map(m => {
        if (!m.platform) throw new Error(`the index ${name}@${digest} lists manifest ${m.digest} without a platform`)
        return { platform: platformName(m.platform), digest: m.digest }
      })
    if (!platforms.length) throw new Error(`the index ${name}@${digest} holds no platform manifest`)
    return { name, digest, platforms }
  }
  const platform = known.descriptorPlatform ?? (known.requested.length === 1 ? known.requested[0] : undefined)
  if (!platform) throw new Error(`cannot tell which platform ${name}@${digest} is (set platforms)`)
  return { name, digest, platforms: [{ platform, digest }] }
}
