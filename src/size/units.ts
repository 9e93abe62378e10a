/** Byte sizes: parsing budgets (`250MB`, `1.2GiB`, `10%`) and printing sizes (pure). */
import { InputError } from '../errors.js'

const UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
}

/** `250MB` → 250000000, `1.2GiB` → 1288490188, `1024` → 1024. Throws InputError naming `input`. */
export function parseSize(input: string, value: string): number {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/)
  const unit = m ? (m[2] || 'b').toLowerCase() : ''
  // Own keys only (`5constructor` is no unit); a number too large for a double is no size.
  const bytes = m && Object.hasOwn(UNITS, unit) ? Math.round(Number(m[1]) * UNITS[unit]) : NaN
  if (!Number.isFinite(bytes)) {
    throw new InputError(input, `expected a size such as 250MB, 1.2GiB or 900kB, got "${value}"`)
  }
  return bytes
}

export type Increase = { kind: 'percent'; value: number } | { kind: 'bytes'; value: number }

/** `10%` or a size (`20MB`). */
export function parseIncrease(input: string, value: string): Increase {
  const v = value.trim()
  const pct = v.match(/^(\d+(?:\.\d+)?)\s*%$/)
  if (pct && Number.isFinite(Number(pct[1]))) return { kind: 'percent', value: Number(pct[1]) }
  try {
    return { kind: 'bytes', value: parseSize(input, v) }
  } catch {
    throw new InputError(input, `expected a percentage such as 10% or a size such as 20MB, got "${value}"`)
  }
}

/** `1 file`, `2 files`: a count and its noun, plural unless it is one. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Human size with binary-free decimal units as registries and `docker images` print them. */
export function formatBytes(n: number): string {
  const abs = Math.abs(n)
  const sign = n < 0 ? '-' : ''
  if (abs < 1000) return `${sign}${abs} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let v = abs
  let i = -1
  do {
    v /= 1000
    i++
  } while (v >= 1000 && i < units.length - 1)
  return `${sign}${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`
}

/** `+1.20 MB` / `-300 B` / `±0 B`. */
export function formatDelta(n: number): string {
  if (n === 0) return '±0 B'
  return n > 0 ? `+${formatBytes(n)}` : formatBytes(n)
}

/** `+4.2%`, `-0.1%`, or `n/a` when there is no base to compare with. */
export function formatPercent(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'n/a'
  if (p === 0) return '±0%'
  return `${p > 0 ? '+' : ''}${p.toFixed(Math.abs(p) < 1 ? 2 : 1)}%`
}
