/** Image references as text: the rows the inputs, the registry sizes, the parts and the merge each relied on. */
import { canonicalName, namesTagOrDigest, repositoryOf } from '../src/image-ref.js'

test.each([
  ['app:1', 'app'],
  [' r:5000/app:pr-7 ', 'r:5000/app'],
  ['r:5000/app', 'r:5000/app'],
  ['r:5000/app@sha256:' + 'a'.repeat(64), 'r:5000/app'],
  ['r/app:1@sha256:' + 'a'.repeat(64), 'r/app'],
  ['ghcr.io/o/app:1.2', 'ghcr.io/o/app'],
  ['docker.io/library/busybox:stable', 'docker.io/library/busybox'],
  ['app', 'app']
])('repositoryOf(%j) = %s', (ref, want) => expect(repositoryOf(ref)).toBe(want))

test.each([
  ['app', 'docker.io/library/app'],
  ['org/app', 'docker.io/org/app'],
  ['acme/app:latest', 'docker.io/acme/app'],
  ['docker.io/org/app', 'docker.io/org/app'],
  ['docker.io/library/app', 'docker.io/library/app'],
  ['127.0.0.1:5000/part-app', '127.0.0.1:5000/part-app'],
  ['127.0.0.1:5000/org/app:1.2', '127.0.0.1:5000/org/app'],
  ['127.0.0.1:5000/app:v1', '127.0.0.1:5000/app'],
  ['ghcr.io/acme/app@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/app'],
  ['app@sha256:abc', 'docker.io/library/app'],
  ['localhost/app:dev', 'localhost/app'],
  ['Ghcr.io/Org/App', 'ghcr.io/org/app'],
  [' Org/App:1 ', 'docker.io/org/app']
])('canonicalName(%j) = %s', (ref, want) => expect(canonicalName(ref)).toBe(want))

test.each([
  ['r:5000/app', false],
  ['app', false],
  ['ghcr.io/acme/app', false],
  [' r:5000/app ', false],
  ['app:1', true],
  ['r:5000/app:pr-7', true],
  ['r:5000/app@sha256:abc', true],
  ['r/app:1@sha256:' + 'a'.repeat(64), true],
  ['app@', true]
])('namesTagOrDigest(%j) = %s', (ref, want) => expect(namesTagOrDigest(ref)).toBe(want))
