/**
 * The Dockerfile as data: stages, their instructions with line numbers, and the BuildKit mounts
 * (`RUN --mount=type=cache|secret`) they use. Parsed with dockerfile-ast, the parser behind the
 * Dockerfile language server, so continuation lines, heredocs and escape directives are handled
 * the way BuildKit reads them.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import * as ast from 'dockerfile-ast'

/** One instruction of a stage. Lines are 1-based, as editors and annotations count them. */
export interface PlanInstruction {
  keyword: string
  /** First line of the instruction. */
  line: number
  /** Last line (continuations and heredocs included). */
  endLine: number
  /** The arguments as written, each line continuation (and the blanks around it) one space. */
  args: string
  /** Flags such as `--from=builder`, `--mount=...`, by name; repeated flags keep every value. */
  flags: Record<string, string[]>
}

export interface Stage {
  index: number
  /** The `AS name`, lower-cased as BuildKit matches it; undefined for unnamed stages. */
  name?: string
  /** The image (or earlier stage) named by FROM, as written. */
  base: string
  /** Index of the earlier stage this one starts from, when FROM names a stage. */
  baseStage?: number
  /** Line of the FROM instruction. */
  line: number
  endLine: number
  instructions: PlanInstruction[]
}

export interface CacheMount {
  stage: number
  line: number
  /** `id=` or, as BuildKit defaults it, the target path. */
  id: string
  target: string
  sharing: 'shared' | 'private' | 'locked'
  uid?: number
  gid?: number
  mode?: string
  from?: string
  source?: string
}

export interface SecretMount {
  stage: number
  line: number
  id: string
  target?: string
  env?: string
  required: boolean
}

export interface DockerfilePlan {
  stages: Stage[]
  cacheMounts: CacheMount[]
  secretMounts: SecretMount[]
}

/** A stage as BuildKit names it: its `AS` name, or `stage-N` (N counted from 0) when it has none. */
export function stageLabel(stage: Pick<Stage, 'name' | 'index'>): string {
  return stage.name ?? `stage-${stage.index}`
}

/** Human list of stages for error messages: `deps, builder, test, runner` (unnamed as `stage-3`). */
export function stageList(plan: DockerfilePlan): string {
  return plan.stages.map(stageLabel).join(', ')
}

/** Parse Dockerfile text into a plan. Never throws on odd syntax: BuildKit is the judge of that. */
export function parseDockerfile(content: string): DockerfilePlan {
  const doc = ast.DockerfileParser.parse(content)
  const stages: Stage[] = []
  const cacheMounts: CacheMount[] = []
  const secretMounts: SecretMount[] = []

  for (const instr of doc.getInstructions()) {
    const keyword = instr.getKeyword().toUpperCase()
    const range = instr.getRange()
    const line = range.start.line + 1
    const endLine = range.end.line + 1
    const flags: Record<string, string[]> = {}
    if (instr instanceof ast.ModifiableInstruction) {
      for (const flag of instr.getFlags()) {
        const name = flag.getName().toLowerCase()
        ;(flags[name] ??= []).push(flag.getValue() ?? '')
      }
    }
    const args = (instr.getRawArgumentsContent() ?? '').replace(/[ \t]*\\\r?\n\s*/g, ' ').trim()
    const entry: PlanInstruction = { keyword, line, endLine: Math.max(endLine, line), args, flags }

    if (keyword === 'FROM') {
      const from = instr as ast.From
      const base = from.getImage() ?? ''
      const name = from.getBuildStage()?.toLowerCase() ?? undefined
      const baseStage = stages.findIndex(s => s.name !== undefined && s.name === base.toLowerCase())
      stages.push({
        index: stages.length,
        name,
        base,
        baseStage: baseStage >= 0 ? baseStage : undefined,
        line,
        endLine: entry.endLine,
        instructions: [entry]
      })
      continue
    }
    const stage = stages[stages.length - 1]
    if (!stage) continue // ARG before the first FROM: global, not part of a stage
    stage.instructions.push(entry)
    stage.endLine = entry.endLine
    if (keyword === 'RUN') {
      for (const mount of flags['mount'] ?? []) {
        const opts = parseMountOptions(mount)
        if (opts.type === 'cache') cacheMounts.push(toCacheMount(stage.index, line, opts))
        if (opts.type === 'secret') secretMounts.push(toSecretMount(stage.index, line, opts))
      }
    }
  }
  return { stages, cacheMounts, secretMounts }
}

/**
 * Split `type=cache,target=/x,sharing=locked` into options (a bare key means `true`). BuildKit
 * reads the flag as one CSV record (Go's encoding/csv), so a quoted field keeps its commas:
 * `type=bind,"target=/a,b"` has the target `/a,b`. Text that is not valid CSV (BuildKit rejects
 * it) is split on commas: never a throw, BuildKit is the judge.
 */
export function parseMountOptions(value: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of mountFields(value)) {
    const p = part.trim()
    if (!p) continue
    const eq = p.indexOf('=')
    const key = (eq < 0 ? p : p.slice(0, eq)).toLowerCase()
    out[key] = eq < 0 ? 'true' : p.slice(eq + 1)
  }
  // BuildKit accepts `dst`/`destination` for target and `src` for source.
  out.target ??= out.dst ?? out.destination ?? ''
  out.source ??= out.src ?? ''
  if (!out.type) out.type = 'bind'
  return out
}

function mountFields(value: string): string[] {
  // Without a quote, CSV is a split on commas (and the split is much faster on a long list).
  if (!value.includes('"')) return value.split(',')
  try {
    const rows = parseCsv(value, { relax_column_count: true, skip_empty_lines: true })
    return rows.length === 1 ? rows[0] : value.split(',')
  } catch {
    return value.split(',')
  }
}

function toCacheMount(stage: number, line: number, o: Record<string, string>): CacheMount {
  const sharing = o.sharing === 'private' || o.sharing === 'locked' ? o.sharing : 'shared'
  return {
    stage,
    line,
    id: o.id || o.target,
    target: o.target,
    sharing,
    uid: o.uid !== undefined ? Number(o.uid) : undefined,
    gid: o.gid !== undefined ? Number(o.gid) : undefined,
    mode: o.mode,
    from: o.from || undefined,
    source: o.source || undefined
  }
}

function toSecretMount(stage: number, line: number, o: Record<string, string>): SecretMount {
  // BuildKit: id defaults to the basename of target; target defaults to /run/secrets/<id>.
  const id = o.id || (o.target ? (o.target.split('/').pop() ?? '') : '')
  return {
    stage,
    line,
    id,
    target: o.target || undefined,
    env: o.env || undefined,
    required: o.required === 'true'
  }
}

/** Find a stage by name (case-insensitive) or index; undefined when absent. */
export function findStage(plan: DockerfilePlan, ref: string): Stage | undefined {
  const r = ref.toLowerCase()
  const byName = plan.stages.find(s => s.name === r)
  if (byName) return byName
  return /^\d+$/.test(r) ? plan.stages[Number(r)] : undefined
}

/**
 * The stages whose instructions make up `stage`'s image, root first: following `FROM <stage>`
 * back until a stage that starts from an external image (or scratch).
 */
export function stageChain(plan: DockerfilePlan, stage: Stage): Stage[] {
  const chain: Stage[] = []
  let cur: Stage | undefined = stage
  while (cur) {
    chain.push(cur)
    cur = cur.baseStage !== undefined ? plan.stages[cur.baseStage] : undefined
  }
  // Pushed leaf first and reversed once: unshift moves the whole chain per stage.
  return chain.reverse()
}
