/**
 * Several images in one comment (pure): a section per image, in the order given (the merge puts
 * the worst first), each rendered as the single-image comment is. One image renders exactly as
 * the single-image comment.
 */
import { COMMENT_BUDGET, renderReport } from './markdown.js'
import type { RunReport } from './run-report.js'

export function renderImages(reports: RunReport[], limit = COMMENT_BUDGET): string {
  if (reports.length === 1) return renderReport(reports[0], 50, limit)
  const failing = reports.filter(r => !r.verdict.passed).length
  const head = `## ${failing ? '❌' : '✅'} Stagecraft · ${reports.length} images${failing ? ` · ${failing} failing` : ''}`
  const separator = '\n\n---\n\n'
  const share = Math.floor((limit - head.length - separator.length * reports.length) / reports.length)
  return [head, ...reports.map(r => renderReport(r, 50, share))].join(separator)
}

/** The comment key of a merge: the image's key, or every key of several images. */
export function imagesKey(reports: RunReport[]): string {
  return reports.length === 1 ? reports[0].key : [...new Set(reports.map(r => r.key))].sort().join(' + ')
}
