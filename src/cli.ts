#!/usr/bin/env node
/**
 * The CLI front end: the same pipeline as the action, on a local Dockerfile, with a terminal
 * report (or --json) and exit codes a script can rely on (see HELP).
 */
import path from 'node:path'
import { HELP, parseCli, UsageError } from './cli/args.js'
import { COLORS, PLAIN, renderTerminal } from './cli/terminal.js'
import { Docker } from './docker/docker.js'
import { EnvironmentError, errorMessage, InputError } from './errors.js'
import { readInputs } from './inputs/inputs.js'
import type { Reporter } from './log.js'
import { runPipeline } from './pipeline.js'
import { resolvePlan } from './plan/resolve.js'

const VERSION = '0.1.0'

async function main(argv: string[]): Promise<number> {
  let cmd
  try {
    cmd = parseCli(argv)
  } catch (e) {
    process.stderr.write(`stagecraft: ${errorMessage(e)} (see --help)\n`)
    return 2
  }
  if (cmd.command === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  if (cmd.command === 'version') {
    process.stdout.write(`stagecraft ${VERSION}\n`)
    return 0
  }
  const style = (cmd.color ?? (process.stdout.isTTY && !process.env.NO_COLOR)) ? COLORS : PLAIN
  const err = (s: string) => process.stderr.write(`${s}\n`)
  const reporter: Reporter = {
    info: m => {
      if (cmd.verbose) err(style.dim(m))
    },
    warning: m => err(style.yellow(`warning: ${m}`)),
    setSecret: () => {},
    group: async (name, fn) => {
      err(style.bold(`▶ ${name}`))
      return fn()
    }
  }
  try {
    const inputs = readInputs(name => cmd.inputs[name] ?? '')
    const resolved = resolvePlan(inputs)
    const result = await runPipeline(inputs, resolved, { docker: new Docker(), reporter })
    const shown = path.relative(process.cwd(), inputs.file) || inputs.file
    if (cmd.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    else process.stdout.write(renderTerminal(result, shown, style))
    return result.failure ? 1 : 0
  } catch (e) {
    err(style.red(`stagecraft: ${errorMessage(e)}`))
    if (e instanceof InputError || e instanceof UsageError) return 2
    if (e instanceof EnvironmentError) return 3
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
