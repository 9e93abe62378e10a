/** The image summary: per layer sizes, counts and origin, and the image's totals. */
import { mergeLayers } from '../../src/inspect/filesystem.js'
import type { LayerOrigin } from '../../src/inspect/history.js'
import { summarise } from '../../src/inspect/summary.js'
import type { ImageFacts } from '../../src/inspect/types.js'
import { imageConfig, layerFacts, regularFile } from '../helpers/layer-facts.js'

const file = regularFile
const facts = layerFacts

const image: ImageFacts = {
  id: 'sha256:abc',
  platform: 'linux/arm/v7',
  config: imageConfig({ architecture: 'arm', variant: 'v7', user: '1000' }),
  configSecretHits: [],
  layers: [
    {
      index: 0,
      digest: 'sha256:l0',
      facts: facts({ tarBytes: 10_240, compressedBytes: 4_000, files: [file('bin/busybox', 8_000), { ...file('bin', 0), type: 'dir' }] })
    },
    {
      index: 1,
      digest: 'sha256:l1',
      facts: facts({ tarBytes: 3_072, compressedBytes: 900, compressedFrom: 'gzip-estimate', files: [file('bin/busybox', 1_000), file('app/a', 24)] })
    }
  ],
  secretIds: [],
  source: { streamed: 2, cached: 0, dockerSave: false }
}

test('per layer: sizes, file bytes and count, origin and the bytes a later layer wasted; totals over the layers', () => {
  const origins: LayerOrigin[] = [
    { instruction: '', line: 1, fromBase: true, stage: 0 },
    { instruction: 'COPY . /app # buildkit', line: 7, fromBase: false, stage: 2 }
  ]
  const fs = mergeLayers(image.layers.map(l => l.facts))
  expect(summarise(image, origins, fs)).toEqual({
    id: 'sha256:abc',
    user: '1000',
    os: 'linux',
    architecture: 'arm',
    variant: 'v7',
    totalBytes: 13_312,
    compressedBytes: 4_900,
    wastedBytes: 8_000,
    layers: [
      {
        index: 0,
        digest: 'sha256:l0',
        bytes: 10_240,
        fileBytes: 8_000,
        compressedBytes: 4_000,
        compressedFrom: 'blob',
        files: 2,
        instruction: '',
        line: 1,
        fromBase: true,
        wastedBytes: 8_000
      },
      {
        index: 1,
        digest: 'sha256:l1',
        bytes: 3_072,
        fileBytes: 1_024,
        compressedBytes: 900,
        compressedFrom: 'gzip-estimate',
        files: 2,
        instruction: 'COPY . /app # buildkit',
        line: 7,
        fromBase: false,
        wastedBytes: 0
      }
    ]
  })
})

test('a layer without an origin is the base image at line 1; one the filesystem view does not know wasted nothing', () => {
  const s = summarise(image, [], { files: new Map(), wastedBytes: [], wasted: [] })
  expect(s.layers.map(l => [l.instruction, l.line, l.fromBase, l.wastedBytes])).toEqual([
    ['', 1, true, 0],
    ['', 1, true, 0]
  ])
  expect(s.wastedBytes).toBe(0)
})
