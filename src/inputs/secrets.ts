/**
 * Build secrets from the three inputs (`secrets`, `secret-files`, `secret-envs`), read as BPA
 * reads them (CSV lists: quoted items, multi-line values; `secrets` values kept byte for byte)
 * and validated item by item. Errors name the input, the line number and the id, never the value.
 */
import fs from 'node:fs'
import { InputError } from '../errors.js'
import { readList } from './list.js'

export type SecretSource = { kind: 'value'; value: string } | { kind: 'file'; path: string; value?: string } | { kind: 'env'; env: string; value: string }

export interface Secret {
  id: string
  source: SecretSource
}

/** What BuildKit accepts as a secret id. */
const ID = /^[A-Za-z0-9_.-]+$/
/** Largest secret-file whose content we keep for masking and the leak scan. */
const MAX_SCANNED_FILE = 64 * 1024

interface Line {
  n: number
  id: string
  rest: string
}

/**
 * Split each item of a secret list into id and value at the first `=`, as BPA does. Items come
 * from BPA's CSV list parsing, so `"id=va,lue"` and a quoted multi-line value are one item.
 */
function splitLines(input: 'secrets' | 'secret-files' | 'secret-envs', raw: string, what: string): Line[] {
  return readList(input, raw).map(({ value: text, line: n }) => {
    const eq = text.indexOf('=')
    // Never echo the item: it may hold the value.
    if (eq <= 0) {
      // The usual cause: an unquoted multi-line value, whose second line is read as an item.
      const hint = input === 'secrets' && n > 1 ? ' (quote a multi-line value: "id=first line…last line")' : ''
      throw new InputError(input, `line ${n}: expected id=${what}, found no "id=" prefix${hint}`)
    }
    const id = text.slice(0, eq).trim()
    if (!ID.test(id)) throw new InputError(input, `line ${n}: secret id must match [A-Za-z0-9_.-]+`)
    return { n, id, rest: text.slice(eq + 1) }
  })
}

/** Parse the three secret inputs into one list; ids must be unique across them. */
export function parseSecrets(
  raw: { secrets: string; secretFiles: string; secretEnvs: string },
  env: NodeJS.ProcessEnv,
  baseDir: string,
  mask: (value: string) => void = () => {}
): Secret[] {
  const out: Secret[] = []
  const seen = new Map<string, string>()
  const add = (input: string, l: Line, source: SecretSource) => {
    const prev = seen.get(l.id)
    if (prev) throw new InputError(input, `line ${l.n}: secret id "${l.id}" is already defined by ${prev}`)
    seen.set(l.id, input)
    const secret = { id: l.id, source }
    for (const piece of maskablePieces(secret)) mask(piece)
    out.push(secret)
  }
  for (const l of splitLines('secrets', raw.secrets, 'value')) {
    if (l.rest.length === 0) throw new InputError('secrets', `line ${l.n}: secret "${l.id}" has an empty value`)
    add('secrets', l, { kind: 'value', value: l.rest })
  }
  for (const l of splitLines('secret-files', raw.secretFiles, 'path')) {
    const p = l.rest.trim()
    if (!p) throw new InputError('secret-files', `line ${l.n}: secret "${l.id}" has an empty path`)
    const abs = p.startsWith('/') ? p : `${baseDir}/${p}`
    let st: fs.Stats
    try {
      st = fs.statSync(abs)
    } catch {
      throw new InputError('secret-files', `line ${l.n}: secret "${l.id}": file not found: ${p}`)
    }
    if (!st.isFile()) throw new InputError('secret-files', `line ${l.n}: secret "${l.id}": not a regular file: ${p}`)
    let value: string | undefined
    try {
      value = st.size > 0 && st.size <= MAX_SCANNED_FILE ? fs.readFileSync(abs, 'utf8') : undefined
    } catch {
      throw new InputError('secret-files', `line ${l.n}: secret "${l.id}": file not readable: ${p}`)
    }
    add('secret-files', l, { kind: 'file', path: abs, value })
  }
  for (const l of splitLines('secret-envs', raw.secretEnvs, 'ENV_NAME')) {
    const name = l.rest.trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new InputError('secret-envs', `line ${l.n}: secret "${l.id}": "${name}" is not an environment variable name`)
    }
    const value = env[name]
    if (value === undefined || value === '') {
      throw new InputError('secret-envs', `line ${l.n}: secret "${l.id}": environment variable ${name} is not set`)
    }
    add('secret-envs', l, { kind: 'env', env: name, value })
  }
  return out
}

/** The strings to mask in logs for a secret: the whole value and each non-trivial line of it. */
export function maskablePieces(secret: Secret): string[] {
  const v = secret.source.value
  if (!v) return []
  const pieces = new Set<string>([v, v.trim()])
  for (const line of v.split(/\r?\n/)) if (line.trim().length >= 4) pieces.add(line.trim())
  return [...pieces].filter(p => p.length > 0)
}

/** The value the leak scan looks for (undefined for large or unreadable secret files). */
export function secretValue(secret: Secret): string | undefined {
  const v = secret.source.value
  return v === undefined ? undefined : v.trim() || v
}
