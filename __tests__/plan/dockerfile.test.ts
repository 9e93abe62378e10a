import { findStage, parseDockerfile, parseMountOptions, stageChain, stageList } from '../../src/plan/dockerfile.js'
import { resolvePlan, weighUnresolvedSecrets } from '../../src/plan/resolve.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const DOCKERFILE = `# syntax=docker/dockerfile:1
ARG NODE=20
FROM node:\${NODE}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \\
    npm ci

FROM deps AS Builder
COPY . .
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \\
    --mount=type=cache,id=tsc,target=/app/.cache,sharing=locked,uid=1000,gid=1000,mode=0755 \\
    npm run build

FROM builder AS test
RUN npm test

FROM gcr.io/distroless/nodejs20-debian12
COPY --from=builder /app/dist ./dist
USER nonroot:nonroot
CMD ["dist/main.js"]
`

describe('parseDockerfile', () => {
  const plan = parseDockerfile(DOCKERFILE)

  test('stages with names (lower-cased), bases and lines', () => {
    expect(plan.stages.map(s => [s.index, s.name, s.base, s.baseStage, s.line, s.endLine])).toEqual([
      [0, 'deps', 'node:${NODE}-alpine', undefined, 3, 7],
      [1, 'builder', 'deps', 0, 9, 13],
      [2, 'test', 'builder', 1, 15, 16],
      [3, undefined, 'gcr.io/distroless/nodejs20-debian12', undefined, 18, 21]
    ])
    expect(stageList(plan)).toBe('deps, builder, test, stage-3')
  })

  test('instructions carry keyword, lines, joined args and flags', () => {
    const run = plan.stages[1].instructions[2]
    expect(run.keyword).toBe('RUN')
    expect([run.line, run.endLine]).toEqual([11, 13])
    expect(run.flags.mount).toHaveLength(2)
    expect(plan.stages[3].instructions[1].flags.from).toEqual(['builder'])
  })

  test('cache mounts: id defaults to target; sharing, uid, gid, mode', () => {
    expect(plan.cacheMounts).toEqual([
      expect.objectContaining({ stage: 0, line: 6, id: '/root/.npm', target: '/root/.npm', sharing: 'shared' }),
      expect.objectContaining({ stage: 1, line: 11, id: 'tsc', target: '/app/.cache', sharing: 'locked', uid: 1000, gid: 1000, mode: '0755' })
    ])
  })

  test('secret mounts', () => {
    expect(plan.secretMounts).toEqual([{ stage: 1, line: 11, id: 'npmrc', target: '/root/.npmrc', env: undefined, required: false }])
  })

  test('stage lookups and chains', () => {
    expect(findStage(plan, 'BUILDER')?.index).toBe(1)
    expect(findStage(plan, '3')?.index).toBe(3)
    expect(findStage(plan, 'nope')).toBeUndefined()
    expect(stageChain(plan, plan.stages[2]).map(s => s.index)).toEqual([0, 1, 2])
  })

  test('mount options: defaults and aliases', () => {
    expect(parseMountOptions('target=/x,ro')).toMatchObject({ type: 'bind', target: '/x', ro: 'true' })
    expect(parseMountOptions('type=secret,id=a,dst=/run/a')).toMatchObject({ type: 'secret', target: '/run/a' })
  })

  test('every mount option reaches the plan: private sharing, from and source; env and required secrets', () => {
    const p = parseDockerfile(
      'FROM a AS deps\nFROM b\nRUN --mount=type=cache,target=/c,sharing=private,from=deps,source=/cache \\\n    --mount=type=secret,id=tok,env=TOKEN,required=true true\n'
    )
    expect(p.cacheMounts).toEqual([
      { stage: 1, line: 3, id: '/c', target: '/c', sharing: 'private', uid: undefined, gid: undefined, mode: undefined, from: 'deps', source: '/cache' }
    ])
    expect(p.secretMounts).toEqual([{ stage: 1, line: 3, id: 'tok', target: undefined, env: 'TOKEN', required: true }])
  })

  test('secret id defaults to the basename of target', () => {
    const p = parseDockerfile('FROM a\nRUN --mount=type=secret,target=/run/secrets/npmrc cat /run/secrets/npmrc\n')
    expect(p.secretMounts[0].id).toBe('npmrc')
  })

  test('a secret mount with neither id nor target has an empty id (BuildKit then refuses the build)', () => {
    expect(parseDockerfile('FROM a\nRUN --mount=type=secret cat x\n').secretMounts[0]).toMatchObject({ id: '', target: undefined })
  })

  test.each([
    ['a continuation line', 'RUN apt-get update && \\\n    apt-get install -y gcc\n', 'apt-get update && apt-get install -y gcc'],
    ['a CRLF continuation line', 'RUN a && \\\r\n\t  b\r\n', 'a && b'],
    ['a continuation with no indent', 'RUN a \\\nb\n', 'a b'],
    ['a continuation right after a word', 'RUN a\\\n  b\n', 'a b'],
    ['trailing blanks', 'RUN echo hi   \n', 'echo hi']
  ])('args are one line: %s', (_, run, args) => {
    expect(parseDockerfile(`FROM a\n${run}`).stages[0].instructions[1].args).toBe(args)
  })

  test('a flag without a value is recorded with an empty one; FROM without an image has an empty base', () => {
    expect(parseDockerfile('FROM a\nRUN --network true\n').stages[0].instructions[1].flags).toEqual({ network: [''] })
    expect(parseDockerfile('FROM\nRUN true\n').stages[0].base).toBe('')
  })

  test('a stage index of two digits', () => {
    const many = parseDockerfile(Array.from({ length: 12 }, (_, i) => `FROM b${i}`).join('\n') + '\n')
    expect(findStage(many, '10')?.base).toBe('b10')
    expect(findStage(many, '12')).toBeUndefined()
  })

  test.each<[string, Record<string, string>]>([
    ['type=cache,target=/x', { type: 'cache', target: '/x', source: '' }],
    // empty fields are skipped, not a key of their own
    ['type=cache,,target=/x,', { type: 'cache', target: '/x', source: '' }],
    // "=v" has an empty key, not the key "=v"
    ['type=cache,=v,target=/x', { type: 'cache', '': 'v', target: '/x', source: '' }],
    ['type=bind,src=/s,destination=/d', { type: 'bind', src: '/s', source: '/s', destination: '/d', target: '/d' }],
    // CSV: a quoted field keeps its comma; not valid CSV (an open quote) is split on commas
    ['type=bind,"target=/a,b"', { type: 'bind', target: '/a,b', source: '' }],
    ['type=cache,target="/a', { type: 'cache', target: '"/a', source: '' }]
  ])('mount options, exactly: %s', (value, options) => {
    expect(parseMountOptions(value)).toEqual(options)
  })
})

describe('resolvePlan', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-plan-'))
  const file = path.join(dir, 'Dockerfile')
  fs.writeFileSync(file, DOCKERFILE)
  afterAll(() => fs.rmSync(dir, { recursive: true }))

  test('an unnamed stage other than the last cannot be built: say how to fix it', () => {
    const f2 = path.join(dir, 'Dockerfile.unnamed')
    fs.writeFileSync(f2, 'FROM a\nRUN x\nFROM b AS runner\n')
    expect(() => resolvePlan({ file: f2, target: '0', 'test-target': '' })).toThrow(
      'target: stage stage-0 (line 1) has no name; BuildKit builds only named stages: add "AS <name>" to its FROM'
    )
  })

  test('a Dockerfile without FROM is an error naming the file input and the path', () => {
    const f3 = path.join(dir, 'Dockerfile.empty')
    fs.writeFileSync(f3, '# no stages\nARG X=1\n')
    expect(() => resolvePlan({ file: f3, target: '', 'test-target': '' })).toThrow(`file: no FROM instruction in ${f3}`)
  })

  test('default target is the last stage', () => {
    const r = resolvePlan({ file, target: '', 'test-target': 'test' })
    expect(r.runner.index).toBe(3)
    expect(r.test?.name).toBe('test')
  })
  test.each([
    [{ target: 'runner', 'test-target': '' }, 'target: no stage "runner" in the Dockerfile; its stages are: deps, builder, test, stage-3'],
    [{ target: '', 'test-target': 'tests' }, 'test-target: no stage "tests" in the Dockerfile; its stages are: deps, builder, test, stage-3'],
    [{ target: 'test', 'test-target': 'test' }, 'test-target: "test" is the runner stage itself'],
    [{ target: '', 'test-target': '3' }, 'test-target: "3" is the runner stage itself']
  ])('%j → %s', (over, message) => {
    expect(() => resolvePlan({ file, ...over })).toThrow(message)
  })
})

describe('weighUnresolvedSecrets', () => {
  const plan = parseDockerfile(
    'FROM alpine AS build\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nRUN --mount=type=secret,target=/run/secrets/token cat /run/secrets/token\n'
  )
  const line = (input: string, id: string) => ({ input, id, detail: `line 2: secret "${id}" has an empty value` })

  test('a line whose id no RUN mounts is a warning naming the input, the line and the id', () => {
    expect(weighUnresolvedSecrets([line('secrets', 'INVALID_SECRET')], plan)).toEqual([
      'secrets: line 2: secret "INVALID_SECRET" has an empty value; no RUN in the Dockerfile mounts secret "INVALID_SECRET", so the build goes on without it'
    ])
  })
  test.each([
    ['npmrc', 'secret-files: line 2: secret "npmrc" has an empty value (Dockerfile line 2 mounts it)'],
    // id defaults to the basename of target, as BuildKit does
    ['token', 'secret-envs: line 2: secret "token" has an empty value (Dockerfile line 3 mounts it)']
  ])('a line whose id a RUN mounts (%s) stays an input error', (id, message) => {
    expect(() => weighUnresolvedSecrets([line(id === 'npmrc' ? 'secret-files' : 'secret-envs', id)], plan)).toThrow(message)
  })
  test('resolvePlan returns the warnings, and nothing for a run with every secret resolved', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-weigh-'))
    const file = path.join(dir, 'Dockerfile')
    fs.writeFileSync(file, 'FROM alpine\nRUN --mount=type=secret,id=npmrc true\n')
    expect(resolvePlan({ file, target: '', 'test-target': '' }).warnings).toEqual([])
    expect(resolvePlan({ file, target: '', 'test-target': '', 'secrets-unresolved': [line('secrets', 'other')] }).warnings).toHaveLength(1)
    expect(() => resolvePlan({ file, target: '', 'test-target': '', 'secrets-unresolved': [line('secrets', 'npmrc')] })).toThrow(
      'secrets: line 2: secret "npmrc" has an empty value (Dockerfile line 2 mounts it)'
    )
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
