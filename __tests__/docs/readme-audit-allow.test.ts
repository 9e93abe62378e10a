/** The README's audit-allow example, taken from README.md as written, does what the FAQ says. */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { auditFacts } from '../../src/audit/index.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { imageFacts } from '../audit/facts.js'
import { REPO_ROOT } from '../fixtures/paths.js'
import { parseAllow } from '../../src/inputs/audit-options.js'

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')
const faq = readme.split('**How do I allow a tool?**')[1] ?? ''
const block = faq.match(/```yaml\n([\s\S]*?)```/)?.[1] ?? ''

test('the FAQ has an audit-allow example', () => {
  expect(block).toMatch(/audit-allow:/)
})

test('the example allows exactly what it names: make at runtime and the shell', () => {
  const lines = String((parse(block) as Record<string, string>)['audit-allow']).split('\n')
  const allow = parseAllow(lines)
  const df = 'FROM debian:bookworm-slim\nRUN apt-get install -y make\nUSER 1000\nHEALTHCHECK CMD ["true"]\n'
  const facts = imageFacts(
    [
      {
        by: '',
        files: [
          ['bin/sh', 100_000],
          ['usr/bin/ls', 100]
        ]
      },
      {
        by: 'RUN /bin/sh -c apt-get install -y make # buildkit',
        files: [
          ['usr/bin/make', 250_000],
          ['usr/bin/gcc-12', 900_000]
        ]
      }
    ],
    { user: '1000', healthcheck: ['CMD', 'true'] }
  )
  const plan = parseDockerfile(df)
  const r = auditFacts(facts, plan, plan.stages[0], { requireNonRoot: true, forbidToolchains: true, allow, failOn: 'error' })
  expect(r.allowed.map(f => [f.rule, f.evidence.path])).toEqual([
    ['toolchain', '/usr/bin/make'],
    ['hygiene/shell', '/bin/sh']
  ])
  // gcc is not named by the example: it still fails.
  expect(r.findings.map(f => [f.rule, f.evidence.path])).toEqual([['toolchain', '/usr/bin/gcc-12']])
  expect(r.unusedAllow).toEqual([])
})
