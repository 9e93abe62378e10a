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

const chainOf = (dockerfile: string) => {
  const p = parseDockerfile(dockerfile)
  return stageChain(p, p.stages[p.stages.length - 1])
}

// BuildKit's record of each instruction (dockerfile2llb's history text) and the classic builder's.
test.each([
  ['ADD https://example.com/a.tgz /a # buildkit', 'ADD'],
  ['LABEL org.opencontainers.image.source=https://x', 'LABEL'],
  ['EXPOSE map[8080/tcp:{}]', 'EXPOSE'],
  ['CMD ["node" "server.js"]', 'CMD'],
  ['ENTRYPOINT ["/tini" "--"]', 'ENTRYPOINT'],
  ['VOLUME [/data]', 'VOLUME'],
  ['HEALTHCHECK &{["CMD-SHELL" "wget -q localhost"] "30s" "0s" "0s" "0s" \'\\x00\'}', 'HEALTHCHECK'],
  ['STOPSIGNAL SIGTERM', 'STOPSIGNAL'],
  ['SHELL [/bin/bash -o pipefail -c]', 'SHELL'],
  ['ONBUILD RUN make', 'ONBUILD'],
  ['MAINTAINER someone', 'MAINTAINER'],
  ['USER 1000:1000', 'USER'],
  ['ARG TOKEN', 'ARG'],
  ['ENV PATH=/usr/local/bin', 'ENV'],
  ['  WORKDIR /app', 'WORKDIR'],
  // the classic builder: two blanks after #(nop), and a RUN with build args in scope
  ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD'],
  ['/bin/sh -c #(nop) ADD file:0d5b in / ', 'ADD'],
  ['|1 TOKEN=abc /bin/sh -c make', 'RUN'],
  ['|2 A=1 B=two /bin/sh -c make all', 'RUN'],
  // not an instruction: an unknown or lower-case word, a keyword or shell that does not start the text
  ['FOO bar', undefined],
  ['run make', undefined],
  ['lower RUN make', undefined],
  ['X /bin/sh -c #(nop) CMD x', undefined],
  ['FOO /bin/sh -c make', undefined],
  ['|1 A=b make', undefined],
  ['RUNNER x', undefined]
])('keyword of %j is %s', (createdBy, keyword) => {
  expect(historyKeyword(createdBy)).toBe(keyword)
})

test.each([
  ['  WORKDIR /app  ', '/app'],
  ['/bin/sh -c #(nop)  CMD ["sh"]', '["sh"]'],
  ['/bin/sh -c echo HELLO world', 'echo HELLO world'],
  ['RUN /bin/sh -c echo "# buildkit" > f # buildkit', 'echo "# buildkit" > f'],
  ['RUN /bin/sh -c echo a |1 b c # buildkit', 'echo a |1 b c'],
  ['RUN |10 A=1 B=2 C=3 D=4 E=5 F=6 G=7 H=8 I=9 J=10 /bin/sh -c make # buildkit', 'make'],
  ['RUN /bin/sh -c echo /bin/sh -c x # buildkit', 'echo /bin/sh -c x'],
  ['|1 TOKEN=abc /bin/sh -c make  all', 'make all']
])('command of %j is %j', (createdBy, command) => {
  expect(historyCommand(createdBy)).toBe(command)
})

describe('attribution by text before order', () => {
  test('an entry goes to the instruction with its text, not to the last of its keyword', () => {
    const c = chainOf('FROM scratch\nRUN make a\nRUN make b\n')
    expect(attributeHistory([h('RUN /bin/sh -c make a # buildkit')], c).map(o => o.line)).toEqual([2])
  })

  test("RUN's --mount, --network and --security flags are not in the history; the text still matches", () => {
    const c = chainOf('FROM scratch\nRUN --mount=type=cache,target=/root/.cache --network=none make a\nRUN make b\n')
    expect(attributeHistory([h('RUN /bin/sh -c make a # buildkit')], c).map(o => o.line)).toEqual([2])
  })

  test("COPY's flags are in the history and match as written", () => {
    const c = chainOf('FROM scratch\nCOPY --chown=1000 a /a\nCOPY b /b\n')
    expect(attributeHistory([h('COPY --chown=1000 a /a # buildkit')], c).map(o => o.line)).toEqual([2])
  })

  test('a RUN under SHELL ["/bin/bash", "-c"]: the history ends with the text', () => {
    const c = chainOf('FROM scratch\nSHELL ["/bin/bash", "-c"]\nRUN make a\nRUN make b\n')
    expect(attributeHistory([h('RUN /bin/bash -c make a # buildkit')], c).map(o => o.line)).toEqual([3])
  })

  test('no text matches: keyword and order from the end', () => {
    const c = chainOf('FROM scratch\nRUN make a\nRUN make b\n')
    expect(attributeHistory([h('RUN /bin/sh -c make c # buildkit')], c).map(o => o.line)).toEqual([3])
  })

  test('a keyword the chain does not have ends the walk: it and all before it are the base', () => {
    const c = chainOf('FROM busybox AS app\nCOPY a /a\nRUN make\n')
    const hist = [h('COPY a /a # buildkit'), h('EXPOSE map[80/tcp:{}]', true), h('RUN /bin/sh -c make # buildkit')]
    expect(attributeHistory(hist, c)).toEqual([
      { line: 1, fromBase: true, stage: 0 },
      { line: 1, fromBase: true, stage: 0 },
      { line: 3, fromBase: false, stage: 0 }
    ])
  })

  test('an entry whose keyword cannot be read ends the walk', () => {
    const c = chainOf('FROM scratch\nCOPY a /a\nRUN make\n')
    const hist = [h('COPY a /a # buildkit'), h(''), h('RUN /bin/sh -c make # buildkit')]
    expect(attributeHistory(hist, c).map(o => [o.line, o.fromBase])).toEqual([
      [1, true],
      [1, true],
      [3, false]
    ])
  })

  test('the stage of each entry is the stage whose instruction made it', () => {
    const c = chainOf('FROM busybox AS base\nRUN one\nFROM base AS app\nRUN two\n')
    expect(attributeHistory([h('RUN /bin/sh -c one # buildkit'), h('RUN /bin/sh -c two # buildkit')], c)).toEqual([
      { line: 2, fromBase: false, stage: 0 },
      { line: 4, fromBase: false, stage: 1 }
    ])
  })

  test('a classic builder RUN with build args is a RUN of the chain', () => {
    const c = chainOf('FROM busybox\nARG TOKEN\nRUN make\n')
    expect(attributeHistory([h('ARG TOKEN', true), h('|1 TOKEN=abc /bin/sh -c make')], c).map(o => [o.line, o.fromBase])).toEqual([
      [2, false],
      [3, false]
    ])
  })

  test('no chain (an image audited without its Dockerfile): every entry is the base at line 1, stage 0', () => {
    expect(attributeHistory([h('RUN /bin/sh -c make # buildkit')], [])).toEqual([{ line: 1, fromBase: true, stage: 0 }])
  })
})

describe('layers', () => {
  test('fewer layers than layer-making entries: the last entries are the layers', () => {
    const c = chainOf('FROM scratch\nCOPY a /a\nRUN one\nRUN two\n')
    const hist = [h('COPY a /a # buildkit'), h('RUN /bin/sh -c one # buildkit'), h('RUN /bin/sh -c two # buildkit')]
    expect(attributeLayers(hist, 2, c)).toEqual([
      { instruction: 'RUN /bin/sh -c one # buildkit', line: 3, fromBase: false, stage: 0 },
      { instruction: 'RUN /bin/sh -c two # buildkit', line: 4, fromBase: false, stage: 0 }
    ])
  })

  test('layers the history does not name are the base, with no instruction', () => {
    const c = chainOf('FROM busybox AS app\nRUN one\n')
    expect(attributeLayers([h('RUN /bin/sh -c one # buildkit')], 2, c)).toEqual([
      { instruction: '', line: 1, fromBase: true, stage: 0 },
      { instruction: 'RUN /bin/sh -c one # buildkit', line: 2, fromBase: false, stage: 0 }
    ])
    expect(attributeLayers([], 1, [])).toEqual([{ instruction: '', line: 1, fromBase: true, stage: 0 }])
  })
})
