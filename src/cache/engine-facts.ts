/**
 * The builder facts defaultLayerCache() needs, read through the Docker gateway: whether the
 * engine uses the containerd image store, its version, and the builder's BuildKit version.
 */
import type { Docker } from '../docker/docker.js'

export interface LayerCacheFacts {
  containerdStore: boolean
  engineVersion?: string
  buildkitVersion?: string
}

/** Never throws: unknown facts stay undefined (and defaultLayerCache then stays conservative). */
export async function layerCacheFacts(docker: Docker, builder?: string): Promise<LayerCacheFacts> {
  const info = await docker.raw(['info', '--format', '{{.ServerVersion}}|{{json .DriverStatus}}'])
  const [engine, status] = info.exitCode === 0 ? splitOnce(info.stdout.trim(), '|') : ['', '']
  const inspect = await docker.raw(['buildx', 'inspect', ...(builder ? [builder] : [])])
  return {
    containerdStore: isContainerdStore(status),
    engineVersion: engine || undefined,
    buildkitVersion: inspect.exitCode === 0 ? parseBuildkitVersion(inspect.stdout) : undefined
  }
}

/** `[["driver-type","io.containerd.snapshotter.v1"]]` → true. */
export function isContainerdStore(driverStatusJson: string): boolean {
  try {
    const pairs = JSON.parse(driverStatusJson) as [string, string][] | null
    return (pairs ?? []).some(([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'))
  } catch {
    return false
  }
}

/** The `BuildKit version:` line of `docker buildx inspect` (first node). */
export function parseBuildkitVersion(text: string): string | undefined {
  return text.match(/^\s*BuildKit(?: version)?:\s*(\S+)/m)?.[1]
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep)
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)]
}
