/**
 * Cache mounts that survive between CI runs, and the default layer cache: the public API of
 * src/cache for the pipeline and the front ends.
 */
export { chooseStore, actionsCacheAvailable, type CacheStore, type StoreHit } from './store.js'
export { LocalDirStore } from './local-store.js'
export { parseCacheMounts, cacheKeyFiles, hashKeyFiles, LOCKFILE_PATTERNS } from './inputs.js'
export {
  restoreCacheMounts,
  saveCacheMounts,
  hostPlatform,
  formatBytes,
  type CacheMountContext,
  type CacheMountOptions,
  type CacheMountReport
} from './mounts.js'
export { defaultLayerCache, cacheExportFailed, type LayerCache, type LayerCacheInput } from './layer-cache.js'
export { layerCacheFacts, type LayerCacheFacts } from './engine-facts.js'
export { renderCacheMountSummary } from './summary.js'
