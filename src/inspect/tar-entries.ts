/**
 * A promise-shaped wrapper over tar-stream's extractor: feed it a stream, get one async callback
 * per entry. Each body must be consumed (or resumed) by the callback, as tar is sequential.
 */
import type { Readable, Writable } from 'node:stream'
import tar from 'tar-stream'

export type TarHeader = tar.Header
/** An entry's body: a streamx Readable (async-iterable, resumable). */
export type TarBody = tar.ExtractEvents['entry'][1]

/**
 * Parse the tar coming from `input`, calling `onEntry` for each entry in order. Resolves when the
 * archive ends; rejects on a malformed archive, a truncated stream or an error from `onEntry`.
 */
export function forEachTarEntry(input: Readable, onEntry: (header: TarHeader, body: TarBody) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract()
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      input.unpipe(extract)
      extract.destroy()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    extract.on('entry', (header, body, next) => {
      onEntry(header, body).then(() => next(), fail)
    })
    extract.on('finish', () => {
      if (settled) return
      settled = true
      resolve()
    })
    extract.on('error', fail)
    input.on('error', fail)
    input.pipe(extract)
  })
}

/** Resolves when `s` drains, closes or fails: a writer waiting on it never waits forever. */
export function drained(s: Writable): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      s.off('drain', done)
      s.off('close', done)
      s.off('error', done)
      resolve()
    }
    s.on('drain', done)
    s.on('close', done)
    s.on('error', done)
  })
}

/** Drain a body without looking at it. */
export function skipBody(body: TarBody): Promise<void> {
  return new Promise((resolve, reject) => {
    body.on('end', resolve)
    body.on('error', (e: Error) => reject(e))
    body.resume()
  })
}

/**
 * `./usr/bin/` → `usr/bin`: the form the rules use (no leading `./` or `/` in any mix, such as
 * `/./etc/passwd`, and no trailing `/`). Index scans: a regex on a long run of slashes (PAX paths
 * have no length limit) backtracks quadratically.
 */
export function normalisePath(name: string): string {
  const SLASH = 47
  const DOT = 46
  let start = 0
  let end = name.length
  for (;;) {
    if (name.charCodeAt(start) === SLASH) start++
    else if (name.charCodeAt(start) === DOT && name.charCodeAt(start + 1) === SLASH) start += 2
    else break
  }
  while (end > start && name.charCodeAt(end - 1) === SLASH) end--
  const p = name.slice(start, end)
  return p === '.' ? '' : p
}
