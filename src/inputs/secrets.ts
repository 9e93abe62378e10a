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

/**
 * A secret line that parses but cannot be resolved (empty value, missing or unreadable file, unset
 * variable). BPA warns and builds without it; Stagecraft does too unless the Dockerfile mounts its id
 * (`unresolvedSecretProblems`), because that build would run without its secret.
 */
export interface UnresolvedSecret {
  input: 'secrets' | 'secret-files' | 'secret-envs'
  line: number
  id: string
  /** What is wrong, naming the line and the id (never a value): `line 2: secret "x" has an empty value`. */
  detail: string
}

export interface ParsedSecrets {
  secrets: Secret[]
  unresolved: UnresolvedSecret[]
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

/**
 * Parse the three secret inputs into one list; ids must be unique across them. A line that does
 * not parse (no `id=`, a bad id, a duplicate id, not a variable name) is an InputError; a line that
 * parses but cannot be resolved is returned in `unresolved`, for the caller to weigh against the
 * Dockerfile's secret mounts.
 */
export function parseSecrets(
  raw: { secrets: string; secretFiles: string; secretEnvs: string },
  env: NodeJS.ProcessEnv,
  baseDir: string,
  mask: (value: string) => void = () => {}
): ParsedSecrets {
  const out: Secret[] = []
  const unresolved: UnresolvedSecret[] = []
  const seen = new Map<string, string>()
  const claim = (input: string, l: Line) => {
    const prev = seen.get(l.id)
    if (prev) throw new InputError(input, `line ${l.n}: secret id "${l.id}" is already defined by ${prev}`)
    seen.set(l.id, input)
  }
  const add = (input: string, l: Line, source: SecretSource) => {
    claim(input, l)
    const secret = { id: l.id, source }
    for (const piece of maskablePieces(secret)) mask(piece)
    out.push(secret)
  }
  const skip = (input: UnresolvedSecret['input'], l: Line, detail: string) => {
    claim(input, l)
    unresolved.push({ input, line: l.n, id: l.id, detail: `line ${l.n}: secret "${l.id}"${detail}` })
  }
  for (const l of splitLines('secrets', raw.secrets, 'value')) {
    if (l.rest.length === 0) skip('secrets', l, ' has an empty value')
    else add('secrets', l, { kind: 'value', value: l.rest })
  }
  for (const l of splitLines('secret-files', raw.secretFiles, 'path')) {
    const p = l.rest.trim()
    if (!p) {
      skip('secret-files', l, ' has an empty path')
      continue
    }
    const abs = p.startsWith('/') ? p : `${baseDir}/${p}`
    let st: fs.Stats
    try {
      st = fs.statSync(abs)
    } catch {
      skip('secret-files', l, `: file not found: ${p}`)
      continue
    }
    if (!st.isFile()) {
      skip('secret-files', l, `: not a regular file: ${p}`)
      continue
    }
    let value: string | undefined
    try {
      value = st.size > 0 && st.size <= MAX_SCANNED_FILE ? fs.readFileSync(abs, 'utf8') : undefined
    } catch {
      skip('secret-files', l, `: file not readable: ${p}`)
      continue
    }
    add('secret-files', l, { kind: 'file', path: abs, value })
  }
  for (const l of splitLines('secret-envs', raw.secretEnvs, 'ENV_NAME')) {
    const name = l.rest.trim()
    // BPA's `INVALID_SECRET=` line: no variable named at all. BPA warns and builds without it.
    if (!name) {
      skip('secret-envs', l, ' names no environment variable')
      continue
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new InputError('secret-envs', `line ${l.n}: secret "${l.id}": "${name}" is not an environment variable name`)
    }
    const value = env[name]
    if (value === undefined || value === '') skip('secret-envs', l, `: environment variable ${name} is not set`)
    else add('secret-envs', l, { kind: 'env', env: name, value })
  }
  return { secrets: out, unresolved }
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
