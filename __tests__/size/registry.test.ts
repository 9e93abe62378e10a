import type { Docker } from '../../src/docker/docker.js'
import { registryLayerSizes, withRegistrySizes } from '../../src/size/registry.js'
import { sizeReport } from '../../src/size/model.js'

describe('withRegistrySizes', () => {
  const layer = (index: number) => ({
    index,
    digest: `d${index}`,
    bytes: 1000,
    compressedBytes: 400,
    instruction: 'RUN x',
    line: 1,
    fromBase: false,
    wastedBytes: 0
  })
  const r = sizeReport('img', [layer(0), layer(1)], 'blob')
  test('takes the pushed layer sizes and says where they came from', () => {
    const w = withRegistrySizes(r, [390, 410])
    expect(w).toMatchObject({ compressedBytes: 800, compressedFrom: 'registry' })
    expect(w.layers.map(l => l.compressedBytes)).toEqual([390, 410])
  })
  test('a manifest that does not line up with the layers is not used', () => {
    expect(withRegistrySizes(r, [1])).toBe(r)
  })
})

describe('registryLayerSizes', () => {
  const manifests: Record<string, { layers?: { size: number }[]; manifests?: { digest: string; platform?: { os: string; architecture: string } }[] }> = {
    'reg/app@sha256:index': {
      manifests: [
        { digest: 'sha256:arm', platform: { os: 'linux', architecture: 'arm64' } },
        { digest: 'sha256:att', platform: { os: 'unknown', architecture: 'unknown' } },
        { digest: 'sha256:amd', platform: { os: 'linux', architecture: 'amd64' } }
      ]
    },
    'reg/app@sha256:amd': { layers: [{ size: 10 }, { size: 20 }] },
    'reg/app@sha256:arm': { layers: [{ size: 30 }] },
    'reg/app@sha256:single': { layers: [{ size: 5 }] },
    'reg/app@sha256:empty': {}
  }
  const docker = {
    registryManifest: async (ref: string) => {
      if (!manifests[ref]) throw new Error(`no ${ref}`)
      return manifests[ref]
    }
  } as unknown as Docker
  test("an index: the platform's manifest, matched on os and architecture", async () => {
    await expect(registryLayerSizes(docker, 'reg/app', 'sha256:index', { os: 'linux', architecture: 'amd64' })).resolves.toEqual([10, 20])
    await expect(registryLayerSizes(docker, 'reg/app', 'sha256:index', { os: 'linux', architecture: 'arm64' })).resolves.toEqual([30])
  })
  test('an index without the platform says which platform is missing', async () => {
    await expect(registryLayerSizes(docker, 'reg/app', 'sha256:index', { os: 'unknown', architecture: 'arm64' })).rejects.toThrow(
      'the pushed index has no unknown/arm64 manifest'
    )
  })
  test('a single manifest is read directly; no layers is an empty list', async () => {
    await expect(registryLayerSizes(docker, 'reg/app', 'sha256:single', { os: 'linux', architecture: 'amd64' })).resolves.toEqual([5])
    await expect(registryLayerSizes(docker, 'reg/app', 'sha256:empty', { os: 'linux', architecture: 'amd64' })).resolves.toEqual([])
  })
})
