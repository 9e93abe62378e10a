/**
 * List inputs, read exactly the way docker/build-push-action reads them (its `Util.getInputList`
 * from @docker/actions-toolkit): each input is CSV text parsed by csv-parse with relaxed quotes
 * and column counts and blank lines skipped, so a line may be quoted (`"id=va,lue"`) and a quoted
 * value may span lines (a PEM key). Per input, BPA either splits unquoted commas into separate
 * items or keeps each line whole (`ignoreComma`), and trims items or not (`secrets` keeps them
 * byte for byte). One addition over BPA: a line that *starts* with `#` is a comment
 * (csv-parse's `comment_no_infix`), while a `#` inside a value (`FOO=bar#baz`) stays, as in BPA.
 */
import { parse } from 'csv-parse/sync'
import { InputError } from '../errors.js'

export interface ListOptions {
  /** Keep each CSV record as one item (re-joined with commas) instead of one item per field. */
  ignoreComma?: boolean
  /** false: quotes are ordinary characters (BPA's `outputs`, whose values quote attribute lists). */
  quote?: boolean
  /** false: items are kept as written, surrounding whitespace included (BPA's `secrets`). */
  trim?: boolean
}

export interface ListItem {
  value: string
  /** 1-based line of the input where the item starts. */
  line: number
}

/**
 * BPA's parse options for each of its list inputs (build-push-action v7 `src/context.ts`).
 * Inputs not named here are not lists in BPA.
 */
export const BPA_LIST_OPTIONS = {
  'add-hosts': {},
  allow: {},
  annotations: { ignoreComma: true },
  attests: { ignoreComma: true },
  'build-args': { ignoreComma: true },
  'build-contexts': { ignoreComma: true },
  'cache-from': { ignoreComma: true },
  'cache-to': { ignoreComma: true },
  labels: { ignoreComma: true },
  'no-cache-filters': {},
  outputs: { ignoreComma: true, quote: false },
  platforms: {},
  secrets: { ignoreComma: true, trim: false },
  'secret-envs': {},
  'secret-files': { ignoreComma: true },
  ssh: {},
  tags: {},
  ulimit: { ignoreComma: true }
} satisfies Record<string, ListOptions>

export type ListInput = keyof typeof BPA_LIST_OPTIONS

interface ParsedRecord {
  record: string[]
  info: { lines: number }
}

/** Parse a list input into items with the line each starts on. Throws only on an unclosed quote. */
export function parseListItems(input: string, opts: ListOptions = {}): ListItem[] {
  const trim = opts.trim !== false
  if (input.trim() === '') return []
  const text = trim ? input.trim() : input
  const records = parse(text, {
    columns: false,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    comment: '#',
    comment_no_infix: true,
    quote: opts.quote === false ? false : '"',
    info: true
  }) as unknown as ParsedRecord[]
  const out: ListItem[] = []
  const count = (fields: string[], re: RegExp) => fields.reduce((n, f) => n + (f.match(re)?.length ?? 0), 0)
  // csv-parse counts a CR inside a quoted value as a line of its own (a CRLF as two), which
  // shifts every later record down: take those out, as they come.
  let extraLines = 0
  for (const { record, info } of records) {
    extraLines += count(record, /\r/g)
    // csv-parse reports the line a record ends on; a quoted value's own newlines move its start up.
    const line = info.lines - extraLines - count(record, /\n/g)
    const values = opts.ignoreComma ? [record.join(',')] : record.flatMap(f => (record.length === 1 ? f.split(',') : [f]))
    for (const v of values) {
      // A line of spaces is a blank line, also where values keep their whitespace.
      if (v.trim() === '') continue
      out.push({ value: trim ? v.trim() : v, line })
    }
  }
  return out
}

/** The items of a list input as strings. */
export function parseList(input: string, opts: ListOptions = {}): string[] {
  return parseListItems(input, opts).map(i => i.value)
}

/**
 * One of BPA's list inputs, parsed with BPA's options for it. A CSV error (an unclosed quote)
 * is a one-line InputError that names the input and the line, never the text.
 */
export function readList(name: ListInput, raw: string): ListItem[] {
  try {
    return parseListItems(raw, BPA_LIST_OPTIONS[name])
  } catch (e) {
    const err = e as { code?: string; lines?: number }
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new InputError(name, 'a quoted value is never closed: end it with " (write "" for a quote inside it)')
    }
    throw new InputError(name, `not a valid CSV list (${err.code ?? 'parse error'} at line ${err.lines ?? '?'})`)
  }
}

/** A list input read with BPA's CSV rules for it (see above); values only. */
export function listInput(name: ListInput, raw: string): string[] {
  return readList(name, raw).map(i => i.value)
}
