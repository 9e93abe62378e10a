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

test('each wasted file is listed with the layer holding it and the layer that removed it', () => {
  const view = mergeLayers([
    layerFacts({ by: '', files: ['tmp/', ['tmp/t', 100], ['etc/conf', 5], ['etc/empty', 0]] }),
    layerFacts({ by: '', files: [['etc/conf', 7], ['etc/empty', 0]], whiteouts: ['tmp/t'] }),
    layerFacts({ by: '', whiteouts: ['etc'] })
  ])
  expect(view.wasted).toEqual([
    { path: 'tmp/t', size: 100, layer: 0, removedBy: 1 },
    { path: 'etc/conf', size: 5, layer: 0, removedBy: 1 },
    { path: 'etc/conf', size: 7, layer: 1, removedBy: 2 }
  ])
})
