import { secretLeakRule } from '../../../src/audit/rules/secret-leak.js'
import type { ConfigSecretHit } from '../../../src/inspect/types.js'
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

describe('file hits: one finding per secret, file, member and encoding; where in the file; deleted or not', () => {
  const DF2 = 'FROM busybox\nRUN make-config\nRUN replace-config\n'
  const two = (hits: Parameters<typeof imageFacts>[0][number]['extra']) =>
    imageFacts([
      { by: '' },
      { by: 'RUN /bin/sh -c make-config # buildkit', files: ['app/', ['app/cfg', 40], ['app/keep', 7]], extra: hits },
      { by: 'RUN /bin/sh -c replace-config # buildkit', files: ['app/', ['app/cfg', 10]] }
    ])

  test('the same hit reported twice is one finding; another encoding or another secret is another', () => {
    const facts = two({
      secretHits: [
        { secretId: 'token', path: 'app/keep', where: 'content' },
        { secretId: 'token', path: 'app/keep', where: 'content' },
        { secretId: 'token', path: 'app/keep', where: 'content', encoding: 'hex' },
        { secretId: 'other', path: 'app/keep', where: 'content' }
      ]
    })
    const out = secretLeakRule(context(DF2, facts))
    expect(out.map(f => [f.evidence.secretId, f.message.match(/\(([a-z0-9-]+-encoded)\)/)?.[1]])).toEqual([
      ['token', undefined],
      ['token', 'hex-encoded'],
      ['other', undefined]
    ])
  })

  test('a file the final image still has from this layer is not "deleted"; one a later layer replaced is', () => {
    const facts = two({
      secretHits: [
        { secretId: 'token', path: 'app/keep', where: 'content' },
        { secretId: 'token', path: 'app/cfg', where: 'content' }
      ]
    })
    const [kept, replaced] = secretLeakRule(context(DF2, facts))
    expect(kept.message).toBe(
      'The value of build secret "token" is in the bytes of /app/keep (layer 1). Read secrets from the mount only, in the RUN that needs them, and never write them to a file.'
    )
    expect(kept.evidence).toMatchObject({ path: '/app/keep', bytes: 7, line: 2 })
    expect(replaced.message).toContain(
      '(layer 1). A later layer deletes or replaces the file, but layer 1 still ships it to anyone who pulls the image. Read secrets'
    )
    expect(replaced.evidence.bytes).toBe(40)
  })

  test.each<['content' | 'path' | 'link', string]>([
    ['content', 'in the bytes of'],
    ['path', 'in the name of'],
    ['link', 'in the link target of']
  ])('a hit in the %s of a file: "%s"', (where, words) => {
    const [f] = secretLeakRule(context(DF2, two({ secretHits: [{ secretId: 'token', path: 'app/keep', where }] })))
    expect(f.message).toContain(`"token" is ${words} /app/keep (layer 1).`)
  })

  test.each<['base64' | 'base64url' | 'hex' | 'url' | 'json', string]>([
    ['base64', 'base64-encoded'],
    ['base64url', 'base64url-encoded'],
    ['hex', 'hex-encoded'],
    ['url', 'URL-encoded'],
    ['json', 'JSON-escaped']
  ])('encoding %s is named "%s", in files and in the config', (encoding, name) => {
    const facts = two({ secretHits: [{ secretId: 'token', path: 'app/keep', where: 'content', encoding }] })
    facts.configSecretHits.push({ secretId: 'token', field: 'env', key: 'CFG', encoding })
    const [file, config] = secretLeakRule(context('FROM busybox\nENV CFG=x\nRUN make-config\n', facts))
    expect(file.message).toContain(`"token" (${name}) is in the bytes of /app/keep`)
    expect(config.message).toContain(`(ENV CFG, ${name})`)
  })

  test('an archive search bound inside a member names the member and the archive', () => {
    const facts = two({ archiveLimits: [{ path: 'app/cfg', member: 'inner.tgz', reason: 'nested deeper than 3 archives' }] })
    const [f] = secretLeakRule(context(DF2, facts))
    expect(f).toMatchObject({ severity: 'notice', evidence: { path: '/app/cfg', member: 'inner.tgz', line: 2 } })
    expect(f.message).toBe('Archive inner.tgz in /app/cfg (layer 1) was not fully searched for build secrets: nested deeper than 3 archives.')
  })
})

describe('config hits: the Dockerfile line each comes from, and what the finding says', () => {
  const config = (hits: ConfigSecretHit[], history: { createdBy: string; emptyLayer: boolean }[] = []) =>
    imageFacts([{ by: '' }], { history: [{ createdBy: '', emptyLayer: false }, ...history] }, { configSecretHits: hits })
  const run = (df: string, facts: ReturnType<typeof config>) =>
    secretLeakRule(context(df, facts)).map(f => [f.evidence.line, f.evidence.instruction, f.message])

  test('CMD, ENTRYPOINT, USER and WORKDIR: the last such instruction of the stage chain', () => {
    const df = 'FROM busybox AS base\nWORKDIR /w\nUSER 1\nFROM base\nENTRYPOINT ["a"]\nCMD ["x"]\nCMD ["y"]\n'
    const out = run(
      df,
      config([
        { secretId: 's', field: 'config', key: 'Cmd' },
        { secretId: 's', field: 'config', key: 'Entrypoint' },
        { secretId: 's', field: 'config', key: 'User' },
        { secretId: 's', field: 'config', key: 'WorkingDir' }
      ])
    )
    expect(out.map(([line, instruction]) => [line, instruction])).toEqual([
      [7, 'CMD'],
      [5, 'ENTRYPOINT'],
      [3, 'USER'],
      [2, 'WORKDIR']
    ])
    expect(out[0][2]).toBe(
      'The value of build secret "s" is in the image config (Cmd), readable by anyone with the image (docker inspect / docker history). Pass it with RUN --mount=type=secret, never with ARG, ENV or LABEL.'
    )
  })

  test('set by the base image (no instruction in the Dockerfile): the FROM line', () => {
    const out = run(
      'FROM busybox\nRUN true\n',
      config([
        { secretId: 's', field: 'config', key: 'Cmd' },
        { secretId: 't', field: 'env', key: 'BASE_TOKEN' },
        { secretId: 'u', field: 'label', key: 'base.token' }
      ])
    )
    expect(out.map(([line, instruction]) => [line, instruction])).toEqual([
      [1, 'FROM'],
      [1, 'FROM'],
      [1, 'FROM']
    ])
    expect(out[1][2]).toContain('(ENV BASE_TOKEN)')
    expect(out[2][2]).toContain('(LABEL base.token)')
  })

  test('ENV and LABEL: the last instruction that sets that very key (not one that only starts with it)', () => {
    const df = 'FROM busybox\nENV API_KEY=1\nENV API_KEY_2=2 OTHER=3\nLABEL "a.b"=x\nLABEL a.bc=y\nENV X=1 API_KEY=4\n'
    const out = run(
      df,
      config([
        { secretId: 's', field: 'env', key: 'API_KEY' },
        { secretId: 't', field: 'env', key: 'OTHER' },
        { secretId: 'u', field: 'label', key: 'a.b' }
      ])
    )
    expect(out.map(([line, instruction]) => [line, instruction])).toEqual([
      [6, 'ENV'],
      [3, 'ENV'],
      [4, 'LABEL']
    ])
  })

  test('a build arg found from the history text alone: reported on its ARG line, once', () => {
    const df = 'FROM busybox\nARG OTHER=1\nARG TOKEN\nRUN use-it\nRUN use-again\n'
    const history = [
      { createdBy: 'ARG OTHER=1', emptyLayer: true },
      { createdBy: 'ARG TOKEN', emptyLayer: true },
      { createdBy: 'RUN |2 OTHER=1 TOKEN=*** /bin/sh -c use-it # buildkit', emptyLayer: false },
      { createdBy: 'RUN |2 OTHER=1 TOKEN=*** /bin/sh -c use-again # buildkit', emptyLayer: false }
    ]
    const out = run(
      df,
      config(
        [
          { secretId: 's', field: 'history', key: '3' },
          { secretId: 's', field: 'history', key: '4' }
        ],
        history
      )
    )
    expect(out).toEqual([[3, 'ARG', expect.stringContaining('(build arg TOKEN, recorded in the history of every later RUN)')]])
  })

  test('a value in the command itself is the RUN line, not a build arg, even with build args recorded', () => {
    const df = 'FROM busybox\nARG TOKEN\nRUN echo x\n'
    const history = [
      { createdBy: 'ARG TOKEN', emptyLayer: true },
      { createdBy: 'RUN |1 TOKEN=*** /bin/sh -c echo *** # buildkit', emptyLayer: false }
    ]
    const out = run(df, config([{ secretId: 's', field: 'history', key: '2' }], history))
    expect(out).toEqual([[3, 'RUN', expect.stringContaining('(history of RUN)')]])
  })

  test('a history entry with a step not in this Dockerfile: "a step", on the FROM line', () => {
    const out = run('FROM busybox\nRUN true\n', config([{ secretId: 's', field: 'history', key: '9' }]))
    expect(out).toEqual([[1, 'FROM', expect.stringContaining('(history of a step)')]])
  })

  test('places on one line are listed once each, in one finding', () => {
    const df = 'FROM busybox\nENV API_KEY=1\n'
    const history = [{ createdBy: 'ENV API_KEY=***', emptyLayer: true }]
    const out = run(
      df,
      config(
        [
          { secretId: 's', field: 'env', key: 'API_KEY' },
          { secretId: 's', field: 'history', key: '1' },
          { secretId: 's', field: 'env', key: 'API_KEY' }
        ],
        history
      )
    )
    expect(out).toEqual([[2, 'ENV', expect.stringContaining('(ENV API_KEY, history of ENV)')]])
  })
})

test('a secret that could not be searched is warned about on the audited stage line', () => {
  const ctx = context('FROM busybox AS build\nRUN true\nFROM busybox AS runner\nUSER 1\n', imageFacts([{ by: '' }]))
  ctx.secretCoverage.push({ id: 'db', scanned: 'config', reason: 'short' })
  const [f] = secretLeakRule(ctx)
  expect(f.evidence.line).toBe(3)
  expect(f.message).toBe(
    'Build secret "db" is shorter than 10 bytes, so it would match ordinary files: it was not searched in file contents, file names or encoded forms, only as a whole value in ENV, labels and build args. Use a longer, random value to have it checked everywhere.'
  )
})
