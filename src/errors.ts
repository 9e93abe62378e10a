/** Errors that carry their own one-line, user-facing message. */

/** Characters of an InputError's detail kept whole; a longer one is elided in its middle. */
export const MAX_DETAIL = 480

/**
 * `text`, or its start and end around `…[N characters]…` when it is longer than `max`: a value
 * echoed whole (a 100 kB line) would bury what was expected, which is said before or after it.
 */
export function elideMiddle(text: string, max = MAX_DETAIL): string {
  if (text.length <= max) return text
  let head = Math.ceil((max * 2) / 3)
  let tail = max - head
  // Never split a surrogate pair (a lone half prints as U+FFFD).
  if (/[\uD800-\uDBFF]/.test(text[head - 1])) head--
  if (/[\uDC00-\uDFFF]/.test(text[text.length - tail])) tail--
  const left = text.length - head - tail
  return `${text.slice(0, head)}…[${left} character${left === 1 ? '' : 's'}]…${text.slice(text.length - tail)}`
}

/** A problem with what the user gave us: names the input and what was expected. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string
  ) {
    // One line whatever the user typed: a value echoed in `detail` may hold line breaks, and may be long.
    super(`${input}: ${elideMiddle(detail.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))}`)
    this.name = 'InputError'
  }
}

/** The environment cannot run the pipeline (no engine, no buildx, image vanished...). */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EnvironmentError'
  }
}

/** Normalise anything thrown into a message (never a stack trace as the only message). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
