/**
 * Each part's digest against the registry: the registry holds NAME@DIGEST, and what it holds
 * lists the platforms the part claims, with the same manifest digests. Reads manifests only
 * (never a layer, never a pull), through a small `ManifestReader`: the registry gateway's OCI
 * distribution client (src/registry), with the credentials `docker login` left.
 */
import type { RegistryManifest } from '../docker/docker.js'
import { errorMessage } from '../errors.js'
import { fetchManifest } from '../registry/client.js'
import type { Part } from './parts.js'

/** Reads a manifest or index by reference, as the registry serves it. */
export interface ManifestReader {
  manifest(ref: string): Promise<RegistryManifest>
}

/** The registry gateway as a ManifestReader; counts the bytes it read (manifests only, each verified against its digest). */
export function registryManifestReader(): ManifestReader & { bytesRead: () => number } {
  let bytes = 0
  return {
    async manifest(ref) {
      const m = await fetchManifest(ref)
      bytes += m.bytes
      return m.body as RegistryManifest
    },
    bytesRead: () => bytes
  }
}

function platformOf(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

/** The problems of one part, one line each naming its platform(s) and the reference. */
export async function checkPart(reader: ManifestReader, part: Part): Promise<string[]> {
  const { name, digest, platforms } = part.report.part
  // Pushed nothing: it failed, and partProblems says so naming its platforms.
  if (!digest) return []
  const ref = `${name}@${digest}`
  const claimed = platforms.map(p => p.platform).join(', ')
  let m: RegistryManifest
  try {
    m = await reader.manifest(ref)
  } catch (e) {
    return [`${claimed}: the registry does not hold ${ref} (${errorMessage(e).split('\n')[0]})`]
  }
  if (!m.manifests) {
    // A single image manifest: the part is one platform, and the platform's digest is the manifest's.
    if (platforms.length !== 1) return [`${claimed}: ${ref} is a single image manifest, but the part claims ${platforms.length} platforms`]
    if (platforms[0].digest !== digest) return [`${claimed}: the part says its manifest is ${platforms[0].digest}, but it pushed ${ref}`]
    return []
  }
  const held = m.manifests.filter(x => x.platform && x.platform.os !== 'unknown')
  const problems: string[] = []
  for (const p of platforms) {
    const found = held.find(x => platformOf(x.platform!) === p.platform)
    if (!found) problems.push(`${p.platform}: the index ${ref} has no ${p.platform} manifest`)
    else if (found.digest !== p.digest) problems.push(`${p.platform}: the index ${ref} holds ${found.digest}, not the part's ${p.digest}`)
  }
  for (const x of held) {
    const p = platformOf(x.platform!)
    if (!platforms.some(c => c.platform === p)) problems.push(`${p}: the index ${ref} holds a ${p} manifest the part does not report`)
  }
  return problems
}

/** Every part checked, in parallel (a few manifests each). */
export async function checkParts(reader: ManifestReader, parts: Part[]): Promise<string[]> {
  return (await Promise.all(parts.map(p => checkPart(reader, p)))).flat()
}
