/** Read the Dockerfile named by the inputs and resolve the runner and test stages. */
import fs from 'node:fs'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { findStage, parseDockerfile, stageLabel, stageList, type DockerfilePlan, type Stage } from './dockerfile.js'

export interface ResolvedPlan {
  path: string
  plan: DockerfilePlan
  runner: Stage
  test?: Stage
  /** Secret lines that could not be resolved and that no RUN mounts: the build goes on without them. */
  warnings: string[]
}

/** A secret line that parses but cannot be resolved (inputs/secrets.ts's UnresolvedSecret). */
interface UnresolvedLine {
  input: string
  id: string
  /** `line 2: secret "x" has an empty value` */
  detail: string
}

/** Parse the Dockerfile; an unknown target or test-target lists the stages the file has. */
export function resolvePlan(inputs: { file: string; target: string; 'test-target': string; 'secrets-unresolved'?: UnresolvedLine[] }): ResolvedPlan {
  const plan = parseDockerfile(fs.readFileSync(inputs.file, 'utf8'))
  if (plan.stages.length === 0) throw new InputError(Input.File, `no FROM instruction in ${inputs.file}`)
  const pick = (input: string, ref: string): Stage => {
    const s = findStage(plan, ref)
    // JSON-quoted: a ref with a line break (or a stray CR) still makes a one-line message.
    if (!s) throw new InputError(input, `no stage ${JSON.stringify(ref)} in the Dockerfile; its stages are: ${stageList(plan)}`)
    return s
  }
  const last = plan.stages[plan.stages.length - 1]
  const runner = inputs.target ? pick(Input.Target, inputs.target) : last
  const test = inputs['test-target'] ? pick(Input.TestTarget, inputs['test-target']) : undefined
  // BuildKit can target a stage only by name; an unnamed one is reachable only as the last stage.
  for (const [input, s] of [
    [Input.Target, runner],
    [Input.TestTarget, test]
  ] as const) {
    if (s && !s.name && s !== last) {
      throw new InputError(input, `stage ${stageLabel(s)} (line ${s.line}) has no name; BuildKit builds only named stages: add "AS <name>" to its FROM`)
    }
  }
  if (test && test.index === runner.index) {
    throw new InputError(Input.TestTarget, `"${inputs['test-target']}" is the runner stage itself; name the test stage`)
  }
  return { path: inputs.file, plan, runner, test, warnings: weighUnresolvedSecrets(inputs['secrets-unresolved'] ?? [], plan) }
}

/**
 * BPA warns about every secret it cannot resolve and builds with the rest. A line whose id a
 * `RUN --mount=type=secret` uses is an InputError instead (that build would run without its secret,
 * or fail late); every other one is a warning naming the input, the line and the id, never a value.
 */
export function weighUnresolvedSecrets(unresolved: UnresolvedLine[], plan: Pick<DockerfilePlan, 'secretMounts'>): string[] {
  return unresolved.map(u => {
    const mount = plan.secretMounts.find(m => m.id === u.id)
    if (mount) throw new InputError(u.input, `${u.detail} (Dockerfile line ${mount.line} mounts it)`)
    return `${u.input}: ${u.detail}; no RUN in the Dockerfile mounts secret "${u.id}", so the build goes on without it`
  })
}
