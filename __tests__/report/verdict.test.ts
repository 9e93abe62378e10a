/** The verdict: every reason the step fails, one line each, in order; and how many things fail. */
import type { Finding } from '../../src/audit/types.js'
import type { PipelineResult } from '../../src/result.js'
import { pipelineResult } from '../fixtures/result.js'
import { buildRunReport } from '../../src/report/build-report.js'
import { failingCount, failureReasons } from '../../src/report/verdict.js'

const finding = (rule: string, severity: Finding['severity']) => ({ rule, severity, message: 'm', evidence: {} }) as unknown as Finding
const result = pipelineResult
const overBudget = {
  budget: 'max-size' as const,
  limit: '250 MB',
  actual: '300 MB',
  message: 'image is 300 MB, over the max-size budget of 250 MB'
}

test('a clean run passes with no reason', () => {
  expect(failureReasons(result({}), 'error')).toEqual([])
  expect(buildRunReport(result({}), { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).verdict).toEqual({ passed: true, reasons: [] })
})

test('a budget over its limit alone fails the step, with its message as the reason', () => {
  const r = result({ budgets: [overBudget] })
  expect(failureReasons(r, 'error')).toEqual([overBudget.message])
  expect(failingCount(r)).toBe(1)
  expect(buildRunReport(r, { dockerfile: 'Dockerfile', key: 'k', failOn: 'error' }).verdict).toEqual({ passed: false, reasons: [overBudget.message] })
})

test('every reason, in order: the failure, the audit (rules at or above fail-on, once each), the budgets', () => {
  const findings = [finding('non-root', 'error'), finding('toolchain', 'error'), finding('toolchain', 'error'), finding('hygiene/apt-lists', 'warning')]
  const audit = { findings, allowed: [], failing: 3, unusedAllow: [] } as unknown as PipelineResult['audit']
  const r = result({ failure: 'audit: the image could not be read', audit, budgets: [overBudget] })
  expect(failureReasons(r, 'error')).toEqual([
    'audit: the image could not be read',
    'audit: 3 findings at or above error (non-root, toolchain)',
    overBudget.message
  ])
  const one = { ...audit!, failing: 1, findings: [finding('non-root', 'error')] }
  expect(failureReasons(result({ audit: one }), 'error')).toEqual(['audit: 1 finding at or above error (non-root)'])
  expect(failureReasons(result({ audit: { ...audit!, failing: 0 } }), 'error')).toEqual([])
})

test('build checks at or above fail-on: one reason naming each rule once, after the budgets; below it they do not fail', () => {
  const check = (rule: string, severity: Finding['severity']) => ({ rule: `build-check/${rule}`, severity, message: 'm', line: 1 })
  const checks = [check('StageNameCasing', 'warning'), check('JSONArgsRecommended', 'error'), check('StageNameCasing', 'warning'), check('Info', 'notice')]
  const r = result({ budgets: [overBudget], checks })
  expect(failureReasons(r, 'warning')).toEqual([
    overBudget.message,
    'build checks: 3 at or above warning (build-check/StageNameCasing, build-check/JSONArgsRecommended)'
  ])
  expect(failingCount(r, 'warning')).toBe(4)
  expect(failureReasons(r, 'error')).toEqual([overBudget.message, 'build checks: 1 at or above error (build-check/JSONArgsRecommended)'])
  expect(failingCount(r, 'error')).toBe(2)
  expect(failureReasons(result({ checks: [check('Info', 'notice')] }), 'warning')).toEqual([])
  expect(failingCount(result({ checks: [check('Info', 'notice')] }))).toBe(0)
})
