/** Small text helpers for the engine's messages. */

/** The first non-blank line, trimmed: what an error message quotes of the engine's stderr. */
export function firstLine(s: string): string {
  return (s.split('\n').find(l => l.trim()) ?? '').trim()
}

/** `1.5 s`, `300 s`: a duration for a message. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}
