/**
 * The comment as a reader sees it, whole: golden copies in __snapshots__/ (reviewed when written;
 * `npx jest __tests__/report/markdown.golden -u` rewrites them after an intended change). The
 * focused tests in markdown.test.ts say what each part means; these catch every other character.
 */
import type { Finding } from '../../src/audit/types.js'
import { renderReport } from '../../src/report/markdown.js'
import { REPORT_SCHEMA, type RunReport } from '../../src/report/run-report.js'
import { sizeDelta, sizeReport, type TrendPoint } from '../../src/size/model.js'
import { layer } from './size-layers.js'

const gcc: Finding = {
  rule: 'toolchain',
  severity: 'error',
  message: 'gcc (C compiler) is in the runner image | costs 30 MB. Copy only the build output into the runner stage.',
  evidence: { path: '/usr/bin/gcc-12', bytes: 30_000_000, layer: { index: 2, digest: 'sha256:x' }, line: 12 }
}
const shell: Finding = { rule: 'hygiene/shell', severity: 'warning', message: 'a shell is present', evidence: { path: '/bin/sh', line: 2 } }
const health: Finding = { rule: 'hygiene/no-healthcheck', severity: 'notice', message: 'no HEALTHCHECK', evidence: {} }
const before = sizeReport('base', [layer(0, 'debian', 80_000_000, true), layer(1, 'COPY dist ./dist # buildkit', 1_000_000)], 'blob')
const after = sizeReport(
  'now',
  [
    layer(0, 'debian', 80_000_000, true),
    layer(1, 'COPY dist ./dist # buildkit', 1_500_000),
    layer(2, 'RUN /bin/sh -c apt-get install gcc # buildkit', 30_000_000),
    layer(3, 'USER 10001', 0)
  ],
  'gzip-estimate'
)
const failing: RunReport = {
  schema: REPORT_SCHEMA,
  createdAt: '2026-11-22T00:00:00Z',
  dockerfile: 'app/Dockerfile',
  target: 'runner',
  key: 'app/Dockerfile:runner',
  test: { stage: 'test', result: 'failed' },
  image: { id: 'sha256:abcdef0123456789abcdef', tags: [] },
  audit: { failOn: 'warning', findings: [gcc, shell, health], allowed: [health], failing: 2, unusedAllow: ['/usr/bin/make*'] },
  size: after,
  delta: sizeDelta(after, before, { source: 'cache', ref: 'k', description: 'report saved on main at abc1234' }),
  budgets: [{ budget: 'max-increase', limit: '10%', actual: '+30.5 MB', message: 'image grew by +30.5 MB (+37.7%), over the max-increase budget of 10%' }],
  checks: [
    {
      rule: 'build-check/JSONArgsRecommended',
      severity: 'warning',
      message: 'JSON arguments recommended for CMD (https://docs.docker.com/go/dockerfile/rule/json-args-recommended/)',
      line: 20,
      url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/'
    },
    { rule: 'build-check/StageNameCasing', severity: 'warning', message: 'Stage name "Build" should be lowercase' }
  ],
  verdict: { passed: false, reasons: ['test stage "test" failed | exit 1', 'audit: 2 findings at or above warning (toolchain, hygiene/shell)'] }
}
const passingMulti: RunReport = {
  ...failing,
  test: { stage: 'test', result: 'skipped' },
  image: { id: 'sha256:0123456789abcdef0123', tags: ['app:pr-7'], platform: 'linux/arm64' },
  audit: { failOn: 'error', findings: [{ ...shell, platform: 'linux/arm64' }], allowed: [], failing: 0 },
  checks: undefined,
  delta: undefined,
  baselineNote: 'none yet: no report saved on main',
  budgets: [],
  platforms: [
    { platform: 'linux/amd64', id: 'a', user: '10001', size: before, budgets: [], findings: 0, failing: 0 },
    { platform: 'linux/arm64', id: 'b', user: '10001', size: after, budgets: [], findings: 1, failing: 0 }
  ],
  verdict: { passed: true, reasons: [] }
}

test('a failing run: reasons, unused allow pattern, findings, build checks, deltas, layers', () => {
  expect(renderReport(failing)).toMatchSnapshot()
})

test('a passing run of two platforms without a baseline or test stage', () => {
  expect(renderReport(passingMulti)).toMatchSnapshot()
})

test('over the comment budget: sections are cut until it fits', () => {
  const full = renderReport(failing)
  const cut = renderReport(failing, 50, 1500)
  expect(cut.length).toBeLessThanOrEqual(1500)
  expect(cut.length).toBeLessThan(full.length)
  expect(cut).toMatchSnapshot()
  const truncated = renderReport(failing, 50, 400)
  expect(truncated.length).toBe(400)
  expect(truncated).toMatchSnapshot()
})

test('what grew: paths, packages, composition, the size trend and wasted files', () => {
  const MB = 1_000_000
  const trend: TrendPoint[] = [
    { label: 'main abc1234', createdAt: '2026-11-20T00:00:00Z', bytes: 81 * MB, compressedBytes: 27 * MB },
    { label: 'main def5678', createdAt: '2026-11-21T00:00:00Z', bytes: 90 * MB, compressedBytes: 30 * MB },
    { label: 'this run', createdAt: '2026-11-22T00:00:00Z', bytes: 112 * MB, compressedBytes: 37 * MB }
  ]
  const grown: RunReport = {
    ...failing,
    audit: { failOn: 'error', findings: [], allowed: [], failing: 0 },
    checks: undefined,
    budgets: [],
    test: { stage: 'test', result: 'passed' },
    verdict: { passed: true, reasons: [] },
    trend,
    delta: {
      ...failing.delta!,
      contents: {
        paths: [
          { path: '/app/vendor/liba', before: 4 * MB, after: 9 * MB, delta: 5 * MB, status: 'grown', kind: 'vendor', line: 11 },
          { path: '/usr/lib/gcc', before: 0, after: 25 * MB, delta: 25 * MB, status: 'added', line: 12 },
          { path: '/app/old', before: 2 * MB, after: 0, delta: -2 * MB, status: 'removed' }
        ],
        packages: [
          {
            manager: 'dpkg',
            name: 'gcc-12',
            after: '12.2.0-14',
            status: 'added',
            bytes: 20 * MB,
            delta: 20 * MB,
            with: ['cpp-12', 'libgcc-12-dev'],
            withBytes: 5 * MB
          },
          { manager: 'npm', name: 'left-pad', before: '1.0.0-rc.1', after: '1.0.0', status: 'upgraded', bytes: 10_000, delta: 1_000 },
          { manager: 'python', name: 'requests', before: '2.31.0', status: 'removed', bytes: 0, delta: -400_000 }
        ],
        unexplained: 300_000,
        omitted: { paths: 4, packages: 1 },
        composition: { before: { base: 80 * MB, os: 0, language: 0, app: MB }, after: { base: 80 * MB, os: 25 * MB, language: 0, app: 1.5 * MB } }
      }
    },
    platforms: [
      {
        platform: 'linux/amd64',
        id: 'a',
        user: '10001',
        size: after,
        budgets: [],
        findings: 0,
        failing: 0,
        wasted: [{ path: '/tmp/build.tar', bytes: 1_000_000, how: 'deleted', layer: 2, line: 12, hiddenBy: 3, hiddenByLine: 13 }]
      }
    ]
  }
  expect(renderReport(grown)).toMatchSnapshot()
})
