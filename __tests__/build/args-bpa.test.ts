/**
 * One row per docker/build-push-action input: our runner argv for it, and the flags BPA v7
 * (src/context.ts getBuildArgs/getCommonArgs/getAttestArgs) gives for the same input. Where the
 * two overlap, BPA's flags must appear in our argv in the same order.
 */
import { attestArgs, buildArgs, type BuildRequest } from '../../src/build/args.js'
import type { Inputs } from '../../src/inputs/inputs.js'
import { makeInputs } from '../fixtures/inputs.js'

const runner: BuildRequest = { kind: 'runner', target: 'runner', secretSpecs: [], driver: 'docker' }
/** buildx flags come from buildArgs; whether to --load comes from the export plan (exporters.ts). */
const withLoad = (over: Partial<Inputs>): BuildRequest => ({ ...runner, load: over.load === true })
const test_: BuildRequest = { ...runner, kind: 'test', target: 'test' }

/** Every flag of `bpa` appears in `argv`, in order, each flag followed by its value. */
function expectFlags(argv: string[], bpa: string[]): void {
  let from = 0
  for (let i = 0; i < bpa.length; i++) {
    const at = argv.indexOf(bpa[i], from)
    expect(at).toBeGreaterThanOrEqual(from)
    if (at < 0) throw new Error(`${bpa[i]} missing after index ${from} in ${JSON.stringify(argv)}`)
    from = at + 1
  }
}

const URL = 'https://github.com/o/r/actions/runs/1/attempts/1'

// [input, our Inputs, the flags BPA gives, also in the test-stage build?]
const rows: [string, Partial<Inputs>, string[], boolean][] = [
  ['add-hosts', { 'add-hosts': ['docker:10.180.0.1', 'db:10.0.0.2'] }, ['--add-host', 'docker:10.180.0.1', '--add-host', 'db:10.0.0.2'], true],
  ['allow', { allow: ['network.host'] }, ['--allow', 'network.host'], true],
  ['annotations', { annotations: ['index:foo=bar'] }, ['--annotation', 'index:foo=bar'], false],
  ['attests (not provenance/sbom)', { attests: ['type=custom,true'] }, ['--attest', 'type=custom,disabled=false'], false],
  ['build-args', { 'build-args': ['A=1,2'] }, ['--build-arg', 'A=1,2'], true],
  ['build-contexts', { 'build-contexts': ['alpine=docker-image://alpine'] }, ['--build-context', 'alpine=docker-image://alpine'], true],
  ['builder', { builder: 'ci' }, ['--builder', 'ci'], true],
  ['cache-from', { 'cache-from': ['type=gha'] }, ['--cache-from', 'type=gha'], true],
  ['cache-to', { 'cache-to': ['type=gha,mode=max'] }, ['--cache-to', 'type=gha,mode=max'], false],
  ['cgroup-parent', { 'cgroup-parent': '/ci' }, ['--cgroup-parent', '/ci'], true],
  ['context', { context: 'sub' }, ['sub'], true],
  ['file', { file: '/w/Dockerfile.prod' }, ['--file', '/w/Dockerfile.prod'], true],
  ['labels', { labels: ['a=b'] }, ['--label', 'a=b'], false],
  ['load (with the export plan\'s load)', { load: true }, ['--load'], false],
  ['network', { network: 'host' }, ['--network', 'host'], true],
  ['no-cache', { 'no-cache': true }, ['--no-cache'], true],
  ['no-cache-filters', { 'no-cache-filters': ['deps', 'test'] }, ['--no-cache-filter', 'deps', '--no-cache-filter', 'test'], true],
  ['outputs', { outputs: ['type=local,dest=out'] }, ['--output', 'type=local,dest=out'], false],
  ['platforms', { platforms: ['linux/amd64', 'linux/arm64'] }, ['--platform', 'linux/amd64,linux/arm64'], true],
  ['provenance: false', { provenance: 'false' }, ['--attest', 'type=provenance,disabled=true'], false],
  ['provenance: true (in Actions)', { provenance: `builder-id=${URL}` }, ['--attest', `type=provenance,builder-id=${URL}`], false],
  ['provenance: mode=max', { provenance: `mode=max,builder-id=${URL}` }, ['--attest', `type=provenance,mode=max,builder-id=${URL}`], false],
  ['provenance: empty in a public repo (BPA default)', { 'provenance-default': `mode=max,builder-id=${URL}` }, ['--attest', `type=provenance,mode=max,builder-id=${URL}`], false],
  ['pull', { pull: true }, ['--pull'], true],
  ['push', { push: true }, ['--push'], false],
  ['sbom: true', { sbom: 'true' }, ['--attest', 'type=sbom,disabled=false'], false],
  ['sbom: generator', { sbom: 'generator=r/scanner:1' }, ['--attest', 'type=sbom,generator=r/scanner:1'], false],
  ['shm-size', { 'shm-size': '2g' }, ['--shm-size', '2g'], true],
  ['ssh', { ssh: ['default', 'deploy=/k/id'] }, ['--ssh', 'default', '--ssh', 'deploy=/k/id'], true],
  ['tags', { tags: ['r/a:1', 'r/a:latest'] }, ['--tag', 'r/a:1', '--tag', 'r/a:latest'], false],
  ['target (runner stage)', {}, ['--target', 'runner'], false],
  ['ulimit', { ulimit: ['nofile=1024:1024'] }, ['--ulimit', 'nofile=1024:1024'], true]
]

describe('buildArgs: one row per BPA input, with the flags BPA gives', () => {
  test.each(rows)('%s', (_name, over, bpa, inTest) => {
    const inputs = makeInputs(over)
    const argv = buildArgs(inputs, withLoad(over))
    expectFlags(argv, bpa)
    // Flags that shape what RUN steps see are the same in the test-stage build; export flags are not.
    const testArgv = buildArgs(inputs, test_).join('\u0000')
    if (inTest) expect(testArgv).toContain(bpa.join('\u0000'))
    else if (bpa[0].startsWith('--') && bpa[0] !== '--target' && bpa[0] !== '--file') expect(testArgv).not.toContain(bpa.join('\u0000'))
  })

  test('every input flag is absent with the defaults (no stray flags)', () => {
    const argv = buildArgs(makeInputs(), runner)
    expect(argv).toEqual(['--progress', 'plain', '--file', '/src/Dockerfile', '--target', 'runner', '.'])
  })
})

describe('attestArgs: how BPA combines provenance, sbom and attests', () => {
  test.each<[string, Partial<Inputs>, string[]]>([
    ['nothing given outside Actions: no flag (buildx applies its own default)', {}, []],
    ['BPA default skipped when the user loads the image into docker', { 'provenance-default': 'mode=max', load: true }, []],
    ['BPA default skipped with a docker exporter in outputs', { 'provenance-default': 'mode=max', outputs: ['type=docker'] }, []],
    ['BPA default kept beside a local output', { 'provenance-default': 'mode=max', outputs: ['type=local,dest=o'] }, ['--attest', 'type=provenance,mode=max']],
    ['a private repo default', { 'provenance-default': `mode=min,inline-only=true,builder-id=${URL}` }, ['--attest', `type=provenance,mode=min,inline-only=true,builder-id=${URL}`]],
    [
      'provenance and sbom inputs win over attests of the same type',
      { provenance: 'mode=min', sbom: 'false', attests: ['type=provenance,mode=max', 'type=sbom,generator=x', 'type=other'] },
      ['--attest', 'type=provenance,mode=min', '--attest', 'type=sbom,disabled=true', '--attest', 'type=other']
    ],
    [
      'attests of provenance/sbom type are used when the inputs are empty',
      { attests: ['type=provenance,mode=max', 'type=sbom,generator=x'] },
      ['--attest', 'type=provenance,mode=max', '--attest', 'type=sbom,generator=x']
    ]
  ])('%s', (_name, over, expected) => {
    expect(attestArgs(makeInputs(over))).toEqual(expected)
  })
})

test('no --iidfile beside a local or tar exporter (buildx refuses it; BPA drops it too)', () => {
  const req = { ...runner, iidFile: '/t/iid' }
  expect(buildArgs(makeInputs({ outputs: ['type=local,dest=out'] }), req)).not.toContain('--iidfile')
  expect(buildArgs(makeInputs({ outputs: ['type=tar,dest=o.tar'] }), req)).not.toContain('--iidfile')
  expect(buildArgs(makeInputs({ outputs: ['type=image,name=r/a'] }), req)).toContain('--iidfile')
})

describe('secrets, secret-files, secret-envs: the --secret specs BPA gives', () => {
  test('id=KEY,src=<0600 temp file> / id=KEY,src=<path> / id=KEY,env=ENV, in that order', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const { materializeSecrets } = await import('../../src/build/secrets.js')
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bpa-secrets-'))
    try {
      const m = materializeSecrets(
        [
          { id: 'github_token', source: { kind: 'value', value: 'ab,cd' } },
          { id: 'npmrc', source: { kind: 'file', path: '/w/.npmrc' } },
          { id: 'gh', source: { kind: 'env', env: 'GH_TOKEN', value: 'x' } }
        ],
        tmp
      )
      const argv = buildArgs(makeInputs(), { ...runner, secretSpecs: m.specs })
      const specs = argv.flatMap((a, i) => (a === '--secret' ? [argv[i + 1]] : []))
      expect(specs[0]).toMatch(/^id=github_token,src=\/.+\/github_token$/)
      expect(fs.readFileSync(specs[0].split('src=')[1], 'utf8')).toBe('ab,cd')
      expect(specs.slice(1)).toEqual(['id=npmrc,src=/w/.npmrc', 'id=gh,env=GH_TOKEN'])
      expect(argv.join(' ')).not.toContain('ab,cd')
      m.cleanup()
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})
