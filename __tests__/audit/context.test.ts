/** The audit context: which layer brought each package, whose /etc/passwd counts, evidence as findings carry it. */
import { finding, lastInstruction, layerEvidence } from '../../src/audit/context.js'
import type { InstalledPackage } from '../../src/inspect/types.js'
import { context, imageFacts, type LayerSpec } from './facts.js'

const dpkg = (...names: string[]): InstalledPackage[] => names.map(name => ({ name, version: '1', manager: 'dpkg', installedBytes: 10 }))
const status = (layer: Omit<LayerSpec, 'extra'>, names: string[], passwd?: { name: string; uid: number; gid: number; shell: string }[]): LayerSpec => ({
  ...layer,
  files: [...(layer.files ?? []), ['var/lib/dpkg/status', 100]],
  extra: { packages: [{ source: 'var/lib/dpkg/status', packages: dpkg(...names) }], ...(passwd ? { passwd } : {}) }
})

const DF = 'FROM debian\nRUN apt-get install -y gcc\nRUN useradd app\nUSER app\n'

test('a package is attributed to the first layer whose database lists it, though a later layer rewrote the database', () => {
  const facts = imageFacts([
    status({ by: '' }, ['libc6', 'bash']),
    status({ by: 'RUN /bin/sh -c apt-get install -y gcc # buildkit' }, ['libc6', 'bash', 'gcc']),
    { by: 'RUN /bin/sh -c useradd app # buildkit', files: [['etc/passwd', 50]] }
  ])
  const ctx = context(DF, facts)
  expect(ctx.packages.map(p => [p.name, p.layer])).toEqual([
    ['libc6', 0],
    ['bash', 0],
    ['gcc', 1]
  ])
})

test('only the database file the final image holds counts: one a later layer deleted lists nothing', () => {
  const facts = imageFacts([status({ by: '' }, ['libc6']), { by: 'RUN /bin/sh -c apt-get install -y gcc # buildkit', whiteouts: ['var/lib/dpkg/status'] }])
  expect(context(DF, facts).packages).toEqual([])
})

test('the passwd entries are those of the layer that wrote the final /etc/passwd', () => {
  const base = [{ name: 'root', uid: 0, gid: 0, shell: '/bin/sh' }]
  const later = [...base, { name: 'app', uid: 1000, gid: 1000, shell: '/bin/sh' }]
  const facts = imageFacts([
    { by: '', files: [['etc/passwd', 30]], extra: { passwd: base } },
    { by: 'RUN /bin/sh -c apt-get install -y gcc # buildkit' },
    { by: 'RUN /bin/sh -c useradd app # buildkit', files: [['etc/passwd', 50]], extra: { passwd: later } }
  ])
  expect(context(DF, facts).passwd).toEqual({ entries: later, layer: 2 })
  expect(context(DF, imageFacts([{ by: '' }])).passwd).toBeUndefined()
})

test('layerEvidence: digest, line and instruction of a Dockerfile layer; a base layer points at FROM with no instruction', () => {
  const facts = imageFacts([{ by: '' }, { by: 'RUN /bin/sh -c apt-get install -y gcc # buildkit' }])
  const ctx = context(DF, facts)
  expect(layerEvidence(ctx, 1)).toEqual({
    layer: { index: 1, digest: 'sha256:layer1' },
    line: 2,
    instruction: 'RUN /bin/sh -c apt-get install -y gcc # buildkit'
  })
  expect(layerEvidence(ctx, 0)).toEqual({ layer: { index: 0, digest: 'sha256:layer0' }, line: 1, instruction: undefined })
  expect(layerEvidence(ctx, 7)).toEqual({ layer: undefined, line: 1, instruction: undefined })
})

test('lastInstruction: the last one of the whole stage chain, the target stage before its parents', () => {
  const ctx = context('FROM debian AS base\nUSER 1\nUSER 2\nFROM base AS mid\nRUN x\nFROM mid\nCMD ["y"]\n', imageFacts([{ by: '' }]))
  expect(lastInstruction(ctx, 'USER')?.line).toBe(3)
  expect(lastInstruction(ctx, 'RUN')?.line).toBe(5)
  expect(lastInstruction(ctx, 'HEALTHCHECK')).toBeUndefined()
  const own = context('FROM debian AS base\nUSER 1\nFROM base\nUSER 2\n', imageFacts([{ by: '' }]))
  expect(lastInstruction(own, 'USER')?.line).toBe(4)
})

test('finding drops undefined evidence fields and keeps the rest', () => {
  expect(finding('non-root', 'error', 'm', { line: 0, path: undefined, instruction: 'USER' })).toEqual({
    rule: 'non-root',
    severity: 'error',
    message: 'm',
    evidence: { line: 0, instruction: 'USER' }
  })
  expect(Object.keys(finding('non-root', 'error', 'm', { path: undefined }).evidence)).toEqual([])
})
