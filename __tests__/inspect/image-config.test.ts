/**
 * The JSON documents of an image export, as docker save (Docker 25+: index.json and manifest.json),
 * BuildKit's oci exporter and older engines (manifest.json only) write them.
 */
import { blobPath, manifestsAmongBlobs, parseImageConfig, platformString, resolveImages } from '../../src/inspect/image-config.js'

const d = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'

const manifest = (config: string, layers: [string, number][]) => ({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 1000 },
  layers: layers.map(([digest, size]) => ({ mediaType: LAYER, digest, size }))
})
/** BuildKit's provenance / SBOM manifest: in-toto layers, attached to an image manifest. */
const attestation = (config: string) => ({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config, size: 167 },
  layers: [
    { mediaType: 'application/vnd.in-toto+json', digest: d(9), size: 5000, annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } }
  ]
})
const reader = (docs: Record<string, unknown>) => (p: string) => docs[p]

describe('resolveImages', () => {
  test('docker save of a multi-platform image: index.json → image index → one manifest per platform, attestations counted and skipped', () => {
    const docs = {
      'index.json': {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ mediaType: OCI_INDEX, digest: d(1), size: 800, annotations: { 'io.containerd.image.name': 'docker.io/library/app:1' } }]
      },
      [blobPath(d(1))]: {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          { mediaType: OCI_MANIFEST, digest: d(2), size: 700, platform: { architecture: 'amd64', os: 'linux' } },
          { mediaType: OCI_MANIFEST, digest: d(3), size: 700, platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
          {
            mediaType: OCI_MANIFEST,
            digest: d(4),
            size: 560,
            annotations: { 'vnd.docker.reference.digest': d(2), 'vnd.docker.reference.type': 'attestation-manifest' },
            platform: { architecture: 'unknown', os: 'unknown' }
          }
        ]
      },
      [blobPath(d(2))]: manifest(d(5), [[d(6), 1234]]),
      [blobPath(d(3))]: manifest(d(7), [[d(8), 99]])
    }
    expect(resolveImages(reader(docs))).toEqual({
      images: [
        {
          platform: 'linux/amd64',
          manifestDigest: d(2),
          configPath: `blobs/sha256/${'5'.repeat(64)}`,
          layerPaths: [`blobs/sha256/${'6'.repeat(64)}`],
          layerSizes: [1234],
          layerMediaTypes: [LAYER]
        },
        {
          platform: 'linux/arm64/v8',
          manifestDigest: d(3),
          configPath: `blobs/sha256/${'7'.repeat(64)}`,
          layerPaths: [`blobs/sha256/${'8'.repeat(64)}`],
          layerSizes: [99],
          layerMediaTypes: [LAYER]
        }
      ],
      attestations: 1,
      missing: []
    })
  })

  test.each([
    ['the reference-type annotation alone', { 'vnd.docker.reference.type': 'attestation-manifest' }, { os: 'linux', architecture: 'amd64' }],
    ['os unknown', {}, { os: 'unknown', architecture: 'amd64' }],
    ['architecture unknown', {}, { os: 'linux', architecture: 'unknown' }]
  ])('an attestation is known by %s', (_, annotations, platform) => {
    const docs = {
      'index.json': { manifests: [{ digest: d(4), annotations, platform }] },
      [blobPath(d(4))]: attestation(d(5))
    }
    expect(resolveImages(reader(docs))).toEqual({ images: [], attestations: 1, missing: [] })
  })

  test('a platform the index lists but the export does not hold is missing (named, or ? without a platform)', () => {
    const docs = {
      'index.json': {
        manifests: [
          { digest: d(2), platform: { os: 'linux', architecture: 'amd64' } },
          { digest: d(3), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
          { digest: d(4) }
        ]
      },
      [blobPath(d(2))]: manifest(d(5), [])
    }
    const out = resolveImages(reader(docs))
    expect(out.images.map(i => i.platform)).toEqual(['linux/amd64'])
    expect(out.missing).toEqual(['linux/arm/v7', '?'])
  })

  test('the same manifest listed twice (an image index and the manifest beside it) is one image', () => {
    const docs = {
      'index.json': { manifests: [{ digest: d(1) }, { digest: d(2), platform: { os: 'linux', architecture: 'amd64' } }] },
      [blobPath(d(1))]: { manifests: [{ digest: d(2), platform: { os: 'linux', architecture: 'amd64' } }] },
      [blobPath(d(2))]: manifest(d(5), [[d(6), 1]])
    }
    expect(resolveImages(reader(docs)).images).toHaveLength(1)
  })

  test('descriptors without a digest, and manifests without a config, are left out', () => {
    const docs = {
      'index.json': { manifests: [{ platform: { os: 'linux', architecture: 'amd64' } }, { digest: d(2) }, 'not a descriptor'] },
      [blobPath(d(2))]: { schemaVersion: 2, layers: [] }
    }
    expect(resolveImages(reader(docs))).toEqual({ images: [], attestations: 0, missing: [] })
  })

  test('an index that lists itself ends (nesting is followed four levels deep, no further)', () => {
    const selfish = { manifests: [{ digest: d(1) }] }
    expect(resolveImages(reader({ 'index.json': selfish, [blobPath(d(1))]: selfish })).images).toEqual([])
    // index.json → 1 → 2 → 3 → 4 → image: depth 4 is still read; one level more is not.
    const chain = (levels: number) => {
      const docs: Record<string, unknown> = { 'index.json': { manifests: [{ digest: d(1) }] } }
      for (let i = 1; i < levels; i++) docs[blobPath(d(i))] = { manifests: [{ digest: d(i + 1) }] }
      docs[blobPath(d(levels))] = manifest(d(9), [])
      return docs
    }
    expect(resolveImages(reader(chain(5))).images.map(i => i.manifestDigest)).toEqual([d(5)])
    expect(resolveImages(reader(chain(6))).images).toEqual([])
  })

  test('manifest.json (docker save before Docker 25, classic store) when index.json gives no image', () => {
    const docs = {
      'index.json': { manifests: [] },
      'manifest.json': [
        { Config: 'blobs/sha256/aaaa', RepoTags: ['app:1'], Layers: ['blobs/sha256/l1', 'blobs/sha256/l2', 7] },
        { RepoTags: ['broken'] },
        { Config: 'blobs/sha256/bbbb', RepoTags: ['app:2'] }
      ]
    }
    expect(resolveImages(reader(docs))).toEqual({
      images: [
        { platform: '', configPath: 'blobs/sha256/aaaa', layerPaths: ['blobs/sha256/l1', 'blobs/sha256/l2', ''] },
        { platform: '', configPath: 'blobs/sha256/bbbb', layerPaths: [] }
      ],
      attestations: 0,
      missing: []
    })
  })

  test('manifest.json replaces what a failed index walk listed as missing', () => {
    const docs = {
      'index.json': { manifests: [{ digest: d(2), platform: { os: 'linux', architecture: 'amd64' } }] },
      'manifest.json': [{ Config: 'c', Layers: [] }]
    }
    expect(resolveImages(reader(docs)).missing).toEqual([])
  })

  test('manifest.json whose first entry has no config is not an image list; nothing at all is no image', () => {
    expect(resolveImages(reader({ 'manifest.json': [{ Layers: [] }, { Config: 'c', Layers: [] }] })).images).toEqual([])
    expect(resolveImages(reader({ 'manifest.json': {} })).images).toEqual([])
    expect(resolveImages(reader({ 'manifest.json': [[{ Config: 'c' }]] })).images).toEqual([])
    expect(resolveImages(reader({}))).toEqual({ images: [], attestations: 0, missing: [] })
  })
})

describe('manifestsAmongBlobs', () => {
  const blob = (digest: string, doc: unknown) => ({ digest, read: () => doc })

  test('image manifests only: attestations, indexes, other configs and non-documents are skipped', () => {
    const found = manifestsAmongBlobs([
      blob(d(1), manifest(d(5), [[d(6), 10]])),
      blob(d(2), attestation(d(5))),
      blob(d(3), { manifests: [], config: { digest: d(5) }, layers: [] }),
      blob(d(4), { config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: d(5) }, layers: [] }),
      blob(d(7), { config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: d(5) }, layers: [{ digest: d(6), size: 3 }, 'x'] }),
      blob(d(8), { config: { digest: d(5) }, layers: 'none' }),
      blob(d(9), null)
    ])
    expect(found).toEqual([
      { platform: '', manifestDigest: d(1), configPath: blobPath(d(5)), layerPaths: [blobPath(d(6))], layerSizes: [10], layerMediaTypes: [LAYER] },
      { platform: '', manifestDigest: d(7), configPath: blobPath(d(5)), layerPaths: [blobPath(d(6))], layerSizes: [3], layerMediaTypes: [''] }
    ])
  })

  test('a manifest with one in-toto layer among others is an attestation', () => {
    const doc = manifest(d(5), [[d(6), 1]])
    doc.layers.push({ mediaType: 'application/vnd.in-toto+json', digest: d(9), size: 2 })
    expect(manifestsAmongBlobs([blob(d(1), doc)])).toEqual([])
  })
})

describe('parseImageConfig', () => {
  test('a config as BuildKit writes it', () => {
    const config = {
      architecture: 'arm',
      variant: 'v7',
      os: 'linux',
      created: '2026-01-01T00:00:00Z',
      config: {
        User: '1000:1000',
        Env: ['PATH=/usr/local/bin:/usr/bin', 'NODE_ENV=production'],
        Entrypoint: ['docker-entrypoint.sh'],
        Cmd: ['node', 'server.js'],
        WorkingDir: '/app',
        Labels: { 'org.opencontainers.image.source': 'https://github.com/o/r', odd: 7 },
        Healthcheck: { Test: ['CMD-SHELL', 'wget -qO- localhost:3000/health'], Interval: 30000000000 }
      },
      rootfs: { type: 'layers', diff_ids: [d(1), d(2)] },
      history: [
        { created: '2026-01-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
        { created_by: 'WORKDIR /app', comment: 'buildkit.dockerfile.v0' },
        { created_by: 'ENV NODE_ENV=production', comment: 'buildkit.dockerfile.v0', empty_layer: true },
        { created_by: 'USER 1000:1000', empty_layer: 'true' },
        'not an entry'
      ]
    }
    expect(parseImageConfig(config)).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
      user: '1000:1000',
      env: ['PATH=/usr/local/bin:/usr/bin', 'NODE_ENV=production'],
      labels: { 'org.opencontainers.image.source': 'https://github.com/o/r', odd: '' },
      healthcheck: ['CMD-SHELL', 'wget -qO- localhost:3000/health'],
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['node', 'server.js'],
      workingDir: '/app',
      history: [
        { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', emptyLayer: false, comment: undefined },
        { createdBy: 'WORKDIR /app', emptyLayer: false, comment: 'buildkit.dockerfile.v0' },
        { createdBy: 'ENV NODE_ENV=production', emptyLayer: true, comment: 'buildkit.dockerfile.v0' },
        { createdBy: 'USER 1000:1000', emptyLayer: false, comment: undefined }
      ],
      diffIds: [d(1), d(2)]
    })
  })

  test('a scratch image with nulls where docker writes them (Env, Cmd, Labels null; no history, no variant)', () => {
    const config = {
      architecture: 'amd64',
      os: 'linux',
      config: { Env: null, Cmd: null, Labels: null, Healthcheck: { Test: [] } },
      rootfs: { type: 'layers', diff_ids: [] }
    }
    expect(parseImageConfig(config)).toEqual({
      os: 'linux',
      architecture: 'amd64',
      variant: undefined,
      user: '',
      env: [],
      labels: {},
      healthcheck: undefined,
      entrypoint: [],
      cmd: [],
      workingDir: '',
      history: [],
      diffIds: []
    })
  })

  test.each([null, [], 'x', { config: [], rootfs: [] }])('not a config (%j): empty facts, no throw', doc => {
    expect(parseImageConfig(doc)).toMatchObject({ os: '', env: [], labels: {}, history: [], diffIds: [] })
  })
})

test.each([
  [{ os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
  [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux/arm64/v8'],
  [{ os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348' }, 'windows/amd64'],
  [{ architecture: 'amd64' }, 'amd64'],
  [{}, '']
])('platformString(%j) is %j', (p, s) => {
  expect(platformString(p)).toBe(s)
})
