import { groupParts, parsePart, partProblems, type Part } from '../../src/merge/parts.js'
import { D, partReport } from '../fixtures/part-report.js'

const part = (o: Parameters<typeof partReport>[0], file = `${o.platform.replace('/', '-')}.json`): Part => ({ file, report: partReport(o) })

describe('parsePart', () => {
  const good = partReport({ platform: 'linux/amd64' })
  const failed = partReport({ platform: 'linux/amd64', passed: false })
  test.each([
    ['not JSON', '{', 'not JSON'],
    ['another schema', JSON.stringify({ ...good, schema: 'x' }), 'not a Stagecraft report'],
    ['no part', JSON.stringify({ ...good, part: undefined }), 'not a part report'],
    ['a tagged name', JSON.stringify({ ...good, part: { ...good.part, name: 'a@sha256:1' } }), 'part.name is not an image name'],
    ['a bad digest', JSON.stringify({ ...good, part: { ...good.part, digest: 'latest' } }), 'part.digest is not a sha256 digest'],
    ['no platforms', JSON.stringify({ ...good, part: { ...good.part, platforms: [] } }), 'part.platforms is empty'],
    ['a bad platform', JSON.stringify({ ...good, part: { ...good.part, platforms: [{ platform: 'amd64', digest: D('a') }] } }), 'not os/arch'],
    ['no key', JSON.stringify({ ...good, key: '' }), 'no report key'],
    ['no verdict', JSON.stringify({ ...good, verdict: undefined }), 'no verdict'],
    [
      'a passed part without a digest',
      JSON.stringify({ ...good, part: { name: good.part.name, platforms: [{ platform: 'linux/amd64' }] } }),
      'part.digest is not a sha256 digest'
    ],
    [
      'a failed part with platform digests but none pushed',
      JSON.stringify({ ...failed, part: { name: good.part.name, platforms: [{ platform: 'linux/amd64', digest: D('a') }] } }),
      'part.platforms[0].digest is not a sha256 digest (the part pushed nothing)'
    ]
  ])('%s is refused', (_what, text, message) => {
    expect(() => parsePart(text)).toThrow(message)
  })
  test('a part report is read', () => {
    expect(parsePart(JSON.stringify(good)).part).toEqual(good.part)
  })
  test('a part that failed before it pushed is read: its image and platforms, no digest', () => {
    const unpushed = { name: good.part.name, platforms: [{ platform: 'linux/amd64' }] }
    expect(parsePart(JSON.stringify({ ...failed, part: unpushed })).part).toEqual(unpushed)
  })
})

test('parts group by report key and image name, in the order given', () => {
  const groups = groupParts([
    part({ platform: 'linux/amd64' }),
    part({ platform: 'linux/amd64', name: '127.0.0.1:5000/other', key: 'other' }),
    part({ platform: 'linux/arm64' })
  ])
  expect(groups.map(g => [g.key, g.name, g.parts.map(p => p.report.part.platforms[0].platform)])).toEqual([
    ['Dockerfile:runner', '127.0.0.1:5000/merge-app', ['linux/amd64', 'linux/arm64']],
    ['other', '127.0.0.1:5000/other', ['linux/amd64']]
  ])
})

const IMAGE = '127.0.0.1:5000/merge-app (Dockerfile:runner)'
describe('partProblems', () => {
  test.each<[string, Part[], string[], string[]]>([
    ['both platforms, one part each', [part({ platform: 'linux/amd64' }), part({ platform: 'linux/arm64' })], ['linux/amd64', 'linux/arm64'], []],
    ['no platforms input: the union of the parts', [part({ platform: 'linux/amd64' }), part({ platform: 'linux/arm64' })], [], []],
    ['a missing platform', [part({ platform: 'linux/amd64' })], ['linux/amd64', 'linux/arm64'], [`linux/arm64: no part report for ${IMAGE}`]],
    [
      'a platform twice',
      [part({ platform: 'linux/amd64' }, 'a.json'), part({ platform: 'linux/amd64' }, 'b.json')],
      ['linux/amd64'],
      [`linux/amd64: 2 part reports for ${IMAGE} (a.json, b.json); expected exactly one`]
    ],
    [
      'a platform nobody asked for',
      [part({ platform: 'linux/amd64' }), part({ platform: 'linux/s390x' })],
      ['linux/amd64'],
      [`linux/s390x: a part of ${IMAGE} built a platform not in platforms (linux/amd64)`]
    ],
    [
      'a failing part',
      [part({ platform: 'linux/amd64' }), part({ platform: 'linux/arm64', passed: false })],
      ['linux/amd64', 'linux/arm64'],
      [`linux/arm64: the part of ${IMAGE} failed: audit: 1 finding at or above error (non-root)`]
    ],
    [
      'a part that failed before it pushed (no digest)',
      [
        part({ platform: 'linux/amd64' }),
        {
          file: 'arm.json',
          report: {
            ...partReport({ platform: 'linux/arm64', passed: false }),
            verdict: { passed: false, reasons: ['test stage "test" failed (exit 1)'] },
            part: { name: '127.0.0.1:5000/merge-app', platforms: [{ platform: 'linux/arm64' }] }
          }
        }
      ],
      ['linux/amd64', 'linux/arm64'],
      [`linux/arm64: the part of ${IMAGE} failed: test stage "test" failed (exit 1)`]
    ]
  ])('%s', (_what, parts, wanted, problems) => {
    const [group] = groupParts(parts)
    expect(partProblems(group, wanted)).toEqual(problems)
  })
})
