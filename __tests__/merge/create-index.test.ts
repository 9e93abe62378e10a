import { createHash } from 'node:crypto'
import { createArgs, createIndex, digestOfDryRun, indexAnnotations } from '../../src/merge/create-index.js'

test.each<[string, Parameters<typeof createArgs>[0], boolean, string[]]>([
  [
    'push with tags',
    { sources: ['r/a@sha256:1', 'r/a@sha256:2'], tags: ['r/a:v1', 'r/a:latest'], annotations: [] },
    false,
    ['-t', 'r/a:v1', '-t', 'r/a:latest', 'r/a@sha256:1', 'r/a@sha256:2']
  ],
  [
    'dry run with an annotation',
    { sources: ['r/a@sha256:1'], tags: [], annotations: ['index:k=v'] },
    true,
    ['--dry-run', '--annotation', 'index:k=v', 'r/a@sha256:1']
  ]
])('createArgs: %s', (_what, req, dry, argv) => {
  expect(createArgs(req, dry)).toEqual(argv)
})

test.each<[string, string[], string[], string[], string[]]>([
  ['un-prefixed → index', ['org.opencontainers.image.title=App'], [], ['index:org.opencontainers.image.title=App'], []],
  ['index kept', ['index:a=b', 'index-descriptor:c=d'], [], ['index:a=b', 'index-descriptor:c=d'], []],
  ['manifest left to the parts', ['manifest:a=b', 'manifest[linux/amd64]:c=d'], [], [], ['manifest:a=b', 'manifest[linux/amd64]:c=d']],
  ['a URL value is not a prefix', ['org.opencontainers.image.source=https://x/y'], [], ['index:org.opencontainers.image.source=https://x/y'], []],
  ['labels → index, once', ['index:a=b'], ['a=b', 'c=d'], ['index:a=b', 'index:c=d'], []]
])('indexAnnotations: %s', (_what, annotations, labels, want, skipped) => {
  expect(indexAnnotations(annotations, labels)).toEqual({ annotations: want, skipped })
})

test('the digest of a dry run is the sha256 of the bytes without the newline buildx adds', () => {
  const body = '{"schemaVersion":2}'
  const want = `sha256:${createHash('sha256').update(body).digest('hex')}`
  expect(digestOfDryRun(`${body}\n`)).toBe(want)
  expect(digestOfDryRun(body)).toBe(want)
})

test('createIndex: dry run, push, read back; a registry serving other bytes is an error', async () => {
  const calls: string[][] = []
  const body = '{"schemaVersion":2,"manifests":[]}'
  const docker = {
    imagetoolsCreate: (args: string[]) => (calls.push(args), Promise.resolve(args[0] === '--dry-run' ? `${body}\n` : '')),
    registryManifestText: (ref: string) => (calls.push(['inspect', ref]), Promise.resolve(body))
  }
  const req = { sources: ['r/a@sha256:1'], tags: ['r/a:v1'], annotations: [] }
  await expect(createIndex(docker, req)).resolves.toBe(digestOfDryRun(body))
  expect(calls).toEqual([
    ['--dry-run', 'r/a@sha256:1'],
    ['-t', 'r/a:v1', 'r/a@sha256:1'],
    ['inspect', 'r/a:v1']
  ])
  await expect(createIndex({ ...docker, registryManifestText: () => Promise.resolve('{}') }, req)).rejects.toThrow(`not the index ${digestOfDryRun(body)}`)
  calls.length = 0
  await expect(createIndex(docker, req, { dryRun: true })).resolves.toBe(digestOfDryRun(body))
  expect(calls).toHaveLength(1)
})
