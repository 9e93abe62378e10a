/**
 * "A fresh runner's builder" for one test, on an engine other tests share: remove only the
 * BuildKit cache-mount records of one BUILDKIT_CACHE_MOUNT_NS, by record id. `docker buildx
 * prune -af` would empty everybody's build cache, and a throw-away docker-container builder
 * needs the moby/buildkit image, which this machine cannot pull.
 */
import { execFileSync } from 'node:child_process'

/** Ids of the exec.cachemount records whose cache id is `<namespace>/...`. */
export function cacheMountRecords(namespace: string): string[] {
  const out = execFileSync('docker', ['buildx', 'du', '--verbose', '--filter', 'type=exec.cachemount'], { encoding: 'utf8' })
  const ids: string[] = []
  for (const block of out.split(/\n\s*\n/)) {
    const id = /^ID:\s+(\S+)/m.exec(block)?.[1]
    const description = /^Description:\s+(.*)$/m.exec(block)?.[1] ?? ''
    if (id && description.includes(`with id "${namespace}/`)) ids.push(id)
  }
  return ids
}

/**
 * Delete the cache mounts of `namespace` from the builder (as if the job ran on a new runner).
 * Returns how many records were removed. Never prunes without an id filter.
 */
export function dropCacheMounts(namespace: string): number {
  if (!/^[\w.-]{8,}$/.test(namespace)) throw new Error(`refusing to drop cache mounts of namespace "${namespace}"`)
  const ids = cacheMountRecords(namespace)
  for (const id of ids) {
    if (!/^[a-z0-9]{20,}$/.test(id)) throw new Error(`unexpected build cache record id "${id}"`)
    execFileSync('docker', ['buildx', 'prune', '--force', '--filter', `id=${id}`], { stdio: 'ignore' })
  }
  if (cacheMountRecords(namespace).length > 0) throw new Error(`the cache mounts of ${namespace} are still in the builder`)
  return ids.length
}
