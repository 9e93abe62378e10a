import { assignTags, indexSources } from '../../src/merge/merge.js'
import { mergeReports, worstFirst } from '../../src/merge/merged-report.js'
import { groupParts, type Part } from '../../src/merge/parts.js'
import { D, partReport } from '../fixtures/part-report.js'

const part = (o: Parameters<typeof partReport>[0]): Part => ({ file: `${o.platform}.json`, report: partReport(o) })
const APP = '127.0.0.1:5000/merge-app'

test('the index sources do not depend on the order the reports came in', () => {
  const [a] = groupParts([part({ platform: 'linux/arm64' }), part({ platform: 'linux/amd64' })])
  const [b] = groupParts([part({ platform: 'linux/amd64' }), part({ platform: 'linux/arm64' })])
  expect(indexSources(a, [])).toEqual([`${APP}@${D('a')}`, `${APP}@${D('b')}`])
  expect(indexSources(b, [])).toEqual(indexSources(a, []))
  expect(indexSources(b, ['linux/arm64', 'linux/amd64'])).toEqual([`${APP}@${D('b')}`, `${APP}@${D('a')}`])
})

describe('assignTags', () => {
  const groups = groupParts([part({ platform: 'linux/amd64' }), part({ platform: 'linux/amd64', name: '127.0.0.1:5000/web', key: 'web' })])
  test('with several images each tag goes to the image of its repository', () => {
    const m = assignTags(groups, [`${APP}:v1`, '127.0.0.1:5000/web:v1', `${APP}:latest`])
    expect(groups.map(g => m.get(g))).toEqual([[`${APP}:v1`, `${APP}:latest`], ['127.0.0.1:5000/web:v1']])
  })
  test('a tag no image claims is an input error', () => {
    expect(() => assignTags(groups, ['127.0.0.1:5000/other:v1'])).toThrow('tags: "127.0.0.1:5000/other:v1" names none of the merged images')
  })
  test('with one image every tag is its own (another repository too)', () => {
    const [one] = groups
    expect(assignTags([one], ['ghcr.io/o/app:v1']).get(one)).toEqual(['ghcr.io/o/app:v1'])
  })
})

describe('mergeReports', () => {
  const [group] = groupParts([part({ platform: 'linux/arm64', bytes: 3000, passed: false }), part({ platform: 'linux/amd64', bytes: 1000 })])
  const merged = mergeReports(group, { digest: D('9'), tags: [`${APP}:v1`], problems: [], createdAt: 'now' }, ['linux/amd64', 'linux/arm64'])
  test.each<[string, unknown, unknown]>([
    ['platforms in the platforms input order', merged.platforms!.map(p => p.platform), ['linux/amd64', 'linux/arm64']],
    ['the size of the largest platform', [merged.size!.bytes, merged.image!.platform], [3000, 'linux/arm64']],
    ['the index digest and tags', [merged.image!.digest, merged.image!.tags], [D('9'), [`${APP}:v1`]]],
    ['failing findings summed', merged.audit!.failing, 1],
    ['the verdict names the failing platform', merged.verdict, { passed: false, reasons: ['linux/arm64: audit: 1 finding at or above error (non-root)'] }]
  ])('%s', (_what, got, want) => {
    expect(got).toEqual(want)
  })
  test('a merge problem fails the verdict too', () => {
    const [ok] = groupParts([part({ platform: 'linux/amd64' })])
    expect(mergeReports(ok, { tags: [], problems: ['linux/arm64: no part'], createdAt: 'now' }).verdict).toEqual({
      passed: false,
      reasons: ['linux/arm64: no part']
    })
  })
  test('worst first: failed images before passing ones', () => {
    const [ok] = groupParts([part({ platform: 'linux/amd64', key: 'a' })])
    const pass = mergeReports(ok, { tags: [], problems: [], createdAt: 'now' })
    expect(worstFirst([pass, merged]).map(r => r.verdict.passed)).toEqual([false, true])
  })
})
