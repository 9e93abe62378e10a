import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildIdentity, engineRefs, layoutConfigDigest } from '../../src/build/build.js'
import { exportPlan } from '../../src/build/exporters.js'
import type { BuilderFeatures } from '../../src/docker/builder.js'

const features = (over: Partial<BuilderFeatures> = {}): BuilderFeatures => ({ ociExporter: true, multiPlatform: true, multipleExporters: true, source: 'buildx', ...over })
const classic = features({ ociExporter: false, multiPlatform: false })
const builder = (driver: string, f: BuilderFeatures) => ({ name: 'b', driver, features: f })
const inputs = (over: { load?: boolean; push?: boolean; platforms?: string[]; outputs?: string[] } = {}) => ({ load: false, push: false, platforms: [], ...over })

describe('exportPlan: the audit reads what the build produced', () => {
  test.each([
    ['docker driver, containerd store: loaded (as the docker driver always does) and an OCI layout in the same build', inputs(), builder('docker', features()), { load: true, layout: 'same-build', inEngine: true }],
    ['docker driver, containerd store, push: the push exporter stores the image itself, no --load beside it', inputs({ push: true }), builder('docker', features()), { load: false, layout: 'same-build', inEngine: true }],
    ['docker driver, containerd store, two platforms: same', inputs({ platforms: ['linux/amd64', 'linux/arm64'] }), builder('docker', features()), { load: true, layout: 'same-build', inEngine: true }],
    ['docker driver, classic store: the engine export (no layout), image in the engine by itself', inputs(), builder('docker', classic), { load: false, layout: 'none', inEngine: true }],
    ['docker driver, classic store, a local output (outputs): loaded explicitly, as a named exporter replaces the implicit store', inputs({ outputs: ['type=local,dest=out'] }), builder('docker', classic), { load: true, layout: 'none', inEngine: true }],
    ['docker driver, classic store, an image output: no --load beside it', inputs({ outputs: ['type=image,name=r/a'] }), builder('docker', classic), { load: false, layout: 'none', inEngine: true }],
    ['docker-container: never loaded just to audit; the layout only', inputs(), builder('docker-container', features()), { load: false, layout: 'same-build', inEngine: false }],
    ['docker-container, load: true: loaded and the layout in the same build', inputs({ load: true }), builder('docker-container', features()), { load: true, layout: 'same-build', inEngine: true }],
    ['remote, push, BuildKit 0.12 (one exporter a build): the layout in a second, cached build', inputs({ push: true }), builder('remote', features({ multipleExporters: false })), { load: false, layout: 'second-build', inEngine: false }],
    ['kubernetes, nothing else to export, BuildKit 0.12: the layout is the only exporter', inputs(), builder('kubernetes', features({ multipleExporters: false })), { load: false, layout: 'same-build', inEngine: false }]
  ])('%s', (_name, i, b, expected) => {
    expect(exportPlan(i, b)).toEqual(expected)
  })

  test('two platforms on the classic store: blocked before building, one line saying why and what to do', () => {
    const plan = exportPlan(inputs({ platforms: ['linux/amd64', 'linux/arm64'] }), builder('docker', classic))
    expect(plan.blocked).toMatch(/^platforms: a multi-platform image \(linux\/amd64, linux\/arm64\) cannot be built, stored or audited on the classic image store .*use a docker-container builder .* or turn on the containerd image store$/)
    expect(plan.blocked).not.toContain('\n')
  })

  test('push-by-digest on the docker driver (any image store): blocked before building, as buildx refuses it', () => {
    const byDigest = inputs({ outputs: ['type=image,name=127.0.0.1:5000/app,push-by-digest=true,name-canonical=true,push=true'], platforms: ['linux/arm64'] })
    for (const f of [features(), classic]) {
      expect(exportPlan(byDigest, builder('docker', f)).blocked).toBe(
        'outputs: push-by-digest cannot be done by the docker driver (builder "b"): use a docker-container builder (docker/setup-buildx-action) or a remote BuildKit'
      )
    }
    expect(exportPlan(byDigest, builder('docker-container', features()))).toEqual({ load: false, layout: 'same-build', inEngine: false })
  })

  test('a non-docker builder that cannot export OCI is blocked', () => {
    expect(exportPlan(inputs(), builder('remote', features({ ociExporter: false }))).blocked).toMatch(/cannot export an OCI layout/)
  })
})

describe('buildIdentity: digests from the metadata file', () => {
  test('an index (attestations on): manifest digest is the index, config digest as given', () => {
    const m = {
      'containerimage.config.digest': 'sha256:' + 'c'.repeat(64),
      'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:' + 'i'.repeat(64), size: 855 },
      'containerimage.digest': 'sha256:' + 'i'.repeat(64)
    }
    expect(buildIdentity(JSON.stringify(m))).toEqual({ manifestDigest: 'sha256:' + 'i'.repeat(64), configDigest: 'sha256:' + 'c'.repeat(64) })
  })
  test('a manifest without containerimage.digest: the descriptor gives it', () => {
    const m = { 'containerimage.descriptor': { digest: 'sha256:' + 'm'.repeat(64) } }
    expect(buildIdentity(JSON.stringify(m))).toEqual({ manifestDigest: 'sha256:' + 'm'.repeat(64), configDigest: undefined })
  })
  test('a single manifest pushed by digest (what buildx wrote for a linux/arm64 part): its platform from the descriptor', () => {
    const m = {
      'containerimage.config.digest': 'sha256:' + 'c'.repeat(64),
      'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:' + 'd'.repeat(64), size: 476, platform: { architecture: 'arm64', os: 'linux' } },
      'containerimage.digest': 'sha256:' + 'd'.repeat(64),
      'image.name': '127.0.0.1:5000/part-app'
    }
    expect(buildIdentity(JSON.stringify(m))).toEqual({ manifestDigest: 'sha256:' + 'd'.repeat(64), configDigest: 'sha256:' + 'c'.repeat(64), descriptorPlatform: 'linux/arm64' })
  })
  test('unreadable metadata gives nothing', () => {
    expect(buildIdentity('{')).toEqual({})
    expect(buildIdentity('{"containerimage.digest": 42}')).toEqual({ manifestDigest: undefined, configDigest: undefined })
  })
})

describe('layoutConfigDigest: the image id from the OCI layout when the metadata names only an index', () => {
  test('an index with the image and an attestation manifest (provenance beside a local output): the image config', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-layout-'))
    try {
      const blob = (digest: string, doc: unknown) => {
        fs.mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true })
        fs.writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), JSON.stringify(doc))
      }
      const d = (c: string) => `sha256:${c.repeat(64)}`
      blob(d('a'), {
        manifests: [
          { digest: d('b'), platform: { os: 'linux', architecture: 'amd64' } },
          { digest: d('c'), platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
        ]
      })
      blob(d('b'), { config: { digest: d('e') }, layers: [] })
      blob(d('c'), { config: { digest: d('f') }, layers: [] })
      fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: d('a'), mediaType: 'application/vnd.oci.image.index.v1+json' }] }))
      expect(layoutConfigDigest(dir)).toBe(d('e'))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('no layout: undefined', () => {
    expect(layoutConfigDigest(path.join(os.tmpdir(), 'sc-no-such-layout'))).toBeUndefined()
  })
})

describe('engineRefs: what the loaded image may be called in the engine', () => {
  const d = (c: string) => `sha256:${c.repeat(64)}`
  test('no layout: the metadata digest, then the iidfile (each once)', () => {
    expect(engineRefs(d('i'), d('c'), undefined)).toEqual([d('i'), d('c')])
    expect(engineRefs(d('i'), d('i'), undefined)).toEqual([d('i')])
    expect(engineRefs(undefined, d('c'), path.join(os.tmpdir(), 'sc-no-such-layout'))).toEqual([d('c')])
  })

  test("load + push on buildx 0.29: both name the pushed index; the engine holds the layout's platform manifest", () => {
    // What a docker-container builder wrote beside `--output type=docker --push` (sid engine, buildx
    // 0.29): index.json names the pushed index, whose blob the layout lacks; the manifest is there.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-layout-'))
    try {
      const blobs = path.join(dir, 'blobs', 'sha256')
      fs.mkdirSync(blobs, { recursive: true })
      const blob = (digest: string, doc: unknown) => fs.writeFileSync(path.join(blobs, digest.slice(7)), typeof doc === 'string' ? doc : JSON.stringify(doc))
      blob(d('b'), {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: d('e'), size: 2 },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d('f'), size: 4 }]
      })
      blob(d('e'), { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [d('9')] } })
      blob(d('f'), '\u001f\u008b..')
      fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: d('a'), mediaType: 'application/vnd.oci.image.index.v1+json' }] }))
      expect(engineRefs(d('a'), d('a'), dir)).toEqual([d('a'), d('b')])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
