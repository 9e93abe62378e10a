/** Small text helpers for the engine's messages. */

/** The first non-blank line, trimmed: what an error message quotes of the engine's stderr. */
export function firstLine(s: string): string {
  return (s.split('\n').find(l => l.trim()) ?? '').trim()
}

/** `1.5 s`, `300 s`: a duration for a message. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}

/** What a docker call keeps of its stderr (error messages quote it): the last 64 KiB. */
export const STDERR_TAIL_CHARS = 64 * 1024
/** What a docker call keeps of a stdout that is a log (a build's): the last 64 KiB; the rest only streams. */
export const LOG_TAIL_CHARS = 64 * 1024
/** A longer output line is cut to this many characters (the rest is dropped, and the cut says so). */
export const MAX_LINE_CHARS = 64 * 1024
