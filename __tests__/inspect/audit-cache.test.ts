/**
 * The audit's per-layer cache: the private tier's key (derived ahead in the background, it is the very
 * key derived on demand, and none is derived twice), and what each tier may hold.
 */
import { jest } from '@jest/globals'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LayerFacts } from '../../src/inspect/types.js'
import { imageConfig, layerFacts, regularFile } from '../helpers/layer-facts.js'

const scryptSync = jest.fn(crypto.scryptSync)
jest.unstable_mockModule('node:crypto', () => ({ ...crypto, default: crypto, scryptSync }))
const { LayerCache, prepareSecretsKey, secretsKey } = await import('../../src/inspect/audit-cache.js')

const secrets = [
  { id: 'npm', value: 'key-test-secret-value-one' },
  { id: 'aws', value: 'key-test-secret-value-two' }
]

test('a key derived ahead (whatever the order of the secrets) is the key derived on demand, and is not derived again', async () => {
  const onDemand = secretsKey(secrets)
  expect(scryptSync).toHaveBeenCalledTimes(1)
  const others = [{ id: 'npm', value: 'key-test-secret-value-three' }]
  await Promise.all([prepareSecretsKey(others), prepareSecretsKey([...secrets].reverse())])
  scryptSync.mockClear()
  expect(secretsKey(secrets)).toBe(onDemand)
  expect(secretsKey(others)).not.toBe(onDemand)
  expect(scryptSync).not.toHaveBeenCalled()
})

test('no secrets: no key to derive', async () => {
  await prepareSecretsKey([])
  expect(secretsKey([])).toBe('none')
})

describe('tiers', () => {
  const VALUE = 'tier-test-secret-value-9fQ2xL'
  const DIFF = `sha256:${'ab'.repeat(32)}`
  const IMAGE = `sha256:${'cd'.repeat(32)}`
  let root: string
  let shared: string
  let priv: string
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tiers-'))
    shared = path.join(root, 'shared')
    priv = path.join(root, 'private')
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  const facts = (over: Partial<LayerFacts> = {}): LayerFacts => layerFacts({ tarBytes: 10, compressedBytes: 5, files: [regularFile('app/a')], ...over })
  const record = {
    config: imageConfig(),
    configSecretHits: [],
    layerPaths: ['l']
  }
  const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])
  const withSecret = (value: string) => [{ id: 'npm', value }]

  test('no secrets: layer facts and image records are shared, read back by the next run, and nothing goes to the private tier', () => {
    const run1 = new LayerCache(shared, priv, [])
    run1.putLayer(DIFF, facts(), false)
    run1.putLayer(`sha256:${'ef'.repeat(32)}`, facts(), true)
    run1.putImage(IMAGE, record)
    const run2 = new LayerCache(shared, priv, [])
    expect(run2.getLayer(DIFF, false)).toEqual(facts())
    expect(run2.getLayer(`sha256:${'ef'.repeat(32)}`, true)).toEqual(facts())
    expect(run2.getImage(IMAGE)).toEqual(record)
    expect(files(shared)).toEqual([`image-${'cd'.repeat(32)}.json`, `layer-${'ab'.repeat(32)}.json`, `layer-${'ef'.repeat(32)}.json`])
    expect(files(priv)).toEqual([])
  })

  test('the shared tier never holds secret hits, even when handed some', () => {
    const cache = new LayerCache(shared, priv, [])
    cache.putLayer(DIFF, facts({ secretHits: [{ secretId: 'npm', path: 'app/a', where: 'content' }] }), false)
    expect(fs.readFileSync(path.join(shared, files(shared)[0]), 'utf8')).not.toContain('npm')
    expect(new LayerCache(shared, priv, []).getLayer(DIFF, false)?.secretHits).toEqual([])
  })

  test('with secrets: searched facts and image records go to the private tier only, under names that do not show the ids', () => {
    const cache = new LayerCache(shared, priv, withSecret(VALUE))
    cache.putLayer(DIFF, facts({ secretHits: [{ secretId: 'npm', path: 'app/a', where: 'content' }] }), true)
    cache.putLayer(`sha256:${'ef'.repeat(32)}`, facts(), false)
    cache.putImage(IMAGE, record)
    expect(files(shared)).toEqual([`layer-${'ef'.repeat(32)}.json`])
    expect(files(priv)).toHaveLength(2)
    for (const f of files(priv)) {
      expect(f).toMatch(/^(layer|image)-[0-9a-f]{64}\.json$/)
      expect(f).not.toContain('ab'.repeat(32))
      expect(fs.readFileSync(path.join(priv, f), 'utf8')).not.toContain(VALUE)
    }
    const again = new LayerCache(shared, priv, withSecret(VALUE))
    expect(again.getLayer(DIFF, true)?.secretHits).toHaveLength(1)
    expect(again.getImage(IMAGE)).toEqual(record)
    // A layer no secret reaches is read from the shared tier, hits or not.
    expect(again.getLayer(`sha256:${'ef'.repeat(32)}`, false)).toEqual(facts())
  })

  test("results of a search for other secret values are not this run's: searched facts and image records are read again", () => {
    const first = new LayerCache(shared, priv, withSecret(VALUE))
    first.putLayer(DIFF, facts(), true)
    first.putImage(IMAGE, record)
    for (const other of [
      withSecret(`${VALUE}-rotated`),
      [{ id: 'pip', value: VALUE }],
      [...withSecret(VALUE), { id: 'pip', value: 'second-secret-value-77' }]
    ]) {
      const cache = new LayerCache(shared, priv, other)
      expect(cache.getLayer(DIFF, true)).toBeUndefined()
      expect(cache.getImage(IMAGE)).toBeUndefined()
    }
    // ... nor does a run without secrets see them in the shared tier.
    expect(new LayerCache(shared, priv, []).getLayer(DIFF, false)).toBeUndefined()
    expect(new LayerCache(shared, priv, []).getImage(IMAGE)).toBeUndefined()
  })

  test('a record of another cache version, or not JSON, is not read', () => {
    const cache = new LayerCache(shared, priv, [])
    cache.putLayer(DIFF, facts(), false)
    const file = path.join(shared, files(shared)[0])
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { v: number }
    fs.writeFileSync(file, JSON.stringify({ ...doc, v: doc.v - 1 }))
    expect(cache.getLayer(DIFF, false)).toBeUndefined()
    fs.writeFileSync(file, '{"v":')
    expect(cache.getLayer(DIFF, false)).toBeUndefined()
  })

  test("the blob index: an archive path's diff id, for the next run", () => {
    new LayerCache(shared, priv, []).putBlob('blobs/sha256/1234', DIFF)
    expect(new LayerCache(shared, priv, []).blobDiffId('blobs/sha256/1234')).toBe(DIFF)
    expect(new LayerCache(shared, priv, []).blobDiffId('blobs/sha256/5678')).toBeUndefined()
  })

  test('no directory, or one that cannot be made: disabled, remembers nothing, never throws', () => {
    expect(new LayerCache(shared, priv, []).enabled).toBe(true)
    expect(new LayerCache(undefined, priv, []).enabled).toBe(false)
    fs.writeFileSync(path.join(root, 'file'), '')
    const blocked = new LayerCache(path.join(root, 'file', 'cache'), path.join(root, 'file', 'private'), withSecret(VALUE))
    expect(blocked.enabled).toBe(false)
    blocked.putLayer(DIFF, facts(), false)
    blocked.putLayer(DIFF, facts(), true)
    expect(blocked.getLayer(DIFF, false)).toBeUndefined()
    expect(blocked.getLayer(DIFF, true)).toBeUndefined()
  })
})
