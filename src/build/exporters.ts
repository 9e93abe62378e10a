/**
 * Where the runner build sends its image (pure). The audit reads the build's own output: an OCI
 * layout written next to the load/push output wherever the builder can export one; only the docker
 * driver on the classic image store cannot, and there the image is in the engine by itself and the
 * audit reads the engine's export. The choice comes from the builder's own feature list.
 */
import type { BuilderInfo } from '../docker/builder.js'
import { hasExporterType } from '../inputs/attest.js'
import type { Inputs } from '../inputs/inputs.js'
import { pushByDigestOutput } from '../inputs/outputs.js'

export interface ExportPlan {
  /** Add `--load`: the image goes into the engine's store (as the user asked, or as the docker driver always does). */
  load: boolean
  /**
   * The OCI layout the audit reads: written by the runner build itself (several exporters in one
   * build), by a second, cached build when BuildKit runs one exporter per build (before 0.13) and
   * the user also loads or pushes, or not at all (the docker driver on the classic store).
   */
  layout: 'same-build' | 'second-build' | 'none'
  /** The image is in the engine's store after the build (loaded, or the docker driver's own export). */
  inEngine: boolean
  /** Why the runner image could not be audited on this builder: the step fails before building. */
  blocked?: string
}

export function exportPlan(inputs: Pick<Inputs, 'load' | 'push' | 'platforms'> & Partial<Pick<Inputs, 'outputs'>>, builder: Pick<BuilderInfo, 'name' | 'driver' | 'features'>): ExportPlan {
  const multi = inputs.platforms.length > 1
  if (builder.driver === 'docker') {
    // buildx refuses push-by-digest on the docker driver whatever the image store.
    if (pushByDigestOutput(inputs.outputs ?? [])) {
      return {
        load: false,
        layout: 'none',
        inEngine: false,
        blocked: `outputs: push-by-digest cannot be done by the docker driver (builder "${builder.name}"): use a docker-container builder (docker/setup-buildx-action) or a remote BuildKit`
      }
    }
    // With push, the docker driver's image exporter stores the image in the engine itself; a
    // --load beside it would name the same image twice ("already exists").
    if (builder.features.ociExporter) return { load: !inputs.push, layout: 'same-build', inEngine: true }
    if (multi) {
      return {
        load: false,
        layout: 'none',
        inEngine: false,
        blocked: `platforms: a multi-platform image (${inputs.platforms.join(', ')}) cannot be built, stored or audited on the classic image store (builder "${builder.name}", docker driver): use a docker-container builder (docker/setup-buildx-action) or turn on the containerd image store`
      }
    }
    // The docker driver stores the image by itself only when no exporter is named: beside a user's
    // `outputs` exporter it is loaded explicitly (unless that output already is the engine's).
    const outputs = inputs.outputs ?? []
    const extra = outputs.length > 0 && !inputs.push && !hasExporterType('docker', outputs) && !hasExporterType('image', outputs)
    return { load: extra, layout: 'none', inEngine: true }
  }
  if (!builder.features.ociExporter) {
    return { load: inputs.load, layout: 'none', inEngine: inputs.load, blocked: `builder "${builder.name}" (${builder.driver} driver) cannot export an OCI layout, so the runner image cannot be audited` }
  }
  const another = inputs.load || inputs.push
  return { load: inputs.load, layout: another && !builder.features.multipleExporters ? 'second-build' : 'same-build', inEngine: inputs.load }
}
