/**
 * Whiteout merge benchmark (not a test: prints figures). Synthetic layer facts with many files and
 * whiteouts (directories deleted by later layers, as `rm -rf` in a RUN writes them), merged into the
 * final filesystem. The floor is one pass that puts every path of every layer into a Map, the least
 * any merge must do; the ratio says how far the merge is from it (goal: stays near-constant as the
 * image grows, i.e. no quadratic term).
 *
 *   npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/merge.js
 */
import { mergeLayers } from '../src/inspect/filesystem.js'
import type { LayerFile } from '../src/inspect/types.js'

function synthetic(files: number, whiteouts: number) {
  const perDir = 30
  const layerFiles: LayerFile[] = []
  for (let i = 0; i < files; i++) {
    layerFiles.push({ path: `usr/lib/pkg${Math.floor(i / perDir)}/file${i % perDir}`, type: 'file', size: 100, mode: 0o644, uid: 0, gid: 0 })
  }
  const deleted = Array.from({ length: whiteouts }, (_, i) => `usr/lib/pkg${i * Math.max(1, Math.floor(files / perDir / whiteouts))}`)
  const app: LayerFile[] = [{ path: 'app/main.js', type: 'file', size: 10, mode: 0o644, uid: 0, gid: 0 }]
  return [
    { files: layerFiles, whiteouts: [], opaqueDirs: [] },
    { files: app, whiteouts: deleted, opaqueDirs: [] }
  ]
}

function time(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

for (const [files, whiteouts] of [
  [60_000, 1_000],
  [150_000, 5_000]
]) {
  const layers = synthetic(files, whiteouts)
  const floor = Math.min(
    ...[0, 1, 2].map(() =>
      time(() => {
        const m = new Map<string, LayerFile>()
        for (const l of layers) for (const f of l.files) m.set(f.path, f)
      })
    )
  )
  let wasted = 0
  const merge = Math.min(...[0, 1, 2].map(() => time(() => (wasted = mergeLayers(layers).wastedBytes.reduce((a, b) => a + b, 0)))))
  console.log(
    `  ${files} files, ${whiteouts} whiteouts: merge ${merge.toFixed(0)} ms, floor (Map of all paths) ${floor.toFixed(0)} ms, ratio ${(merge / floor).toFixed(1)} (${wasted} bytes wasted)`
  )
}
