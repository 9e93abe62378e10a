import { versionAtLeast } from '../../src/docker/builder.js'
import { readFileSync } from 'node:fs'
import { callArgs, callMethod, callUnsupported, checkRuleUrl, checksAnnotationsEnabled, parseBuildWarnings, parseCheckResult } from '../../src/build/check.js'
import { fixture } from '../fixtures/paths.js'
import { makeInputs } from '../fixtures/inputs.js'

/**
 * `docker buildx build --call=check,format=json` stdout, in the real format: BuildKit's
 * `lint.LintResults` (vendor/github.com/moby/buildkit/frontend/subrequests/lint/lint.go in
 * docker/buildx, marshalled with json.MarshalIndent; pb.Location/Range/Position from
 * solver/pb/ops.pb.go, whose `omitempty` drops a zero sourceIndex). The Dockerfile is the one of
 * buildx's tests/build.go testBuildCall "check" (3 warnings); rule names, details and URLs are
 * those of buildkit's frontend/dockerfile/linter/ruleset.go.
 */
const SAMPLE = `{
  "warnings": [
    {
      "ruleName": "ConsistentInstructionCasing",
      "description": "All commands within the Dockerfile should use the same casing (either upper or lower)",
      "url": "https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/",
      "detail": "Command 'cOpy' should match the case of the command majority (lowercase)",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 3
            },
            "end": {
              "line": 3
            }
          }
        ]
      }
    },
    {
      "ruleName": "FromAsCasing",
      "description": "The 'as' keyword should match the case of the 'from' keyword",
      "url": "https://docs.docker.com/go/dockerfile/rule/from-as-casing/",
      "detail": "'as' and 'frOM' keywords' casing do not match",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 2
            },
            "end": {
              "line": 2
            }
          }
        ]
      }
    },
    {
      "ruleName": "ConsistentInstructionCasing",
      "description": "All commands within the Dockerfile should use the same casing (either upper or lower)",
      "url": "https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/",
      "detail": "Command 'COPy' should match the case of the command majority (lowercase)",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 5
            },
            "end": {
              "line": 7
            }
          }
        ]
      }
    }
  ],
  "sources": [
    {
      "filename": "Dockerfile",
      "language": "Dockerfile",
      "data": "CmZyT00gYnVzeWJveCBhcyBiYXNlCg=="
    }
  ]
}
`

describe('parseCheckResult', () => {
  test('each warning is a finding on its Dockerfile line, ordered by line', () => {
    expect(parseCheckResult(SAMPLE)).toEqual([
      {
        rule: 'build-check/FromAsCasing',
        severity: 'warning',
        message: "'as' and 'frOM' keywords' casing do not match (https://docs.docker.com/go/dockerfile/rule/from-as-casing/)",
        line: 2,
        file: 'Dockerfile',
        url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
        description: "The 'as' keyword should match the case of the 'from' keyword"
      },
      expect.objectContaining({ rule: 'build-check/ConsistentInstructionCasing', line: 3, file: 'Dockerfile' }),
      expect.objectContaining({ rule: 'build-check/ConsistentInstructionCasing', line: 5, message: expect.stringContaining("Command 'COPy'") })
    ])
  })

  test('no warnings: no findings', () => {
    expect(parseCheckResult('{\n  "warnings": null,\n  "sources": null\n}\n')).toEqual([])
  })

  test('a check error (# check=error=true) is an error finding; a warning without a source has no line', () => {
    const r = parseCheckResult(
      JSON.stringify({
        warnings: [{ ruleName: 'InvalidDefaultArgInFrom', detail: 'Default value for ARG $X results in empty or invalid base image name', location: { sourceIndex: -1 } }],
        sources: [{ filename: 'Dockerfile' }],
        buildError: { message: 'lint violation found for rules: InvalidDefaultArgInFrom', location: { ranges: [{ start: { line: 1 } }] } }
      })
    )
    expect(r).toEqual([
      { rule: 'build-check/InvalidDefaultArgInFrom', severity: 'warning', message: 'Default value for ARG $X results in empty or invalid base image name', line: undefined, file: undefined, url: undefined },
      { rule: 'build-check/error', severity: 'error', message: 'lint violation found for rules: InvalidDefaultArgInFrom', line: 1, file: 'Dockerfile' }
    ])
  })

  test('no JSON at all is an error, not an empty result', () => {
    expect(() => parseCheckResult('Check complete, no warnings found.\n')).toThrow('build checks printed no JSON result')
  })
})

describe('call', () => {
  test.each([
    ['0.13.1+ds1', '0.15.0', false],
    ['0.15.0', '0.15.0', true],
    ['v0.16.2-desktop.1', '0.15.0', true],
    ['1.0.0', '0.15.0', true],
    ['0.14.9', '0.15.0', false]
  ])('versionAtLeast(%s, %s) = %s', (a, b, expected) => expect(versionAtLeast(a, b)).toBe(expected))

  test('methods', () => {
    expect([callMethod(''), callMethod('check,format=json'), callMethod('outline')]).toEqual(['build', 'check', 'outline'])
  })

  test('an older buildx: one line naming the version needed', () => {
    expect(callUnsupported('check', '0.13.1+ds1')).toBe('call: "check" needs buildx 0.15.0 or newer (BuildKit build checks); this runner has buildx 0.13.1+ds1')
    expect(callUnsupported('targets', '0.14.0')).toBe('call: "targets" needs buildx 0.15.0 or newer; this runner has buildx 0.14.0')
    expect(callUnsupported('', '0.13.1')).toBeUndefined()
    expect(callUnsupported('check', '0.15.1')).toBeUndefined()
  })

  test('callArgs: the shared build flags, no exporter, JSON for check', () => {
    const inputs = makeInputs({ call: 'check', 'build-args': ['A=1'] })
    expect(callArgs(inputs, { target: 'runner', secretSpecs: ['id=t,src=/s/t'], driver: 'docker' })).toEqual([
      '--call', 'check,format=json', '--progress', 'plain', '--file', '/src/Dockerfile', '--target', 'runner', '--build-arg', 'A=1', '--secret', 'id=t,src=/s/t', '.'
    ])
    expect(callArgs(makeInputs({ call: 'outline' }), { secretSpecs: [], driver: 'docker' })[1]).toBe('outline')
  })
})

describe('failureReasons with build checks (fail-on gates them)', () => {
  const base = { phases: [], testResult: 'skipped' as const, runnerStage: 'runner', warnings: [], cacheMounts: [], budgets: [] }
  test.each<['error' | 'warning' | 'notice', number]>([
    ['error', 0],
    ['warning', 1],
    ['notice', 1]
  ])('fail-on %s → %d reason(s)', async (failOn, n) => {
    const { failureReasons } = await import('../../src/report/verdict.js')
    const reasons = failureReasons({ ...base, checks: parseCheckResult(SAMPLE) }, failOn)
    expect(reasons).toHaveLength(n)
    if (n) expect(reasons[0]).toBe(`build checks: 3 at or above ${failOn} (build-check/FromAsCasing, build-check/ConsistentInstructionCasing)`)
  })
})

test('the findings output and the JSON report count and carry build checks', async () => {
  const { buildRunReport } = await import('../../src/report/build-report.js')
  const { failingCount } = await import('../../src/report/verdict.js')
  const r = { phases: [], testResult: 'skipped' as const, runnerStage: 'runner', warnings: [], cacheMounts: [], budgets: [], checks: parseCheckResult(SAMPLE) }
  expect([failingCount(r, 'error'), failingCount(r, 'warning')]).toEqual([0, 3])
  const report = buildRunReport(r, { dockerfile: 'Dockerfile', key: 'k', failOn: 'warning' })
  expect(report.checks?.map(c => c.line)).toEqual([2, 3, 5])
  expect(report.verdict.passed).toBe(false)
})

test('the PR comment and the terminal show each build check on its line', async () => {
  const { buildRunReport } = await import('../../src/report/build-report.js')
  const { renderReport } = await import('../../src/report/markdown.js')
  const { renderTerminal, PLAIN } = await import('../../src/cli/terminal.js')
  const r = { phases: [], testResult: 'skipped' as const, runnerStage: 'runner', warnings: [], cacheMounts: [], budgets: [], checks: parseCheckResult(SAMPLE) }
  const report = buildRunReport(r, { dockerfile: 'Dockerfile', key: 'k', failOn: 'warning' })
  const md = renderReport(report)
  expect(md).toContain(
    "| warning [`build-check/FromAsCasing`](https://docs.docker.com/go/dockerfile/rule/from-as-casing/) | 2 | 'as' and 'frOM' keywords' casing do not match |"
  )
  expect(md).toContain('| **Build checks** | 3 warnings |')
  expect(md).toContain('build checks: 3 at or above warning')
  const term = renderTerminal(r, report, PLAIN)
  expect(term).toContain('checks      3 build check findings')
  expect(term).toContain('  warning Dockerfile:5 build-check/ConsistentInstructionCasing')
})

describe('parseBuildWarnings: the checks of a normal build, from the metadata file', () => {
  // Real: buildx 0.29.1 on Docker 28.5 (scripts/setup-sid-engine.sh), BUILDX_METADATA_WARNINGS=true.
  const metadata = readFileSync(fixture('build-checks', 'metadata-buildx-0.29.json'), 'utf8')

  test('each check is a warning finding on its line, with its rule, file and doc link', () => {
    const checks = parseBuildWarnings(metadata)
    expect(checks.map(c => [c.rule, c.line])).toEqual([
      ['build-check/ConsistentInstructionCasing', 2],
      ['build-check/ConsistentInstructionCasing', 3],
      ['build-check/MaintainerDeprecated', 6],
      ['build-check/MultipleInstructionsDisallowed', 10],
      ['build-check/JSONArgsRecommended', 12]
    ])
    expect(checks[4]).toEqual({
      rule: 'build-check/JSONArgsRecommended',
      severity: 'warning',
      message:
        'JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals (https://docs.docker.com/go/dockerfile/rule/json-args-recommended/)',
      line: 12,
      file: 'lint.Dockerfile',
      url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
      description: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals'
    })
    expect(checks.every(c => c.url === checkRuleUrl(c.rule.slice('build-check/'.length)))).toBe(true)
  })

  test('a check reported twice (one per platform) is one finding', () => {
    const m = JSON.parse(metadata) as Record<string, unknown[]>
    const twice = JSON.stringify({ 'buildx.build.warnings': [...m['buildx.build.warnings'], ...m['buildx.build.warnings']] })
    expect(parseBuildWarnings(twice)).toHaveLength(5)
  })

  test.each([
    ['buildx 0.13 (no warnings key)', '{"buildx.build.ref": "default/default/x"}'],
    ['no metadata file', '{}'],
    ['unreadable', 'not json'],
    ['not a list', '{"buildx.build.warnings": {}}']
  ])('%s: no findings', (_, text) => expect(parseBuildWarnings(text)).toEqual([]))

  test('a warning without the rule prefix or a URL is still a finding', () => {
    const short = Buffer.from('something odd happened').toString('base64')
    expect(parseBuildWarnings(JSON.stringify({ 'buildx.build.warnings': [{ short }] }))).toEqual([
      { rule: 'build-check/warning', severity: 'warning', message: 'something odd happened', line: undefined, file: undefined, url: undefined, description: undefined }
    ])
  })
})

test.each([
  ['JSONArgsRecommended', 'json-args-recommended'],
  ['MaintainerDeprecated', 'maintainer-deprecated'],
  ['FromAsCasing', 'from-as-casing'],
  ['UndefinedVar', 'undefined-var'],
  ['SecretsUsedInArgOrEnv', 'secrets-used-in-arg-or-env'],
  ['InvalidDefaultArgInFrom', 'invalid-default-arg-in-from']
])('checkRuleUrl(%s) links …/rule/%s/', (rule, kebab) => expect(checkRuleUrl(rule)).toBe(`https://docs.docker.com/go/dockerfile/rule/${kebab}/`))

describe("DOCKER_BUILD_CHECKS_ANNOTATIONS (BPA's switch, default true)", () => {
  test.each([
    [undefined, true],
    ['', true],
    ['true', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['0', false]
  ])('%s → %s', (v, expected) => expect(checksAnnotationsEnabled(v === undefined ? {} : { DOCKER_BUILD_CHECKS_ANNOTATIONS: v })).toBe(expected))

  test('anything else: one line naming the variable', () => {
    expect(() => checksAnnotationsEnabled({ DOCKER_BUILD_CHECKS_ANNOTATIONS: 'nope' })).toThrow('DOCKER_BUILD_CHECKS_ANNOTATIONS: expected true or false, got "nope"')
  })
})
