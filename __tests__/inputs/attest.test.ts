/**
 * `provenance`, `sbom` and `attests` give the `--attest` attributes docker/build-push-action v7
 * gives (its @docker/actions-toolkit `Build` helpers): each row is what BPA resolves for that text;
 * the rows BPA's own helper tests hold are marked "(BPA)".
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  defaultProvenance,
  fields,
  hasAttestationType,
  hasExporterType,
  parseBuildxBool,
  readAttestEnvironment,
  resolveAttestationAttrs,
  resolveProvenanceAttrs,
  resolveProvenanceInput
} from '../../src/inputs/attest.js'

const RUN = 'https://github.com/docker/actions-toolkit/actions/runs/2188748038/attempts/2'

describe('fields: an attribute list read as CSV, the way buildx reads it', () => {
  test.each<[string, string, string[]]>([
    ['plain fields', 'type=sbom,generator=x', ['type=sbom', 'generator=x']],
    ['fields are trimmed', ' type=sbom ,  mode=max ', ['type=sbom', 'mode=max']],
    ['a quoted field keeps its comma', 'type=local,"dest=/a,b"', ['type=local', 'dest=/a,b']],
    ['every field quoted', '"type=tar","dest=/tmp/image.tar"', ['type=tar', 'dest=/tmp/image.tar']],
    ['lines of different lengths are one list', 'type=sbom,true\nmode=max', ['type=sbom', 'true', 'mode=max']],
    ['empty', '', []]
  ])('%s', (_name, attrs, want) => {
    expect(fields(attrs)).toEqual(want)
  })
})

describe('parseBuildxBool: the spellings buildx accepts', () => {
  test.each(['1', 't', 'T', 'true', 'TRUE', 'True'])('%s is true', s => expect(parseBuildxBool(s)).toBe(true))
  test.each(['0', 'f', 'F', 'false', 'FALSE', 'False'])('%s is false', s => expect(parseBuildxBool(s)).toBe(false))
  test.each(['', 'yes', 'no', 'tRue', ' true', '2'])('%j is not a boolean', s => expect(parseBuildxBool(s)).toBeUndefined())
})

describe('hasAttestationType', () => {
  test.each<[string, string, boolean]>([
    ['type=provenance,mode=min', 'provenance', true], // (BPA)
    ['type=sbom,true', 'sbom', true], // (BPA)
    ['type=foo,bar', 'provenance', false], // (BPA)
    ['mode=min,type=provenance', 'provenance', true],
    [' type = sbom ,generator=x', 'sbom', true],
    ['type=sbom', 'provenance', false],
    ['type=provenances', 'provenance', false],
    ['kind=provenance', 'provenance', false],
    ['generator=type', 'sbom', false],
    ['', 'sbom', false]
  ])('%j has type %s: %s', (attrs, name, want) => {
    expect(hasAttestationType(name, attrs)).toBe(want)
  })
})

describe('resolveAttestationAttrs: a bare boolean is `disabled=<not it>`', () => {
  test.each<[string, string]>([
    ['type=provenance,mode=min', 'type=provenance,mode=min'], // (BPA)
    ['type=provenance,true', 'type=provenance,disabled=false'], // (BPA)
    ['type=provenance,false', 'type=provenance,disabled=true'], // (BPA)
    ['', ''], // (BPA)
    ['type=sbom,1', 'type=sbom,disabled=false'],
    ['type=sbom,0,generator=x', 'type=sbom,disabled=true,generator=x'],
    ['type=sbom, generator=x ', 'type=sbom,generator=x'],
    ['type=sbom,yes', 'type=sbom,yes']
  ])('%j -> %j', (attrs, want) => {
    expect(resolveAttestationAttrs(attrs)).toBe(want)
  })
})

describe('resolveProvenanceAttrs: the run URL as builder id unless one is given', () => {
  test.each<[string, string]>([
    ['mode=min', `mode=min,builder-id=${RUN}`], // (BPA)
    ['mode=max', `mode=max,builder-id=${RUN}`], // (BPA)
    ['builder-id=foo', 'builder-id=foo'], // (BPA)
    ['mode=max,builder-id=foo', 'mode=max,builder-id=foo'], // (BPA)
    ['', `builder-id=${RUN}`], // (BPA)
    ['mode=max, builder-id =https://x/?a=b', 'mode=max, builder-id =https://x/?a=b'],
    ['mode=max,xbuilder-id=foo', `mode=max,xbuilder-id=foo,builder-id=${RUN}`],
    ['mode=max,note=builder-id', `mode=max,note=builder-id,builder-id=${RUN}`]
  ])('%j -> %j', (attrs, want) => {
    expect(resolveProvenanceAttrs(attrs, RUN)).toBe(want)
  })

  test('outside Actions (no run URL) the attributes are left as written', () => {
    expect(resolveProvenanceAttrs('mode=max', undefined)).toBe('mode=max')
    expect(resolveProvenanceAttrs('', undefined)).toBe('')
  })
})

describe('resolveProvenanceInput: the `provenance` input', () => {
  test.each<[string, string]>([
    ['true', `builder-id=${RUN}`], // (BPA)
    ['false', 'false'], // (BPA)
    ['mode=min', `mode=min,builder-id=${RUN}`], // (BPA)
    ['mode=max', `mode=max,builder-id=${RUN}`], // (BPA)
    ['builder-id=foo', 'builder-id=foo'], // (BPA)
    ['mode=max,builder-id=foo', 'mode=max,builder-id=foo'], // (BPA)
    ['', ''], // (BPA)
    ['  ', ''],
    [' True ', `builder-id=${RUN}`],
    ['TRUE', `builder-id=${RUN}`],
    ['False', 'false'],
    ['FALSE', 'false'],
    [' mode=max ', `mode=max,builder-id=${RUN}`]
  ])('%j -> %j', (raw, want) => {
    expect(resolveProvenanceInput(raw, RUN)).toBe(want)
  })

  test('true outside Actions is plain `true` (buildx then uses its own default builder id)', () => {
    expect(resolveProvenanceInput('true', undefined)).toBe('true')
    expect(resolveProvenanceInput('false', undefined)).toBe('false')
    expect(resolveProvenanceInput('mode=min', undefined)).toBe('mode=min')
  })
})

describe('readAttestEnvironment', () => {
  const ACTIONS = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'docker/actions-toolkit', GITHUB_RUN_ID: '2188748038', GITHUB_RUN_ATTEMPT: '2' }
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const event = (name: string, body: string): string => {
    const f = path.join(dir, name)
    fs.writeFileSync(f, body)
    return f
  }

  test('in Actions: the run URL on github.com, a public repository, defaults on', () => {
    expect(readAttestEnvironment(ACTIONS)).toEqual({ builderId: RUN, privateRepo: false, noDefault: false })
  })

  test('the server URL of GitHub Enterprise, and attempt 1 when the runner gives none', () => {
    const { GITHUB_RUN_ATTEMPT: _attempt, ...env } = ACTIONS
    expect(readAttestEnvironment({ ...env, GITHUB_SERVER_URL: 'https://ghe.example' }).builderId).toBe(
      'https://ghe.example/docker/actions-toolkit/actions/runs/2188748038/attempts/1'
    )
  })

  test.each(['GITHUB_ACTIONS', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID'] as const)('no %s: not in Actions, no builder id', key => {
    const env: NodeJS.ProcessEnv = { ...ACTIONS, BUILDX_NO_DEFAULT_ATTESTATIONS: '1' }
    delete env[key]
    expect(readAttestEnvironment(env)).toEqual({ privateRepo: false, noDefault: true })
  })

  test('a private repository, from the event payload', () => {
    expect(readAttestEnvironment({ ...ACTIONS, GITHUB_EVENT_PATH: event('private.json', '{"repository":{"private":true}}') }).privateRepo).toBe(true)
    expect(readAttestEnvironment({ ...ACTIONS, GITHUB_EVENT_PATH: event('public.json', '{"repository":{"private":false}}') }).privateRepo).toBe(false)
    expect(readAttestEnvironment({ ...ACTIONS, GITHUB_EVENT_PATH: event('truthy.json', '{"repository":{"private":"yes"}}') }).privateRepo).toBe(false)
  })

  test('an unreadable or missing payload is a public repository, not a failure', () => {
    expect(readAttestEnvironment({ ...ACTIONS, GITHUB_EVENT_PATH: event('bad.json', '{not json') })).toEqual({
      builderId: RUN,
      privateRepo: false,
      noDefault: false
    })
    expect(readAttestEnvironment({ ...ACTIONS, GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }).privateRepo).toBe(false)
  })

  test.each<[string, boolean]>([
    ['1', true],
    ['true', true],
    ['yes', false],
    ['0', false],
    ['', false]
  ])('BUILDX_NO_DEFAULT_ATTESTATIONS=%j: defaults off = %s', (v, want) => {
    expect(readAttestEnvironment({ ...ACTIONS, BUILDX_NO_DEFAULT_ATTESTATIONS: v }).noDefault).toBe(want)
  })
})

describe('defaultProvenance: what BPA adds when nothing asks for provenance', () => {
  const pub = { builderId: RUN, privateRepo: false, noDefault: false }
  test('public repository: mode=max with the run URL', () => {
    expect(defaultProvenance([], pub)).toBe(`mode=max,builder-id=${RUN}`)
    expect(defaultProvenance(['type=sbom'], pub)).toBe(`mode=max,builder-id=${RUN}`)
  })
  test("private repository: buildx's own min, inline only", () => {
    expect(defaultProvenance([], { ...pub, privateRepo: true })).toBe(`mode=min,inline-only=true,builder-id=${RUN}`)
  })
  test('none outside Actions, with BUILDX_NO_DEFAULT_ATTESTATIONS, or when an attests line is provenance', () => {
    expect(defaultProvenance([], { privateRepo: false, noDefault: false })).toBe('')
    expect(defaultProvenance([], { ...pub, noDefault: true })).toBe('')
    expect(defaultProvenance(['type=sbom', 'type=provenance,mode=min'], pub)).toBe('')
  })
})

describe('hasExporterType: an --output list (no type= is a local directory)', () => {
  const table: [string[], { local: boolean; tar: boolean; docker: boolean }][] = [
    [['type=registry,ref=user/app'], { local: false, tar: false, docker: false }], // (BPA)
    [['type=docker'], { local: false, tar: false, docker: true }], // (BPA)
    [['type=local,dest=./release-out'], { local: true, tar: false, docker: false }], // (BPA)
    [['type=tar,dest=/tmp/image.tar'], { local: false, tar: true, docker: false }], // (BPA)
    [['type=docker', 'type=tar,dest=/tmp/image.tar'], { local: false, tar: true, docker: true }], // (BPA)
    [['"type=tar","dest=/tmp/image.tar"'], { local: false, tar: true, docker: false }], // (BPA)
    [['" type= local" , dest=./release-out'], { local: true, tar: false, docker: false }], // (BPA)
    [['.'], { local: true, tar: false, docker: false }], // (BPA)
    [['dest=./out'], { local: true, tar: false, docker: false }],
    [['type=image,name=x', '.'], { local: true, tar: false, docker: false }],
    // BPA's helper stops at an output with no type and answers only "local"; buildx exports both
    [['.', 'type=docker'], { local: true, tar: false, docker: true }],
    [['name=x,type=docker'], { local: false, tar: false, docker: true }],
    [[], { local: false, tar: false, docker: false }]
  ]
  test.each(table)('%j', (outputs, want) => {
    expect({ local: hasExporterType('local', outputs), tar: hasExporterType('tar', outputs), docker: hasExporterType('docker', outputs) }).toEqual(want)
  })
})
