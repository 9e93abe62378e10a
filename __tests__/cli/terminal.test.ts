import { logTail, PLAIN, renderTerminal, table, wrapText } from '../../src/cli/terminal.js'
import type { Finding } from '../../src/audit/types.js'
import type { PipelineResult } from '../../src/pipeline.js'
import type { RunReport } from '../../src/report/run-report.js'

test('wrapText breaks at blanks within the width and keeps every word', () => {
  const text = 'Build in an earlier stage and copy only the output.'
  const wrapped = wrapText(text, 16)
  expect(wrapped.split('\n').every(l => l.length <= 16)).toBe(true)
  expect(wrapped.replace(/\n/g, ' ')).toBe(text)
  expect(wrapText('averyveryverylongword x', 5)).toBe('averyveryverylongword\nx')
})

test('a multi-line cell spans lines; the other cells stay on its first line', () => {
  expect(table([['a', 'b'], ['1', 'x\ny'], ['22', 'z']], PLAIN)).toBe('a   b\n1   x\n    y\n22  z')
})

const message =
  'GNU C/C++ compiler (gcc) in the runner image (inherited from the base image): /usr/bin/x86_64-linux-gnu-gcc-12 and 4 more files; packages cpp 4:12.2.0-3, gcc-12 12.2.0-14 (dpkg); 105 MB. Build in an earlier stage and copy only the output.'
const finding: Finding = { rule: 'toolchain', severity: 'error', message, evidence: { path: '/usr/bin/x86_64-linux-gnu-gcc-12', bytes: 105_000_000, line: 1 } }
const result = {
  phases: [],
  testResult: 'skipped',
  runnerStage: 'stage-1',
  warnings: [],
  cacheMounts: [],
  budgets: [],
  audit: { image: {}, findings: [finding], allowed: [], failing: 1, unusedAllow: ['/usr/bin/mkae'], source: { streamed: 1, cached: 0, dockerSave: true } },
  failedLogTail: ['#7 ERROR: process "/bin/sh -c make" did not complete successfully']
} as unknown as PipelineResult
const report = { dockerfile: 'Dockerfile', verdict: { passed: false, reasons: ['audit: 1 finding at or above error (toolchain)'] } } as unknown as RunReport

test('the finding column wraps to the terminal width instead of cutting off the fix', () => {
  const out = renderTerminal(result, report, PLAIN, 120)
  const rows = out.split('\n')
  expect(rows.filter(l => l.includes('toolchain') || l.startsWith(' ')).every(l => l.length <= 120)).toBe(true)
  expect(out.replace(/\s+/g, ' ')).toContain('Build in an earlier stage and copy only the output.')
  expect(out).not.toContain('…')
})

test('unused audit-allow patterns and the failing build’s log tail are shown', () => {
  const out = renderTerminal(result, report, PLAIN, 120)
  expect(out).toContain('warning: audit-allow pattern "/usr/bin/mkae" matched no finding')
  expect(out).toContain(logTail(result, PLAIN).join('\n'))
  expect(logTail(result, PLAIN)).toEqual(['', '--- last 1 lines of the failing build ---', result.failedLogTail![0], '---'])
})
