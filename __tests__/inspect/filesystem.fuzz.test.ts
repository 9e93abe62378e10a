/**
 * The whiteout merge against a naive model (scan every file for every whiteout, as the overlay
 * rules read): same final filesystem, same wasted bytes per layer, same wasted files; and a merge where the naive model is quadratic is read whole (its speed:
 * `npm run bench merge`).
 */
import fc from 'fast-check'
import { mergeLayers, type FinalFile, type WastedFile } from '../../src/inspect/filesystem.js'
import type { LayerFile } from '../../src/inspect/types.js'
import { fuzzParams } from '../helpers/fuzz.js'

type Layer = { files: LayerFile[]; whiteouts: string[]; opaqueDirs: string[] }

/** Overlay semantics, written the obvious way. */
function naiveMerge(layers: Layer[]) {
  const files = new Map<string, FinalFile>()
  const wastedBytes = layers.map(() => 0)
  const wasted: WastedFile[] = []
  layers.forEach((layer, index) => {
    const drop = (path: string, how: WastedFile['how']) => {
      const f = files.get(path)
      if (!f) return
      wastedBytes[f.layer] += f.size
      if (f.type === 'file' && f.size > 0) wasted.push({ path, size: f.size, layer: f.layer, removedBy: index, how })
      files.delete(path)
    }
    const under = (dir: string) => [...files.keys()].filter(p => (dir === '' ? true : p.startsWith(`${dir}/`)))
    for (const dir of layer.opaqueDirs) for (const p of under(dir)) drop(p, 'deleted')
    for (const w of layer.whiteouts) {
      drop(w, 'deleted')
      if (w !== '') for (const p of under(w)) drop(p, 'deleted')
    }
    for (const file of layer.files) {
      const old = files.get(file.path)
      if (old) {
        if (old.type === 'dir' && file.type !== 'dir') for (const p of under(file.path)) drop(p, 'deleted')
        drop(file.path, 'overwritten')
      }
      files.set(file.path, { ...file, layer: index })
    }
  })
  return { files, wastedBytes, wasted }
}

const name = fc.constantFrom('a', 'b', 'c', 'd')
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map(s => s.join('/'))
const file: fc.Arbitrary<LayerFile> = fc
  .record({
    path,
    type: fc.constantFrom('file', 'dir', 'symlink', 'hardlink', 'other'),
    size: fc.nat({ max: 100 }),
    mode: fc.constant(0o644),
    uid: fc.constant(0),
    gid: fc.constant(0)
  })
  .map(f => ({ ...f, size: f.type === 'file' ? f.size : 0 }))
const layer: fc.Arbitrary<Layer> = fc.record({
  files: fc.uniqueArray(file, { selector: f => f.path, maxLength: 10 }),
  whiteouts: fc.array(path, { maxLength: 3 }),
  opaqueDirs: fc.array(fc.oneof(path, fc.constant('')), { maxLength: 2 })
})

const byPath = (w: WastedFile[]) => [...w].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.layer - y.layer || x.removedBy - y.removedBy))

describe('mergeLayers (property)', () => {
  test('agrees with the naive overlay model', () => {
    fc.assert(
      fc.property(fc.array(layer, { maxLength: 6 }), layers => {
        const got = mergeLayers(layers)
        const want = naiveMerge(layers)
        expect(new Map([...got.files].sort())).toEqual(new Map([...want.files].sort()))
        expect(got.wastedBytes).toEqual(want.wastedBytes)
        expect(byPath(got.wasted)).toEqual(byPath(want.wasted))
      }),
      fuzzParams(500)
    )
  })

  test('150,000 files and 5,000 whiteouts merge whole (their growth in time is `npm run bench merge`)', () => {
    const files: LayerFile[] = []
    for (let d = 0; d < 5000; d++) for (let f = 0; f < 30; f++) files.push({ path: `usr/d${d}/f${f}`, type: 'file', size: 10, mode: 0o644, uid: 0, gid: 0 })
    const whiteouts = Array.from({ length: 5000 }, (_, d) => (d % 2 ? `usr/d${d}` : `usr/d${d}/f0`))
    const merged = mergeLayers([
      { files, whiteouts: [], opaqueDirs: [] },
      { files: [], whiteouts, opaqueDirs: ['usr/d7'] }
    ])
    // Odd d: the whole directory whited out (30 files); even d: only f0; d7 is odd already.
    const kept = [...merged.files.keys()].filter(p => p.startsWith('usr/d'))
    expect(kept).toHaveLength(2500 * 29)
    expect(merged.files.has('usr/d0/f1')).toBe(true)
    expect(merged.files.has('usr/d0/f0')).toBe(false)
    expect(merged.files.has('usr/d1/f1')).toBe(false)
    expect(merged.wastedBytes).toEqual([(2500 * 30 + 2500) * 10, 0])
  })
})
