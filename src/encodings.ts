/** Encodings a secret value is commonly written in, shared by the audit's search and the redactor. */

/**
 * The base64 text of `value` wherever it starts in an encoded stream: for each of the 3 byte
 * alignments, the characters that depend on `value` alone (those mixing in a neighbour's bits, and
 * the `=` padding, are cut).
 */
export function base64Variants(value: Buffer): string[] {
  const out: string[] = []
  for (let k = 0; k < 3; k++) {
    const enc = Buffer.concat([Buffer.alloc(k), value])
      .toString('base64')
      .replace(/=+$/, '')
    // k lead bytes fill ceil(8k/6) characters, of which the last mixes lead and value bits.
    const start = k === 0 ? 0 : k === 1 ? 2 : 3
    // The last character mixes value bits with padding unless the total is a multiple of 3 bytes.
    const end = (k + value.length) % 3 === 0 ? enc.length : enc.length - 1
    if (end > start) out.push(enc.slice(start, end))
  }
  return out
}
