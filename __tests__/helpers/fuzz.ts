/**
 * Shared pieces of the property (fuzz) tests: what a "clear error" is, a wall-clock bound per call,
 * and generators of awkward text. Seeds are fixed so a failure replays the same way on every run.
 */
import fc from 'fast-check'

/** Fixed seed and a run count sized so the whole fuzz set stays well under a minute on 2 cores. */
export function fuzzParams(numRuns: number): fc.Parameters<unknown> {
  return { seed: 0x5a9ec7af, numRuns }
}

export interface ClearErrorOptions {
  /** Constructors the error may be an instance of (default: any Error). */
  types?: (abstract new (...args: never[]) => Error)[]
  /** Text the message must start with, e.g. the input's name and a colon. */
  prefix?: string
  /** Strings that must never appear in the message (secret values). */
  forbidden?: string[]
}

/** A thrown value is an Error of an expected type with a one-line, non-empty message. */
export function expectClearError(e: unknown, opts: ClearErrorOptions = {}): void {
  if (!(e instanceof Error)) throw new Error(`threw a non-Error: ${String(e)}`)
  if (opts.types && !opts.types.some(t => e instanceof t)) throw new Error(`unexpected error type ${e.name}: ${e.message}`)
  if (!e.message.trim()) throw new Error(`empty error message (${e.name})`)
  if (/[\r\n]/.test(e.message)) throw new Error(`error message spans lines: ${JSON.stringify(e.message)}`)
  if (opts.prefix !== undefined && !e.message.startsWith(opts.prefix)) {
    throw new Error(`error message does not start with ${JSON.stringify(opts.prefix)}: ${JSON.stringify(e.message)}`)
  }
  for (const f of opts.forbidden ?? []) {
    const escaped = f.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
    if (f && (e.message.includes(f) || e.message.includes(escaped))) throw new Error(`error message reveals ${JSON.stringify(f)}: ${JSON.stringify(e.message)}`)
  }
}

/** Run `fn`; return its result, or the error it threw checked by `expectClearError`. */
export function resultOrClearError<T>(fn: () => T, opts: ClearErrorOptions = {}): T | undefined {
  try {
    return fn()
  } catch (e) {
    expectClearError(e, opts)
    return undefined
  }
}

/** Reject with a message naming `what` when `p` does not settle within `ms` (a hang, not slowness). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_ok, ko) => {
    timer = setTimeout(() => ko(new Error(`${what}: did not settle within ${ms} ms`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/** Text with the characters parsers trip on: quotes, commas, `=`, `#`, backslashes, CR/LF, unicode. */
export const awkwardText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', '9', '_', '-', '.', '/', ' ', '\t') },
      { weight: 3, arbitrary: fc.constantFrom('"', "'", ',', '=', '#', '\\', '\n', '\r\n', '\r', ':', '*', '%', '{', '}', '[', ']', '$', '`') },
      { weight: 1, arbitrary: fc.constantFrom('é', '€', '😀', '\u0000', '\u2028', '\ufeff', 'ß', '中') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) }
    ),
    maxLength
  })

/** Keys that have tripped object-as-map code before. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']
