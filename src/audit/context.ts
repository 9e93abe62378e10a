/**
 * What the rules look at: the image facts joined with the Dockerfile (which line made which layer),
 * the final filesystem, the final /etc/passwd and package database. Built once, read by every rule.
 */
import type { DockerfilePlan, PlanInstruction, Stage } from '../plan/dockerfile.js'
import { stageChain } from '../plan/dockerfile.js'
import { mergeLayers, type FilesystemView, type FinalFile } from '../inspect/filesystem.js'
import { attributeHistory, attributeLayers, type HistoryOrigin, type LayerOrigin } from '../inspect/history.js'
import type { ImageFacts, InstalledPackage, PasswdEntry } from '../inspect/types.js'
import type { SecretCoverage } from '../inspect/secret-search.js'
import type { Evidence, Finding, RuleId, Severity } from './types.js'
import { formatBytes } from '../size/units.js'

/** Sizes in findings read like every other size Stagecraft prints. */
export { formatBytes }

/** A package of the final database, with the layer that first recorded it. */
export interface PackageFact extends InstalledPackage {
  layer: number
}

export interface AuditContext {
  facts: ImageFacts
  plan: DockerfilePlan
  target: Stage
  /** The target's stage chain, root first. */
  chain: Stage[]
  fs: FilesystemView
  /** Per layer: the instruction and Dockerfile line that made it. */
  layers: LayerOrigin[]
  /** Per history entry: its Dockerfile line. */
  history: HistoryOrigin[]
  /** The final /etc/passwd (undefined when the image has none). */
  passwd?: { entries: PasswdEntry[]; layer: number }
  /** The final package database (dpkg or apk). */
  packages: PackageFact[]
  /** Secrets not searched everywhere (short or low-entropy values), and why. */
  secretCoverage: SecretCoverage[]
}

/** Join facts and plan. Pure. */
export function buildContext(facts: ImageFacts, plan: DockerfilePlan, target: Stage, secretCoverage: SecretCoverage[] = []): AuditContext {
  const chain = stageChain(plan, target)
  const fs = mergeLayers(facts.layers.map(l => l.facts))
  const passwdFile = fs.files.get('etc/passwd')
  const passwdEntries = passwdFile ? facts.layers[passwdFile.layer]?.facts.passwd : undefined
  return {
    facts,
    plan,
    target,
    chain,
    fs,
    layers: attributeLayers(facts.config.history, facts.layers.length, chain),
    history: attributeHistory(facts.config.history, chain),
    passwd: passwdEntries && passwdFile ? { entries: passwdEntries, layer: passwdFile.layer } : undefined,
    packages: finalPackages(facts, fs),
    secretCoverage
  }
}

/** Packages of the database files present in the final filesystem, each with the layer that introduced it. */
function finalPackages(facts: ImageFacts, fs: FilesystemView): PackageFact[] {
  const firstSeen = new Map<string, number>()
  for (const layer of facts.layers) {
    for (const db of layer.facts.packages ?? []) {
      for (const p of db.packages) {
        const key = `${p.manager}:${p.name}`
        if (!firstSeen.has(key)) firstSeen.set(key, layer.index)
      }
    }
  }
  const out: PackageFact[] = []
  for (const [path, file] of fs.files) {
    if (file.type !== 'file') continue
    const db = facts.layers[file.layer]?.facts.packages?.find(d => d.source === path)
    if (!db) continue
    for (const p of db.packages) out.push({ ...p, layer: firstSeen.get(`${p.manager}:${p.name}`) ?? file.layer })
  }
  return out
}

/** Evidence pointing at layer `index`: its digest, instruction and Dockerfile line. */
export function layerEvidence(ctx: AuditContext, index: number): Evidence {
  const layer = ctx.facts.layers[index]
  const origin = ctx.layers[index]
  return {
    layer: layer ? { index, digest: layer.digest } : undefined,
    line: origin?.line ?? ctx.chain[0]?.line,
    instruction: origin?.instruction || undefined
  }
}

/** Evidence for a file of the final filesystem. */
export function fileEvidence(ctx: AuditContext, file: FinalFile): Evidence {
  return { path: `/${file.path}`, bytes: file.size, ...layerEvidence(ctx, file.layer) }
}

/** The last instruction with `keyword` in the target's stage chain. */
export function lastInstruction(ctx: AuditContext, keyword: string): PlanInstruction | undefined {
  for (let s = ctx.chain.length - 1; s >= 0; s--) {
    const found = [...ctx.chain[s].instructions].reverse().find(i => i.keyword === keyword)
    if (found) return found
  }
  return undefined
}

/** Make a finding, dropping undefined evidence fields so reports stay tidy. */
export function finding(rule: RuleId, severity: Severity, message: string, evidence: Evidence): Finding {
  const clean: Evidence = {}
  for (const [k, v] of Object.entries(evidence)) if (v !== undefined) (clean as Record<string, unknown>)[k] = v
  return { rule, severity, message, evidence: clean }
}
