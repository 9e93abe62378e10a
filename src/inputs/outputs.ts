/**
 * What an `outputs` line asks of the registry (pure): whether it pushes, and whether it pushes by
 * digest, which makes the run one part of a split build (docs.docker.com, "Distribute build across
 * multiple runners"). Lines are read with the same CSV parsing as every other attribute list.
 */
import { fields, parseBuildxBool } from './attest.js'

/** An `outputs` line's attributes (`type=image,name=r/app,push=true` → {type, name, push}); a bare path is `type=local`. */
export function exporterAttrs(output: string): Record<string, string> {
  const fs_ = fields(output)
  if (fs_.length === 1 && !fs_[0].includes('=')) return { type: 'local', dest: fs_[0] }
  const attrs: Record<string, string> = {}
  for (const f of fs_) {
    const i = f.indexOf('=')
    if (i <= 0) continue
    attrs[f.slice(0, i).trim()] = f.slice(i + 1).trim()
  }
  return attrs
}

/** An exporter that sends the image to a registry: `type=registry`, or `type=image` with `push=true`. */
function pushes(attrs: Record<string, string>): boolean {
  if (attrs.type === 'registry') return true
  return attrs.type === 'image' && parseBuildxBool(attrs.push ?? '') === true
}

/** Whether an `outputs` line pushes the image (so the build's `containerimage.digest` is what the registry holds). */
export function outputsPush(outputs: string[]): boolean {
  return outputs.some(o => pushes(exporterAttrs(o)))
}

/**
 * Whether buildx writes an image id (--iidfile) for the build the user asked for, so BPA sets
 * `imageid`: an image exporter runs (the docker driver's own, `load`, `push`, or an
 * image/registry/docker/oci output) and no local or tar output is there (buildx refuses the
 * iidfile beside those). A docker-container build with neither load nor push exports nothing.
 */
export function writesImageId(inputs: { load: boolean; push: boolean; outputs: string[] }, driver: string): boolean {
  const types = inputs.outputs.map(o => exporterAttrs(o).type ?? 'local')
  if (types.some(t => t === 'local' || t === 'tar')) return false
  return driver === 'docker' || inputs.load || inputs.push || types.some(t => ['image', 'registry', 'docker', 'oci'].includes(t))
}

/** The output of a split build's part: pushed by digest under `name`, nothing tagged. */
export interface PushByDigestOutput {
  /** The `name=` attribute: one repository (several comma-separated names: the first). */
  name: string
  /** The `outputs` line as given. */
  line: string
}

/**
 * The first `outputs` line that pushes by digest (`push-by-digest=true` on a pushing image or
 * registry exporter); undefined when none does. `name=` may hold several names (buildx pushes the
 * digest to each); the part reports the first. A line without `name=` takes the names of `tags`
 * (buildx hands the tags to the exporter as its names), as the docs recipe does with
 * `tags: REGISTRY_IMAGE` and `outputs: type=image,push-by-digest=true,name-canonical=true,push=true`.
 */
export function pushByDigestOutput(outputs: string[], tags: string[] = []): PushByDigestOutput | undefined {
  for (const line of outputs) {
    const attrs = exporterAttrs(line)
    if (!pushes(attrs) || parseBuildxBool(attrs['push-by-digest'] ?? '') !== true) continue
    const name = (attrs.name ?? '').split(',')[0].trim() || (tags[0] ?? '').trim()
    return { name, line }
  }
  return undefined
}
