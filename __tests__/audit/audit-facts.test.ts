import { auditFacts } from '../../src/audit/index.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { imageFacts } from './facts.js'
import { parseAllow } from '../../src/inputs/audit-options.js'

const DF = 'FROM debian\nCOPY --from=b /usr/bin/gcc-12 /usr/bin/gcc-12\n'
const plan = parseDockerfile(DF)
const facts = imageFacts([
  { by: '', files: [['bin/sh', 10]] },
  { by: 'COPY --from=b /usr/bin/gcc-12 /usr/bin/gcc-12 # buildkit', files: [['usr/bin/gcc-12', 900]] }
])
const options = { requireNonRoot: true, forbidToolchains: true, allow: [], failOn: 'error' as const }

test('errors first; failing counts findings at or above fail-on', () => {
  const r = auditFacts(facts, plan, plan.stages[0], options)
  expect(r.findings.map(f => [f.rule, f.severity])).toEqual([
    ['non-root', 'error'],
    ['toolchain', 'error'],
    ['hygiene/no-healthcheck', 'warning'],
    ['hygiene/shell', 'notice']
  ])
  expect(r.failing).toBe(2)
  expect(auditFacts(facts, plan, plan.stages[0], { ...options, failOn: 'notice' }).failing).toBe(4)
})

test('audit-allow moves findings to allowed; the controls turn rules off', () => {
  const r = auditFacts(facts, plan, plan.stages[0], { ...options, allow: parseAllow(['/usr/bin/gcc-*', 'hygiene']) })
  expect(r.findings.map(f => f.rule)).toEqual(['non-root'])
  expect(r.allowed.map(f => f.rule)).toEqual(['toolchain', 'hygiene/no-healthcheck', 'hygiene/shell'])
  const off = auditFacts(facts, plan, plan.stages[0], { ...options, requireNonRoot: false, forbidToolchains: false })
  expect(off.failing).toBe(0)
})

test('the image summary: sizes, lines, wasted bytes', () => {
  const r = auditFacts(facts, plan, plan.stages[0], options)
  expect(r.image.layers.map(l => [l.index, l.line, l.fromBase, l.files])).toEqual([
    [0, 1, true, 1],
    [1, 2, false, 1]
  ])
  expect(r.image.totalBytes).toBe(r.image.layers[0].bytes + r.image.layers[1].bytes)
})

test('findings are ordered by severity, then by Dockerfile line, whatever rule found them', () => {
  const df = 'FROM debian\nCOPY --from=b /usr/bin/gcc-12 /usr/bin/gcc-12\nRUN --mount=type=secret,id=t cp /run/secrets/t /t\nUSER app\n'
  const p = parseDockerfile(df)
  const f = imageFacts(
    [
      { by: '', files: [['bin/sh', 10]] },
      { by: 'COPY --from=b /usr/bin/gcc-12 /usr/bin/gcc-12 # buildkit', files: [['usr/bin/gcc-12', 900]] },
      { by: 'RUN /bin/sh -c cp /run/secrets/t /t # buildkit', files: [['t', 40]], extra: { secretHits: [{ secretId: 't', path: 't', where: 'content' }] } }
    ],
    { user: 'app', healthcheck: ['CMD', 'true'] }
  )
  const r = auditFacts(f, p, p.stages[0], options)
  expect(r.findings.map(x => [x.rule, x.severity, x.evidence.line])).toEqual([
    ['toolchain', 'error', 2],
    ['secret-leak', 'error', 3],
    ['non-root', 'warning', 4],
    ['hygiene/shell', 'notice', 1]
  ])
})
