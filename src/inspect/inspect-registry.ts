/**
 * The documents of an image in a registry, laid out as an OCI layout would hold them (`index.json`,
 * `blobs/sha256/…`), so the layout's resolver (image-config.ts: nested indexes followed,
 * attestation manifests skipped) and its blob reader serve the registry too. Only manifests and
 * configs are fetched here; layer blobs are streamed later, and only those the cache lacks.
 */
import { EnvironmentError } from '../errors.js'
import type { RegistryClient } from '../registry/client.js'
import { blobPath, resolveImages, type ExportContents, type ImageLayout } from './image-config.js'

/** Rounds of manifest fetching (an index of indexes is followed to the resolver's depth). */
const MAX_ROUNDS = 6

const digestOf = (p: string) => p.replace(/^blobs\/sha256\//, 'sha256:')

/**
 * Every platform image under the client's reference, and the JSON documents (index, manifests,
 * configs) by layout path. Throws EnvironmentError with one line when something cannot be read.
 */
export async function resolveRegistryImages(client: RegistryClient): Promise<{ images: ImageLayout[]; documents: Map<string, unknown>; digest: string }> {
  const top = await client.manifest()
  const documents = new Map<string, unknown>()
  const body = top.body as { manifests?: unknown; config?: unknown }
  if (Array.isArray(body.manifests)) documents.set('index.json', top.body)
  else {
    // A single-platform manifest: an index of one (its platform then comes from its config).
    documents.set('index.json', { schemaVersion: 2, manifests: [{ mediaType: top.mediaType, digest: top.digest, size: top.bytes }] })
    documents.set(blobPath(top.digest), top.body)
  }
  let resolved: ExportContents = { images: [], attestations: 0, missing: [] }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const wanted = new Set<string>()
    resolved = resolveImages(p => {
      // (manifest.json, docker save's legacy file, is asked for when no image resolved yet: not a registry document)
      if (!documents.has(p) && p.startsWith('blobs/sha256/')) wanted.add(p)
      return documents.get(p)
    })
    if (wanted.size === 0) break
    const fetched = await Promise.all([...wanted].map(async p => [p, (await client.manifest(digestOf(p))).body] as const))
    for (const [p, doc] of fetched) documents.set(p, doc)
  }
  if (resolved.missing.length) throw new EnvironmentError(`${client.name}: the manifest of ${resolved.missing.join(', ')} could not be read`)
  if (resolved.images.length === 0) throw new EnvironmentError(`${client.name}: ${top.digest} holds no image manifest (only attestations?)`)
  const configs = [...new Set(resolved.images.map(i => i.configPath))]
  const read = await Promise.all(configs.map(async p => [p, await client.blobJson(digestOf(p))] as const))
  for (const [p, doc] of read) documents.set(p, doc)
  return { images: resolved.images, documents, digest: top.digest }
}
