/**
 * Which Dockerfile instruction made each history entry and each layer. BuildKit records one history
 * entry per instruction of the stage chain (FROM aside), and RUN, COPY, ADD and WORKDIR each make a
 * layer (even an empty one); entries without `empty_layer` map one-to-one to the layers. The
 * history is walked from the end, matching each entry to the chain's instructions by keyword and
 * text where it can and by keyword and order otherwise; whatever precedes the chain is the base
 * image, attributed to the root stage's FROM line.
 */
import type { PlanInstruction, Stage } from '../plan/dockerfile.js'
import type { HistoryItem } from './types.js'

/** Keywords that BuildKit records in the history (every instruction of a stage but FROM). */
const HISTORY_KEYWORDS = new Set([
  'RUN',
  'COPY',
  'ADD',
  'WORKDIR',
  'ENV',
  'ARG',
  'LABEL',
  'USER',
  'EXPOSE',
  'CMD',
  'ENTRYPOINT',
  'VOLUME',
  'HEALTHCHECK',
  'STOPSIGNAL',
  'SHELL',
  'ONBUILD',
  'MAINTAINER'
])

export interface LayerOrigin {
  /** The history `created_by` of the layer ('' when the history does not say). */
  instruction: string
  /** Dockerfile line (1-based) of the instruction, or of the root stage's FROM for base layers. */
  line: number
  /** True for layers inherited from the base image. */
  fromBase: boolean
  /** Index of the stage whose instruction made the layer (the root stage for base layers). */
  stage: number
}

/** The Dockerfile line behind one history entry. */
export interface HistoryOrigin {
  line: number
  fromBase: boolean
  stage: number
}

/**
 * Attribute every history entry (layer-making or not) to a chain instruction, walking from the end;
 * entries before the chain's first instruction are the base image's (root stage FROM line). Pure.
 */
export function attributeHistory(history: HistoryItem[], chain: Stage[]): HistoryOrigin[] {
  const root = chain[0]
  const steps = chain.flatMap(stage => stage.instructions.filter(i => i.keyword !== 'FROM').map(instruction => ({ stage: stage.index, instruction })))
  const origins: HistoryOrigin[] = history.map(() => ({ line: root?.line ?? 1, fromBase: true, stage: root?.index ?? 0 }))
  let next = steps.length - 1
  for (let k = history.length - 1; k >= 0 && next >= 0; k--) {
    const keyword = historyKeyword(history[k].createdBy)
    if (!keyword) break
    const candidates = (strict: boolean) => {
      for (let j = next; j >= 0; j--) {
        const instr = steps[j].instruction
        if (instr.keyword === keyword && (!strict || sameText(instr, history[k].createdBy))) return j
      }
      return -1
    }
    let match = candidates(true)
    if (match < 0) match = candidates(false)
    if (match < 0) break
    origins[k] = { line: steps[match].instruction.line, fromBase: false, stage: steps[match].stage }
    next = match - 1
  }
  return origins
}

/**
 * One origin per layer: the history entries without `empty_layer`, aligned with the layers from
 * the end (a hand-made image may have more or fewer entries than layers). Pure.
 */
export function attributeLayers(history: HistoryItem[], layerCount: number, chain: Stage[]): LayerOrigin[] {
  const byEntry = attributeHistory(history, chain)
  const root = chain[0]
  const made = history.flatMap((h, k) => (h.emptyLayer ? [] : [{ instruction: h.createdBy, ...byEntry[k] }]))
  const aligned = made.slice(Math.max(0, made.length - layerCount))
  const missing = layerCount - aligned.length
  const base: LayerOrigin = { instruction: '', line: root?.line ?? 1, fromBase: true, stage: root?.index ?? 0 }
  return [...Array.from({ length: missing }, () => ({ ...base })), ...aligned]
}

/**
 * The Dockerfile keyword a history entry records (BuildKit or classic builder form). The classic
 * builder writes a RUN as its command line, prefixed by the build args in scope (`|1 A=b /bin/sh -c
 * make`), and every other instruction as a no-op shell command (`/bin/sh -c #(nop)  CMD ["sh"]`).
 */
export function historyKeyword(createdBy: string): string | undefined {
  const text = createdBy.trim()
  const nop = text.match(/^\/bin\/sh -c #\(nop\)\s+([A-Z]+)/)
  if (nop) return nop[1]
  if (/^(\|\d+ (\S+ )*)?\/bin\/sh -c /.test(text)) return 'RUN'
  const word = text.match(/^([A-Z]+)\b/)?.[1]
  return word && HISTORY_KEYWORDS.has(word) ? word : undefined
}

/** The command part of a history entry: without keyword, build-arg prefix, shell and `# buildkit`. */
export function historyCommand(createdBy: string): string {
  let t = createdBy.trim().replace(/\s*# buildkit$/, '')
  t = t.replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
  t = t.replace(/^[A-Z]+\s+/, '')
  const args = t.match(/^\|(\d+)\s+/)
  if (args) {
    t = t.slice(args[0].length)
    for (let i = 0; i < Number(args[1]); i++) t = t.replace(/^\S+\s*/, '')
  }
  t = t.replace(/^\/bin\/sh -c\s+/, '')
  return collapse(t)
}

function sameText(instr: PlanInstruction, createdBy: string): boolean {
  const hist = historyCommand(createdBy)
  // History keeps COPY/ADD flags such as --chown and --from, but not RUN's --mount/--network.
  const args = instr.keyword === 'RUN' ? collapse(instr.args.replace(/^(\s*--[a-z-]+(=\S*)?\s+)+/, '')) : collapse(instr.args)
  if (!hist || !args) return false
  return hist === args || hist.endsWith(args) || args.endsWith(hist)
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()
