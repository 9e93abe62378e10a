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
