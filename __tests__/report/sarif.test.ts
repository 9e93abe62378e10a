import { readFileSync } from 'node:fs'
import { VERSION } from '../../src/version.js'
import { auditFacts } from '../../src/audit/index.js'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { toSarif } from '../../src/report/sarif.js'
import { RULE_IDS, type Finding } from '../../src/audit/types.js'
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

test('the whole document: rule names and help, fingerprints, evidence, suppressions, rule indexes across audit and checks', () => {
  const findings: Finding[] = [
    { rule: 'secret-leak', severity: 'error', message: 'token in a zip', evidence: { path: '/app/debug.zip', member: 'env.txt', secretId: 'token', line: 4 } },
    { rule: 'hygiene/no-healthcheck', severity: 'notice', message: 'no healthcheck', evidence: {} }
  ]
  const allowed: Finding[] = [{ rule: 'dev-leftover', severity: 'warning', message: 'a map', evidence: { path: '/app/a.js.map', line: 9 } }]
  const checks = [
    { rule: 'build-check/StageNameCasing', severity: 'warning' as const, message: 'casing', line: 2 },
    { rule: 'build-check/JSONArgsRecommended', severity: 'error' as const, message: 'json args' },
    { rule: 'build-check/StageNameCasing', severity: 'warning' as const, message: 'casing again', line: 3 }
  ]
  const loc = (startLine: number) => [{ physicalLocation: { artifactLocation: { uri: 'app/Dockerfile' }, region: { startLine } } }]
  expect(toSarif({ findings, allowed, image: { id: 'sha256:img' } }, '.\\app\\Dockerfile', '9.9.9', checks)).toEqual({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stagecraft-audit',
            informationUri: 'https://github.com/stagecraft/stagecraft',
            version: '9.9.9',
            rules: [
              {
                id: 'dev-leftover',
                name: 'devLeftover',
                shortDescription: { text: 'Source maps, .git, .env files, test frameworks and linters should not ship in the runner image.' },
                defaultConfiguration: { level: 'warning' }
              },
              {
                id: 'hygiene/no-healthcheck',
                name: 'hygieneNoHealthcheck',
                shortDescription: { text: 'The image declares no HEALTHCHECK.' },
                defaultConfiguration: { level: 'note' }
              },
              {
                id: 'secret-leak',
                name: 'secretLeak',
                shortDescription: {
                  text: 'Build secret values, raw or encoded (base64, base64url, hex, URL, JSON), must not occur in any layer, in ENV, labels or history.'
                },
                defaultConfiguration: { level: 'error' }
              },
              {
                id: 'build-check/JSONArgsRecommended',
                name: 'BuildCheckJSONArgsRecommended',
                shortDescription: { text: 'BuildKit build check JSONArgsRecommended' },
                defaultConfiguration: { level: 'error' }
              },
              {
                id: 'build-check/StageNameCasing',
                name: 'BuildCheckStageNameCasing',
                shortDescription: { text: 'BuildKit build check StageNameCasing' },
                defaultConfiguration: { level: 'warning' }
              }
            ]
          }
        },
        results: [
          {
            ruleId: 'secret-leak',
            ruleIndex: 2,
            level: 'error',
            message: { text: 'token in a zip' },
            locations: loc(4),
            partialFingerprints: { stagecraftAudit: 'secret-leak|/app/debug.zip!env.txt|token|4' },
            properties: { evidence: findings[0].evidence }
          },
          {
            ruleId: 'hygiene/no-healthcheck',
            ruleIndex: 1,
            level: 'note',
            message: { text: 'no healthcheck' },
            locations: loc(1),
            partialFingerprints: { stagecraftAudit: 'hygiene/no-healthcheck|||' },
            properties: { evidence: {} }
          },
          {
            ruleId: 'dev-leftover',
            ruleIndex: 0,
            level: 'warning',
            message: { text: 'a map' },
            locations: loc(9),
            partialFingerprints: { stagecraftAudit: 'dev-leftover|/app/a.js.map||9' },
            properties: { evidence: allowed[0].evidence },
            suppressions: [{ kind: 'external', justification: 'matched audit-allow' }]
          },
          {
            ruleId: 'build-check/StageNameCasing',
            ruleIndex: 4,
            level: 'warning',
            message: { text: 'casing' },
            locations: loc(2),
            partialFingerprints: { stagecraftBuildCheck: 'build-check/StageNameCasing|2|casing' }
          },
          {
            ruleId: 'build-check/JSONArgsRecommended',
            ruleIndex: 3,
            level: 'error',
            message: { text: 'json args' },
            locations: loc(1),
            partialFingerprints: { stagecraftBuildCheck: 'build-check/JSONArgsRecommended||json args' }
          },
          {
            ruleId: 'build-check/StageNameCasing',
            ruleIndex: 4,
            level: 'warning',
            message: { text: 'casing again' },
            locations: loc(3),
            partialFingerprints: { stagecraftBuildCheck: 'build-check/StageNameCasing|3|casing again' }
          }
        ],
        properties: { image: 'sha256:img' }
      }
    ]
  })
})

test('every audit rule has its own help text in SARIF', () => {
  const findings: Finding[] = RULE_IDS.map(rule => ({ rule, severity: 'warning', message: rule, evidence: {} }))
  const rules = (
    toSarif({ findings, allowed: [], image: { id: 'x' } }, 'Dockerfile') as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[]
    }
  ).runs[0].tool.driver.rules
  const texts = rules.map(r => r.shortDescription.text)
  expect(rules.map(r => r.id)).toEqual([...RULE_IDS].sort())
  for (const t of texts) expect(t).toMatch(/^\S.{20,}\.$/)
  expect(new Set(texts).size).toBe(RULE_IDS.length)
})
