import { cacheId, entryKeys, groupMounts, identity, savedKey, slug, unpersistableReason } from '../../src/cache-mounts/keys.js'
import { parseDockerfile, type CacheMount } from '../../src/plan/dockerfile.js'

const mount = (spec: string): CacheMount => parseDockerfile(`FROM busybox\nRUN --mount=${spec} true\n`).cacheMounts[0]

describe('cacheId: as BuildKit derives it', () => {
  test.each([
    ['type=cache,target=/root/.npm', '/root/.npm'],
    ['type=cache,target=/root/.npm/', '/root/.npm'],
    ['type=cache,target=/root//.cache/./pip', '/root/.cache/pip'],
    ['type=cache,id=npm,target=/root/.npm', 'npm'],
    ['type=cache,id=My-Cache/x,target=/c', 'My-Cache/x']
  ])('%s → %s', (spec, id) => expect(cacheId(mount(spec))).toBe(id))
})

describe('unpersistableReason', () => {
  test.each([
    ['type=cache,target=/c', undefined],
    ['type=cache,target=/c,uid=1000,gid=1000,mode=0700,sharing=locked', undefined],
    ['type=cache,target=/c,from=builder', 'it starts from another stage or image (from=builder)'],
    ['type=cache,target=/c,from=builder,source=/x', 'it starts from another stage or image (from=builder)'],
    ['type=cache,target=/c,source=/x', 'it mounts a sub-path (source=/x)'],
    ['type=cache,id=${TARGETPLATFORM}-go,target=/go', 'its id or target uses a build variable'],
    ['type=cache,target=/c,mode=rwx', 'its mode "rwx" is not octal'],
    ['type=cache,target=/c,uid=abc', 'its uid or gid is not a number']
  ])('%s → %s', (spec, why) => expect(unpersistableReason(mount(spec))).toBe(why))
})

describe('groupMounts: one entry per BuildKit cache', () => {
  test('same id shares; uid/gid/mode make another cache; target and sharing do not', () => {
    const plan = parseDockerfile(`FROM busybox
RUN --mount=type=cache,id=go,target=/root/.cache/go-build true
RUN --mount=type=cache,id=go,target=/other,sharing=locked true
RUN --mount=type=cache,id=go,target=/root/.cache/go-build,uid=1000 true
RUN --mount=type=cache,target=/root/.npm/ true
RUN --mount=type=cache,target=/root/.npm true
`)
    const groups = groupMounts(plan.cacheMounts)
    expect(groups.map(g => [g.id, g.uid, g.mounts.map(m => m.line)])).toEqual([
      ['go', undefined, [2, 3]],
      ['go', 1000, [4]],
      ['/root/.npm', undefined, [5, 6]]
    ])
  })

  test('mode is compared as BuildKit parses it (octal)', () => {
    expect(identity({ id: 'x', mode: '0755' })).toBe(identity({ id: 'x', mode: '755' }))
    expect(identity({ id: 'x', mode: '0700' })).not.toBe(identity({ id: 'x' }))
    expect(identity({ id: 'x' }, 'ns')).toBe('ns/x|uid=|gid=|mode=')
  })
})

describe('entryKeys', () => {
  const [entry] = groupMounts([mount('type=cache,target=/root/.cache/pip')])
  const base = { platform: 'linux/amd64', keyFilesHash: 'a'.repeat(64) }

  test('readable prefix, key-files hash, and a restore key for any older entry of the same cache', () => {
    const k = entryKeys(entry, base)
    expect(k.prefix).toMatch(/^stagecraft-cache-mount-v1-root-cache-pip-[0-9a-f]{12}$/)
    expect(k.key).toBe(`${k.prefix}-${'a'.repeat(16)}`)
    expect(k.restoreKeys).toEqual([`${k.prefix}-`])
    expect(savedKey(k, 'b'.repeat(64))).toBe(`${k.key}-${'b'.repeat(16)}`)
  })

  test('platform and namespace separate caches; key files only change the key', () => {
    const k = entryKeys(entry, base)
    expect(entryKeys(entry, { ...base, platform: 'linux/arm64' }).prefix).not.toBe(k.prefix)
    expect(entryKeys(entry, { ...base, namespace: 'team-a' }).prefix).not.toBe(k.prefix)
    const other = entryKeys(entry, { ...base, keyFilesHash: 'c'.repeat(64) })
    expect(other.prefix).toBe(k.prefix)
    expect(other.key).not.toBe(k.key)
  })

  test('slug', () => {
    expect(slug('/var/cache/apt')).toBe('var-cache-apt')
    expect(slug('///')).toBe('cache')
    expect(slug('x'.repeat(60))).toHaveLength(40)
  })
})
