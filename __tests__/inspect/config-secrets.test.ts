import { findConfigSecrets, redactConfig } from '../../src/inspect/config-secrets.js'
import { secretNeedles } from '../../src/inspect/secret-search.js'
import type { ImageConfigFacts } from '../../src/inspect/types.js'

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
