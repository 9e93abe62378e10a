import { HELP, parseCli, UsageError } from '../../src/cli/args.js'
import { Input } from '../../src/constants.js'

describe('parseCli', () => {
  test.each<[string, string[], Partial<ReturnType<typeof parseCli>>]>([
    ['defaults: run on .', [], { command: 'run', inputs: {}, images: [] }],
    ['explicit run with context', ['run', 'app'], { command: 'run', inputs: { [Input.Context]: 'app' } }],
    [
      'repeatable flags join into list inputs; short forms',
      ['-f', 'ci/Dockerfile', '-t', 'a:1', '--tag', 'a:2', '--build-arg', 'A=1', '--build-arg', 'B=2', '.'],
      { inputs: { [Input.Context]: '.', [Input.File]: 'ci/Dockerfile', [Input.Tags]: 'a:1\na:2', [Input.BuildArgs]: 'A=1\nB=2' } }
    ],
    [
      'audit switches and budgets map to the action inputs',
      ['--allow-root', '--allow-toolchains', '--allow', 'hygiene', '--fail-on', 'warning', '--max-size', '250MB', '--no-cache-mounts'],
      {
        inputs: {
          [Input.RequireNonRoot]: 'false',
          [Input.ForbidToolchains]: 'false',
          [Input.AuditAllow]: 'hygiene',
          [Input.FailOn]: 'warning',
          [Input.MaxSize]: '250MB',
          [Input.CacheMounts]: 'false'
        }
      }
    ],
    ['audit IMAGE', ['audit', 'app:1', '--json'], { command: 'audit', images: ['app:1'], json: true }],
    [
      'audit --registry REF',
      ['audit', '--registry', '127.0.0.1:5000/app@sha256:' + 'a'.repeat(64)],
      { command: 'audit', registry: true, images: ['127.0.0.1:5000/app@sha256:' + 'a'.repeat(64)] }
    ],
    ['compare IMAGE BASELINE', ['compare', 'app:2', 'app:1'], { command: 'compare', images: ['app:2', 'app:1'] }],
    [
      'output files',
      ['--report', 'r.json', '--sarif', 'r.sarif', '--comment', 'c.md', '--markdown'],
      { reportFile: 'r.json', sarifFile: 'r.sarif', commentFile: 'c.md', markdown: true }
    ],
    ['colour off', ['--no-color'], { color: false }],
    [
      'buildx flag names for build-push-action inputs',
      [
        '--add-host',
        'db:10.0.0.2',
        '--network=none',
        '--shm-size',
        '2g',
        '--ulimit',
        'nofile=1024',
        '--ssh',
        'default',
        '--allow-entitlement',
        'network.host',
        '--no-cache-filter',
        'deps',
        '--annotation',
        'a=b',
        '--provenance=false',
        '--sbom',
        'true',
        '--attest',
        'type=custom',
        '-o',
        'type=local,dest=out',
        '--cgroup-parent',
        '/ci',
        '--check'
      ],
      {
        inputs: {
          [Input.AddHosts]: 'db:10.0.0.2',
          [Input.Network]: 'none',
          [Input.ShmSize]: '2g',
          [Input.Ulimit]: 'nofile=1024',
          [Input.Ssh]: 'default',
          [Input.Allow]: 'network.host',
          [Input.NoCacheFilters]: 'deps',
          [Input.Annotations]: 'a=b',
          [Input.Provenance]: 'false',
          [Input.Sbom]: 'true',
          [Input.Attests]: 'type=custom',
          [Input.Outputs]: 'type=local,dest=out',
          [Input.CgroupParent]: '/ci',
          [Input.Call]: 'check'
        }
      }
    ],
    ['help', ['--help'], { command: 'help' }]
  ])('%s', (_n, argv, expected) => {
    expect(parseCli(argv)).toMatchObject(expected)
  })

  test.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['a', 'b'], /expected at most one CONTEXT, got: a b/],
    [['audit'], /audit takes one IMAGE/],
    [['compare', 'x'], /compare takes IMAGE and BASELINE/],
    [['compare', 'x', 'y', '--registry'], /--registry goes with audit/],
    [['--registry'], /--registry goes with audit/]
  ])('%j → usage error', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError)
    expect(() => parseCli(argv)).toThrow(message)
  })

  test('--help explains every flag parseCli accepts', () => {
    for (const flag of [
      '--file',
      '--target',
      '--test-target',
      '--build-arg',
      '--secret-file',
      '--secret-env',
      '--allow-root',
      '--allow-toolchains',
      '--allow',
      '--fail-on',
      '--max-size',
      '--max-increase',
      '--baseline-image',
      '--baseline-report',
      '--cache-dir',
      '--cache-mount',
      '--no-cache-mounts',
      '--json',
      '--markdown',
      '--report',
      '--sarif',
      '--comment',
      '--verbose',
      '--no-color',
      '--add-host',
      '--network',
      '--shm-size',
      '--ulimit',
      '--ssh',
      '--allow-entitlement',
      '--no-cache-filter',
      '--annotation',
      '--provenance',
      '--sbom',
      '--attest',
      '--output',
      '--call',
      '--check',
      '--cgroup-parent'
    ]) {
      expect(HELP).toContain(flag)
    }
    expect(HELP).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /)
  })
})
