/**
 * Properties of the tar and layer reader over random tars (built with tar-stream: odd paths,
 * whiteouts, links, long and unicode names, empty files) and over truncated, corrupted and
 * gzipped byte streams: every reader resolves or rejects with a one-line Error within a time
 * limit, a resolved read has consumed its input, and normalisePath is idempotent and fast.
 */
import fc from 'fast-check'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { readImageArchive, scanLayerStream } from '../../src/inspect/archive.js'
import { scanLayerTar } from '../../src/inspect/layer-scan.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import { forEachTarEntry, normalisePath, skipBody } from '../../src/inspect/tar-entries.js'
import { expectClearError, fuzzParams, withTimeout } from '../helpers/fuzz.js'
import { chunked, makeTar, type Entry } from './tar-fixtures.js'

const segment = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z0-9_-]{1,8}$/) },
  { weight: 2, arbitrary: fc.constantFrom('..', '.', '', '.wh.x', '.wh..wh..opq', '.wh.', '.wh..wh.plnk', 'node_modules', 'package.json', 'passwd', 'status') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('é', '€', '😀', '中', 'a', ' ', '\\', ':'), minLength: 1, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{60,120}$/) }
)
const tarPath = fc
  .tuple(fc.constantFrom('', './', '/', '//', './/'), fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '/'))
  .map(([lead, segs, trail]) => `${lead}${segs.join('/')}${trail}`)
  .filter(p => p.length > 0 && p.length < 1000)
const knownPath = fc.constantFrom(
  'etc/passwd',
  'var/lib/dpkg/status',
  'lib/apk/db/installed',
  'app/node_modules/x/package.json',
  'usr/lib/python3/x-1.0.dist-info/METADATA',
  'root/.npmrc'
)

const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc.record({
    name: fc.oneof(tarPath, knownPath),
    type: fc.constant('file' as const),
    body: fc.oneof(
      fc.uint8Array({ maxLength: 600 }).map(b => Buffer.from(b)),
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '',
        'root:x:0:0::/root:/bin/sh\nx:y\n',
        'Package: a\nStatus: install ok installed\nVersion: 1\n\n',
        '{"name":"n","version":"1"}',
        'Name: n\nVersion: 1\n',
        's3cr3t-Value-42'
      )
    )
  }),
  fc.record({ name: tarPath, type: fc.constant('directory' as const) }),
  fc.record({
    name: tarPath,
    type: fc.constantFrom('symlink' as const, 'link' as const),
    linkname: fc.oneof(tarPath, fc.constantFrom('/', '..', '../../etc/passwd'))
  })
)
const entries = fc.array(entry, { maxLength: 12 })

/** A valid tar, or what a broken producer or a cut connection would hand the reader. */
const damage = (tar: Buffer): fc.Arbitrary<Buffer> =>
  fc.oneof(
    fc.constant(tar),
    fc.nat({ max: Math.max(0, tar.length - 1) }).map(n => tar.subarray(0, n)),
    fc.array(fc.tuple(fc.nat({ max: Math.max(0, tar.length - 1) }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map(flips => {
      const b = Buffer.from(tar)
      for (const [i, v] of flips) b[i] = v
      return b
    }),
    fc.uint8Array({ maxLength: 2048 }).map(g => Buffer.concat([tar, Buffer.from(g)])),
    fc.uint8Array({ minLength: 1, maxLength: 2048 }).map(b => Buffer.from(b)),
    fc.constant(zlib.gzipSync(tar)),
    fc.nat().map(n => {
      const gz = zlib.gzipSync(tar)
      return gz.subarray(0, n % gz.length)
    })
  )

/** Random entries → tar bytes (async), then damaged and cut into chunks of a random size. */
const stream = fc.tuple(entries, fc.integer({ min: 1, max: 4096 }), fc.nat(), fc.boolean())
async function damaged(es: Entry[], pick: number, gz: boolean): Promise<Buffer> {
  const tar = await makeTar(es)
  const variants = fc.sample(damage(gz ? zlib.gzipSync(tar) : tar), { seed: pick, numRuns: 1 })
  return variants[0]
}

const LIMIT_MS = 5000

describe('normalisePath (property)', () => {
  test('no leading ./ or /, no trailing /, idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(tarPath, fc.string({ maxLength: 40 })), p => {
        const n = normalisePath(p)
        expect(n.startsWith('/')).toBe(false)
        expect(n.startsWith('./')).toBe(false)
        expect(n.endsWith('/')).toBe(false)
        expect(n === '.').toBe(false)
        expect(normalisePath(n)).toBe(n)
      }),
      fuzzParams(1000)
    )
  })

  // A hang guard, not a stopwatch: a quadratic scan of these takes minutes (the trailing-slash
  // regex took ~40 s on the first), past the test's timeout; a linear one, milliseconds.
  test(
    'long runs of slashes and ./ end (PAX paths have no length limit), with the right path',
    () => {
      const run = '/'.repeat(200_000)
      expect(normalisePath(`a${run}a`)).toBe(`a${run}a`)
      expect(normalisePath(`${'./'.repeat(100_000)}a`)).toBe('a')
      expect(normalisePath(run)).toBe('')
      expect(normalisePath(`a${run}`)).toBe('a')
    },
    LIMIT_MS
  )
})

describe('forEachTarEntry (property)', () => {
  test('a valid tar yields each entry once, in order, at any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(entries, fc.integer({ min: 1, max: 2048 }), async (es, size) => {
        const tar = await makeTar(es)
        const seen: string[] = []
        const input = chunked(tar, size)
        await withTimeout(
          forEachTarEntry(input, async (h, body) => {
            seen.push(h.name)
            await skipBody(body)
          }),
          LIMIT_MS,
          'forEachTarEntry'
        )
        expect(seen).toHaveLength(es.length)
        expect(input.readableEnded).toBe(true)
      }),
      fuzzParams(80)
    )
  })

  test('damaged bytes: resolves or rejects with a one-line Error, never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async ([es, size, pick, gz]) => {
        const bytes = await damaged(es, pick, gz)
        try {
          await withTimeout(
            forEachTarEntry(chunked(bytes, size), (_h, body) => skipBody(body)),
            LIMIT_MS,
            'forEachTarEntry'
          )
        } catch (e) {
          expect((e as Error).message).not.toMatch(/did not settle/)
          expectClearError(e)
        }
      }),
      fuzzParams(150)
    )
  })
})

describe('scanLayerTar (property)', () => {
  const needles = secretNeedles([{ id: 'tok', value: 's3cr3t-Value-42' }])

  test('valid layers: one file per entry that is not a whiteout, whiteouts and opaque dirs as normalised paths', async () => {
    await fc.assert(
      fc.asyncProperty(entries, fc.integer({ min: 1, max: 2048 }), async (es, size) => {
        const scan = await withTimeout(scanLayerTar(chunked(await makeTar(es), size), needles), LIMIT_MS, 'scanLayerTar')
        for (const f of scan.files) {
          expect(f.path).toBe(normalisePath(f.path))
          expect(f.path).not.toBe('')
          expect(f.size).toBeGreaterThanOrEqual(0)
        }
        for (const w of scan.whiteouts) expect(w.split('/').pop()).not.toBe('') // a whiteout names something
        expect(scan.files.length + scan.whiteouts.length + scan.opaqueDirs.length).toBeLessThanOrEqual(es.length)
      }),
      fuzzParams(80)
    )
  })

  test('damaged layers: resolves or rejects with a one-line Error, never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async ([es, size, pick]) => {
        const bytes = await damaged(es, pick, false)
        try {
          await withTimeout(scanLayerTar(chunked(bytes, size), needles), LIMIT_MS, 'scanLayerTar')
        } catch (e) {
          expect((e as Error).message).not.toMatch(/did not settle/)
          expectClearError(e)
        }
      }),
      fuzzParams(120)
    )
  })
})

describe('scanLayerStream and readImageArchive (property)', () => {
  const options = { needles: secretNeedles([{ id: 'tok', value: 's3cr3t-Value-42' }]), gzipLevel: 1 }

  test('a layer blob (plain, gzip, damaged): facts or an unreadable-blob error, input read to the end', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async ([es, size, pick, gz]) => {
        const bytes = await damaged(es, pick, gz)
        const input = chunked(bytes, size)
        const r = await withTimeout(scanLayerStream(input, bytes.length, options), LIMIT_MS, 'scanLayerStream')
        if ('error' in r) {
          expect(r.error.trim()).not.toBe('')
          expect(r.error).not.toMatch(/[\r\n]/)
        } else {
          expect(r.tarBytes).toBeGreaterThanOrEqual(0)
        }
        expect(input.readableEnded).toBe(true)
      }),
      fuzzParams(120)
    )
  })

  test('an archive of (damaged, gzipped) layer blobs and JSON: resolves having read it all, or rejects clearly', async () => {
    const archive = fc.tuple(
      fc.array(stream, { maxLength: 3 }),
      fc.array(fc.json({ maxDepth: 2 }), { maxLength: 2 }),
      fc.integer({ min: 1, max: 8192 }),
      fc.nat(),
      fc.boolean()
    )
    await fc.assert(
      fc.asyncProperty(archive, async ([layers, docs, size, pick, damageOuter]) => {
        const blobs: Entry[] = []
        for (const [i, [es, , p, gz]] of layers.entries()) blobs.push({ name: `blobs/sha256/${i}`, body: await damaged(es, p, gz) })
        docs.forEach((d, i) => blobs.push({ name: `${i}.json`, body: d }))
        blobs.push({ name: 'manifest.json', body: JSON.stringify([{ Config: '0.json', Layers: blobs.map(b => b.name) }]) })
        let bytes = await makeTar(blobs)
        if (damageOuter) bytes = fc.sample(damage(bytes), { seed: pick, numRuns: 1 })[0]
        const input = chunked(bytes, size)
        try {
          const contents = await withTimeout(readImageArchive(input, options), LIMIT_MS, 'readImageArchive')
          expect(input.readableEnded).toBe(true)
          for (const b of contents.blobs.values()) if ('error' in b) expect(b.error).not.toMatch(/[\r\n]/)
        } catch (e) {
          expect((e as Error).message).not.toMatch(/did not settle/)
          expectClearError(e)
        }
      }),
      fuzzParams(60)
    )
  })
})

describe('counterexamples the properties found', () => {
  test('normalisePath strips `/` and `./` in any order: `/./etc/passwd` is etc/passwd (the rules look there)', () => {
    expect(normalisePath('/./é')).toBe('é')
    expect(normalisePath('//./..')).toBe('..')
    expect(normalisePath('.//./etc/passwd/')).toBe('etc/passwd')
  })

  test(
    'normalisePath: 200,000 slashes inside a path end (the trailing-slash regex was quadratic: ~40 s)',
    () => {
      expect(normalisePath(`a${'/'.repeat(200_000)}a/`)).toBe(`a${'/'.repeat(200_000)}a`)
    },
    LIMIT_MS
  )

  test('a bare `.wh.` entry is no whiteout (as one of "" it hid every file of the lower layers)', async () => {
    const scan = await scanLayerTar(
      Readable.from([
        await makeTar([
          { name: '.wh.', type: 'directory' },
          { name: 'a/.wh.', body: '' }
        ])
      ]),
      []
    )
    expect(scan.whiteouts).toEqual([])
  })
})
