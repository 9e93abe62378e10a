/**
 * Pure argv builders for `docker buildx build`. Secrets arrive as ready-made `--secret` specs
 * that reference files or env names, so no secret value can ever reach argv.
 */
import { hasAttestationType, hasExporterType, resolveAttestationAttrs } from '../inputs/attest.js'
import type { Inputs } from '../inputs/inputs.js'
import { outputsPush } from '../inputs/outputs.js'

export interface BuildRequest {
  /** `test` builds the gate stage and exports nothing; `runner` builds the image. */
  kind: 'test' | 'runner'
  /** Stage name to pass as --target; undefined builds the last stage (BuildKit targets names only). */
  target?: string
  /** `id=..,src=..` / `id=..,env=..` specs from materializeSecrets. */
  secretSpecs: string[]
  /** The builder's driver (`docker`, `docker-container`, ...). */
  driver: string
  iidFile?: string
  metadataFile?: string
  /** Runner: add `--load` (see exportPlan). */
  load?: boolean
  /** Runner: also write the image as an OCI layout (a directory) for the audit. */
  ociDir?: string
  /**
   * The builder can attach attestations (buildx's own test: the multi-platform feature; the docker
   * driver on the classic store cannot). BPA's default provenance is added only then, as BPA adds
   * it only for a BuildKit that supports it. Default true.
   */
  attestations?: boolean
}

/** Arguments after `docker buildx build`. The context is last. */
export function buildArgs(inputs: Inputs, req: BuildRequest): string[] {
  const a: string[] = ['--progress', 'plain', '--file', inputs.file]
  if (req.target) a.push('--target', req.target)
  const each = (flag: string, values: string[]) => values.forEach(v => a.push(flag, v))
  each('--build-arg', inputs['build-args'])
  each('--build-context', inputs['build-contexts'])
  if (inputs.platforms.length) a.push('--platform', inputs.platforms.join(','))
  if (inputs.builder) a.push('--builder', inputs.builder)
  if (inputs.pull) a.push('--pull')
  if (inputs['no-cache']) a.push('--no-cache')
  each('--cache-from', inputs['cache-from'])
  each('--secret', req.secretSpecs)
  // What RUN steps see (hosts, network, /dev/shm, limits, ssh, entitlements): the same for the
  // test stage and the runner, so the runner build reuses the test build's cached stages.
  each('--add-host', inputs['add-hosts'])
  each('--allow', inputs.allow)
  if (inputs['cgroup-parent']) a.push('--cgroup-parent', inputs['cgroup-parent'])
  if (inputs.network) a.push('--network', inputs.network)
  each('--no-cache-filter', inputs['no-cache-filters'])
  if (inputs['shm-size']) a.push('--shm-size', inputs['shm-size'])
  each('--ssh', inputs.ssh)
  each('--ulimit', inputs.ulimit)

  if (req.kind === 'test') {
    // The gate only has to run; its layers stay in the builder's cache for the runner build.
    a.push('--output', 'type=cacheonly')
  } else {
    each('--label', inputs.labels)
    each('--annotation', inputs.annotations)
    each('--tag', inputs.tags)
    each('--cache-to', inputs['cache-to'])
    a.push(...attestArgs(inputs, req.attestations ?? true))
    // The OCI layout the audit reads comes first: with several exporters the metadata file (so the
    // `digest`, `metadata` outputs) holds the last exporter's response, which must be the user's
    // (an output pushed by digest gives another index digest than the layout's). buildx appends
    // --push and --load after every --output.
    if (req.ociDir) a.push('--output', `type=oci,dest=${req.ociDir},tar=false`)
    // A load beside a push: the engine's copy is written before the push (as `type=docker`; buildx
    // would put --load last), so the `digest` output is the registry's, not the docker exporter's.
    const loadFirst = !!req.load && (inputs.push || outputsPush(inputs.outputs))
    if (loadFirst) a.push('--output', 'type=docker')
    // Extra exporters go beside the image Stagecraft audits; the audit never reads them.
    each('--output', inputs.outputs)
    if (inputs.push) a.push('--push')
    if (req.load && !loadFirst) a.push('--load')
    // buildx refuses an image ID file beside a local or tar exporter (BPA drops it too).
    if (req.iidFile && !hasExporterType('local', inputs.outputs) && !hasExporterType('tar', inputs.outputs)) a.push('--iidfile', req.iidFile)
    if (req.metadataFile) a.push('--metadata-file', req.metadataFile)
  }
  a.push(inputs.context)
  return a
}

/**
 * `--attest` flags as BPA v7 gives them: `provenance` and `sbom` first (a bare boolean becomes
 * `disabled=`), then `attests` lines whose type those two did not already set. Without
 * `provenance` or a provenance line, BPA's default (public repo: mode=max, private:
 * mode=min,inline-only=true) unless `load` or a docker output asks for the docker exporter.
 */
export function attestArgs(inputs: Pick<Inputs, 'provenance' | 'provenance-default' | 'sbom' | 'attests' | 'outputs' | 'load'>, builderAttests = true): string[] {
  const a: string[] = []
  // BPA looks at what the user asked for (load, a docker output), not at a --load added for the audit.
  const dockerExporter = inputs.load || hasExporterType('docker', inputs.outputs)
  if (inputs.provenance) a.push('--attest', resolveAttestationAttrs(`type=provenance,${inputs.provenance}`))
  else if (inputs['provenance-default'] && !dockerExporter && builderAttests) a.push('--attest', `type=provenance,${inputs['provenance-default']}`)
  if (inputs.sbom) a.push('--attest', resolveAttestationAttrs(`type=sbom,${inputs.sbom}`))
  for (const attest of inputs.attests) {
    const provenance = hasAttestationType('provenance', attest)
    const sbom = hasAttestationType('sbom', attest)
    if (!provenance && !sbom) a.push('--attest', resolveAttestationAttrs(attest))
    else if (provenance && !inputs.provenance) a.push('--attest', attest)
    else if (sbom && !inputs.sbom) a.push('--attest', attest)
  }
  return a
}
