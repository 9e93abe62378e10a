import { assemblePart, platformName } from '../../src/build/part.js'

const d = (c: string) => `sha256:${c.repeat(64)}`
const NAME = '127.0.0.1:5000/part-app'

describe('assemblePart: the part report from what the registry holds under the pushed digest', () => {
  test('one manifest: the platform named by buildx metadata descriptor', () => {
    expect(assemblePart(NAME, d('a'), { mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] }, { descriptorPlatform: 'linux/arm64', requested: [] })).toEqual({
      name: NAME,
      digest: d('a'),
      platforms: [{ platform: 'linux/arm64', digest: d('a') }]
    })
  })

  test('one manifest, no descriptor platform: the only platform asked for', () => {
    expect(assemblePart(NAME, d('a'), { layers: [] }, { requested: ['linux/amd64'] }).platforms).toEqual([{ platform: 'linux/amd64', digest: d('a') }])
  })

  test('one manifest and nothing to name its platform: a plain error saying what to set', () => {
    expect(() => assemblePart(NAME, d('a'), { layers: [] }, { requested: [] })).toThrow(`cannot tell which platform ${NAME}@${d('a')} is (set platforms)`)
  })

  test('an index with an attestation manifest (provenance on): each platform manifest, attestations left out', () => {
    const index = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: d('b'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { digest: d('c'), platform: { os: 'linux', architecture: 'amd64' } },
        { digest: d('e'), platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
      ]
    }
    expect(assemblePart(NAME, d('f'), index, { requested: ['linux/arm64', 'linux/amd64'] })).toEqual({
      name: NAME,
      digest: d('f'),
      platforms: [
        { platform: 'linux/arm64/v8', digest: d('b') },
        { platform: 'linux/amd64', digest: d('c') }
      ]
    })
  })

  test('an index of attestations only, or a manifest without a platform, is an error', () => {
    const onlyAttestations = { manifests: [{ digest: d('e'), platform: { os: 'unknown', architecture: 'unknown' } }] }
    expect(() => assemblePart(NAME, d('f'), onlyAttestations, { requested: [] })).toThrow('holds no platform manifest')
    expect(() => assemblePart(NAME, d('f'), { manifests: [{ digest: d('b') }] }, { requested: [] })).toThrow(`lists manifest ${d('b')} without a platform`)
  })

  test('platformName', () => {
    expect(platformName({ os: 'linux', architecture: 'arm', variant: 'v7' })).toBe('linux/arm/v7')
    expect(platformName({ os: 'linux', architecture: 'amd64', variant: '' })).toBe('linux/amd64')
  })
})
