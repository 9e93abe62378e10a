/** Errors that carry their own one-line, user-facing message. */

/** A problem with what the user gave us: names the input and what was expected. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string
  ) {
    // One line whatever the user typed: a value echoed in `detail` may hold line breaks.
    super(`${input}: ${detail.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}`)
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
