/**
 * Hand-made image facts for the rule tests: a Dockerfile text plus layers described as
 * `{ by, files }`, where `by` is the history `created_by` that made the layer.
 */
import { buildContext, type AuditContext } from '../../src/audit/context.js'
import type { ImageConfigFacts, ImageFacts, LayerFacts, LayerFile } from '../../src/inspect/types.js'
import { parseDockerfile, type DockerfilePlan, type Stage } from '../../src/plan/dockerfile.js'

export interface LayerSpec {
  /** History created_by ('' for a base layer imported without one). */
  by: string
  /** `path` or `[path, size]` or a full LayerFile (paths without leading slash). */
  files?: (string | [string, number] | (Partial<LayerFile> & { path: string }))[]
  whiteouts?: string[]
  extra?: Partial<LayerFacts>
}

export function file(spec: string | [string, number] | (Partial<LayerFile> & { path: string })): LayerFile {
  if (typeof spec === 'string') return { path: spec, type: spec.endsWith('/') ? 'dir' : 'file', size: 0, mode: 0o644, uid: 0, gid: 0 }
  if (Array.isArray(spec)) return { path: spec[0], type: 'file', size: spec[1], mode: 0o644, uid: 0, gid: 0 }
  return { type: 'file', size: 0, mode: 0o644, uid: 0, gid: 0, ...spec }
}

export function layerFacts(spec: LayerSpec): LayerFacts {
  const files = (spec.files ?? []).map(file).map(f => ({ ...f, path: f.path.replace(/\/$/, '') }))
  return {
    tarBytes: 1024 + files.reduce((n, f) => n + 512 + f.size, 0),
    compressedBytes: 100,
    compressedFrom: 'blob',
    files,
    whiteouts: spec.whiteouts ?? [],
    opaqueDirs: [],
    secretHits: [],
    ...spec.extra
  }
}

export function imageFacts(layers: LayerSpec[], config: Partial<ImageConfigFacts> = {}, extra: Partial<ImageFacts> = {}): ImageFacts {
  const history = config.history ?? layers.map(l => ({ createdBy: l.by, emptyLayer: false }))
  return {
    id: 'sha256:image',
    platform: 'linux/amd64',
    config: {
      os: 'linux',
      architecture: 'amd64',
      user: '',
      env: [],
      labels: {},
      entrypoint: [],
      cmd: [],
      workingDir: '',
      diffIds: layers.map((_, i) => `sha256:layer${i}`),
      ...config,
      history
    },
    layers: layers.map((l, index) => ({ index, digest: `sha256:layer${index}`, facts: layerFacts(l) })),
    configSecretHits: [],
    secretIds: [],
    source: { streamed: layers.length, cached: 0, dockerSave: true },
    ...extra
  }
}

/** Parse `dockerfile` and build the audit context for its last stage (or `target`). */
export function context(dockerfile: string, facts: ImageFacts, target?: string): AuditContext & { plan: DockerfilePlan; target: Stage } {
  const plan = parseDockerfile(dockerfile)
  const stage = target ? plan.stages.find(s => s.name === target)! : plan.stages[plan.stages.length - 1]
  return buildContext(facts, plan, stage)
}
