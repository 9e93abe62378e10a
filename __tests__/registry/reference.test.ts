import { InputError } from '../../src/errors.js'
import { formatReference, isLoopback, parseReference } from '../../src/registry/reference.js'

const D = `sha256:${'ab'.repeat(32)}`

describe('parseReference', () => {
  test.each([
    ['alpine', { registry: 'docker.io', apiHost: 'registry-1.docker.io', scheme: 'https', repository: 'library/alpine', tag: 'latest' }],
    ['alpine:3.20', { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' }],
    ['index.docker.io/team/app:1', { registry: 'docker.io', apiHost: 'registry-1.docker.io', repository: 'team/app', tag: '1' }],
    ['team/app', { registry: 'docker.io', repository: 'team/app', tag: 'latest' }],
    [`ghcr.io/org/app@${D}`, { registry: 'ghcr.io', apiHost: 'ghcr.io', scheme: 'https', repository: 'org/app', digest: D }],
    [`ghcr.io/org/app:v1@${D}`, { registry: 'ghcr.io', repository: 'org/app', tag: 'v1', digest: D }],
    ['127.0.0.1:5000/reg-app:t', { registry: '127.0.0.1:5000', apiHost: '127.0.0.1:5000', scheme: 'http', repository: 'reg-app', tag: 't' }],
    ['localhost:5000/a/b/c', { registry: 'localhost:5000', scheme: 'http', repository: 'a/b/c', tag: 'latest' }],
    ['localhost/app', { registry: 'localhost', scheme: 'http', repository: 'app' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', scheme: 'http', repository: 'app' }],
    ['registry.example.com:443/x__y/z-1.2:TAG_2', { registry: 'registry.example.com:443', scheme: 'https', repository: 'x__y/z-1.2', tag: 'TAG_2' }]
  ])('%s', (ref, expected) => {
    const parsed = parseReference(ref)
    expect(parsed).toMatchObject(expected)
    if (!('digest' in expected)) expect(parsed.digest).toBeUndefined()
  })

  test.each([
    ['', 'not an image reference'],
    ['app with space', 'not an image reference'],
    ['app@sha256:123', 'the digest is not sha256: and 64 hex digits'],
    [`app@md5:${'a'.repeat(32)}`, 'the digest is not sha256'],
    ['ghcr.io/Org/App', 'the repository must be lowercase path components'],
    ['ghcr.io/org/app:', 'is not a valid tag'],
    ['ghcr.io//app', 'the repository must be lowercase']
  ])('%j is refused, naming the input', (ref, why) => {
    expect(() => parseReference(ref, 'image')).toThrow(InputError)
    expect(() => parseReference(ref, 'image')).toThrow(new RegExp(`^image: .*${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
  })

  test('formatReference writes it back in full', () => {
    expect(formatReference(parseReference(`127.0.0.1:5000/app:1@${D}`))).toBe(`127.0.0.1:5000/app:1@${D}`)
    expect(formatReference(parseReference('alpine'))).toBe('docker.io/library/alpine:latest')
  })

  test.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['127.0.0.1.example.com', false],
    ['10.0.0.1:5000', false]
  ])('isLoopback(%s) = %s', (host, loop) => expect(isLoopback(host)).toBe(loop))
})
