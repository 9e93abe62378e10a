import { buildkitAtLeast, parseBuilderInspect } from '../../src/docker/builder.js'

// `docker --debug buildx inspect` as buildx 0.13 prints it for the docker driver on each store.
const CONTAINERD = `Name:          default
Driver:        docker
Last Activity: 2026-11-23 13:22:52 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4
Features:
 Cache export:         true
 Docker exporter:      true
 Multi-platform build: true
 OCI exporter:         true
Labels:
 org.mobyproject.buildkit.worker.containerd.namespace: moby
 org.mobyproject.buildkit.worker.snapshotter:          overlayfs
`
const CLASSIC = `Name:          default
Driver:        docker

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/386
Features:
 Cache export:         false
 Docker exporter:      false
 Multi-platform build: false
 OCI exporter:         false
Labels:
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.31.250.1
`
const CONTAINER_NO_FEATURES = `Name:          builder
Driver:        docker-container

Nodes:
Name:      builder0
Endpoint:  unix:///var/run/docker.sock
Status:    running
BuildKit:  v0.12.5
Platforms: linux/amd64*, linux/arm64*
`

describe('parseBuilderInspect: features asked from buildx', () => {
  test('containerd store: the docker driver exports OCI and builds multi-platform', () => {
    const b = parseBuilderInspect(CONTAINERD)
    expect(b).toMatchObject({ name: 'default', driver: 'docker', buildkit: 'v0.0.0+unknown' })
    expect(b.features).toEqual({ ociExporter: true, multiPlatform: true, multipleExporters: true, source: 'buildx' })
  })
  test('classic store: it cannot', () => {
    expect(parseBuilderInspect(CLASSIC).features).toEqual({ ociExporter: false, multiPlatform: false, multipleExporters: true, source: 'buildx' })
  })
  test('a buildx that lists no features: inferred from driver and BuildKit version', () => {
    const b = parseBuilderInspect(CONTAINER_NO_FEATURES)
    expect(b.platforms).toEqual(['linux/amd64', 'linux/arm64'])
    expect(b.features).toEqual({ ociExporter: true, multiPlatform: true, multipleExporters: false, source: 'inferred' })
    const classicNoList = CLASSIC.replace(/Features:\n(?: .*\n)*/, '')
    expect(parseBuilderInspect(classicNoList).features).toMatchObject({ ociExporter: false, source: 'inferred' })
    const containerdNoList = CONTAINERD.replace(/Features:\n(?: .*\n)*/, '')
    expect(parseBuilderInspect(containerdNoList).features).toMatchObject({ ociExporter: true, source: 'inferred' })
  })
})

describe('buildkitAtLeast', () => {
  test.each([
    ['v0.13.2', false, true],
    ['v0.12.5', true, false],
    ['v1.0.0', false, true],
    ['v0.0.0+unknown', true, true],
    ['v0.0.0+unknown', false, false],
    [undefined, false, false]
  ])('%s (unknown counts as recent: %s) → %s', (v, unknown, expected) => {
    expect(buildkitAtLeast(v, 0, 13, unknown)).toBe(expected)
  })
})
