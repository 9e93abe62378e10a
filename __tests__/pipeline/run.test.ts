import { blamedLine } from '../../src/pipeline/runner-build.js'

describe('blamedLine', () => {
  test('the last Dockerfile:N line of a failed build log', () => {
    expect(blamedLine(['#11 ERROR: x', 'Dockerfile:19', '--------', '  19 | >>> RUN x', 'ERROR: failed to solve'])).toBe(19)
    expect(blamedLine(['ci/Dockerfile.prod:7'])).toBe(7)
    expect(blamedLine(['no such line'])).toBeUndefined()
  })
})
