import { mergeLayers } from '../../src/inspect/filesystem.js'
import { layerFacts } from '../audit/facts.js'

test('whiteouts, opaque dirs and overwrites: final view and wasted bytes per layer', () => {
  const view = mergeLayers([
    layerFacts({ by: '', files: ['tmp/', ['tmp/t', 100], 'app/', ['app/a', 10], ['app/b', 20], ['etc/conf', 5]] }),
    layerFacts({ by: '', files: [['etc/conf', 7]], whiteouts: ['tmp/t'] }),
    { ...layerFacts({ by: '', files: [['app/c', 1]] }), opaqueDirs: ['app'] }
  ])
  expect([...view.files.keys()].sort()).toEqual(['app', 'app/c', 'etc/conf', 'tmp'])
  expect(view.files.get('etc/conf')).toMatchObject({ layer: 1, size: 7 })
  expect(view.wastedBytes).toEqual([100 + 10 + 20 + 5, 0, 0])
})

test('deleting a directory deletes what is under it', () => {
  const view = mergeLayers([
    layerFacts({ by: '', files: ['var/lib/apt/lists/', ['var/lib/apt/lists/a', 1000], ['var/lib/apt/lists/b', 2000]] }),
    layerFacts({ by: '', whiteouts: ['var/lib/apt/lists'] })
  ])
  expect([...view.files.keys()]).toEqual([])
  expect(view.wastedBytes).toEqual([3000, 0])
})

/** The overlay rules written the plain, quadratic way: the reference the indexed merge must match. */
function referenceMerge(layers: { files: { path: string; size: number; type: string }[]; whiteouts: string[]; opaqueDirs: string[] }[]) {
  const files = new Map<string, { size: number; layer: number; type: string }>()
  const wasted = layers.map(() => 0)
  const drop = (p: string) => {
    const f = files.get(p)
    if (f) {
      wasted[f.layer] += f.size
      files.delete(p)
    }
  }
  const under = (d: string) => [...files.keys()].filter(p => p.startsWith(d ? `${d}/` : '') && p !== d).forEach(drop)
  layers.forEach((l, i) => {
    l.opaqueDirs.forEach(under)
    for (const w of l.whiteouts) {
      drop(w)
      under(w)
    }
    for (const f of l.files) {
      const old = files.get(f.path)
      if (old?.type === 'dir' && f.type !== 'dir') under(f.path)
      drop(f.path)
      files.set(f.path, { size: f.size, layer: i, type: f.type })
    }
  })
  return { files, wasted }
}

test('the indexed merge equals the plain overlay rules on random layer stacks (seeded)', () => {
  let seed = 42
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const names = ['a', 'b', 'c', 'lib', 'x']
  const randomPath = () => Array.from({ length: 1 + rnd(4) }, () => names[rnd(names.length)]).join('/')
  for (let round = 0; round < 200; round++) {
    const layers = Array.from({ length: 1 + rnd(5) }, () => ({
      files: Array.from({ length: rnd(12) }, () => {
        const type = rnd(4) === 0 ? 'dir' : 'file'
        return { path: randomPath(), size: type === 'dir' ? 0 : 1 + rnd(1000), type, mode: 0o644, uid: 0, gid: 0 } as const
      }),
      whiteouts: Array.from({ length: rnd(3) }, randomPath),
      opaqueDirs: rnd(4) === 0 ? [randomPath()] : []
    }))
    const got = mergeLayers(layers)
    const want = referenceMerge(layers)
    expect(got.wastedBytes).toEqual(want.wasted)
    expect([...got.files.keys()].sort()).toEqual([...want.files.keys()].sort())
    for (const [p, f] of want.files) expect(got.files.get(p)).toMatchObject({ layer: f.layer, size: f.size })
  }
})

test('each wasted file is listed with the layer holding it, the layer that removed it, and how', () => {
  const view = mergeLayers([
    layerFacts({ by: '', files: ['tmp/', ['tmp/t', 100], ['etc/conf', 5], ['etc/empty', 0]] }),
    layerFacts({
      by: '',
      files: [
        ['etc/conf', 7],
        ['etc/empty', 0]
      ],
      whiteouts: ['tmp/t']
    }),
    layerFacts({ by: '', whiteouts: ['etc'] })
  ])
  expect(view.wasted).toEqual([
    { path: 'tmp/t', size: 100, layer: 0, removedBy: 1, how: 'deleted' },
    { path: 'etc/conf', size: 5, layer: 0, removedBy: 1, how: 'overwritten' },
    { path: 'etc/conf', size: 7, layer: 1, removedBy: 2, how: 'deleted' }
  ])
})

test('a file written where a directory was hides everything that was under the directory', () => {
  const view = mergeLayers([
    layerFacts({ by: '', files: ['app/', ['app/a', 10], 'app/sub/', ['app/sub/b', 20], ['keep', 1]] }),
    layerFacts({ by: '', files: [['app', 5]] })
  ])
  expect([...view.files.keys()].sort()).toEqual(['app', 'keep'])
  expect(view.files.get('app')).toMatchObject({ layer: 1, size: 5, type: 'file' })
  expect(view.wastedBytes).toEqual([30, 0])
  expect(view.wasted.map(w => [w.path, w.removedBy, w.how]).sort()).toEqual([
    ['app/a', 1, 'deleted'],
    ['app/sub/b', 1, 'deleted']
  ])
})
