/**
 * The builders the scale-out runs on are the ones the issue names: BuildKit v0.29.0 as a
 * `docker-container` builder (setup-buildx-action's) and as a `remote` daemon (a build farm's),
 * each building two platforms with no emulation (a FROM scratch runner laid out by a
 * `--platform=$BUILDPLATFORM` stage) and pushing by digest to the local registry, as the docs'
 * "distribute build across multiple runners" recipe does.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BUILDKIT_VERSION, REGISTRY, buildx, registryDigest, registryManifest, sharedBuilders, type BuilderKind } from '../helpers/buildkit-builders.js'

const REPO = 'bk-app'
let builders: Record<BuilderKind, string>
let dir: string

beforeAll(() => {
  builders = sharedBuilders()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-builders-'))
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM --platform=$BUILDPLATFORM busybox:stable AS layout',
      'ARG TARGETPLATFORM',
      'ARG NONCE',
      'RUN mkdir -p /out/etc && echo "app for $TARGETPLATFORM ($NONCE)" > /out/etc/app.txt',
      'FROM scratch',
      'COPY --from=layout /out/ /',
      ''
    ].join('\n')
  )
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe.each<BuilderKind>(['container', 'remote'])('the %s builder', kind => {
  test('is BuildKit v0.29.0 with the driver the issue names', async () => {
    const r = await buildx(['inspect', '--bootstrap', builders[kind]])
    expect(r.status).toBe(0)
    expect(r.output).toMatch(new RegExp(`BuildKit version:\\s+${BUILDKIT_VERSION.replace(/\./g, '\\.')}\\n`))
    expect(r.output).toMatch(new RegExp(`Driver:\\s+${kind === 'container' ? 'docker-container' : 'remote'}\\n`))
  })

  test('builds linux/amd64 + linux/arm64 with no emulation and pushes by digest; the registry serves that digest', async () => {
    const metadata = path.join(dir, `metadata-${kind}.json`)
    const r = await buildx([
      'build',
      '--builder',
      builders[kind],
      '--platform',
      'linux/amd64,linux/arm64',
      '--build-arg',
      `NONCE=${kind}-${Date.now()}`,
      '--output',
      `type=image,name=${REGISTRY}/${REPO},push-by-digest=true,name-canonical=true,push=true`,
      '--metadata-file',
      metadata,
      dir
    ])
    expect(r.output).not.toMatch(/ERROR/)
    expect(r.status).toBe(0)
    const meta = JSON.parse(fs.readFileSync(metadata, 'utf8')) as Record<string, unknown>
    const digest = meta['containerimage.digest'] as string
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(meta['image.name']).toBe(`${REGISTRY}/${REPO}`)
    // Pushed by digest: no tag, and the registry serves exactly that index.
    expect(await registryDigest(REPO, digest)).toBe(digest)
    const index = await registryManifest(REPO, digest)
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const platforms = (index.manifests ?? []).filter(m => m.platform?.os === 'linux').map(m => `${m.platform?.os}/${m.platform?.architecture}`)
    expect(platforms.sort()).toEqual(['linux/amd64', 'linux/arm64'])
    // The arm64 layout ran on the build platform (no QEMU): BuildKit names it amd64->arm64.
    expect(r.output).toMatch(/\[linux\/amd64->arm64 layout 2\/2\] RUN /)
  })
})
