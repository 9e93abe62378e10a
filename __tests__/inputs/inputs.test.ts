import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseBool, readInputs } from '../../src/inputs/inputs.js'
import { getter } from '../fixtures/inputs.js'
import { errorOf as messageOf } from '../helpers/error-of.js'
import { listInput } from '../../src/inputs/list.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-inputs-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:stable AS runner\n')
  fs.writeFileSync(path.join(dir, 'npmrc'), '//registry.example/:_authToken=npm_abcdef\n')
})
afterAll(() => fs.rmSync(dir, { recursive: true }))

const read = (map: Record<string, string>, env: NodeJS.ProcessEnv = {}, mask?: (v: string) => void) => readInputs(getter(map), { env, cwd: dir, mask })

describe('listInput: each input with the options BPA uses for it', () => {
  test.each<[Parameters<typeof listInput>[0], string, string[]]>([
    ['tags', 'a,b\nc', ['a', 'b', 'c']],
    ['build-args', 'A=1,2\n B=3 \n\n', ['A=1,2', 'B=3']],
    ['labels', '# comment\nx=1', ['x=1']],
    ['platforms', '', []],
    ['secret-envs', 'a=ENV_A,b=ENV_B', ['a=ENV_A', 'b=ENV_B']],
    ['ulimit', 'nofile=1024:1024', ['nofile=1024:1024']],
    // a comma inside an item: kept by the inputs BPA reads whole, split by the others
    ['annotations', 'index:a=1,2', ['index:a=1,2']],
    ['attests', 'type=sbom,generator=x', ['type=sbom,generator=x']],
    ['build-contexts', 'base=docker-image://alpine:3,extra', ['base=docker-image://alpine:3,extra']],
    ['cache-from', 'type=local,src=/tmp/cache', ['type=local,src=/tmp/cache']],
    ['cache-to', 'type=gha,mode=max', ['type=gha,mode=max']],
    ['labels', 'org.opencontainers.image.authors=a,b', ['org.opencontainers.image.authors=a,b']],
    ['secret-files', 'npmrc=cfg/a,b', ['npmrc=cfg/a,b']],
    ['ulimit', 'nofile=1024:1024,extra', ['nofile=1024:1024,extra']],
    ['outputs', 'type=local,"dest=a,b"', ['type=local,"dest=a,b"']],
    ['add-hosts', 'a:10.0.0.1,b:10.0.0.2', ['a:10.0.0.1', 'b:10.0.0.2']],
    ['allow', 'network.host,security.insecure', ['network.host', 'security.insecure']],
    ['no-cache-filters', 'build,test', ['build', 'test']],
    ['ssh', 'default,deploy=key', ['default', 'deploy=key']],
    ['platforms', 'linux/amd64, linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['tags', '  ', []]
  ])('%s: %j', (name, v, expected) => expect(listInput(name, v)).toEqual(expected))
})

describe('parseBool', () => {
  test.each([
    ['true', true],
    ['False', false],
    ['', true]
  ])('%j', (v, expected) => expect(parseBool('push', v, true)).toBe(expected))
  test('anything else names the input', () => {
    expect(() => parseBool('push', 'yes', false)).toThrow('push: expected true or false, got "yes"')
  })
})

describe('readInputs', () => {
  test('a part of a split build (an output pushed by digest) takes no tag: one line naming tags and where they go', () => {
    const outputs = 'type=image,name=127.0.0.1:5000/part-app,push-by-digest=true,name-canonical=true,push=true'
    expect(read({ outputs, platforms: 'linux/arm64' }).outputs).toEqual([outputs])
    expect(() => read({ outputs, tags: 'part-app:pr-7' })).toThrow(
      'tags: a part of a split build (outputs: push-by-digest=true) is not tagged: give tags the repository only (e.g. "part-app") and the tags to the merge step (mode: merge), got "part-app:pr-7"'
    )
    expect(() => read({ outputs, tags: '127.0.0.1:5000/part-app\n127.0.0.1:5000/part-app@sha256:' + 'a'.repeat(64) })).toThrow(
      /^tags: .* got "127\.0\.0\.1:5000\/part-app@sha256:a+"$/
    )
    // The docs recipe: the repository in tags (a registry with a port is not a tag), no name= in outputs.
    const docs = 'type=image,push-by-digest=true,name-canonical=true,push=true'
    expect(read({ outputs: docs, tags: '127.0.0.1:5000/part-app' }).tags).toEqual(['127.0.0.1:5000/part-app'])
    // tags beside an output that is not pushed by digest are as before
    expect(read({ outputs: 'type=image,name=r/a,push=true', tags: 'r/a:1' }).tags).toEqual(['r/a:1'])
  })

  test('an outputs or attests line that is not CSV is an input error naming the input, not a parser crash', () => {
    expect(() => read({ outputs: 'type=image,na"me=r/a' })).toThrow(/^outputs: not a CSV attribute list \(.+\)$/)
    expect(() => read({ attests: 'a"' })).toThrow(/^attests: "a"" is not a CSV attribute list \(.+\)$/)
  })

  test('an output pushed by digest without name= is an input error', () => {
    expect(() => read({ outputs: 'type=registry,push-by-digest=true' })).toThrow(
      'outputs: "type=registry,push-by-digest=true" pushes by digest but names no repository: add name=REGISTRY/IMAGE or set tags: REGISTRY/IMAGE'
    )
  })

  test('defaults: context ., Dockerfile in the context, everything off', () => {
    const i = read({})
    expect(i.file).toBe(path.join(dir, 'Dockerfile'))
    expect(i.push).toBe(false)
    expect(i.tags).toEqual([])
    expect(i.secrets).toEqual([])
  })

  test('secrets from all three inputs are masked as they are read', () => {
    const masked: string[] = []
    const i = read(
      { secrets: 'token=abc=def==\n\napi=second-value', 'secret-files': 'npmrc=npmrc', 'secret-envs': 'gh=GH_TOKEN' },
      { GH_TOKEN: 'ghp_1234567890' },
      v => masked.push(v)
    )
    expect(i.secrets.map(s => s.id)).toEqual(['token', 'api', 'npmrc', 'gh'])
    expect(i.secrets[0].source).toEqual({ kind: 'value', value: 'abc=def==' })
    expect(masked).toEqual(expect.arrayContaining(['abc=def==', 'second-value', 'ghp_1234567890', '//registry.example/:_authToken=npm_abcdef']))
  })

  test('quoted secrets: a comma inside, a multi-line value kept byte for byte, each masked', () => {
    const masked: string[] = []
    const pem = '-----BEGIN KEY-----\nAAAA,BBBB\n-----END KEY-----\n'
    const i = read({ secrets: `"github_token=ghs_ab,cd"\n"key=${pem}"\nplain=x y ` }, {}, v => masked.push(v))
    expect(i.secrets.map(s => [s.id, s.source])).toEqual([
      ['github_token', { kind: 'value', value: 'ghs_ab,cd' }],
      ['key', { kind: 'value', value: pem }],
      ['plain', { kind: 'value', value: 'x y ' }]
    ])
    expect(masked).toEqual(expect.arrayContaining(['ghs_ab,cd', pem, 'AAAA,BBBB']))
  })

  test("BPA's invalid secret lines (empty value, missing file, unset variable) are kept aside, not thrown, and never show a value", () => {
    const masked: string[] = []
    const r = read(
      {
        secrets: 'GIT_AUTH_TOKEN=abcdef0123456789\nINVALID_SECRET=',
        'secret-files': 'npmrc=missing/.npmrc',
        'secret-envs': 'gh=NOT_SET_ANYWHERE\nINVALID_SECRET_ENV='
      },
      {},
      v => masked.push(v)
    )
    expect(r.secrets.map(s => s.id)).toEqual(['GIT_AUTH_TOKEN'])
    expect(r['secrets-unresolved']).toEqual([
      { input: 'secrets', line: 2, id: 'INVALID_SECRET', detail: 'line 2: secret "INVALID_SECRET" has an empty value' },
      { input: 'secret-files', line: 1, id: 'npmrc', detail: 'line 1: secret "npmrc": file not found: missing/.npmrc' },
      { input: 'secret-envs', line: 1, id: 'gh', detail: 'line 1: secret "gh": environment variable NOT_SET_ANYWHERE is not set' },
      // BPA's secret-envs job: `INVALID_SECRET=` names no variable; kept aside like the others.
      { input: 'secret-envs', line: 2, id: 'INVALID_SECRET_ENV', detail: 'line 2: secret "INVALID_SECRET_ENV" names no environment variable' }
    ])
    expect(masked).toContain('abcdef0123456789')
    // An unresolved line still claims its id: a later line cannot reuse it.
    expect(() => read({ secrets: 'a=', 'secret-envs': 'a=HOME' }, { HOME: '/root' })).toThrow(
      'secret-envs: line 1: secret id "a" is already defined by secrets'
    )
  })

  test('a multi-line secret error names the line it starts on', () => {
    expect(() => read({ secrets: 'a=1\n"bad id=x\ny"' })).toThrow('secrets: line 2: secret id must match [A-Za-z0-9_.-]+')
  })

  test('BPA inputs: defaults are empty and give no flags', () => {
    const i = read({})
    expect([i['add-hosts'], i.allow, i.annotations, i.attests, i.outputs, i.ssh, i.ulimit, i['no-cache-filters']]).toEqual([[], [], [], [], [], [], [], []])
    expect([i.call, i.network, i['shm-size'], i['cgroup-parent'], i.provenance, i['provenance-default'], i.sbom]).toEqual(['', '', '', '', '', '', ''])
  })

  test('BPA inputs are read with their list formats', () => {
    const i = read({
      'add-hosts': 'docker:10.180.0.1,db:10.0.0.2',
      allow: 'network.host,security.insecure',
      annotations: 'index:org.opencontainers.image.title=a,b',
      network: 'none',
      'no-cache-filters': 'deps,test',
      outputs: 'type=local,dest=out\ntype=tar,dest=out.tar',
      'shm-size': '2g',
      ulimit: 'nofile=1024:2048\nnproc=512',
      call: 'build'
    })
    expect(i['add-hosts']).toEqual(['docker:10.180.0.1', 'db:10.0.0.2'])
    expect(i.allow).toEqual(['network.host', 'security.insecure'])
    expect(i.annotations).toEqual(['index:org.opencontainers.image.title=a,b'])
    expect(i['no-cache-filters']).toEqual(['deps', 'test'])
    expect(i.outputs).toEqual(['type=local,dest=out', 'type=tar,dest=out.tar'])
    expect(i.ulimit).toEqual(['nofile=1024:2048', 'nproc=512'])
    expect([i.network, i['shm-size'], i.call]).toEqual(['none', '2g', ''])
  })

  test('ssh: key files resolve against the workspace; default needs an agent', () => {
    fs.writeFileSync(path.join(dir, 'id_test'), 'not a real key')
    expect(read({ ssh: 'deploy=id_test' }).ssh).toEqual([`deploy=${path.join(dir, 'id_test')}`])
    expect(read({ ssh: 'default' }, { SSH_AUTH_SOCK: '/tmp/agent.sock' }).ssh).toEqual(['default'])
  })

  test('provenance and attests in Actions get the run URL as builder-id; BPA default for a public repo', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2', GITHUB_SERVER_URL: 'https://github.com' }
    const url = 'https://github.com/o/r/actions/runs/42/attempts/2'
    expect(read({}, env)['provenance-default']).toBe(`mode=max,builder-id=${url}`)
    expect(read({ provenance: 'true' }, env).provenance).toBe(`builder-id=${url}`)
    expect(read({ provenance: 'false' }, env).provenance).toBe('false')
    expect(read({ provenance: 'mode=min' }, env).provenance).toBe(`mode=min,builder-id=${url}`)
    const withAttest = read({ attests: 'type=provenance,mode=min\ntype=sbom' }, env)
    expect(withAttest.attests).toEqual([`type=provenance,mode=min,builder-id=${url}`, 'type=sbom'])
    expect(withAttest['provenance-default']).toBe('')
    expect(read({}, { ...env, BUILDX_NO_DEFAULT_ATTESTATIONS: '1' })['provenance-default']).toBe('')
    expect(read({}, {})['provenance-default']).toBe('')
  })

  test("{{defaultContext}} (BPA's Git context) is the checked-out workspace; file is inside that context", () => {
    fs.mkdirSync(path.join(dir, 'app'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'app', 'Dockerfile.prod'), 'FROM busybox:stable\n')
    fs.writeFileSync(path.join(dir, 'app', 'Dockerfile'), 'FROM busybox:stable\n')
    expect(read({ context: '{{defaultContext}}' })).toMatchObject({ context: '.', file: path.join(dir, 'Dockerfile') })
    expect(read({ context: '{{ defaultContext }}:app', file: 'Dockerfile.prod' })).toMatchObject({
      context: 'app',
      file: path.join(dir, 'app', 'Dockerfile.prod')
    })
    expect(read({ context: '{{defaultContext}}:app' }).file).toBe(path.join(dir, 'app', 'Dockerfile'))
    expect(read({ 'build-contexts': 'shared={{defaultContext}}:lib\nroot={{defaultContext}}' })['build-contexts']).toEqual(['shared=lib', 'root=.'])
  })

  const bad: [string, Record<string, string>, NodeJS.ProcessEnv, string][] = [
    ['missing Dockerfile', { file: 'nope/Dockerfile' }, {}, 'file: Dockerfile not found: nope/Dockerfile'],
    ['missing context', { context: 'nowhere' }, {}, 'context: directory not found: nowhere'],
    [
      'secrets line without =',
      { secrets: 'ok=1\nsupersecretvalue' },
      {},
      'secrets: line 2: expected id=value, found no "id=" prefix (quote a multi-line value: "id=first line…last line")'
    ],
    ['secrets with a bad id', { secrets: 'bad id=x' }, {}, 'secrets: line 1: secret id must match [A-Za-z0-9_.-]+'],
    [
      'secret-envs naming something that is not a variable name',
      { 'secret-envs': 'a=NOT-A-NAME' },
      {},
      'secret-envs: line 1: secret "a": "NOT-A-NAME" is not an environment variable name'
    ],
    ['duplicate secret id', { secrets: 'a=1', 'secret-envs': 'a=HOME' }, { HOME: '/root' }, 'secret-envs: line 1: secret id "a" is already defined by secrets'],
    ['bad boolean', { 'no-cache': 'maybe' }, {}, 'no-cache: expected true or false, got "maybe"'],
    ['bad platform', { platforms: 'amd64' }, {}, 'platforms: expected os/arch[/variant] such as linux/amd64, got "amd64"'],
    ['build-arg without =', { 'build-args': 'NODE_ENV' }, {}, 'build-args: line 1: expected NAME=value, got "NODE_ENV"'],
    ['load with two platforms', { load: 'true', platforms: 'linux/amd64,linux/arm64' }, {}, 'load: cannot load a multi-platform image'],
    ['unclosed quote in secrets', { secrets: '"token=supersecretvalue' }, {}, 'secrets: a quoted value is never closed'],
    ['add-hosts without an address', { 'add-hosts': 'docker' }, {}, 'add-hosts: expected host:ip (e.g. docker:10.180.0.1), got "docker"'],
    ['shm-size that is not a size', { 'shm-size': 'big' }, {}, 'shm-size: expected a size such as 2g or 512m, got "big"'],
    ['ulimit without a value', { ulimit: 'nofile' }, {}, 'ulimit: expected name=soft[:hard] (e.g. nofile=1024:1024), got "nofile"'],
    ['network with a space', { network: 'my net' }, {}, 'network: expected a network mode such as default, none or host, got "my net"'],
    ['unknown call method', { call: 'lint' }, {}, 'call: expected one of build, check, outline, targets (with options after a comma), got "lint"'],
    ['ssh key file that does not exist', { ssh: 'deploy=keys/missing' }, {}, 'ssh: deploy: no agent socket or key file at "keys/missing"'],
    ['ssh default without an agent', { ssh: 'default' }, {}, 'ssh: "default" forwards the ssh agent at SSH_AUTH_SOCK, which is not set']
  ]
  test.each(bad)('%s → one clear line', (_n, map, env, message) => {
    let err: Error | undefined
    try {
      read(map, env)
    } catch (e) {
      err = e as Error
    }
    expect(err?.message).toContain(message)
    expect(err?.message.split('\n')).toHaveLength(1)
    expect(err?.message).not.toContain('supersecretvalue')
  })
})

describe('readInputs: valid edge cases read as written', () => {
  test('load with one platform is allowed (only a multi-platform load is refused)', () => {
    expect(read({ load: 'true', platforms: 'linux/arm64' })).toMatchObject({ load: true, platforms: ['linux/arm64'] })
    expect(read({ load: 'true' })).toMatchObject({ load: true, platforms: [] })
    expect(read({ platforms: 'linux/amd64,linux/arm/v7' }).platforms).toEqual(['linux/amd64', 'linux/arm/v7'])
  })

  test('a platform must be the whole value: no prefix, no suffix, no empty variant', () => {
    for (const p of ['xlinux/amd64!', 'linux/amd64 extra', 'linux/arm/', '/linux/amd64', 'linux/arm/v7/x']) {
      expect(() => read({ platforms: p })).toThrow(`platforms: expected os/arch[/variant] such as linux/amd64, got "${p.trim()}"`)
    }
  })

  test('pull and no-cache default off; every YAML spelling of a boolean reads', () => {
    expect(read({})).toMatchObject({ pull: false, 'no-cache': false, 'require-non-root': true, 'forbid-toolchains': true })
    expect(read({ pull: 'True', 'no-cache': 'TRUE', push: 'true' })).toMatchObject({ pull: true, 'no-cache': true, push: true })
    expect(read({ pull: 'FALSE', 'require-non-root': 'False', 'forbid-toolchains': 'false' })).toMatchObject({
      pull: false,
      'require-non-root': false,
      'forbid-toolchains': false
    })
  })

  test('text inputs are trimmed', () => {
    expect(read({ target: ' runner ', 'test-target': ' test\n', builder: ' b ', 'comment-key': ' api ', 'check-name': ' Audit ' })).toMatchObject({
      target: 'runner',
      'test-target': 'test',
      builder: 'b',
      'comment-key': 'api',
      'check-name': 'Audit'
    })
  })

  test('a key=value line needs a key before its =', () => {
    expect(() => read({ 'build-args': '=value' })).toThrow('build-args: line 1: expected NAME=value, got "=value"')
    expect(() => read({ labels: 'org.x=1\n=2' })).toThrow('labels: line 2: expected key=value, got "=2"')
    expect(read({ labels: 'a==b' }).labels).toEqual(['a==b'])
  })

  test('{{defaultContext}} only as the whole context; in build-contexts with or without a subdirectory', () => {
    expect(() => read({ context: 'x{{defaultContext}}' })).toThrow('context: directory not found: x{{defaultContext}}')
    expect(() => read({ context: '{{defaultContext}}x' })).toThrow('context: directory not found: {{defaultContext}}x')
    expect(read({ context: '{{defaultContext}}: ' }).context).toBe('.')
    expect(read({ 'build-contexts': 'a={{ defaultContext }}:lib/x,b={{defaultContext}}' })['build-contexts']).toEqual(['a=lib/x,b=.'])
  })

  test('a remote context is not looked for on disk; a local one is', () => {
    for (const ctx of [
      'https://github.com/o/r.git#main',
      'http://example.com/ctx.tar.gz',
      'git@github.com:o/r.git',
      'git://h/r',
      'ssh://git@h/r',
      'github.com/o/r'
    ]) {
      expect(read({ context: ctx, file: 'Dockerfile' }).context).toBe(ctx)
    }
    expect(() => read({ context: 'dir/https://x' })).toThrow('context: directory not found: dir/https://x')
  })

  test('a tagged repository at a registry with a port names that repository in the split-build error', () => {
    const outputs = 'type=image,push-by-digest=true,push=true'
    expect(() => read({ outputs, tags: '127.0.0.1:5000/app:pr-7' })).toThrow('(e.g. "127.0.0.1:5000/app")')
    expect(() => read({ outputs, tags: '127.0.0.1:5000/app@sha256:' + 'a'.repeat(64) })).toThrow('(e.g. "127.0.0.1:5000/app")')
  })
})

describe('readInputs: the checks on BPA inputs buildx would fail on late', () => {
  const errorOf = (map: Record<string, string>, env: NodeJS.ProcessEnv = {}): string => messageOf(() => read(map, env))

  test.each(['2g', '512m', '1.5GiB', '67108864', '64 MB', '1kb', '2T'])('shm-size %j is a size', v => {
    expect(read({ 'shm-size': v })['shm-size']).toBe(v)
  })
  test.each(['g', '2gx', 'x2g', '1.g', '2 gigabytes', '.5g', '1..5g', '2bb'])('shm-size %j is not', v => {
    expect(errorOf({ 'shm-size': v })).toBe(`shm-size: expected a size such as 2g or 512m, got "${v}"`)
  })

  test.each(['docker:10.180.0.1', 'db=10.0.0.2', 'h:::1'])('add-hosts %j is host:ip', v => {
    expect(read({ 'add-hosts': v })['add-hosts']).toEqual([v])
  })
  test.each(['docker', ':10.0.0.1', 'a b:1.2.3.4', 'docker:'])('add-hosts %j is not', v => {
    expect(errorOf({ 'add-hosts': v })).toBe(`add-hosts: expected host:ip (e.g. docker:10.180.0.1), got "${v}"`)
  })

  test.each(['nofile=1024', 'nofile=1024:2048', 'memlock=-1:-1'])('ulimit %j is name=soft[:hard]', v => {
    expect(read({ ulimit: v }).ulimit).toEqual([v])
  })
  test.each(['NOFILE=1', 'nofile=1:2:3', 'x nofile=1', 'nofile=1x', 'nofile=soft'])('ulimit %j is not', v => {
    expect(errorOf({ ulimit: v })).toBe(`ulimit: expected name=soft[:hard] (e.g. nofile=1024:1024), got "${v}"`)
  })

  test.each<[string, string]>([
    ['build', ''],
    [' build ', ''],
    ['check', 'check'],
    ['outline', 'outline'],
    ['targets', 'targets'],
    ['build,format=json', 'build,format=json'],
    ['check,format=json', 'check,format=json']
  ])('call %j gives --call %j (plain build is the default: no flag)', (v, want) => {
    expect(read({ call: v }).call).toBe(want)
  })

  test('ssh: an id that is not a name, an empty key path; a comma separates entries, as in BPA', () => {
    fs.writeFileSync(path.join(dir, 'k1'), 'not a real key')
    expect(read({ ssh: 'deploy= k1 ,other=k1' }).ssh).toEqual([`deploy=${path.join(dir, 'k1')}`, `other=${path.join(dir, 'k1')}`])
    expect(errorOf({ ssh: 'bad id=k1' })).toBe('ssh: expected default, id or id=path-to-agent-socket-or-key, got an entry whose id is not a name')
    expect(errorOf({ ssh: '=k1' })).toBe('ssh: expected default, id or id=path-to-agent-socket-or-key, got an entry whose id is not a name')
    expect(errorOf({ ssh: 'x/deploy=k1' })).toBe('ssh: expected default, id or id=path-to-agent-socket-or-key, got an entry whose id is not a name')
    expect(errorOf({ ssh: 'deploy= ' })).toBe('ssh: deploy: no agent socket or key file at ""')
  })
})
