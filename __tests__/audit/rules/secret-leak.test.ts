import { secretLeakRule } from '../../../src/audit/rules/secret-leak.js'
import { context, imageFacts } from '../facts.js'

const DF = `FROM busybox
ARG TOKEN
ENV API_KEY=\${TOKEN}
LABEL build.token=\${TOKEN}
RUN --mount=type=secret,id=token cp /run/secrets/token /tmp/t
RUN rm /tmp/t
USER 1000
`

test('a secret in a file a later layer deleted: its path, layer and RUN line, and that it was deleted', () => {
  const facts = imageFacts([
    { by: '' },
    {
      by: 'RUN |1 TOKEN=*** /bin/sh -c cp /run/secrets/token /tmp/t # buildkit',
      files: ['tmp/', ['tmp/t', 20]],
      extra: { secretHits: [{ secretId: 'token', path: 'tmp/t', where: 'content' }] }
    },
    { by: 'RUN |1 TOKEN=*** /bin/sh -c rm /tmp/t # buildkit', files: ['tmp/'], whiteouts: ['tmp/t'] }
  ])
  const out = secretLeakRule(context(DF, facts))
  expect(out).toHaveLength(1)
  expect(out[0]).toMatchObject({
    rule: 'secret-leak',
    severity: 'error',
    evidence: { path: '/tmp/t', bytes: 20, layer: { index: 1, digest: 'sha256:layer1' }, line: 5, secretId: 'token' }
  })
  expect(out[0].message).toMatch(/"token".*\/tmp\/t.*layer 1.*later layer deletes/)
})

test('ENV, LABEL and build-arg history hits: one finding per line, on ENV, LABEL and ARG', () => {
  const history = [
    { createdBy: '', emptyLayer: false },
    { createdBy: 'ARG TOKEN', emptyLayer: true },
    { createdBy: 'ENV API_KEY=***', emptyLayer: true },
    { createdBy: 'LABEL build.token=***', emptyLayer: true },
    { createdBy: 'RUN |1 TOKEN=*** /bin/sh -c cp /run/secrets/token /tmp/t # buildkit', emptyLayer: false },
    { createdBy: 'RUN |1 TOKEN=*** /bin/sh -c rm /tmp/t # buildkit', emptyLayer: false },
    { createdBy: 'USER 1000', emptyLayer: true }
  ]
  const facts = imageFacts(
    [{ by: '' }, { by: '' }, { by: '' }],
    { history },
    {
      configSecretHits: [
        { secretId: 'token', field: 'env', key: 'API_KEY' },
        { secretId: 'token', field: 'label', key: 'build.token' },
        { secretId: 'token', field: 'history', key: '2' },
        { secretId: 'token', field: 'history', key: '3' },
        { secretId: 'token', field: 'history', key: '4' },
        { secretId: 'token', field: 'history', key: '5' }
      ]
    }
  )
  const out = secretLeakRule(context(DF, facts))
  expect(out.map(f => [f.evidence.line, f.evidence.instruction])).toEqual([
    [3, 'ENV'],
    [4, 'LABEL'],
    [2, 'ARG']
  ])
  expect(out[0].message).toMatch(/ENV API_KEY.*history of ENV/)
  expect(out[2].message).toMatch(/build arg TOKEN/)
})

test('a secret too short or too guessable to scan for is a warning saying why, not silence', () => {
  const ctx = context('FROM busybox\n', imageFacts([{ by: '' }]))
  ctx.secretCoverage.push({ id: 'pin', scanned: 'none', reason: 'too-short' }, { id: 'db', scanned: 'config', reason: 'low-entropy' })
  const out = secretLeakRule(ctx)
  expect(out).toEqual([
    expect.objectContaining({ severity: 'warning', evidence: expect.objectContaining({ secretId: 'pin' }) }),
    expect.objectContaining({ severity: 'warning', evidence: expect.objectContaining({ secretId: 'db' }) })
  ])
  expect(out[0].message).toMatch(/shorter than 4 bytes.*not checked anywhere/)
  expect(out[1].message).toMatch(/too little entropy.*not searched in file contents.*only as a whole value in ENV, labels and build args/)
})

test('an encoded hit says which encoding', () => {
  const layer = { by: 'RUN /bin/sh -c echo x | base64 > /app/cfg # buildkit', files: [['app/cfg', 40] as [string, number]] }
  const facts = imageFacts([{ by: '' }, layer])
  facts.layers[1].facts.secretHits.push({ secretId: 'token', path: 'app/cfg', where: 'content', encoding: 'base64' })
  const [f] = secretLeakRule(context('FROM busybox\nRUN echo x | base64 > /app/cfg\n', facts))
  expect(f.message).toMatch(/build secret "token" \(base64-encoded\) is in the bytes of \/app\/cfg/)
  expect(f.evidence).toMatchObject({ path: '/app/cfg', line: 2, secretId: 'token' })
})

test('no hits, no findings', () => {
  expect(secretLeakRule(context('FROM busybox\n', imageFacts([{ by: '', files: [['etc/passwd', 10]] }])))).toEqual([])
})

test('a hit inside an archive names the member, one finding per member; a search bound is a notice, never silent', () => {
  const layer = {
    by: 'RUN /bin/sh -c tar czf /app/debug.tar.gz logs # buildkit',
    files: [['app/debug.tar.gz', 400] as [string, number], ['app/big.zip', 9] as [string, number]]
  }
  const facts = imageFacts([{ by: '' }, layer])
  facts.layers[1].facts.secretHits.push(
    { secretId: 'token', path: 'app/debug.tar.gz', member: 'debug.tar!logs/env.txt', where: 'content' },
    { secretId: 'token', path: 'app/debug.tar.gz', member: 'debug.tar!logs/copy.txt', where: 'content' }
  )
  facts.layers[1].facts.archiveLimits = [{ path: 'app/big.zip', reason: 'zip larger than 64 MB: its entries were not opened' }]
  const out = secretLeakRule(context('FROM busybox\nRUN tar czf /app/debug.tar.gz logs\n', facts))
  expect(out.map(f => [f.severity, f.evidence.path, f.evidence.member])).toEqual([
    ['error', '/app/debug.tar.gz', 'debug.tar!logs/env.txt'],
    ['error', '/app/debug.tar.gz', 'debug.tar!logs/copy.txt'],
    ['notice', '/app/big.zip', undefined]
  ])
  expect(out[0].message).toMatch(/"token" is in the bytes of debug.tar!logs\/env.txt, archived in \/app\/debug.tar.gz \(layer 1\)/)
  expect(out[0].evidence.line).toBe(2)
  expect(out[2].message).toMatch(/Archive \/app\/big.zip \(layer 1\) was not fully searched for build secrets: zip larger than 64 MB/)
})
