/** Measure any local image the same way as the runner image, without a Dockerfile to map lines. */
import type { Docker } from '../docker/docker.js'
import { imageContents, type ImageContents } from './contents.js'
import { mergeLayers } from '../inspect/filesystem.js'
import { attributeLayers } from '../inspect/history.js'
import { inspectImage } from '../inspect/inspect-image.js'
import { summarise, type ImageSummary } from '../inspect/summary.js'

/** The image summary of `ref` (layers by history instruction; no Dockerfile lines) and its contents. */
export async function measureImage(docker: Docker, ref: string, layerCacheDir?: string): Promise<ImageSummary & { contents: ImageContents }> {
  const facts = await inspectImage({ docker, image: ref, secrets: [], layerCacheDir })
  const origins = attributeLayers(facts.config.history, facts.layers.length, []).map(o => ({ ...o, fromBase: false }))
  const fs = mergeLayers(facts.layers.map(l => l.facts))
  const summary = summarise(facts, origins, fs)
  // Without a Dockerfile there is no line and no telling base-image layers apart.
  const contents = imageContents(
    facts,
    fs,
    origins.map(() => ({ line: undefined, fromBase: false }))
  )
  contents.composition.baseKnown = false
  return { ...summary, layers: summary.layers.map(l => ({ ...l, line: 0 })), contents }
}
