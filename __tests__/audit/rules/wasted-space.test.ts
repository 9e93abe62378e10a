import { WASTE_MIN_BYTES, wastedSpaceRule } from '../../../src/audit/rules/wasted-space.js'
import { context, imageFacts, type LayerSpec } from '../facts.js'

const DF = `FROM debian:bookworm-slim
RUN curl -o /tmp/sdk.tar.gz https://x.test/sdk && tar -xzf /tmp/sdk.tar.gz -C /opt
RUN rm -rf /tmp/sdk.tar.gz /opt/sdk/docs
USER 1000
`
const base: LayerSpec = { by: '', files: [['usr/bin/ls', 5_000_000]] }
const download: LayerSpec = {
  by: 'RUN /bin/sh -c curl -o /tmp/sdk.tar.gz https://x.test/sdk && tar -xzf /tmp/sdk.tar.gz -C /opt # buildkit',
  files: [
    ['tmp/sdk.tar.gz', 30_000_000],
    ['opt/sdk/docs/a.html', 4_000_000],
    ['opt/sdk/docs/b.html', 1_000_000],
    ['opt/sdk/bin/tool', 2_000_000]
  ]
}
const cleanup: LayerSpec = { by: 'RUN /bin/sh -c rm -rf /tmp/sdk.tar.gz /opt/sdk/docs # buildkit', whiteouts: ['tmp/sdk.tar.gz', 'opt/sdk/docs'] }

test('files deleted by a later RUN: one warning naming the largest, with the lines that created and removed them', () => {
  const [f, ...rest] = wastedSpaceRule(context(DF, imageFacts([base, download, cleanup])))
  expect(rest).toEqual([])
  expect(f).toMatchObject({ rule: 'hygiene/wasted-space', severity: 'warning', evidence: { path: '/tmp/sdk.tar.gz', bytes: 35_000_000, line: 2 } })
  expect(f.message).toMatch(/^35\.0 MB \(\d+% of the image\) are files that a later layer deletes or overwrites/)
  expect(f.message).toMatch(
    /Largest: \/tmp\/sdk\.tar\.gz \(30\.0 MB, created by line 2, removed by line 3\); \/opt\/sdk\/docs\/a\.html \(4\.00 MB, created by line 2, removed by line 3\); \/opt\/sdk\/docs\/b\.html/
  )
})

test('below the byte threshold or the share of the image: silent', () => {
  const small: LayerSpec = { ...download, files: [['tmp/sdk.tar.gz', WASTE_MIN_BYTES - 1]] }
  expect(wastedSpaceRule(context(DF, imageFacts([base, small, cleanup])))).toEqual([])
  // 30 MB wasted in a 1 GB image is under 10%.
  const big: LayerSpec = { by: '', files: [['usr/lib/big', 1_000_000_000]] }
  expect(wastedSpaceRule(context(DF, imageFacts([big, download, cleanup])))).toEqual([])
})

test('waste made and removed inside the base image is not the Dockerfile’s to fix', () => {
  const baseWaste: LayerSpec[] = [
    { by: '', files: [['tmp/base.bin', 50_000_000]] },
    { by: '', whiteouts: ['tmp/base.bin'] }
  ]
  const facts = imageFacts([...baseWaste, { by: 'USER 1000', files: [] }], {
    history: [
      { createdBy: 'base1', emptyLayer: false },
      { createdBy: 'base2', emptyLayer: false },
      { createdBy: 'USER 1000', emptyLayer: true }
    ]
  })
  expect(wastedSpaceRule(context('FROM base\nUSER 1000\n', facts))).toEqual([])
})

test('overwriting a base file counts too (the removing line is ours)', () => {
  const df = 'FROM debian\nRUN chmod -R g+w /opt\n'
  const facts = imageFacts([
    { by: '', files: [['opt/data', 20_000_000]] },
    { by: 'RUN /bin/sh -c chmod -R g+w /opt # buildkit', files: [['opt/data', 20_000_000]] }
  ])
  const [f] = wastedSpaceRule(context(df, facts))
  expect(f.message).toMatch(/\/opt\/data \(20\.0 MB, created by the base image \(line 1\), removed by line 2\)/)
})

describe('the message and the thresholds, exactly', () => {
  const extra = (n: number): LayerSpec => ({
    ...download,
    files: [...download.files!, ...Array.from({ length: n }, (_, i) => [`tmp/extra${i}`, 10] as [string, number])]
  })
  const clean = (n: number): LayerSpec => ({ ...cleanup, whiteouts: [...cleanup.whiteouts!, ...Array.from({ length: n }, (_, i) => `tmp/extra${i}`)] })

  test('bytes, share of the image, the three largest with their lines, and how many more', () => {
    const [f] = wastedSpaceRule(context(DF, imageFacts([base, download, cleanup])))
    // 35 MB of 42 005 632 bytes of layer tars
    expect(f.message).toBe(
      '35.0 MB (83% of the image) are files that a later layer deletes or overwrites: they still ship in the layer that created them. Largest: /tmp/sdk.tar.gz (30.0 MB, created by line 2, removed by line 3); /opt/sdk/docs/a.html (4.00 MB, created by line 2, removed by line 3); /opt/sdk/docs/b.html (1.00 MB, created by line 2, removed by line 3). Remove files in the same RUN that creates them, or create them in an earlier stage and copy only what the runner needs.'
    )
    expect(wastedSpaceRule(context(DF, imageFacts([base, extra(1), clean(1)])))[0].message).toContain(
      '/opt/sdk/docs/b.html (1.00 MB, created by line 2, removed by line 3); and 1 more file. Remove'
    )
    expect(wastedSpaceRule(context(DF, imageFacts([base, extra(2), clean(2)])))[0].message).toContain('; and 2 more files. Remove')
  })

  test('exactly at both thresholds is reported', () => {
    // 10 000 000 wasted bytes; the rest sized so the layer tars total exactly 100 000 000 bytes (10 %).
    const waste: LayerSpec = { by: download.by, files: [['tmp/sdk.tar.gz', WASTE_MIN_BYTES]] }
    const wasteTar = 1024 + 512 + WASTE_MIN_BYTES
    const cleanTar = 1024
    const rest: LayerSpec = { by: '', files: [['usr/lib/rest', 100_000_000 - wasteTar - cleanTar - 1024 - 512]] }
    const facts = imageFacts([rest, waste, cleanup])
    expect(facts.layers.reduce((n, l) => n + l.facts.tarBytes, 0)).toBe(100_000_000)
    expect(wastedSpaceRule(context(DF, facts))).toHaveLength(1)
  })

  test('an image audited without its Dockerfile names layers, not lines, and counts the base image’s waste too', () => {
    const facts = imageFacts([base, download, cleanup])
    const ctx = context(DF, facts)
    const bare = { ...ctx, plan: { stages: [], cacheMounts: [], secretMounts: [] } }
    const [f] = wastedSpaceRule(bare)
    expect(f.message).toContain('Largest: /tmp/sdk.tar.gz (30.0 MB, created by layer 1, removed by layer 2);')
  })

  test('a file created in the base image and removed by our line says so', () => {
    const df = 'FROM debian\nRUN rm -rf /opt/data\n'
    const facts = imageFacts([
      { by: '', files: [['opt/data', 20_000_000]] },
      { by: 'RUN /bin/sh -c rm -rf /opt/data # buildkit', whiteouts: ['opt/data'] }
    ])
    expect(wastedSpaceRule(context(df, facts))[0].message).toContain('/opt/data (20.0 MB, created by the base image (line 1), removed by line 2)')
  })
})
