import { Readable } from 'node:stream'
import { coalesced, COALESCE_BYTES } from '../../src/inspect/coalesce.js'

/** The chunks as a piped reader (tar-stream) sees them: one 'data' event each. */
function chunksOf(r: Readable): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = []
    r.on('data', (c: Buffer) => out.push(c))
    r.on('end', () => resolve(out))
    r.on('error', reject)
  })
}

test('small chunks are joined to at least the minimum, the rest comes last, no byte lost or reordered', async () => {
  const parts = Array.from({ length: 25 }, (_, i) => Buffer.alloc(4, i))
  const out = await chunksOf(coalesced(Readable.from(parts), 10))
  expect(out.map(c => c.length)).toEqual([12, 12, 12, 12, 12, 12, 12, 12, 4])
  expect(Buffer.concat(out)).toEqual(Buffer.concat(parts))
})

test('a chunk big enough passes as it is; a small one before it is joined to it', async () => {
  const big = Buffer.alloc(16, 7)
  const out = await chunksOf(coalesced(Readable.from([big, Buffer.from('ab'), big]), 10))
  expect(out[0]).toBe(big)
  expect(out.map(c => c.length)).toEqual([16, 18])
})

test('the default minimum is a megabyte', () => {
  expect(COALESCE_BYTES).toBe(1024 * 1024)
})

test('an error of the source reaches the reader', async () => {
  const source = new Readable({ read() {} })
  const out = coalesced(source, 10)
  const reading = chunksOf(out)
  source.push(Buffer.from('abc'))
  source.destroy(new Error('the engine hung up'))
  await expect(reading).rejects.toThrow('the engine hung up')
})

test('a reader that gives up stops the source (the export is not left blocking)', async () => {
  const source = new Readable({ read() {} })
  const out = coalesced(source, 4)
  source.push(Buffer.from('abcdef'))
  for await (const _ of out) break
  await new Promise(r => setImmediate(r))
  expect(source.destroyed).toBe(true)
  expect(source.readableEnded).toBe(false)
})
