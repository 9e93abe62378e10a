import { buildArgs, type BuildRequest } from '../../src/build/args.js'
import type { Inputs } from '../../src/inputs/inputs.js'
import { makeInputs } from '../fixtures/inputs.js'

const base = ['--progress', 'plain', '--file', '/src/Dockerfile']
const runner = (over: Partial<BuildRequest> = {}): BuildRequest => ({
  kind: 'runner',
  target: 'runner',
  secretSpecs: [],
  driver: 'docker',
  ...over
})

describe('buildArgs', () => {
  test.each<[string, Partial<Inputs>, BuildRequest, string[]]>([
    ['minimal runner, docker driver: no --load needed', {}, runner(), [...base, '--target', 'runner', '.']],
    [
      'test stage exports nothing and skips tags, labels, cache-to, push',
      { tags: ['a:1'], labels: ['x=y'], 'cache-to': ['type=local,dest=/c'], push: true },
      { ...runner(), kind: 'test', target: 'test' },
      [...base, '--target', 'test', '--output', 'type=cacheonly', '.']
    ],
    [
      'build args, contexts, platforms, builder, pull, no-cache, cache-from in buildx order',
      {
        'build-args': ['A=1', 'B=two words'],
        'build-contexts': ['assets=./assets'],
        platforms: ['linux/amd64', 'linux/arm64'],
        builder: 'ci',
        pull: true,
        'no-cache': true,
        'cache-from': ['type=local,src=/c']
      },
      runner({ driver: 'docker-container' }),
      [
        ...base,
        '--target',
        'runner',
        '--build-arg',
        'A=1',
        '--build-arg',
        'B=two words',
        '--build-context',
        'assets=./assets',
        '--platform',
        'linux/amd64,linux/arm64',
        '--builder',
        'ci',
        '--pull',
        '--no-cache',
        '--cache-from',
        'type=local,src=/c',
        '.'
      ]
    ],
    [
      'secrets are passed as specs (file or env references), never values',
      {},
      runner({ secretSpecs: ['id=token,src=/tmp/x/token', 'id=npmrc,env=NPMRC'] }),
      [...base, '--target', 'runner', '--secret', 'id=token,src=/tmp/x/token', '--secret', 'id=npmrc,env=NPMRC', '.']
    ],
    [
      'runner: labels, tags, cache-to, push, iidfile and metadata file',
      { labels: ['org.opencontainers.image.source=x'], tags: ['r/app:1', 'r/app:latest'], 'cache-to': ['type=inline'], push: true },
      runner({ iidFile: '/t/iid', metadataFile: '/t/m.json' }),
      [
        ...base,
        '--target',
        'runner',
        '--label',
        'org.opencontainers.image.source=x',
        '--tag',
        'r/app:1',
        '--tag',
        'r/app:latest',
        '--cache-to',
        'type=inline',
        '--push',
        '--iidfile',
        '/t/iid',
        '--metadata-file',
        '/t/m.json',
        '.'
      ]
    ],
    [
      'load from the export plan (the runner request says so): --load',
      {},
      runner({ driver: 'docker-container', load: true }),
      [...base, '--target', 'runner', '--load', '.']
    ],
    [
      'the OCI layout for the audit, beside load: one more --output',
      {},
      runner({ load: true, ociDir: '/tmp/x/oci-layout' }),
      [...base, '--target', 'runner', '--output', 'type=oci,dest=/tmp/x/oci-layout,tar=false', '--load', '.']
    ],
    [
      "an output pushed by digest: after the audit's layout, so the metadata (digest output) is the push's, not the layout's",
      { outputs: ['type=image,name=r/app,push-by-digest=true,name-canonical=true,push=true'] },
      runner({ ociDir: '/tmp/x/oci-layout' }),
      [
        ...base,
        '--target',
        'runner',
        '--output',
        'type=oci,dest=/tmp/x/oci-layout,tar=false',
        '--output',
        'type=image,name=r/app,push-by-digest=true,name-canonical=true,push=true',
        '.'
      ]
    ],
    [
      'load beside push: the engine copy (type=docker) before the push, so the metadata (digest output) is the registry\'s',
      { push: true },
      runner({ driver: 'docker-container', load: true, ociDir: '/tmp/x/oci-layout' }),
      [...base, '--target', 'runner', '--output', 'type=oci,dest=/tmp/x/oci-layout,tar=false', '--output', 'type=docker', '--push', '.']
    ],
    [
      'load beside an outputs line that pushes: type=docker before it',
      { outputs: ['type=registry,name=r/app'] },
      runner({ driver: 'docker-container', load: true }),
      [...base, '--target', 'runner', '--output', 'type=docker', '--output', 'type=registry,name=r/app', '.']
    ],
    ['an unnamed last stage: no --target (BuildKit targets names only)', {}, runner({ target: undefined }), [...base, '.']],
    ['load input alone does not add --load: the export plan decides', { load: true }, runner(), [...base, '--target', 'runner', '.']],
    ['remote context is passed through last', { context: 'https://github.com/o/r.git#main' }, runner(), [...base, '--target', 'runner', 'https://github.com/o/r.git#main']]
  ])('%s', (_name, over, req, expected) => {
    expect(buildArgs(makeInputs(over), req)).toEqual(expected)
  })

  test('a secret value never appears in argv', () => {
    const inputs = makeInputs({ secrets: [{ id: 'token', source: { kind: 'value', value: 'hunter2-very-secret' } }] })
    const argv = buildArgs(inputs, runner({ secretSpecs: ['id=token,src=/tmp/s/token'] }))
    expect(argv.join(' ')).not.toContain('hunter2')
  })
})
