/** Markdown table cells (pure). */

/** Text safe inside a Markdown table cell: pipes escaped, newlines flattened, no raw HTML. */
export function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
}
