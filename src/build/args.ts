/**
 * Pure argv builders for `docker buildx build`. Secrets arrive as ready-made `--secret` specs
 * that reference files or env names, so no secret value can ever reach argv.
 */
import type { Inputs } from '../inputs/inputs.js'

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

  if (req.kind === 'test') {
    // The gate only has to run; its layers stay in the builder's cache for the runner build.
    a.push('--output', 'type=cacheonly')
  } else {
    each('--label', inputs.labels)
    each('--tag', inputs.tags)
    each('--cache-to', inputs['cache-to'])
    if (inputs.push) a.push('--push')
    if (req.load) a.push('--load')
    if (req.ociDir) a.push('--output', `type=oci,dest=${req.ociDir},tar=false`)
    if (req.iidFile) a.push('--iidfile', req.iidFile)
    if (req.metadataFile) a.push('--metadata-file', req.metadataFile)
  }
  a.push(inputs.context)
  return a
}
