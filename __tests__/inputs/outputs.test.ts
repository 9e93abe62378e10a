import { exporterAttrs, outputsPush, pushByDigestOutput, writesImageId } from '../../src/inputs/outputs.js'

const DOCS = 'type=image,name=ghcr.io/acme/app,push-by-digest=true,name-canonical=true,push=true'

describe('exporterAttrs: one outputs line, read as buildx reads it (CSV)', () => {
  test.each<[string, Record<string, string>]>([
    [DOCS, { type: 'image', name: 'ghcr.io/acme/app', 'push-by-digest': 'true', 'name-canonical': 'true', push: 'true' }],
    ['out/dir', { type: 'local', dest: 'out/dir' }],
    ['type=image,"name=r/a,r/b",push=true', { type: 'image', name: 'r/a,r/b', push: 'true' }],
    [' type = registry , name = r/a ', { type: 'registry', name: 'r/a' }]
  ])('%s', (line, expected) => expect(exporterAttrs(line)).toEqual(expected))
})

describe('outputsPush: an output that sends the image to a registry', () => {
  test.each<[string[], boolean]>([
    [[DOCS], true],
    [['type=registry,name=r/a'], true],
    [['type=image,name=r/a,push=1'], true],
    [['type=image,name=r/a'], false],
    [['type=image,name=r/a,push=false'], false],
    [['type=local,dest=out', 'type=tar,dest=x.tar'], false],
    [[], false]
  ])('%j → %s', (outputs, expected) => expect(outputsPush(outputs)).toBe(expected))
})

describe('pushByDigestOutput: the line that makes the run a part of a split build', () => {
  test.each<[string[], ReturnType<typeof pushByDigestOutput>]>([
    [[DOCS], { name: 'ghcr.io/acme/app', line: DOCS }],
    [
      ['type=local,dest=out', 'type=registry,name=127.0.0.1:5000/app,push-by-digest=true'],
      { name: '127.0.0.1:5000/app', line: 'type=registry,name=127.0.0.1:5000/app,push-by-digest=true' }
    ],
    [['type=image,"name=r/a,r/b",push-by-digest=T,push=true'], { name: 'r/a', line: 'type=image,"name=r/a,r/b",push-by-digest=T,push=true' }],
    [['type=image,push-by-digest=true,push=true'], { name: '', line: 'type=image,push-by-digest=true,push=true' }],
    // push-by-digest without a push is an image kept in the builder: not a part.
    [['type=image,name=r/a,push-by-digest=true'], undefined],
    [['type=image,name=r/a,push-by-digest=false,push=true'], undefined],
    [['type=oci,dest=x,push-by-digest=true'], undefined],
    [[], undefined]
  ])('%j', (outputs, expected) => expect(pushByDigestOutput(outputs)).toEqual(expected))

  test('a line without name= takes the first tag as its name (buildx gives the exporter the tags); name= wins over tags', () => {
    const docs = 'type=image,push-by-digest=true,name-canonical=true,push=true'
    expect(pushByDigestOutput([docs], ['ghcr.io/acme/app', 'ghcr.io/acme/other'])).toEqual({ name: 'ghcr.io/acme/app', line: docs })
    expect(pushByDigestOutput(['type=image,name=r/a,push-by-digest=true,push=true'], ['r/b'])?.name).toBe('r/a')
  })
})

describe("writesImageId: whether BPA sets imageid (buildx writes an --iidfile), as BPA's digest job checks it", () => {
  const none = { load: false, push: false, outputs: [] as string[] }
  test.each<[string, { load: boolean; push: boolean; outputs: string[] }, string, boolean]>([
    ['docker driver, neither load nor push (it always exports to the engine)', none, 'docker', true],
    ['docker-container, neither load nor push: a cache-only build', none, 'docker-container', false],
    ['docker-container, load', { ...none, load: true }, 'docker-container', true],
    ['docker-container, push', { ...none, push: true }, 'docker-container', true],
    ['an image output that pushes', { ...none, outputs: ['type=image,name=r/app,push=true'] }, 'docker-container', true],
    ['an oci output', { ...none, outputs: ['type=oci,dest=/tmp/o.tar'] }, 'remote', true],
    ['type=cacheonly', { ...none, outputs: ['type=cacheonly'] }, 'docker-container', false],
    ['a local output (a bare path), even with push', { ...none, push: true, outputs: ['/tmp/out'] }, 'docker-container', false],
    ['a tar output on the docker driver', { ...none, outputs: ['type=tar,dest=o.tar'] }, 'docker', false]
  ])('%s', (_name, inputs, driver, expected) => {
    expect(writesImageId(inputs, driver)).toBe(expected)
  })
})
