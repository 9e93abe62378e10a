import { versionParts } from '../../src/docker/builder.js'
import { cacheExportFailed, defaultLayerCache, withCacheServiceV2, type LayerCacheInput } from '../../src/build/buildkit-cache.js'

const gh = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results/', ACTIONS_CACHE_SERVICE_V2: 'True' }
const ghV1 = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'https://cache/' }
// On the v2 service the URL is named (buildx < 0.21 drops a gha entry whose url is not set).
const GHA = {
  cacheFrom: ['type=gha,url=https://results/,version=2,scope=stagecraft'],
  cacheTo: ['type=gha,url=https://results/,version=2,scope=stagecraft,mode=max,ignore-error=true']
}
const GHA_V1 = { cacheFrom: ['type=gha,scope=stagecraft'], cacheTo: ['type=gha,scope=stagecraft,mode=max,ignore-error=true'] }
const NONE = { cacheFrom: [], cacheTo: [] }
const base: LayerCacheInput = { driver: 'docker-container', env: gh, cacheFrom: [], cacheTo: [] }

describe('defaultLayerCache', () => {
  test.each<[string, Partial<LayerCacheInput>, { cacheFrom: string[]; cacheTo: string[] }, RegExp]>([
    ['user values win', { cacheFrom: ['type=registry,ref=r/x:cache'] }, { cacheFrom: ['type=registry,ref=r/x:cache'], cacheTo: [] }, /as given/],
    [
      "a user's gha lines on the v2 service: the service named (buildx < 0.21 drops them otherwise); other types as given",
      { cacheFrom: ['type=gha,scope=app', 'type=registry,ref=r/x:cache'], cacheTo: ['type=gha,mode=max'] },
      { cacheFrom: ['type=gha,scope=app,url=https://results/,version=2', 'type=registry,ref=r/x:cache'], cacheTo: ['type=gha,mode=max,url=https://results/,version=2'] },
      /as given/
    ],
    ["a user's gha line on the legacy v1 service: as given", { env: ghV1, cacheFrom: ['type=gha'] }, { cacheFrom: ['type=gha'], cacheTo: [] }, /as given/],
    ["a user's gha line off GitHub: as given", { env: {}, cacheFrom: ['type=gha'] }, { cacheFrom: ['type=gha'], cacheTo: [] }, /as given/],
    ['off GitHub: nothing', { env: {} }, NONE, /outside GitHub Actions/],
    ['docker-container on GitHub', {}, GHA, /GitHub Actions cache \(docker-container driver\)/],
    ['docker-container, BuildKit 0.20', { buildkitVersion: 'v0.20.1' }, GHA, /GitHub Actions cache/],
    ['docker-container, BuildKit 0.13 and cache v2', { buildkitVersion: 'v0.13.2' }, NONE, /older than 0\.20/],
    ['docker-container, BuildKit 0.13, legacy cache v1', { buildkitVersion: 'v0.13.2', env: ghV1 }, GHA_V1, /GitHub Actions cache/],
    ['docker driver, classic image store', { driver: 'docker', containerdStore: false, engineVersion: '28.1.0' }, NONE, /containerd image store/],
    ['docker driver, containerd store, engine 26', { driver: 'docker', containerdStore: true, engineVersion: '26.1.5+dfsg1' }, NONE, /Docker engine 26\.1\.5\+dfsg1/],
    ['docker driver, containerd store, engine 28', { driver: 'docker', containerdStore: true, engineVersion: '28.0.4' }, GHA, /docker driver/],
    ['docker driver, containerd store, legacy v1', { driver: 'docker', containerdStore: true, engineVersion: '26.1.5', env: ghV1 }, GHA_V1, /docker driver/],
    ['a results URL that would break the CSV spec is left to buildx', { env: { ...gh, ACTIONS_RESULTS_URL: 'https://a,b/' } }, GHA_V1, /GitHub Actions cache/],
    ['unknown driver', { driver: 'cloud' }, NONE, /cloud driver/]
  ])('%s', (_name, over, expected, reason) => {
    const r = defaultLayerCache({ ...base, ...over })
    expect({ cacheFrom: r.cacheFrom, cacheTo: r.cacheTo }).toEqual(expected)
    expect(r.reason).toMatch(reason)
  })

  test('scope', () => {
    expect(defaultLayerCache({ ...base, scope: 'api-runner' }).cacheTo).toEqual(['type=gha,url=https://results/,version=2,scope=api-runner,mode=max,ignore-error=true'])
  })
})

test.each([
  ['type=gha', 'type=gha,url=R,version=2'],
  ['type=gha,url=https://x/', 'type=gha,url=https://x/'],
  ['type=gha,url_v2=https://x/', 'type=gha,url_v2=https://x/'],
  ['type=gha,version=1', 'type=gha,version=1'],
  ['type=registry,ref=r/x', 'type=registry,ref=r/x'],
  ['"type=gha","scope=a,b"', '"type=gha","scope=a,b",url=R,version=2'],
  ['type=gha,sc"ope', 'type=gha,sc"ope']
])('withCacheServiceV2(%s)', (line, expected) => expect(withCacheServiceV2(line, 'R')).toBe(expected))

test.each([
  [['ERROR: failed to solve: failed to configure gha cache exporter: token contains an invalid number of segments'], true],
  [['ERROR: Cache export is not supported for the docker driver.'], true],
  [['ERROR: failed to solve: This legacy service is shutting down, effective April 15, 2025.'], true],
  [['#9 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'], false]
])('cacheExportFailed(%j) = %s', (lines, expected) => expect(cacheExportFailed(lines)).toBe(expected))

test.each([
  ['v0.13.2', [0, 13, 2]],
  ['26.1.5+dfsg1', [26, 1, 5]],
  ['v0.0.0+unknown', undefined],
  [undefined, undefined]
])('versionParts(%s)', (v, parts) => expect(versionParts(v)).toEqual(parts))
