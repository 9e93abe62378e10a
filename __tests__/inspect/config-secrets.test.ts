import { findConfigSecrets, redactConfig, redactLayer } from '../../src/inspect/config-secrets.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import type { ImageConfigFacts, LayerFacts } from '../../src/inspect/types.js'

const STRONG = 'tok-9fQ2xL7vR4mZ'
const config = (over: Partial<ImageConfigFacts>): ImageConfigFacts => ({
  os: 'linux',
  architecture: 'amd64',
  user: '',
  env: [],
  labels: {},
  entrypoint: [],
  cmd: [],
  workingDir: '',
  history: [],
  diffIds: [],
  ...over
})
const needles = secretNeedles([
  { id: 'api', value: STRONG },
  { id: 'db', value: 'postgres' }
])

test('a strong value is found encoded in ENV and labels, with the encoding', () => {
  const c = config({ env: [`AUTH=${Buffer.from(`u:${STRONG}`).toString('base64')}`], labels: { hook: `x?t=${encodeURIComponent(STRONG)}` } })
  expect(findConfigSecrets(c, needles)).toEqual([
    { secretId: 'api', field: 'env', key: 'AUTH', encoding: 'base64' },
    { secretId: 'api', field: 'label', key: 'hook' }
  ])
})

test('a weak value counts only as a whole value of ENV, labels and build args, never inside a command', () => {
  const c = config({
    env: ['PGPASSWORD=postgres', 'PGUSER=postgresql'],
    cmd: ['psql', '-U', 'postgres'],
    history: [
      { createdBy: 'RUN |1 DB_PASSWORD=postgres /bin/sh -c true # buildkit', emptyLayer: false },
      { createdBy: 'RUN /bin/sh -c psql -U postgres -c "select 1" # buildkit', emptyLayer: false }
    ]
  })
  expect(findConfigSecrets(c, needles)).toEqual([
    { secretId: 'db', field: 'env', key: 'PGPASSWORD' },
    { secretId: 'db', field: 'history', key: '0', arg: 'DB_PASSWORD' }
  ])
})

test('redaction covers encodings; a weak value is redacted where it stands alone only', () => {
  const c = config({
    env: [`AUTH=${Buffer.from(STRONG).toString('hex')}`, 'PGPASSWORD=postgres', 'PGHOST=postgresql.local']
  })
  const r = redactConfig(c, needles)
  expect(r.env).toEqual(['AUTH=***', 'PGPASSWORD=***', 'PGHOST=postgresql.local'])
})

describe('package manifests in layer facts', () => {
  const MANIFEST_SECRET = 'tok-manifest-0123456789'
  const layerOf = (extra: Partial<LayerFacts>): LayerFacts => ({
    tarBytes: 0,
    compressedBytes: 0,
    compressedFrom: 'blob',
    files: [],
    whiteouts: [],
    opaqueDirs: [],
    secretHits: [],
    ...extra
  })

  test('a package manifest whose name or version holds a secret value is redacted before it is cached or reported', () => {
    const facts = layerOf({
      secretHits: [{ secretId: 'token', path: 'app/node_modules/x/package.json', where: 'content' }],
      manifests: [{ path: 'app/node_modules/x/package.json', manager: 'npm', name: 'x', version: `1.0.0-${MANIFEST_SECRET}` }]
    })
    const out = redactLayer(facts, secretNeedles([{ id: 'token', value: MANIFEST_SECRET }]))
    expect(JSON.stringify(out)).not.toContain(MANIFEST_SECRET)
    expect(out.manifests![0]).toMatchObject({ name: 'x', version: '1.0.0-***' })
  })

  test('a layer without secret hits is returned as is', () => {
    const facts = layerOf({ manifests: [{ path: 'p', manager: 'npm', name: 'x', version: '1' }] })
    expect(redactLayer(facts, secretNeedles([{ id: 'token', value: MANIFEST_SECRET }]))).toBe(facts)
  })
})
