import { findConfigSecrets, redactConfig, redactLayer } from '../../src/inspect/config-secrets.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import type { LayerFacts } from '../../src/inspect/types.js'
import { imageConfig, layerFacts } from '../helpers/layer-facts.js'

const STRONG = 'tok-9fQ2xL7vR4mZ'
const config = imageConfig
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
  const layerOf = layerFacts

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

describe('every field of the config is searched, and a hit never holds the value', () => {
  const h = (createdBy: string, comment?: string) => ({ createdBy, emptyLayer: true, ...(comment !== undefined && { comment }) })

  test('a strong value inside a longer text: user, entrypoint, cmd, working dir, history command and comment', () => {
    const c = config({
      user: `${STRONG}:0`,
      entrypoint: ['/bin/app', `--token=${STRONG}`],
      cmd: ['serve', `--key`, STRONG],
      workingDir: `/srv/${STRONG}`,
      history: [h(`RUN /bin/sh -c curl -H "Authorization: ${STRONG}" x # buildkit`), h('COPY a /a # buildkit', `pushed with ${STRONG}`)]
    })
    expect(findConfigSecrets(c, needles)).toEqual([
      { secretId: 'api', field: 'history', key: '0' },
      { secretId: 'api', field: 'history', key: '1' },
      { secretId: 'api', field: 'config', key: 'User' },
      { secretId: 'api', field: 'config', key: 'Entrypoint' },
      { secretId: 'api', field: 'config', key: 'Cmd' },
      { secretId: 'api', field: 'config', key: 'WorkingDir' }
    ])
  })

  test('a value in an ENV name or label key is found, and the hit names the key redacted', () => {
    const c = config({ env: [`TOKEN_${STRONG}=1`, `${STRONG}`], labels: { [`auth.${STRONG}`]: 'yes' } })
    const hits = findConfigSecrets(c, needles)
    expect(hits).toEqual([
      { secretId: 'api', field: 'env', key: 'TOKEN_***' },
      { secretId: 'api', field: 'env', key: '***' },
      { secretId: 'api', field: 'label', key: 'auth.***' }
    ])
    expect(JSON.stringify(hits)).not.toContain(STRONG)
  })

  test('an ENV entry with an empty name still has its value read as a whole value', () => {
    expect(findConfigSecrets(config({ env: ['=postgres'] }), needles)).toEqual([{ secretId: 'db', field: 'env', key: '' }])
  })

  test('a weak value as a build arg: the tenth of ten, in the BuildKit and the classic builder forms', () => {
    const args = Array.from({ length: 9 }, (_, i) => `A${i}=x`).join(' ')
    const c = config({
      history: [h(`RUN |10 ${args} DB_PASSWORD=postgres /bin/sh -c true # buildkit`), h('|2 A=x PGPASS=postgres /bin/sh -c true')]
    })
    expect(findConfigSecrets(c, needles)).toEqual([
      { secretId: 'db', field: 'history', key: '0', arg: 'DB_PASSWORD' },
      { secretId: 'db', field: 'history', key: '1', arg: 'PGPASS' }
    ])
  })

  test('a weak value after the build args (in the command) is not a build arg', () => {
    const c = config({ history: [h('RUN |1 A=x /bin/sh -c echo postgres # buildkit')] })
    expect(findConfigSecrets(c, needles)).toEqual([])
  })

  test('a strong build arg value says which arg', () => {
    const c = config({ history: [h(`RUN |2 A=x API_TOKEN=${STRONG} /bin/sh -c true # buildkit`)] })
    expect(findConfigSecrets(c, needles)).toEqual([{ secretId: 'api', field: 'history', key: '0', arg: 'API_TOKEN' }])
  })

  test('no secrets: nothing searched', () => {
    expect(findConfigSecrets(config({ env: [`A=${STRONG}`] }), [])).toEqual([])
  })
})

describe('redaction', () => {
  test('a value that contains another secret is redacted whole (longest first), not left with a tail', () => {
    const inner = 'k7Q-2vLx9pRt'
    const n = secretNeedles([
      { id: 'short', value: inner },
      { id: 'long', value: `${inner}-Zq81mWb4` }
    ])
    expect(redactConfig(config({ env: [`A=${inner}-Zq81mWb4`, `B=${inner}`] }), n).env).toEqual(['A=***', 'B=***'])
  })

  test('a strong value is redacted inside words too; a weak one with regex characters where it stands alone', () => {
    const n = secretNeedles([
      { id: 'api', value: STRONG },
      { id: 'pw', value: 'pa$$w0rd' }
    ])
    const r = redactConfig(config({ env: [`URL=https://x${STRONG}y/`, 'PW=pa$$w0rd', 'PW2=xpa$$w0rd'] }), n)
    expect(r.env).toEqual(['URL=https://x***y/', 'PW=***', 'PW2=xpa$$w0rd'])
  })

  test('every text field of the config is redacted, label keys included', () => {
    const c = config({
      user: STRONG,
      entrypoint: [STRONG],
      cmd: [`--t=${STRONG}`],
      workingDir: `/${STRONG}`,
      labels: { [STRONG]: STRONG },
      healthcheck: ['CMD', STRONG],
      history: [
        { createdBy: `RUN ${STRONG}`, emptyLayer: false, comment: STRONG },
        { createdBy: 'RUN x', emptyLayer: false }
      ]
    })
    const r = redactConfig(c, needles)
    expect(JSON.stringify(r)).not.toContain(STRONG)
    expect(r).toMatchObject({ user: '***', entrypoint: ['***'], cmd: ['--t=***'], workingDir: '/***', labels: { '***': '***' }, healthcheck: ['CMD', '***'] })
    expect(r.history).toEqual([
      { createdBy: 'RUN ***', emptyLayer: false, comment: '***' },
      { createdBy: 'RUN x', emptyLayer: false, comment: undefined }
    ])
  })

  test('no secrets: the config itself', () => {
    const c = config({ user: 'app' })
    expect(redactConfig(c, [])).toBe(c)
  })
})

describe('layer facts', () => {
  const SECRET = 'tok-layer-0123456789'
  const n = secretNeedles([{ id: 'token', value: SECRET }])
  const base: LayerFacts = {
    tarBytes: 0,
    compressedBytes: 0,
    compressedFrom: 'blob',
    files: [
      { path: `etc/${SECRET}`, size: 1, mode: 0o644, uid: 0, gid: 0, type: 'file' },
      { path: 'etc/link', size: 0, mode: 0o777, uid: 0, gid: 0, type: 'symlink', link: `/run/${SECRET}` },
      { path: 'etc/plain', size: 0, mode: 0o644, uid: 0, gid: 0, type: 'file' }
    ],
    whiteouts: [`tmp/${SECRET}`],
    opaqueDirs: [],
    secretHits: []
  }

  test('a value only in contents: paths are kept as they are', () => {
    const facts = { ...base, files: [base.files[2]], whiteouts: [], secretHits: [{ secretId: 'token', path: 'etc/plain', where: 'content' as const }] }
    const out = redactLayer(facts, n)
    expect(out.files).toBe(facts.files)
    expect(out.secretHits).toBe(facts.secretHits)
  })

  test('a value in a name: file paths, link targets, whiteouts, hit paths and members, archive limits are redacted', () => {
    const facts: LayerFacts = {
      ...base,
      secretHits: [
        { secretId: 'token', path: `etc/${SECRET}`, where: 'path' },
        { secretId: 'token', path: 'opt/a.zip', member: `${SECRET}.txt`, where: 'path' }
      ],
      archiveLimits: [
        { path: `opt/${SECRET}.tgz`, reason: 'unreadable' },
        { path: 'opt/b.zip', member: `in/${SECRET}.gz`, reason: 'unreadable' }
      ]
    }
    const out = redactLayer(facts, n)
    expect(JSON.stringify(out)).not.toContain(SECRET)
    expect(out.files.map(f => [f.path, f.link])).toEqual([
      ['etc/***', undefined],
      ['etc/link', '/run/***'],
      ['etc/plain', undefined]
    ])
    expect(out.whiteouts).toEqual(['tmp/***'])
    expect(out.secretHits).toEqual([
      { secretId: 'token', path: 'etc/***', where: 'path' },
      { secretId: 'token', path: 'opt/a.zip', member: '***.txt', where: 'path' }
    ])
    expect(out.archiveLimits!.map(l => [l.path, l.member])).toEqual([
      ['opt/***.tgz', undefined],
      ['opt/b.zip', 'in/***.gz']
    ])
  })
})
