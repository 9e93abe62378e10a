import type { RegistryManifest } from '../../src/docker/docker.js'
import { checkPart } from '../../src/merge/registry-check.js'
import { D, partReport } from '../fixtures/part-report.js'

const NAME = '127.0.0.1:5000/merge-app'
const reader = (held: Record<string, RegistryManifest>) => ({
  manifest: (ref: string) => (held[ref] ? Promise.resolve(held[ref]) : Promise.reject(new Error(`${ref}: not found`)))
})
const index = (entries: [string, string][]): RegistryManifest => ({
  manifests: [
    ...entries.map(([p, digest]) => ({ digest, platform: { os: p.split('/')[0], architecture: p.split('/')[1] } })),
    { digest: D('f'), platform: { os: 'unknown', architecture: 'unknown' } }
  ]
})

test.each<[string, ReturnType<typeof partReport>, Record<string, RegistryManifest>, string[]]>([
  ['a manifest the registry holds', partReport({ platform: 'linux/amd64' }), { [`${NAME}@${D('a')}`]: { layers: [] } }, []],
  [
    'a digest the registry does not hold',
    partReport({ platform: 'linux/amd64' }),
    {},
    [`linux/amd64: the registry does not hold ${NAME}@${D('a')} (${NAME}@${D('a')}: not found)`]
  ],
  [
    'an index listing the claimed platform (attestations aside)',
    {
      ...partReport({ platform: 'linux/arm64', digest: D('c') }),
      part: { name: NAME, digest: D('c'), platforms: [{ platform: 'linux/arm64', digest: D('b') }] }
    },
    { [`${NAME}@${D('c')}`]: index([['linux/arm64', D('b')]]) },
    []
  ],
  [
    'an index holding another manifest for the platform',
    { ...partReport({ platform: 'linux/arm64' }), part: { name: NAME, digest: D('c'), platforms: [{ platform: 'linux/arm64', digest: D('b') }] } },
    { [`${NAME}@${D('c')}`]: index([['linux/arm64', D('e')]]) },
    [`linux/arm64: the index ${NAME}@${D('c')} holds ${D('e')}, not the part's ${D('b')}`]
  ],
  [
    'an index with a platform the part does not report',
    { ...partReport({ platform: 'linux/arm64' }), part: { name: NAME, digest: D('c'), platforms: [{ platform: 'linux/arm64', digest: D('b') }] } },
    {
      [`${NAME}@${D('c')}`]: index([
        ['linux/arm64', D('b')],
        ['linux/amd64', D('a')]
      ])
    },
    [`linux/amd64: the index ${NAME}@${D('c')} holds a linux/amd64 manifest the part does not report`]
  ],
  [
    'an index without the claimed platform',
    { ...partReport({ platform: 'linux/arm64' }), part: { name: NAME, digest: D('c'), platforms: [{ platform: 'linux/arm64', digest: D('b') }] } },
    { [`${NAME}@${D('c')}`]: index([]) },
    [`linux/arm64: the index ${NAME}@${D('c')} has no linux/arm64 manifest`]
  ],
  // (partProblems names it as a failed part; the registry is not asked about what was never pushed)
  [
    'a part that failed before it pushed',
    { ...partReport({ platform: 'linux/arm64', passed: false }), part: { name: NAME, platforms: [{ platform: 'linux/arm64' }] } },
    {},
    []
  ]
])('%s', async (_what, report, held, problems) => {
  expect(await checkPart(reader(held), { file: 'p.json', report })).toEqual(problems)
})
