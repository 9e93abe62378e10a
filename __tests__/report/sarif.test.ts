import { readFileSync } from 'node:fs'
import { VERSION } from '../../src/version.js'
import { auditFacts } from '../../src/audit/index.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { toSarif } from '../../src/report/sarif.js'
import { imageFacts } from '../audit/facts.js'
import { parseAllow } from '../../src/inputs/audit-options.js'

const plan = parseDockerfile('FROM debian\nCOPY --from=b /usr/bin/gcc-12 /usr/bin/gcc-12\n')
const facts = imageFacts([{ by: '' }, { by: 'COPY --from=b /usr/bin/gcc-12 /usr/bin/gcc-12 # buildkit', files: [['usr/bin/gcc-12', 900]] }])
const report = auditFacts(facts, plan, plan.stages[0], { requireNonRoot: true, forbidToolchains: true, allow: parseAllow(['hygiene']), failOn: 'error' })

test('SARIF 2.1.0: one rule per rule id, results at the Dockerfile line, allowed ones suppressed', () => {
  const sarif = toSarif(report, './docker/Dockerfile') as any
  expect(sarif.version).toBe('2.1.0')
  const run = sarif.runs[0]
  expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['hygiene/no-healthcheck', 'non-root', 'toolchain'])
  const gcc = run.results.find((r: any) => r.ruleId === 'toolchain')
  expect(gcc.level).toBe('error')
  expect(run.tool.driver.rules[gcc.ruleIndex].id).toBe('toolchain')
  expect(gcc.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'docker/Dockerfile' }, region: { startLine: 2 } })
  const health = run.results.find((r: any) => r.ruleId === 'hygiene/no-healthcheck')
  expect(health.level).toBe('warning')
  expect(health.suppressions).toEqual([{ kind: 'external', justification: 'matched audit-allow' }])
})

test("the tool's version is package.json's (one source for SARIF and the CLI)", () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  const plan = parseDockerfile('FROM scratch\n')
  const sarif = toSarif(
    auditFacts(imageFacts([]), plan, plan.stages[0], { requireNonRoot: false, forbidToolchains: false, allow: [], failOn: 'error' }),
    'Dockerfile'
  ) as {
    runs: { tool: { driver: { version: string } } }[]
  }
  expect(sarif.runs[0].tool.driver.version).toBe(pkg.version)
  expect(VERSION).toBe(pkg.version)
})

test('build checks follow the audit: one rule each (linking its doc), results on their lines', () => {
  const url = 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/'
  const checks = [
    {
      rule: 'build-check/MaintainerDeprecated',
      severity: 'warning' as const,
      message: `Maintainer instruction is deprecated (${url})`,
      line: 6,
      url,
      description: 'The MAINTAINER instruction is deprecated'
    }
  ]
  const run = (toSarif(report, 'Dockerfile', '1.0.0', checks) as any).runs[0]
  const ids = run.tool.driver.rules.map((r: any) => r.id)
  expect(ids).toEqual(['hygiene/no-healthcheck', 'non-root', 'toolchain', 'build-check/MaintainerDeprecated'])
  expect(run.tool.driver.rules[3]).toEqual({
    id: 'build-check/MaintainerDeprecated',
    name: 'BuildCheckMaintainerDeprecated',
    shortDescription: { text: 'The MAINTAINER instruction is deprecated' },
    helpUri: url,
    defaultConfiguration: { level: 'warning' }
  })
  const r = run.results.find((x: any) => x.ruleId === 'build-check/MaintainerDeprecated')
  expect(r).toMatchObject({
    ruleIndex: 3,
    level: 'warning',
    locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 6 } } }]
  })
  // Without an audit (call: check): the checks alone.
  const alone = (toSarif(undefined, 'Dockerfile', '1.0.0', checks) as any).runs[0]
  expect(alone.results).toHaveLength(1)
  expect(alone.properties).toEqual({})
})
