/**
 * `stagecraft merge REPORT…`: the action's `mode: merge` on the command line. Checks the part
 * reports against each other and the registry, pushes one index per image (none with --dry-run)
 * and prints the result: a short text, the comment (--markdown) or the merged reports (--json).
 */
import fs from 'node:fs'
import { Input } from '../constants.js'
import { Docker } from '../docker/docker.js'
import { readMergeInputs } from '../merge/inputs.js'
import { runMerge, type MergeResult } from '../merge/merge.js'
import { registryManifestReader } from '../merge/registry-check.js'
import type { Redactor } from '../redact.js'
import { renderImages } from '../report/images-markdown.js'
import { formatBytes, formatDelta } from '../size/units.js'
import type { CliCommand } from './args.js'

/** The merged reports as one JSON document: the report itself for one image, else a list. */
export function mergedJson(result: MergeResult): unknown {
  const reports = result.images.map(i => i.report)
  return reports.length === 1 ? reports[0] : reports
}

/** A few lines per image for the terminal. Pure. */
export function mergeText(result: MergeResult): string {
  const out: string[] = []
  for (const i of result.images) {
    const r = i.report
    out.push(`${r.verdict.passed ? '✔' : '✘'} ${i.name} (${i.key})${r.image?.digest ? ` → ${r.image.digest}` : ''}`)
    for (const t of r.image?.tags ?? []) out.push(`    tag ${t}`)
    for (const p of r.platforms ?? []) {
      const grew = p.delta ? ` ${formatDelta(p.delta.bytes - p.delta.baseBytes)}` : ''
      out.push(`    ${p.platform}  ${formatBytes(p.size.bytes)}${grew}  ${p.failing ? `${p.failing} failing` : 'audit ok'}`)
    }
    for (const x of r.verdict.reasons) out.push(`    ✘ ${x}`)
  }
  return `${out.join('\n')}\n`
}

export async function runMergeCommand(cmd: CliCommand, redact: Redactor, log: (m: string) => void, warn: (m: string) => void): Promise<number> {
  const get = (name: string) => (name === (Input.Reports as string) ? cmd.images.join('\n') : (cmd.inputs[name] ?? ''))
  const inputs = readMergeInputs(get, { dryRun: cmd.dryRun })
  const docker = new Docker()
  const result = redact.deep(await runMerge(inputs, { docker, reader: registryManifestReader(), info: log }))
  for (const n of result.notes) warn(n)
  const json = `${JSON.stringify(mergedJson(result), null, 2)}\n`
  if (cmd.reportFile) fs.writeFileSync(cmd.reportFile, json)
  const markdown = renderImages(result.images.map(i => i.report))
  if (cmd.commentFile) fs.writeFileSync(cmd.commentFile, `${markdown}\n`)
  if (cmd.json) process.stdout.write(json)
  else if (cmd.markdown) process.stdout.write(`${markdown}\n`)
  else process.stdout.write(mergeText(result))
  return result.images.every(i => i.report.verdict.passed) ? 0 : 1
}
