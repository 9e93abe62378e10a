import { InputError } from '../../src/errors.js'
import {
  buildxSatisfies,
  envSwitch,
  formatFileSize,
  isGhes,
  parseRetentionDays,
  planRecord,
  readRecordSwitches,
  recordFileName,
  refFromMetadata,
  type RecordFacts
} from '../../src/build/record.js'

const on = { summary: true, upload: true, retentionDays: '' }
const facts = (over: Partial<RecordFacts> = {}): RecordFacts => ({
  switches: on,
  call: '',
  serverUrl: 'https://github.com',
  buildx: '0.29.1+ds1',
  refs: ['b/b0/abcdef123'],
  ...over
})

describe('planRecord: BPA v7 "Check build summary support", in its order', () => {
  test.each<[string, Partial<RecordFacts>, ReturnType<typeof planRecord>]>([
    ['defaults, buildx 0.29', {}, { action: 'export', refs: ['b/b0/abcdef123'], finalize: true, upload: true }],
    ['DOCKER_BUILD_SUMMARY=false', { switches: { ...on, summary: false } }, { action: 'skip', reason: 'Build summary disabled' }],
    ['summary off wins over an old buildx', { switches: { ...on, summary: false }, buildx: '0.13.1' }, { action: 'skip', reason: 'Build summary disabled' }],
    ['call: check', { call: 'check' }, { action: 'skip', reason: 'Build summary skipped for check subrequest' }],
    ['call: outline', { call: 'outline' }, { action: 'skip', reason: 'Build summary skipped for outline subrequest' }],
    ['call: build', { call: 'build' }, { action: 'export', refs: ['b/b0/abcdef123'], finalize: true, upload: true }],
    ['GHES', { serverUrl: 'https://ghe.example.com' }, { action: 'skip', reason: 'Build summary is not yet supported on GHES' }],
    ['GHE.com is not GHES', { serverUrl: 'https://acme.ghe.com' }, { action: 'export', refs: ['b/b0/abcdef123'], finalize: true, upload: true }],
    ['buildx 0.13', { buildx: '0.13.1+ds1' }, { action: 'skip', reason: 'Build summary requires Buildx >= 0.23.0' }],
    ['buildx 0.22.9', { buildx: 'v0.22.9' }, { action: 'skip', reason: 'Build summary requires Buildx >= 0.23.0' }],
    ['no buildx known', { buildx: undefined }, { action: 'skip', reason: 'Build summary requires Buildx >= 0.23.0' }],
    ['buildx 0.23: no --finalize', { buildx: 'v0.23.0' }, { action: 'export', refs: ['b/b0/abcdef123'], finalize: false, upload: true }],
    ['buildx 0.24: --finalize', { buildx: 'v0.24.0' }, { action: 'export', refs: ['b/b0/abcdef123'], finalize: true, upload: true }],
    ['a dev buildx (commit)', { buildx: 'abc1234' }, { action: 'export', refs: ['b/b0/abcdef123'], finalize: true, upload: true }],
    ['no build ref', { refs: [] }, { action: 'skip', reason: 'Build summary requires a build reference' }],
    ['DOCKER_BUILD_RECORD_UPLOAD=false exports only', { switches: { ...on, upload: false } }, { action: 'export', refs: ['b/b0/abcdef123'], finalize: true, upload: false }]
  ])('%s', (_name, over, expected) => {
    expect(planRecord(facts(over))).toEqual(expected)
  })
})

describe('the switches', () => {
  test.each<[string | undefined, boolean]>([
    [undefined, true],
    ['', true],
    ['1', true],
    ['t', true],
    ['TRUE', true],
    ['True', true],
    ['0', false],
    ['f', false],
    ['false', false],
    ['FALSE', false]
  ])('DOCKER_BUILD_SUMMARY=%p is %p (unset: BPA default true)', (v, expected) => {
    expect(envSwitch({ DOCKER_BUILD_SUMMARY: v }, 'DOCKER_BUILD_SUMMARY', true)).toBe(expected)
  })

  test.each(['yes', 'no', 'off', ' true'])('%p is an input error naming the variable, as BPA refuses it', v => {
    expect(() => readRecordSwitches({ DOCKER_BUILD_RECORD_UPLOAD: v })).toThrow(InputError)
    expect(() => readRecordSwitches({ DOCKER_BUILD_RECORD_UPLOAD: v })).toThrow(/^DOCKER_BUILD_RECORD_UPLOAD: expected true or false/)
  })

  test('all three read from the environment, defaults true / true / repository default', () => {
    expect(readRecordSwitches({})).toEqual({ summary: true, upload: true, retentionDays: '' })
    expect(readRecordSwitches({ DOCKER_BUILD_SUMMARY: 'false', DOCKER_BUILD_RECORD_UPLOAD: '0', DOCKER_BUILD_RECORD_RETENTION_DAYS: '3' })).toEqual({
      summary: false,
      upload: false,
      retentionDays: '3'
    })
  })

  test.each<[string, number | undefined]>([
    ['', undefined],
    ['7', 7],
    ['7d', 7],
    ['90', 90],
    ['0', 0]
  ])('DOCKER_BUILD_RECORD_RETENTION_DAYS=%p is %p (parseInt, as BPA)', (raw, days) => {
    expect(parseRetentionDays(raw)).toBe(days)
  })

  test('a retention that is not a number names the variable', () => {
    expect(() => parseRetentionDays('week')).toThrow('DOCKER_BUILD_RECORD_RETENTION_DAYS: expected a number of days, got "week"')
  })
})

describe('names and facts', () => {
  test.each<[string[], string]>([
    [['8vhonv9wqy306fdm3mfbty44o'], 'acme~app~8VHONV.dockerbuild'],
    [['7oqqtbl4fnb0', '8vhonv9wqy30'], 'acme~app~7OQQTB+1.dockerbuild'],
    [['a', 'b', 'c'], 'acme~app~A+2.dockerbuild']
  ])('record file of %p is %p (BPA: OWNER~REPO~ID6[+N])', (ids, name) => {
    expect(recordFileName('acme', 'app', ids)).toBe(name)
  })

  test.each<[string | undefined, string | undefined]>([
    ['{"buildx.build.ref":"default/default/8vhonv9"}', 'default/default/8vhonv9'],
    ['{"buildx.build.ref":"not-a-ref"}', undefined],
    ['{}', undefined],
    ['not json', undefined],
    [undefined, undefined]
  ])('ref of metadata %p is %p', (m, ref) => {
    expect(refFromMetadata(m)).toBe(ref)
  })

  test.each<[string, boolean]>([
    ['https://github.com', false],
    ['https://GITHUB.COM/', false],
    ['https://acme.ghe.com', false],
    ['http://github.localhost', false],
    ['https://git.corp.example', true],
    ['not a url', false]
  ])('%p is GHES: %p', (url, ghes) => {
    expect(isGhes(url)).toBe(ghes)
  })

  test.each<[string, string, boolean]>([
    ['0.29.1+ds1', '0.23.0', true],
    ['v0.23.0', '0.23.0', true],
    ['0.13.1+ds1', '0.23.0', false],
    ['1.0.0', '0.23.0', true],
    ['deadbee', '0.23.0', true],
    ['garbage', '0.23.0', false]
  ])('buildx %p satisfies >= %p: %p', (v, min, ok) => {
    expect(buildxSatisfies(v, min)).toBe(ok)
  })

  test.each<[number, string]>([
    [0, '0 Bytes'],
    [512, '512 Bytes'],
    [1536, '1.5 KB'],
    [5 * 1024 ** 2, '5 MB']
  ])('%p bytes is %p', (n, s) => {
    expect(formatFileSize(n)).toBe(s)
  })
})
