/**
 * Exact compressed sizes of a pushed image, from the registry's manifest: the layer blobs as a
 * pull downloads them. Used instead of the local measurement when the image was pushed.
 */
import type { Docker } from '../docker/docker.js'
import type { SizeReport } from './model.js'

/** The pushed platform manifest's layer sizes (bottom first). */
export async function registryLayerSizes(docker: Docker, repo: string, digest: string, platform: { os: string; architecture: string }): Promise<number[]> {
  const top = await docker.registryManifest(`${repo}@${digest}`)
  let manifest = top
  if (top.manifests) {
    const match = top.manifests.find(m => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture)
    if (!match) throw new Error(`the pushed index has no ${platform.os}/${platform.architecture} manifest`)
    manifest = await docker.registryManifest(`${repo}@${match.digest}`)
  }
  return (manifest.layers ?? []).map(l => l.size)
}

/** The report with the registry's layer sizes, when they line up with the measured layers. */
export function withRegistrySizes(report: SizeReport, sizes: number[]): SizeReport {
  if (sizes.length !== report.layers.length) return report
  const layers = report.layers.map((l, i) => ({ ...l, compressedBytes: sizes[i] }))
  return { ...report, layers, compressedBytes: sizes.reduce((a, b) => a + b, 0), compressedFrom: 'registry' }
}
