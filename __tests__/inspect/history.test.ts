import { attributeHistory, attributeLayers, historyCommand, historyKeyword } from '../../src/inspect/history.js'
import { parseDockerfile, stageChain } from '../../src/plan/dockerfile.js'

const DF = `FROM busybox:stable AS base
ARG TOKEN
WORKDIR /app
ENV FOO=bar
RUN echo hi > /app/a
FROM base AS runner
RUN --mount=type=secret,id=token cp /run/secrets/token /tmp/t
COPY --chown=1000 secret.txt /app/x
RUN true
USER 1000
`
const plan = parseDockerfile(DF)
const chain = stageChain(plan, plan.stages[1])
const h = (createdBy: string, emptyLayer = false) => ({ createdBy, emptyLayer })
const history = [
  h('', false), // imported base
  h('RUN /bin/sh -c apk add foo # buildkit'), // a base image built by BuildKit too
  h('ARG TOKEN', true),
  h('WORKDIR /app'),
  h('ENV FOO=bar', true),
  h('RUN |1 TOKEN=*** /bin/sh -c echo hi > /app/a # buildkit'),
  h('RUN |1 TOKEN=*** /bin/sh -c cp /run/secrets/token /tmp/t # buildkit'),
  h('COPY --chown=1000 secret.txt /app/x # buildkit'),
  h('RUN |1 TOKEN=*** /bin/sh -c true # buildkit'),
  h('USER 1000', true)
]

test('layers: the chain from the end, the rest is the base (root FROM line)', () => {
  expect(attributeLayers(history, 7, chain).map(o => [o.line, o.fromBase])).toEqual([
    [1, true],
    [1, true],
    [3, false],
    [5, false],
    [7, false],
    [8, false],
    [9, false]
  ])
})

test('every history entry, empty ones included', () => {
  expect(attributeHistory(history, chain).map(o => o.line)).toEqual([1, 1, 2, 3, 4, 5, 7, 8, 9, 10])
})

test('more layers than history entries: the extra bottom layers are the base', () => {
  expect(attributeLayers(history.slice(5), 6, chain).map(o => o.line)).toEqual([1, 1, 5, 7, 8, 9])
})

test('an instruction that made no history entry is skipped by text match', () => {
  const df = parseDockerfile('FROM scratch\nCOPY a /a\nRUN one\nRUN two\n')
  const hist = [h('COPY a /a # buildkit'), h('RUN /bin/sh -c two # buildkit')]
  expect(attributeLayers(hist, 2, stageChain(df, df.stages[0])).map(o => o.line)).toEqual([2, 4])
})

test.each([
  ['RUN |2 A=1 B=2 /bin/sh -c make all # buildkit', 'RUN', 'make all'],
  ['COPY --from=builder /out /app # buildkit', 'COPY', '--from=builder /out /app'],
  ['/bin/sh -c #(nop) COPY file:abc in /app ', 'COPY', 'file:abc in /app'],
  ['/bin/sh -c apt-get update', 'RUN', 'apt-get update'],
  ['WORKDIR /app', 'WORKDIR', '/app'],
  ['', undefined, '']
])('%s', (createdBy, keyword, command) => {
  expect(historyKeyword(createdBy)).toBe(keyword)
  expect(historyCommand(createdBy)).toBe(command)
})
