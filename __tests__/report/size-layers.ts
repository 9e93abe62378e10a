/** A size layer for the report tests: digest from its index, a third compressed, layer 2 wastes 1 MB. */
import type { SizeLayer } from '../../src/size/model.js'

export const layer = (index: number, instruction: string, bytes: number, fromBase = false): SizeLayer => ({
  index,
  digest: `sha256:${String(index).padStart(64, '0')}`,
  bytes,
  compressedBytes: Math.round(bytes / 3),
  instruction,
  line: fromBase ? 2 : 10 + index,
  fromBase,
  wastedBytes: index === 2 ? 1_000_000 : 0
})
