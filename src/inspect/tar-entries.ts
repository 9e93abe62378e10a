/**
 * A promise-shaped wrapper over tar-stream's extractor: feed it a stream, get one async callback
 * per entry. Each body must be consumed (or resumed) by the callback, as tar is sequential.
 */
import type { Readable } from 'node:stream'
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
      input.unpipe(extract as unknown as NodeJS.WritableStream)
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
    input.pipe(extract as unknown as NodeJS.WritableStream)
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

/** `./usr/bin/` → `usr/bin`: the form the rules use (no leading `./` or `/`, no trailing `/`). */
export function normalisePath(name: string): string {
  let p = name
  while (p.startsWith('./')) p = p.slice(2)
  p = p.replace(/^\/+/, '').replace(/\/+$/, '')
  return p === '.' ? '' : p
}
