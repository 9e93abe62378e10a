#!/usr/bin/env node
/**
 * The CLI front end: the same pipeline as the action, on a local Dockerfile, with a terminal
 * report (or --json) and exit codes a script can rely on (see HELP).
 */
import { VERSION } from '../version.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chooseStore } from '../store/store.js'
import { cleanupOnSignal } from '../cleanup.js'
import { buildRunReport } from '../report/build-report.js'
import { renderReport } from '../report/markdown.js'
import { toSarif } from '../report/sarif.js'
import { HELP, parseCli, UsageError } from './args.js'
import { COLORS, logTail, PLAIN, renderTerminal } from './terminal.js'
import { Docker } from '../docker/docker.js'
import { EnvironmentError, errorMessage, InputError } from '../errors.js'
import { isRemoteContext, readAuditInputs, readInputs } from '../inputs/inputs.js'
import { Input } from '../constants.js'
import { runImageCommand } from './image-commands.js'
import { runMergeCommand } from './merge-command.js'
import { defaultReportKey, type RunReport } from '../report/run-report.js'
import { flushStdio, type Reporter } from '../log.js'
import { createRedactor, redactingReporter } from '../redact.js'
import { runPipeline } from '../pipeline/run.js'
import { resolvePlan } from '../plan/resolve.js'
import { type PipelineResult } from '../result.js'

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
  // One redactor for everything this run shows or writes: log lines, warnings, documents, files.
  const redact = createRedactor()
  const reporter: Reporter = redactingReporter(
    {
      info: m => {
        if (cmd.verbose) err(style.dim(m))
      },
      warning: m => err(style.yellow(`warning: ${m}`)),
      setSecret: () => {},
      group: async (name, fn) => {
        err(style.bold(`▶ ${name}`))
        return fn()
      }
    },
    redact
  )
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  const get = (name: string) => cmd.inputs[name] ?? ''
  const cacheDir = get(Input.CacheDir)
  const layerCacheDir = cacheDir ? path.resolve(cacheDir, 'audit-layers') : path.join(cacheHome, 'stagecraft', 'audit-layers')
  const secretScanCacheDir = cacheDir ? path.resolve(cacheDir, 'audit-secret-scans') : path.join(cacheHome, 'stagecraft', 'audit-secret-scans')
  const emit = (rawResult: PipelineResult, rawReport: RunReport, dockerfile: string): number => {
    const result = redact.deep(rawResult)
    const report = redact.deep(rawReport)
    if (cmd.reportFile) fs.writeFileSync(cmd.reportFile, `${JSON.stringify(report, null, 2)}\n`)
    if (cmd.commentFile) fs.writeFileSync(cmd.commentFile, `${renderReport(report)}\n`)
    if (cmd.sarifFile && (result.audit || result.checks?.length))
      fs.writeFileSync(cmd.sarifFile, `${JSON.stringify(toSarif(result.audit, dockerfile, undefined, result.checks), null, 2)}\n`)
    // stdout holds the document; the failing build's log tail goes to stderr, as the terminal shows it.
    if (cmd.json || cmd.markdown) {
      const tail = logTail(result, style)
      if (report.failure) err(style.red(`stagecraft: ${report.failure.reason}`))
      if (tail.length) err(tail.join('\n'))
    }
    if (cmd.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else if (cmd.markdown) process.stdout.write(`${renderReport(report)}\n`)
    else process.stdout.write(renderTerminal(result, report, style, process.stdout.columns || undefined, cmd.verbose))
    if (result.failureKind && report.failure && !(cmd.json || cmd.markdown)) err(style.red(`stagecraft: ${report.failure.reason}`))
    return report.verdict.passed ? 0 : result.failureKind === 'input' ? 2 : result.failureKind === 'environment' ? 3 : 1
  }
  try {
    if (cmd.command === 'merge')
      return await runMergeCommand(
        cmd,
        redact,
        m => reporter.info(m),
        m => reporter.warning(m)
      )
    if (cmd.command === 'audit' || cmd.command === 'compare') {
      const inputs = readAuditInputs(get)
      const file = get(Input.File)
      const key = get(Input.CommentKey) || cmd.images[0]
      const result = await runImageCommand({
        docker: new Docker(),
        reporter,
        image: cmd.images[0],
        registry: cmd.registry ? { input: '--registry' } : undefined,
        baseline: cmd.images[1],
        audit: cmd.command === 'audit',
        inputs,
        dockerfile: file ? { path: path.resolve(file), target: get(Input.Target) } : undefined,
        layerCacheDir,
        secretScanCacheDir,
        key
      })
      // No build here: the context is the one given, else the Dockerfile's own directory.
      const shown = file ? contextPath(get(Input.Context) || path.dirname(path.resolve(file)), path.resolve(file)) : cmd.images[0]
      return emit(result, buildRunReport(result, { dockerfile: shown, key, failOn: inputs['fail-on'] }), shown)
    }
    const inputs = readInputs(get, { mask: v => redact.add([v]) })
    const resolved = resolvePlan(inputs)
    const dockerfile = contextPath(inputs.context, inputs.file)
    const key = inputs['comment-key'] || defaultReportKey(dockerfile, resolved.runner)
    const store = chooseStore({ cacheDir: inputs['cache-dir'], env: {} })
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-'))
    // Ctrl-C or a kill mid-build: the temp dir (secret files included) goes too.
    const stopCleanup = cleanupOnSignal(
      () => [tmpDir],
      signal => err(`stagecraft: interrupted (${signal}); temp files removed`)
    )
    try {
      const result = await runPipeline(inputs, resolved, {
        docker: new Docker(),
        reporter,
        store,
        layerCacheDir,
        secretScanCacheDir,
        tmpDir,
        key,
        env: {},
        redact
      })
      return emit(result, buildRunReport(result, { dockerfile, key, failOn: inputs['fail-on'] }), dockerfile)
    } finally {
      stopCleanup()
      fs.rmSync(tmpDir, { recursive: true, force: true })
    }
  } catch (e) {
    err(style.red(`stagecraft: ${redact(errorMessage(e))}`))
    if (e instanceof InputError || e instanceof UsageError) return 2
    if (e instanceof EnvironmentError) return 3
    return 1
  }
}

/**
 * The Dockerfile as reports show it: relative to the build context (so the report and its key do not
 * depend on where the CLI was started), or absolute when it lies outside the context.
 */
function contextPath(context: string, file: string): string {
  if (isRemoteContext(context)) return file
  const rel = path.relative(path.resolve(context), file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

// One explicit exit, once everything written is flushed.
const code = await main(process.argv.slice(2))
await flushStdio()
process.exit(code)
