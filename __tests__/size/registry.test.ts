import { repositoryOf, withRegistrySizes } from '../../src/size/registry.js'
import { sizeReport } from '../../src/size/model.js'

test.each([
  ['ghcr.io/o/app:1.2', 'ghcr.io/o/app'],
  ['127.0.0.1:5000/app:dev', '127.0.0.1:5000/app'],
  ['127.0.0.1:5000/app', '127.0.0.1:5000/app'],
  ['app@sha256:abc', 'app'],
  ['docker.io/library/busybox:stable', 'docker.io/library/busybox']
])('repositoryOf(%s) = %s', (tag, repo) => expect(repositoryOf(tag)).toBe(repo))

describe('withRegistrySizes', () => {
  const layer = (index: number) => ({
    index,
    digest: `d${index}`,
    bytes: 1000,
    compressedBytes: 400,
    instruction: 'RUN x',
    line: 1,
    fromBase: false,
    wastedBytes: 0
  })
  const r = sizeReport('img', [layer(0), layer(1)], 'blob')
  test('takes the pushed layer sizes and says where they came from', () => {
    const w = withRegistrySizes(r, [390, 410])
    expect(w).toMatchObject({ compressedBytes: 800, compressedFrom: 'registry' })
    expect(w.layers.map(l => l.compressedBytes)).toEqual([390, 410])
  })
  test('a manifest that does not line up with the layers is not used', () => {
    expect(withRegistrySizes(r, [1])).toBe(r)
  })
})
