/**
 * Which layers of the runner image a build secret could have reached, from the Dockerfile alone
 * (never from a secret's value, so what the audit caches for the other layers is the same whatever
 * the secrets are: see audit-cache.ts).
 *
 * A value reaches a layer only through what the build hands an instruction: a `RUN` that mounts a
 * secret, a cache or a bind (a cache may hold what an earlier build wrote with the secret; a bind
 * of the context may hold a file with it); a `COPY`/`ADD` from the build context (an `.npmrc` a
 * CI step wrote there), from a named context or image that is not an earlier stage (conservative:
 * a named context can be a local directory) or from a stage a secret reached; and every `RUN` of a
 * stage after a secret reached its filesystem (it can copy the value anywhere). `WORKDIR` layers
 * hold a directory and nothing else. Layers of the external base image were built elsewhere,
 * before this build's secrets existed.
 *
 * BuildKit makes exactly one layer per RUN, COPY, ADD and WORKDIR of the target's stage chain, on
 * top of the base image's layers, so the last layers of the image map one-to-one to those
 * instructions. When anything does not add up (no Dockerfile, more instructions than layers, a
 * history whose layer-making entries disagree with the chain) every layer counts as reached. One
 * case cannot be told apart: a base image's ONBUILD trigger runs in this build but its layer sits
 * among the base image's (ONBUILD is deprecated in the OCI format and rare today).
 */
import { findStage, parseMountOptions, stageChain, type DockerfilePlan, type PlanInstruction, type Stage } from '../plan/dockerfile.js'
import { historyKeyword } from './history.js'
import type { HistoryItem } from './types.js'

/** Instructions that make a layer in BuildKit (one each). */
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR'])

/**
 * One flag per layer, bottom first: true when a build secret could be in it (search it), false
 * when it cannot. `history`, when known, must agree with the Dockerfile or every layer is reached.
 * Pure.
 */
export function secretReach(dockerfile: { plan: DockerfilePlan; target: Stage } | undefined, layerCount: number, history?: HistoryItem[]): boolean[] {
  const all = () => Array.from({ length: layerCount }, () => true)
  if (!dockerfile || dockerfile.plan.stages.length === 0) return all()
  const steps = stageChain(dockerfile.plan, dockerfile.target).flatMap(s => s.instructions.filter(i => LAYER_KEYWORDS.has(i.keyword)))
  const base = layerCount - steps.length
  if (base < 0) return all()
  if (history && !historyAgrees(history, layerCount, steps)) return all()
  const taint = layerTaint(dockerfile.plan)
  return [...Array.from({ length: base }, () => false), ...steps.map(i => taint.get(i) ?? true)]
}

/** The history's layer-making entries: as many as the layers, the last ones naming the chain's keywords in order. */
function historyAgrees(history: HistoryItem[], layerCount: number, steps: PlanInstruction[]): boolean {
  const made = history.filter(h => !h.emptyLayer)
  if (made.length !== layerCount) return false
  const tail = made.slice(made.length - steps.length)
  return tail.every((h, k) => historyKeyword(h.createdBy) === steps[k].keyword)
}

/** Whether each layer-making instruction of the Dockerfile could write a secret into its layer. */
export function layerTaint(plan: DockerfilePlan): Map<PlanInstruction, boolean> {
  const layer = new Map<PlanInstruction, boolean>()
  /** Whether a secret could be anywhere in the stage's final filesystem. */
  const reached: boolean[] = []
  const fromTainted = (from: string | undefined, stage: Stage): boolean => {
    if (from === undefined) return true // the build context
    const src = findStage(plan, from)
    // An earlier stage: as tainted as its filesystem. A later one or the stage itself is an image
    // or named context of that name to BuildKit; so is anything else: conservatively reached.
    return src && src.index < stage.index ? reached[src.index] : true
  }
  for (const stage of plan.stages) {
    let fs = stage.baseStage !== undefined && stage.baseStage < stage.index ? reached[stage.baseStage] : false
    for (const instr of stage.instructions) {
      let t: boolean
      if (instr.keyword === 'RUN') t = fs || (instr.flags['mount'] ?? []).some(m => mountReaches(parseMountOptions(m), stage, fromTainted))
      else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') t = fromTainted(instr.flags['from']?.[0], stage)
      else if (instr.keyword === 'WORKDIR') t = false
      else continue
      layer.set(instr, t)
      fs ||= t
    }
    reached[stage.index] = fs
  }
  return layer
}

function mountReaches(o: Record<string, string>, stage: Stage, fromTainted: (from: string | undefined, stage: Stage) => boolean): boolean {
  switch (o.type) {
    case 'secret':
    case 'cache':
      return true
    case 'bind':
      return fromTainted(o.from || undefined, stage)
    default:
      return false // tmpfs, ssh: nothing of the secrets' values
  }
}
