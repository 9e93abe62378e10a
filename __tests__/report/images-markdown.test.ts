/** Several images in one comment: a head with the count and the failing ones, then each image's section. */
import { renderReport } from '../../src/report/markdown.js'
import { imagesKey, renderImages } from '../../src/report/images-markdown.js'
import { REPORT_SCHEMA, type RunReport } from '../../src/report/run-report.js'

const report = (key: string, passed: boolean): RunReport => ({
  schema: REPORT_SCHEMA,
  createdAt: '2026-11-22T00:00:00Z',
  dockerfile: `${key}/Dockerfile`,
  target: 'runner',
  key,
  test: { result: 'skipped' },
  budgets: [],
  verdict: { passed, reasons: passed ? [] : ['image is too big'] }
})

test('one image renders exactly as the single-image comment', () => {
  const r = report('a', true)
  expect(renderImages([r])).toBe(renderReport(r))
})

test('several images: the head counts them and the failing ones; sections in the order given', () => {
  const md = renderImages([report('b', false), report('a', true), report('c', false)])
  const parts = md.split('\n\n---\n\n')
  expect(parts[0]).toBe('## ❌ Stagecraft · 3 images · 2 failing')
  expect(parts.slice(1)).toEqual([renderReport(report('b', false)), renderReport(report('a', true)), renderReport(report('c', false))])
})

test('all passing: a green head without a failing count', () => {
  expect(renderImages([report('a', true), report('b', true)]).split('\n')[0]).toBe('## ✅ Stagecraft · 2 images')
})

test('each image gets an equal share of the limit, so the whole comment fits', () => {
  const big = (key: string): RunReport => ({ ...report(key, false), verdict: { passed: false, reasons: Array.from({ length: 400 }, (_, i) => `reason ${i}`) } })
  const md = renderImages([big('a'), big('b')], 4_000)
  expect(md.length).toBeLessThanOrEqual(4_000)
  expect(md.split('\n\n---\n\n')).toHaveLength(3)
})

test('imagesKey: the key of one image; every distinct key of several, sorted', () => {
  expect(imagesKey([report('z', true)])).toBe('z')
  expect(imagesKey([report('z', true), report('a', true), report('z', false)])).toBe('a + z')
})
