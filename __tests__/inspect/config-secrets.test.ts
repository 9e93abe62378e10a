import { redactLayer } from '../../src/inspect/config-secrets.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import type { LayerFacts } from '../../src/inspect/types.js'

const SECRET = 'tok-manifest-0123456789'
const layer = (extra: Partial<LayerFacts>): LayerFacts => ({ tarBytes: 0, compressedBytes: 0, compressedFrom: 'blob', files: [], whiteouts: [], opaqueDirs: [], secretHits: [], ...extra })

test('a package manifest whose name or version holds a secret value is redacted before it is cached or reported', () => {
  const facts = layer({
    secretHits: [{ secretId: 'token', path: 'app/node_modules/x/package.json', where: 'content' }],
    manifests: [{ path: 'app/node_modules/x/package.json', manager: 'npm', name: 'x', version: `1.0.0-${SECRET}` }]
  })
  const out = redactLayer(facts, secretNeedles([{ id: 'token', value: SECRET }]))
  expect(JSON.stringify(out)).not.toContain(SECRET)
  expect(out.manifests![0]).toMatchObject({ name: 'x', version: '1.0.0-***' })
})

test('a layer without secret hits is returned as is', () => {
  const facts = layer({ manifests: [{ path: 'p', manager: 'npm', name: 'x', version: '1' }] })
  expect(redactLayer(facts, secretNeedles([{ id: 'token', value: SECRET }]))).toBe(facts)
})
