import { callFailure } from '../../src/build/call.js'
import type { CheckFinding } from '../../src/build/check.js'

const warning = (rule: string, line: number): CheckFinding => ({ rule: `build-check/${rule}`, severity: 'warning', message: rule, line })

describe('callFailure: `call: check` fails when the checks found something (as buildx and BPA)', () => {
  test.each<[string, string, number, CheckFinding[], string | undefined]>([
    [
      'checks found (buildx 0.29 exits 1)',
      'check',
      1,
      [warning('ConsistentInstructionCasing', 2), warning('ConsistentInstructionCasing', 3), warning('JSONArgsRecommended', 12)],
      'call "check": 3 build checks found (build-check/ConsistentInstructionCasing, build-check/JSONArgsRecommended)'
    ],
    ['one check, whatever the exit code', 'check', 0, [warning('MaintainerDeprecated', 6)], 'call "check": 1 build check found (build-check/MaintainerDeprecated)'],
    ['a clean Dockerfile', 'check', 0, [], undefined],
    ['buildx failed without a finding', 'check', 2, [], 'call "check" failed (exit 2)'],
    ['outline ran', 'outline', 0, [], undefined],
    ['targets failed', 'targets', 1, [], 'call "targets" failed (exit 1)']
  ])('%s', (_, method, exitCode, checks, expected) => {
    expect(callFailure(method, { method, exitCode, checks })).toBe(expected)
  })
})
