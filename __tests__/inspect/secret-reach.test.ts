import { layerTaint, secretReach } from '../../src/inspect/secret-reach.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'

const of = (text: string, layerCount: number, history?: { createdBy: string; emptyLayer: boolean }[]) => {
  const plan = parseDockerfile(text)
  return secretReach({ plan, target: plan.stages[plan.stages.length - 1] }, layerCount, history)
}

// Each row: a Dockerfile, the image's layer count, and which layers a secret could reach (bottom first).
test.each([
  [
    'no secret anywhere: base 2 layers, then RUN, WORKDIR, RUN',
    'FROM debian\nRUN apt-get update\nWORKDIR /app\nRUN make',
    5,
    [false, false, false, false, false]
  ],
  [
    'a RUN mounting a secret, and every RUN after it in the stage',
    'FROM debian\nRUN true\nRUN --mount=type=secret,id=t cp /run/secrets/t /x\nRUN rm /x\nWORKDIR /w',
    5,
    [false, false, true, true, false]
  ],
  ['COPY from the build context (an .npmrc a CI step wrote there)', 'FROM node\nCOPY . .\nRUN npm ci', 3, [false, true, true]],
  ['a cache mount may hold what an earlier build wrote with the secret', 'FROM golang\nRUN --mount=type=cache,target=/root/.cache go build', 2, [false, true]],
  ['a bind of the context', 'FROM golang\nRUN --mount=type=bind,target=/src go build', 2, [false, true]],
  ['tmpfs and ssh mounts carry no secret value', 'FROM alpine\nRUN --mount=type=tmpfs,target=/t --mount=type=ssh true', 2, [false, false]],
  [
    'COPY --from a stage a secret reached',
    'FROM node AS deps\nRUN --mount=type=secret,id=npm npm ci\nFROM node AS clean\nRUN echo\nFROM scratch\nCOPY --from=deps /n /n\nCOPY --from=clean /c /c',
    2,
    [true, false]
  ],
  ['COPY --from an image or named context: conservatively reached', 'FROM scratch\nCOPY --from=busybox:stable /bin/busybox /busybox', 1, [true]],
  ['a stage built on a reached stage starts reached', 'FROM node AS deps\nRUN --mount=type=secret,id=npm npm ci\nFROM deps\nRUN echo', 3, [false, true, true]],
  [
    "the runner stage chain only: its base stage's layers count as the chain's",
    'FROM alpine AS b\nRUN true\nFROM b\nCOPY --from=b /x /y',
    3,
    [false, false, false]
  ]
] as const)('%s', (_name, dockerfile, layers, expected) => {
  expect(of(dockerfile, layers)).toEqual(expected)
})

test('when the layers do not add up, every layer counts as reached', () => {
  // Fewer layers than the chain's layer-making instructions.
  expect(of('FROM scratch\nCOPY a /a\nRUN true', 1)).toEqual([true])
  // No Dockerfile (an image audited by name).
  expect(secretReach(undefined, 3)).toEqual([true, true, true])
  const plan = parseDockerfile('')
  expect(secretReach({ plan, target: { index: 0, base: 'x', line: 0, endLine: 0, instructions: [] } }, 2)).toEqual([true, true])
})

test('a history that disagrees with the Dockerfile: every layer counts as reached', () => {
  const text = 'FROM debian\nRUN apt-get update\nWORKDIR /app'
  const agrees = [
    { createdBy: '# debian', emptyLayer: false },
    { createdBy: 'CMD ["bash"]', emptyLayer: true },
    { createdBy: 'RUN /bin/sh -c apt-get update # buildkit', emptyLayer: false },
    { createdBy: 'WORKDIR /app', emptyLayer: false }
  ]
  expect(of(text, 3, agrees)).toEqual([false, false, false])
  // More layer-making entries than layers, or keywords that do not line up with the chain.
  expect(of(text, 2, agrees)).toEqual([true, true])
  expect(of(text, 3, [agrees[0], { createdBy: 'COPY x /x # buildkit', emptyLayer: false }, agrees[3]])).toEqual([true, true, true])
  expect(of(text, 3, [agrees[0], agrees[3], agrees[2]])).toEqual([true, true, true])
})

test('layerTaint names each layer-making instruction, and only those', () => {
  const plan = parseDockerfile('FROM a\nENV X=1\nRUN --mount=type=secret,id=s true\nUSER 1000\nCOPY --from=0 /x /y')
  const taint = layerTaint(plan)
  expect([...taint.entries()].map(([i, t]) => [i.keyword, i.line, t])).toEqual([
    ['RUN', 3, true],
    ['COPY', 5, true]
  ])
})
