/**
 * Contents benchmark (not a test: prints figures, asserts nothing).
 *
 *   npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/contents.js
 *
 * What "what grew" adds to every run, on synthetic facts of a 200k-file image (a base layer of
 * system files, a node_modules layer of 2,000 packages, an app layer, a layer deleting a cache):
 * the contents summary + wasted files + the delta against a baseline that differs in 300 packages,
 * against the floor the audit already pays (merging the layers into the final filesystem). Printed:
 * the ratio (goal <= 3: the summary costs at most two more merges) and the summary's JSON size
 * (goal < 1 MB whatever the file count).
 */
import { contentsOf } from '../src/pipeline/examine.js'
import { compactContents } from '../src/size/contents.js'
import { mergeLayers } from '../src/inspect/filesystem.js'
import type { ImageFacts, LayerFacts, LayerFile } from '../src/inspect/types.js'
import { contentsDelta } from '../src/size/contents-delta.js'

const file = (path: string, size: number): LayerFile => ({ path, type: 'file', size, mode: 0o644, uid: 0, gid: 0 })
const layer = (files: LayerFile[], extra: Partial<LayerFacts> = {}): LayerFacts => ({
  tarBytes: 0,
  compressedBytes: 0,
  compressedFrom: 'blob',
  files,
  whiteouts: [],
  opaqueDirs: [],
  secretHits: [],
  ...extra
})

function facts(variant: number): ImageFacts {
  const sys: LayerFile[] = []
  for (let d = 0; d < 500; d++) for (let f = 0; f < 100; f++) sys.push(file(`usr/share/pkg${d}/f${f}`, 1000 + f))
  const mods: LayerFile[] = []
  const manifests = []
  for (let p = 0; p < 2000; p++) {
    const name = `pkg-${(p + variant * 300) % 2300}`
    mods.push(file(`app/node_modules/${name}/package.json`, 500))
    manifests.push({ path: `app/node_modules/${name}/package.json`, manager: 'npm' as const, name, version: '1.0.0' })
    for (let f = 0; f < 70; f++) mods.push(file(`app/node_modules/${name}/lib/sub${f % 7}/f${f}.js`, 2000))
  }
  const app: LayerFile[] = []
  for (let f = 0; f < 5000; f++) app.push(file(`app/dist/chunk${f % 50}/f${f}.js`, 3000 + variant))
  const layers = [layer(sys), layer(mods, { manifests }), layer(app), layer([], { whiteouts: ['usr/share/pkg7'] })]
  return {
    id: `bench-${variant}`,
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
      history: [],
      diffIds: layers.map((_, i) => `l${i}`)
    },
    layers: layers.map((facts, index) => ({ index, digest: `l${index}`, facts })),
    configSecretHits: [],
    secretIds: [],
    source: { streamed: 4, cached: 0, dockerSave: false }
  }
}

const best = (fn: () => void, n = 3) => {
  let min = Infinity
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    fn()
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6)
  }
  return min
}

const base = facts(0)
const now = facts(1)
const lines = now.layers.map((_, i) => ({ line: i + 1, fromBase: i === 0 }))
const files = now.layers.reduce((n, l) => n + l.facts.files.length, 0)
const floor = best(() => mergeLayers(now.layers.map(l => l.facts)))
const before = contentsOf(base, lines).contents
let delta: ReturnType<typeof contentsDelta> | undefined
let json = 0
const cost = best(() => {
  const { contents } = contentsOf(now, lines)
  delta = contentsDelta(before, contents)
  json = JSON.stringify(compactContents(contents)).length
})
console.log(
  `${files} files: merge ${floor.toFixed(0)} ms (floor); contents + wasted files + delta ${cost.toFixed(0)} ms: ratio ${(cost / floor).toFixed(2)} (goal <= 3)`
)
console.log(`contents summary ${(json / 1024).toFixed(0)} KiB of JSON (goal < 1024); delta: ${delta!.paths.length} paths, ${delta!.packages.length} packages`)
