/**
 * The cache-mount phases around the build: restore before it, save after it. Each returns its
 * reports as its outcome; a mount that failed is a warning, never a failed run.
 */
import { cacheKeyFiles } from '../cache-mounts/inputs.js'
import { restoreCacheMounts, saveCacheMounts } from '../cache-mounts/mounts.js'
import type { CacheMountContext, CacheMountReport } from '../cache-mounts/types.js'
import type { SecretInput } from '../inspect/secret-search.js'
import type { Inputs } from '../inputs/inputs.js'
import type { CacheMount } from '../plan/dockerfile.js'
import type { ResolvedPlan } from '../plan/resolve.js'
import { failureOf, timed, type Outcome } from './phase.js'
import type { PipelineDeps } from './run.js'

const NAMESPACE_ARG = 'BUILDKIT_CACHE_MOUNT_NS='

/** What both cache-mount phases work with: the mounts, their key files, the builder and platform the build uses. */
export function mountContext(
  inputs: Inputs,
  resolved: ResolvedPlan,
  deps: Pick<PipelineDeps, 'docker' | 'store' | 'reporter' | 'tmpDir'>,
  run: { contextDir: string; mounts: CacheMount[]; secrets: SecretInput[] }
): CacheMountContext {
  return {
    docker: deps.docker,
    plan: resolved.plan,
    contextDir: run.contextDir,
    options: {
      mounts: run.mounts,
      keyFiles: run.mounts.length ? cacheKeyFiles(inputs['cache-key-files'], run.contextDir) : [],
      builder: inputs.builder || undefined,
      platform: inputs.platforms.length === 1 ? inputs.platforms[0] : undefined,
      namespace: inputs['build-args'].find(a => a.startsWith(NAMESPACE_ARG))?.slice(NAMESPACE_ARG.length)
    },
    store: deps.store,
    reporter: deps.reporter,
    tmpDir: deps.tmpDir,
    secrets: run.secrets
  }
}

/** Restore the cache mounts into the builder before the build. */
export async function restoreMounts(ctx: CacheMountContext): Promise<Outcome> {
  const t = await timed(ctx.reporter, 'Cache mounts: restore', () => restoreCacheMounts(ctx))
  return t.ok ? { phases: [t.phase], cacheMounts: t.value } : { phases: [t.phase], ...failureOf(t.error) }
}

/** Save the cache mounts the build changed (`restored`: what the restore phase found). */
export async function saveMounts(ctx: CacheMountContext, restored: CacheMountReport[]): Promise<Outcome> {
  const t = await timed(ctx.reporter, 'Cache mounts: save', () => saveCacheMounts(ctx, restored))
  return t.ok ? { phases: [t.phase], cacheMounts: t.value } : { phases: [t.phase], ...failureOf(t.error) }
}

/** A warning for each mount that could not be restored or saved. Pure. */
export function mountWarnings(reports: CacheMountReport[]): string[] {
  return reports.filter(r => r.outcome === 'failed' && r.message).map(r => `cache mount ${r.id}: ${r.message}`)
}
