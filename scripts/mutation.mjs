#!/usr/bin/env node
// Mutation checks of the suite's key assertions (npm run mutation): each row below removes or
// changes one line of src/ that a behaviour rests on, and names the unit test files that must
// notice. The mutation is applied to a copy of the working tree (src/, __tests__/ and the config;
// node_modules linked), never to the tree itself, so an interrupted run leaves nothing changed.
// Only the named test files run (unit tests: seconds each).
//
//   killed    the named tests failed with the mutation: they guard the behaviour
//   survived  they still passed: the assertion is missing or too weak (fix the test)
//   error     the mutated tree did not compile or load (the row is stale or malformed)
//
// Usage: node scripts/mutation.mjs [--only ID[,ID...]] [--jobs N]
// Exit code 0 when every mutation is killed, 1 otherwise (2: the table no longer matches src/).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * id: short name; file: under src/; find: exact text (a line or a small snippet) that occurs
 * exactly once in the file; replace: what it becomes ('' deletes it); tests: unit test files
 * that must fail; what: the behaviour the mutation breaks. One mutation a line, a table to scan:
 * kept out of Prettier.
 */
// prettier-ignore
const MUTATIONS = [
  // audit rules
  { id: 'non-root-uid0', file: 'src/audit/rules/non-root.ts', find: 'if (Number(name) !== 0) return []', replace: 'return []', what: 'USER 0 (numeric root) is an error', tests: ['__tests__/audit/rules/non-root.test.ts'] },
  { id: 'non-root-no-user', file: 'src/audit/rules/non-root.ts', find: '  if (!user) {', replace: '  if (false) {', what: 'no USER at all is an error (runs as root)', tests: ['__tests__/audit/rules/non-root.test.ts'] },
  { id: 'non-root-passwd-uid0', file: 'src/audit/rules/non-root.ts', find: 'if (entry?.uid === 0) {', replace: 'if (false) {', what: 'a user name that /etc/passwd maps to uid 0 is an error', tests: ['__tests__/audit/rules/non-root.test.ts'] },
  { id: 'require-non-root-option', file: 'src/audit/index.ts', find: '...(options.requireNonRoot ? nonRootRule(ctx) : []),', replace: '...nonRootRule(ctx),', what: 'require-non-root: false turns the rule off', tests: ['__tests__/audit/audit-facts.test.ts'] },
  { id: 'toolchain-headers-warn', file: 'src/audit/rules/toolchain.ts', find: 'if (g.signature.headers && !compiler) {', replace: 'if (false) {', what: 'headers without a compiler are a warning, not an error', tests: ['__tests__/audit/rules/toolchain.test.ts'] },
  { id: 'toolchain-option', file: 'src/audit/index.ts', find: '...(options.forbidToolchains ? toolchainRule(ctx) : []),', replace: '...toolchainRule(ctx),', what: 'allow-toolchains turns the toolchain rule off', tests: ['__tests__/audit/audit-facts.test.ts'] },
  { id: 'secret-leak-deleted', file: 'src/audit/rules/secret-leak.ts', find: 'const deleted = !final || final.layer !== layer.index', replace: 'const deleted = false', what: 'a secret in a file a later layer deletes still leaks, and says so', tests: ['__tests__/audit/rules/secret-leak.test.ts'] },
  { id: 'secret-leak-config', file: 'src/audit/rules/secret-leak.ts', find: 'return [...fileLeaks(ctx), ...configLeaks(ctx), ...unscannable(ctx)]', replace: 'return [...fileLeaks(ctx), ...unscannable(ctx)]', what: 'secrets in ENV/LABEL/build-arg history are findings', tests: ['__tests__/audit/rules/secret-leak.test.ts'] },
  { id: 'secret-leak-unscannable', file: 'src/audit/rules/secret-leak.ts', find: 'return [...fileLeaks(ctx), ...configLeaks(ctx), ...unscannable(ctx)]', replace: 'return [...fileLeaks(ctx), ...configLeaks(ctx)]', what: 'a secret too short to search for is a warning, not silence', tests: ['__tests__/audit/rules/secret-leak.test.ts'] },
  { id: 'wasted-share', file: 'src/audit/rules/wasted-space.ts', find: 'if (bytes < WASTE_MIN_BYTES || total === 0 || bytes / total < WASTE_MIN_SHARE) return []', replace: 'if (bytes < WASTE_MIN_BYTES || total === 0) return []', what: 'wasted space under 10% of the image is silent', tests: ['__tests__/audit/rules/wasted-space.test.ts'] },
  { id: 'wasted-base', file: 'src/audit/rules/wasted-space.ts', find: 'const ours = ctx.fs.wasted.filter(w => bare || !ctx.layers[w.removedBy]?.fromBase)', replace: 'const ours = ctx.fs.wasted', what: 'waste made and removed inside the base image is not counted', tests: ['__tests__/audit/rules/wasted-space.test.ts'] },
  // allow / fail-on / severity
  { id: 'allow-hygiene-family', file: 'src/audit/allow.ts', find: "if (r.rule && r.rule !== finding.rule && !(r.rule === 'hygiene' && finding.rule.startsWith('hygiene/'))) return false", replace: 'if (r.rule && r.rule !== finding.rule) return false', what: 'audit-allow `hygiene` covers every hygiene/* rule', tests: ['__tests__/audit/allow.test.ts', '__tests__/audit/audit-facts.test.ts'] },
  { id: 'allow-path', file: 'src/audit/allow.ts', find: 'if (r.path) return finding.evidence.path !== undefined && r.path.test(finding.evidence.path)', replace: 'if (r.path) return finding.evidence.path !== undefined', what: 'a path glob allows only findings under that path', tests: ['__tests__/audit/allow.test.ts', '__tests__/audit/audit-facts.test.ts'] },
  { id: 'allowed-excluded', file: 'src/audit/index.ts', find: 'const findings = all.filter(f => !isAllowed(f, options.allow))', replace: 'const findings = all', what: 'allowed findings leave the findings list (and the failing count)', tests: ['__tests__/audit/audit-facts.test.ts'] },
  { id: 'fail-on-count', file: 'src/audit/index.ts', find: 'failing: findings.filter(f => atLeast(f.severity, options.failOn)).length,', replace: "failing: findings.filter(f => f.severity === 'error').length,", what: 'fail-on: warning counts warnings as failing', tests: ['__tests__/audit/audit-facts.test.ts'] },
  { id: 'severity-at-least', file: 'src/audit/severity.ts', find: 'return RANK[s] >= RANK[threshold]', replace: 'return RANK[s] > RANK[threshold]', what: 'a finding at exactly fail-on fails', tests: ['__tests__/audit/audit-facts.test.ts', '__tests__/report/build-report.test.ts'] },
  { id: 'parse-fail-on', file: 'src/inputs/audit-options.ts', find: "if (s === 'error' || s === 'warning' || s === 'notice') return s", replace: "if (s === 'error' || s === 'warning') return s", what: 'fail-on accepts notice', tests: ['__tests__/audit/allow.test.ts'] },
  { id: 'parse-allow-absolute', file: 'src/inputs/audit-options.ts', find: "if (glob !== undefined && !glob.startsWith('/')) throw bad('the path glob must be absolute (start with /)')", replace: '', what: 'audit-allow rejects a relative path glob', tests: ['__tests__/audit/allow.test.ts'] },
  // the whiteout merge
  { id: 'merge-opaque', file: 'src/inspect/filesystem.ts', find: '    for (const dir of layer.opaqueDirs) dropUnder(dir)\n', replace: '', what: 'an opaque directory hides everything below it from earlier layers', tests: ['__tests__/inspect/filesystem.test.ts'] },
  { id: 'merge-whiteout-dir', file: 'src/inspect/filesystem.ts', find: '      drop(path)\n      dropUnder(path)\n', replace: '      drop(path)\n', what: 'a whiteout of a directory deletes its subtree', tests: ['__tests__/inspect/filesystem.test.ts'] },
  { id: 'merge-dir-replaced', file: 'src/inspect/filesystem.ts', find: "if (old.type === 'dir' && file.type !== 'dir') dropUnder(file.path)", replace: '', what: 'a file replacing a directory hides the directory’s files', tests: ['__tests__/inspect/filesystem.test.ts'] },
  // secrets: redaction and masking
  { id: 'redact-config', file: 'src/inspect/config-secrets.ts', find: ': out.split(value).join(REDACTED)', replace: ': out', what: 'secret values are redacted from the image config kept in the report', tests: ['__tests__/inspect/config-secrets.test.ts', '__tests__/inspect/inspect-image.test.ts'] },
  { id: 'redactor-longest-first', file: 'src/build/secrets.ts', find: '.sort((a, b) => b.length - a.length)', replace: '.sort((a, b) => a.length - b.length)', what: 'build-log redaction replaces the longest piece first (no remainder of a secret shows)', tests: ['__tests__/build/secrets.test.ts'] },
  { id: 'mask-lines', file: 'src/inputs/secrets.ts', find: '  for (const line of v.split(/\\r?\\n/)) if (line.trim().length >= 4) pieces.add(line.trim())\n', replace: '', what: 'each line of a multi-line secret is masked on its own', tests: ['__tests__/inputs/inputs.test.ts'] },
  { id: 'mask-called', file: 'src/inputs/secrets.ts', find: '    for (const piece of maskablePieces(secret)) mask(piece)\n', replace: '', what: 'every secret value is masked (core.setSecret) as it is read', tests: ['__tests__/inputs/inputs.test.ts'] },
  // list inputs
  { id: 'list-ignore-comma', file: 'src/inputs/list.ts', find: 'const values = opts.ignoreComma ? [record.join(\',\')] : record.flatMap(f => (record.length === 1 ? f.split(\',\') : [f]))', replace: "const values = record.flatMap(f => (record.length === 1 ? f.split(',') : [f]))", what: 'build-args and labels keep their commas (BPA ignoreComma)', tests: ['__tests__/inputs/list.test.ts'] },
  { id: 'list-comment', file: 'src/inputs/list.ts', find: "    comment: '#',\n", replace: '', what: '# lines in a list input are comments', tests: ['__tests__/inputs/list.test.ts'] },
  { id: 'list-trim', file: 'src/inputs/list.ts', find: 'out.push({ value: trim ? v.trim() : v, line })', replace: 'out.push({ value: v, line })', what: 'list items are trimmed (except secrets)', tests: ['__tests__/inputs/list.test.ts'] },
  // budgets and size delta
  { id: 'budget-max-size', file: 'src/size/budget.ts', find: 'if (b.maxSize !== undefined && report.bytes > b.maxSize) {', replace: 'if (b.maxSize !== undefined && report.bytes >= b.maxSize) {', what: 'an image exactly at max-size is within budget', tests: ['__tests__/size/model.test.ts'] },
  { id: 'budget-percent', file: 'src/size/budget.ts', find: ': delta.percent !== null && delta.percent > b.maxIncrease.value', replace: ': false', what: 'max-increase as a percentage', tests: ['__tests__/size/model.test.ts'] },
  { id: 'delta-per-layer', file: 'src/size/model.ts', find: 'delta: l.bytes - baseBytes,', replace: 'delta: l.bytes,', what: 'per-layer delta against the matching baseline layer', tests: ['__tests__/size/model.test.ts'] },
  { id: 'delta-same', file: 'src/size/model.ts', find: "status: !match ? 'added' : l.bytes === baseBytes ? 'same' : 'changed'", replace: "status: !match ? 'added' : 'changed'", what: 'an unchanged layer is `same`', tests: ['__tests__/size/model.test.ts'] },
  // baseline loading
  { id: 'baseline-own-platform', file: 'src/baseline/baseline.ts', find: 'const own = platforms?.find(p => p.platform === report.image?.platform) ?? (platforms?.length === 1 ? platforms[0] : undefined)', replace: 'const own = platforms?.[0]', what: 'the baseline contents are the reported platform’s', tests: ['__tests__/baseline/baseline.test.ts'] },
  { id: 'baseline-no-save-on-pr', file: 'src/baseline/baseline.ts', find: 'if (ctx.pullRequest || !ctx.ref) return undefined', replace: 'if (!ctx.ref) return undefined', what: 'a pull request run saves no baseline', tests: ['__tests__/baseline/baseline.test.ts'] },
  { id: 'baseline-prune', file: 'src/baseline/baseline.ts', find: 'if (await store.save(key, dir)) await store.prune(prefix, 1)', replace: 'await store.save(key, dir)', what: 'one baseline per key and branch: older ones pruned', tests: ['__tests__/baseline/baseline.test.ts'] },
  // the verdict
  { id: 'verdict-audit', file: 'src/report/verdict.ts', find: 'if (r.audit && r.audit.failing > 0) {', replace: 'if (r.audit && r.audit.failing > 1) {', what: 'one failing finding fails the step', tests: ['__tests__/report/verdict.test.ts', '__tests__/report/build-report.test.ts'] },
  { id: 'verdict-audit-rules', file: 'src/report/verdict.ts', find: 'r.audit.findings.filter(f => atLeast(f.severity, failOn)).map(f => f.rule)', replace: 'r.audit.findings.map(f => f.rule)', what: 'the audit reason names only the rules at or above fail-on', tests: ['__tests__/report/verdict.test.ts', '__tests__/report/build-report.test.ts'] },
  { id: 'verdict-budgets', file: 'src/report/verdict.ts', find: '  for (const b of r.budgets) reasons.push(b.message)\n', replace: '', what: 'a budget violation is a failure reason', tests: ['__tests__/report/verdict.test.ts', '__tests__/report/build-report.test.ts'] },
  { id: 'verdict-checks-fail-on', file: 'src/report/verdict.ts', find: 'const checks = (r.checks ?? []).filter(c => atLeast(c.severity, failOn))', replace: 'const checks = r.checks ?? []', what: 'build checks below fail-on do not fail the step', tests: ['__tests__/report/verdict.test.ts', '__tests__/build/check.test.ts'] },
  // the sticky comment
  { id: 'sticky-update', file: 'src/publish/sticky-comment.ts', find: '  if (existing.length > 0) {\n', replace: '  if (false) {\n', what: 'an existing comment is updated, not a new one added', tests: ['__tests__/publish/sticky-comment.test.ts'] },
  { id: 'sticky-race-keeps-oldest', file: 'src/publish/sticky-comment.ts', find: 'const keep = all.reduce((a, b) => (b.id < a.id ? b : a))', replace: 'const keep = all[all.length - 1]', what: 'racing runs agree on one comment: the oldest', tests: ['__tests__/publish/sticky-comment.test.ts'] },
  { id: 'sticky-older-run', file: 'src/publish/sticky-comment.ts', find: 'return (ours.runAttempt ?? 0) < (theirs.runAttempt ?? 0)', replace: 'return false', what: 'an older attempt does not overwrite a newer one', tests: ['__tests__/publish/sticky-comment.test.ts'] },
  // exporter plan and build argv
  { id: 'export-push-no-load', file: 'src/build/exporters.ts', find: "if (builder.features.ociExporter) return { load: !inputs.push, layout: 'same-build', inEngine: true }", replace: "if (builder.features.ociExporter) return { load: true, layout: 'same-build', inEngine: true }", what: 'docker driver + push: no --load beside the image exporter', tests: ['__tests__/build/exporters.test.ts'] },
  { id: 'export-second-build', file: 'src/build/exporters.ts', find: "layout: another && !builder.features.multipleExporters ? 'second-build' : 'same-build'", replace: "layout: 'same-build'", what: 'BuildKit without multiple exporters writes the layout in a second build', tests: ['__tests__/build/exporters.test.ts'] },
  { id: 'argv-test-cacheonly', file: 'src/build/args.ts', find: "    a.push('--output', 'type=cacheonly')\n", replace: '', what: 'the test stage exports nothing (type=cacheonly)', tests: ['__tests__/build/args.test.ts'] },
  { id: 'argv-iidfile-local', file: 'src/build/args.ts', find: "if (req.iidFile && !hasExporterType('local', inputs.outputs) && !hasExporterType('tar', inputs.outputs)) a.push('--iidfile', req.iidFile)", replace: "if (req.iidFile) a.push('--iidfile', req.iidFile)", what: 'no --iidfile beside a local or tar exporter', tests: ['__tests__/build/args.test.ts', '__tests__/build/args-bpa.test.ts'] },
  { id: 'argv-provenance-default', file: 'src/build/args.ts', find: "else if (inputs['provenance-default'] && !dockerExporter && builderAttests)", replace: "else if (inputs['provenance-default'] && builderAttests)", what: 'no default provenance when loading (BPA)', tests: ['__tests__/build/args.test.ts', '__tests__/build/args-bpa.test.ts'] },
  // cache keys
  { id: 'cache-key-platform', file: 'src/cache-mounts/keys.ts', find: 'const h = sha256(`${identity(e, opts.namespace)}|${opts.platform}`).slice(0, 12)', replace: 'const h = sha256(identity(e, opts.namespace)).slice(0, 12)', what: 'cache-mount keys differ per platform', tests: ['__tests__/cache-mounts/keys.test.ts'] },
  { id: 'cache-key-mode', file: 'src/cache-mounts/keys.ts', find: "const mode = e.mode !== undefined ? parseInt(e.mode, 8).toString(8) : ''", replace: "const mode = e.mode ?? ''", what: 'mode=0755 and mode=755 are the same cache', tests: ['__tests__/cache-mounts/keys.test.ts'] },
  // inspect-image
  { id: 'inspect-stops-save', file: 'src/inspect/inspect-image.ts', find: '    stream.destroy()\n', replace: '', what: 'a corrupt image stream stops docker save instead of leaving it blocked', tests: ['__tests__/inspect/inspect-image.test.ts'] },
  // publishing, the layer cache wiring, the glob bounds
  { id: 'publish-baseline', file: 'src/publish/publish.ts', find: '    const w = await saveBaseline(env.store, report, env.ctx)', replace: '    const w = undefined as string | undefined', what: 'a sized run saves its baseline', tests: ['__tests__/publish/publish.test.ts'] },
  { id: 'publish-budget-annotation', file: 'src/publish/publish.ts', find: '  for (const b of result.budgets) core.error(', replace: '  for (const b of [] as typeof result.budgets) core.error(', what: 'a budget violation is an error annotation', tests: ['__tests__/publish/publish.test.ts'] },
  { id: 'publish-summary-warns', file: 'src/publish/publish.ts', find: "    core.warning(`could not write the job summary: ${errorMessage(e)}`)", replace: '    throw e', what: 'a job summary that cannot be written is a warning, the rest still publishes', tests: ['__tests__/publish/publish.test.ts'] },
  { id: 'layer-cache-buildkit', file: 'src/pipeline/runner-build.ts', find: '    buildkitVersion: pre.builder.buildkit,', replace: '    buildkitVersion: undefined,', what: "the builder's BuildKit version reaches the default layer cache", tests: ['__tests__/pipeline/runner-build.test.ts'] },
  { id: 'glob-star-bound', file: 'src/glob.ts', find: '  if (glob.split(\'/\').some(seg => starsOnOnePath(seg.replace(/\\*\\*/g, \'\')) > MAX_STARS)) {', replace: '  if (false) {', what: 'a glob with too many `*` in one segment is refused (no backtracking blow-up)', tests: ['__tests__/glob.test.ts'] }
]

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { only: undefined, jobs: Math.max(1, Math.min(4, Math.floor(os.cpus().length / 2) || 1)) }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') opts.only = new Set(argv[++i].split(','))
    else if (argv[i] === '--jobs') opts.jobs = Math.max(1, Number(argv[++i]) || 1)
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/mutation.mjs [--only ID[,ID...]] [--jobs N]')
      process.exit(0)
    } else {
      console.error(`mutation: unknown argument ${argv[i]}`)
      process.exit(2)
    }
  }
  return opts
}

/** Check every row against the tree before running anything: a stale row is an error, not a survivor. */
function validate(rows) {
  const problems = []
  const ids = new Set()
  for (const m of rows) {
    if (ids.has(m.id)) problems.push(`${m.id}: duplicate id`)
    ids.add(m.id)
    const file = path.join(ROOT, m.file)
    if (!fs.existsSync(file)) {
      problems.push(`${m.id}: ${m.file} does not exist`)
      continue
    }
    const text = fs.readFileSync(file, 'utf8')
    const n = text.split(m.find).length - 1
    if (n !== 1) problems.push(`${m.id}: the text to mutate occurs ${n} times in ${m.file} (must be once): ${JSON.stringify(m.find)}`)
    if (m.find === m.replace) problems.push(`${m.id}: the replacement equals the original`)
    for (const t of m.tests) if (!fs.existsSync(path.join(ROOT, t))) problems.push(`${m.id}: test file ${t} does not exist`)
    if (m.tests.length === 0) problems.push(`${m.id}: no test file named`)
  }
  return problems
}

/** A private copy of the tree: src, tests, config; node_modules linked. */
function copyTree() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-mutation-'))
  for (const entry of ['src', '__tests__', 'jest.config.js', 'tsconfig.json', 'package.json', 'action.yml', 'README.md', 'examples']) {
    const from = path.join(ROOT, entry)
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true })
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}

const children = new Set()

/** Run the named unit test files in `dir`; resolves with passed / failed / error and a short reason. */
function runJest(dir, tests, timeoutMs = 180_000) {
  return new Promise(resolve => {
    const out = path.join(dir, `.jest-${process.hrtime.bigint()}.json`)
    const args = [
      '--experimental-vm-modules',
      path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--selectProjects',
      'unit',
      '--runTestsByPath',
      ...tests,
      '--json',
      `--outputFile=${out}`,
      '--silent',
      '--ci',
      '--runInBand'
    ]
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' } })
    children.add(child)
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', d => (stderr = (stderr + d).slice(-20_000)))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', code => {
      clearTimeout(timer)
      children.delete(child)
      let r
      try {
        r = JSON.parse(fs.readFileSync(out, 'utf8'))
        fs.rmSync(out, { force: true })
      } catch {
        resolve({ status: code === null ? 'failed' : 'error', reason: code === null ? `timed out after ${timeoutMs / 1000} s` : lastLines(stderr) })
        return
      }
      const broken = r.testResults.filter(t => t.status === 'failed' && t.assertionResults.length === 0)
      if (broken.length) {
        resolve({ status: 'error', reason: firstLine(broken[0].message) })
        return
      }
      if (r.numTotalTests === 0) {
        resolve({ status: 'error', reason: 'no test ran' })
        return
      }
      const failed = r.testResults.flatMap(t => t.assertionResults.filter(a => a.status === 'failed').map(a => `${path.basename(t.name)} › ${a.fullName}`))
      resolve(
        failed.length ? { status: 'failed', reason: `${failed.length} failed: ${failed[0]}` } : { status: 'passed', reason: `${r.numPassedTests} passed` }
      )
    })
  })
}

const firstLine = s =>
  (
    String(s)
      .split('\n')
      .find(l => l.trim()) ?? ''
  )
    .trim()
    .slice(0, 160)
const lastLines = s => s.trim().split('\n').slice(-3).join(' | ').slice(0, 200)

function cleanup(dirs) {
  for (const c of children) c.kill('SIGKILL')
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const rows = MUTATIONS.filter(m => !opts.only || opts.only.has(m.id))
  const problems = validate(rows)
  if (problems.length) {
    console.error(`mutation: the table does not match the tree:\n  ${problems.join('\n  ')}`)
    process.exit(2)
  }
  const dirs = Array.from({ length: Math.min(opts.jobs, rows.length) }, copyTree)
  const stop = signal => {
    cleanup(dirs)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    // The named tests must pass on the unmutated tree, or a "kill" would mean nothing.
    const allTests = [...new Set(rows.flatMap(m => m.tests))]
    const baseline = await runJest(dirs[0], allTests)
    if (baseline.status !== 'passed') {
      console.error(`mutation: the named tests do not pass on the unmutated tree (${baseline.status}: ${baseline.reason})`)
      process.exit(2)
    }
    const results = new Array(rows.length)
    let next = 0
    const worker = async dir => {
      for (let i = next++; i < rows.length; i = next++) {
        const m = rows[i]
        const file = path.join(dir, m.file)
        const original = fs.readFileSync(file, 'utf8')
        fs.writeFileSync(
          file,
          original.replace(m.find, () => m.replace)
        )
        const t0 = Date.now()
        try {
          const r = await runJest(dir, m.tests)
          results[i] = { ...r, ms: Date.now() - t0 }
        } finally {
          fs.writeFileSync(file, original)
        }
        const verdict = results[i].status === 'failed' ? 'killed' : results[i].status === 'passed' ? 'SURVIVED' : 'ERROR'
        process.stderr.write(`mutation ${i + 1}/${rows.length} ${m.id}: ${verdict} (${(results[i].ms / 1000).toFixed(1)} s)\n`)
      }
    }
    await Promise.all(dirs.map(worker))
    print(rows, results)
    const killed = results.filter(r => r.status === 'failed').length
    const survived = results.filter(r => r.status === 'passed').length
    const errors = results.filter(r => r.status === 'error').length
    console.log(`mutations: ${killed} killed, ${survived} survived${errors ? `, ${errors} could not run` : ''}`)
    process.exitCode = survived || errors ? 1 : 0
  } finally {
    cleanup(dirs)
  }
}

function print(rows, results) {
  const table = rows.map((m, i) => {
    const r = results[i]
    const result = r.status === 'failed' ? 'killed' : r.status === 'passed' ? 'SURVIVED' : 'error'
    return [
      String(i + 1),
      m.id,
      m.file.replace(/^src\//, ''),
      m.what,
      m.tests.map(t => t.replace(/^__tests__\//, '')).join(' '),
      result,
      r.status === 'passed' ? '' : r.reason
    ]
  })
  const head = ['#', 'id', 'src file', 'behaviour mutated', 'tests', 'result', 'first failure']
  const widths = head.map((h, c) => Math.min(c === 6 ? 70 : 60, Math.max(h.length, ...table.map(r => r[c].length))))
  const line = r =>
    r
      .map((cell, c) => (cell.length > widths[c] ? `${cell.slice(0, widths[c] - 1)}…` : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  console.log(line(head))
  console.log(widths.map(w => '-'.repeat(w)).join('  '))
  for (const r of table) console.log(line(r))
}

main().catch(e => {
  console.error(`mutation: ${e instanceof Error ? e.stack : e}`)
  process.exit(2)
})
