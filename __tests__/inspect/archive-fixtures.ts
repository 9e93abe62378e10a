/** Image archives as `docker save` writes them (OCI layout with blobs first, or classic), in memory. */
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { Docker, type ImageInspect } from '../../src/docker/docker.js'
import { gzip, makeTar, type Entry } from './tar-fixtures.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export interface ImageSpec {
  layers: Entry[][]
  history?: { created_by?: string; empty_layer?: boolean }[]
  config?: Record<string, unknown>
  /** Replace a layer blob by these bytes (after computing everything else). */
  corruptLayer?: { index: number; bytes: Buffer }
}

export interface BuiltArchive {
  archive: Buffer
  diffIds: string[]
  configDigest: string
}

/** OCI layout as docker 26 (containerd store) writes it: gzip blobs, then index.json, manifest.json. */
export async function ociArchive(spec: ImageSpec): Promise<BuiltArchive> {
  const tars = await Promise.all(spec.layers.map(makeTar))
  const diffIds = tars.map(t => `sha256:${sha(t)}`)
  let blobs = tars.map(gzip)
  if (spec.corruptLayer) blobs = blobs.map((b, i) => (i === spec.corruptLayer!.index ? spec.corruptLayer!.bytes : b))
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: '1000', Env: ['PATH=/bin'], ...spec.config },
      history: spec.history ?? spec.layers.map(() => ({ created_by: 'RUN /bin/sh -c x # buildkit' })),
      rootfs: { type: 'layers', diff_ids: diffIds }
    })
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { digest: `sha256:${sha(config)}`, size: config.length },
      layers: blobs.map(b => ({ digest: `sha256:${sha(b)}`, size: b.length }))
    })
  )
  const inner = Buffer.from(
    JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${sha(manifest)}`, platform: { os: 'linux', architecture: 'amd64' } }] })
  )
  const docs = [...blobs, config, manifest, inner]
  const unique = new Map(docs.map(d => [sha(d), d]))
  const entries: Entry[] = [...unique].sort(([a], [b]) => a.localeCompare(b)).map(([h, d]) => ({ name: `blobs/sha256/${h}`, body: d }))
  entries.push({ name: 'index.json', body: JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${sha(inner)}` }] }) })
  return { archive: await makeTar(entries), diffIds, configDigest: `sha256:${sha(config)}` }
}

/** Classic layout: `<id>/layer.tar` uncompressed, `<config>.json`, manifest.json last. */
export async function classicArchive(spec: ImageSpec): Promise<BuiltArchive> {
  const tars = await Promise.all(spec.layers.map(makeTar))
  const diffIds = tars.map(t => `sha256:${sha(t)}`)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'arm64',
      os: 'linux',
      config: { User: '', ...spec.config },
      history: spec.history ?? spec.layers.map(() => ({ created_by: '/bin/sh -c x' })),
      rootfs: { type: 'layers', diff_ids: diffIds }
    })
  )
  const entries: Entry[] = tars.map((t, i) => ({ name: `layer${i}/layer.tar`, body: t }))
  entries.push({ name: `${sha(config)}.json`, body: config })
  entries.push({ name: 'manifest.json', body: JSON.stringify([{ Config: `${sha(config)}.json`, Layers: tars.map((_, i) => `layer${i}/layer.tar`) }]) })
  return { archive: await makeTar(entries), diffIds, configDigest: `sha256:${sha(config)}` }
}

/**
 * A Docker whose image store holds one image (or none), served from an in-memory archive.
 * Its `save` behaves like the engine's export: `done` settles only once the stream has been read
 * to its end (then fails with `saveError`, if given, or succeeds), or rejects when the reader
 * closes the stream early. A reader that neither reads on nor destroys the stream waits forever,
 * as on a real engine whose pipe is full.
 */
export class FakeDocker extends Docker {
  saves = 0
  /** The streams `save` handed out, latest last (tests look at how they ended). */
  readonly streams: Readable[] = []
  constructor(
    private readonly image: { id: string; archive: Buffer; diffIds: string[] } | undefined,
    private readonly saveError?: string
  ) {
    super(async () => ({ exitCode: 1, stdout: '', stderr: 'no engine in unit tests' }))
  }

  override async inspectImage(): Promise<ImageInspect | undefined> {
    if (!this.image) return undefined
    return { Id: this.image.id, Size: 0, RootFS: { Layers: this.image.diffIds } }
  }

  override async save(): Promise<{ stream: Readable; done: Promise<void> }> {
    this.saves++
    const buf = this.image?.archive ?? Buffer.alloc(0)
    const parts: Buffer[] = []
    for (let i = 0; i < buf.length; i += 65536) parts.push(buf.subarray(i, i + 65536))
    // One chunk in flight at a time, as through a pipe: nothing is read ahead of the consumer.
    const stream = Readable.from(parts, { highWaterMark: 1 })
    this.streams.push(stream)
    const done = new Promise<void>((ok, ko) => {
      stream.on('end', () => (this.saveError ? ko(new Error(this.saveError)) : ok()))
      stream.on('close', () => {
        if (!stream.readableEnded) ko(new Error('docker save: the reader closed the stream early'))
      })
    })
    done.catch(() => {}) // the caller may look at it late
    return { stream, done }
  }
}
