/**
 * Runs the bundled action the way the GitHub Actions runner runs a node action (with this
 * process's node, or STAGECRAFT_E2E_NODE): a fresh environment (none of this process's INPUT_* /
 * GITHUB_* / RUNNER_* / STATE_* / ACTIONS_*), the file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_STATE, GITHUB_ENV, GITHUB_PATH) as files in a fresh temp dir, inputs as INPUT_<NAME> with
 * action.yml defaults applied, an event payload file, then the post step (action.yml's `runs.post`)
 * with the main step's state as STATE_<name>. The annotations and masks the action prints are parsed.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { recordBuild } from './engine-images.js'
import { sha } from './github-server.js'

/** The repository root (where action.yml and dist/ live). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * The node binary that runs the action, as the runner's `using: node24` would: STAGECRAFT_E2E_NODE
 * when set (scripts/node24.sh installs Node 24 from the npm registry), else this process's node.
 */
export function actionNode(): string {
  return process.env.STAGECRAFT_E2E_NODE || process.execPath
}

/** A token the runner would hand the action as `${{ github.token }}`. */
export const FAKE_TOKEN = 'ghs_stagecraftFakeToken000000000000000000'

/** An event to run under: a built-in default payload, or a name and payload of your own. */
export type ActionEvent = 'pull_request' | 'push' | { name: string; payload: Record<string, unknown> }

/** Options of {@link runAction}. */
export interface RunActionOptions {
  /** Action inputs by their action.yml name (`test-target`); defaults from action.yml fill the rest. */
  inputs?: Record<string, string>
  /** Default 'push'. */
  event?: ActionEvent
  /** Extra environment for the step (like a step's `env:`); `undefined` removes a variable. */
  env?: Record<string, string | undefined>
  /** GITHUB_API_URL, e.g. a fake server's url. Default `https://api.github.com` (unreachable here). */
  apiUrl?: string
  /** GITHUB_WORKSPACE and the working directory. Default: a `workspace` dir inside the run's temp dir. */
  cwd?: string
  /** The action.yml whose inputs, defaults, main and post are run. Default `<repo>/action.yml`. */
  actionYml?: string
  /** Value of `${{ github.token }}` in input defaults. Default {@link FAKE_TOKEN}. */
  token?: string
  /**
   * Cancel the main step as the runner does when a job is cancelled: once its output matches
   * `when`, call `before` (with the run's dir, e.g. to look at RUNNER_TEMP), then send `signal`
   * to the step's process group. The post step still runs.
   */
  interrupt?: { when: RegExp; signal: NodeJS.Signals; before?: (runDir: string) => void }
  /** The node binary that runs the steps. Default {@link actionNode}. */
  node?: string
}

/** What one step (main or post) did. */
export interface ActionRun {
  /** Exit code; null when killed by a signal. */
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Parsed from GITHUB_OUTPUT (heredoc and NAME=VALUE). */
  outputs: Record<string, string>
  /** Raw GITHUB_STEP_SUMMARY content. */
  summary: string
  /** Parsed from GITHUB_STATE. */
  state: Record<string, string>
  /** Parsed from GITHUB_ENV. */
  env: Record<string, string>
  /** ::error, ::warning and ::notice commands from stdout and stderr. */
  annotations: Annotation[]
  /** Values from `::add-mask::`. */
  masked: string[]
  /**
   * What the real runner would reject or warn about (malformed file commands, unexpected inputs, a
   * summary over 1 MiB), node's deprecation warnings, and a step killed for running too long.
   */
  problems: string[]
  /** The post step, when action.yml declares one. */
  post?: ActionRun
  /** The run's temp dir (RUNNER_TEMP, file commands, event.json live here). */
  dir: string
}

/** The runner refuses a step summary above this many bytes. */
const MAX_SUMMARY_BYTES = 1024 * 1024
/**
 * A step still running after this long is killed (its whole process group) and says so in
 * `problems`: just under jest's testTimeout, so a hung action fails its test instead of keeping
 * jest (and the engine build it started) alive.
 */
const STEP_TIMEOUT_MS = 290_000

/** Environment prefixes the runner owns: never inherited from the test process. */
const RUNNER_PREFIXES = ['INPUT_', 'GITHUB_', 'RUNNER_', 'STATE_', 'ACTIONS_']
/** Variables of the test process a real runner would not have. */
const TEST_ONLY_VARS = ['NODE_OPTIONS', 'JEST_WORKER_ID', 'NODE_ENV']
/** The repository the runs are for (the fake GitHub server serves this one). */
const REPOSITORY = 'owner/repo'

/** The parts of action.yml the runner needs. */
export interface ActionManifest {
  inputs: Map<string, { default?: string }>
  main?: string
  post?: string
}

/** Read action.yml's inputs (with their defaults), `runs.main` and `runs.post`. */
export function parseActionYml(text: string): ActionManifest {
  const doc = parseYaml(text) as { inputs?: Record<string, { default?: unknown } | null>; runs?: { main?: string; post?: string } } | null
  const inputs = new Map<string, { default?: string }>()
  for (const [name, spec] of Object.entries(doc?.inputs ?? {})) {
    // The runner reads every default as a string (`default: true` is the input 'true').
    inputs.set(name, spec?.default === undefined || spec.default === null ? {} : { default: String(spec.default) })
  }
  return { inputs, main: doc?.runs?.main, post: doc?.runs?.post }
}

// ---- workflow commands and file commands, parsed as the runner does ----------------------------

/** An annotation from `::error|warning|notice <properties>::message`. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  title?: string
  file?: string
  line?: number
}

/** One `::command properties::message` line of the commands the tests look at. */
export interface WorkflowCommand {
  command: 'error' | 'warning' | 'notice' | 'add-mask'
  properties: Record<string, string>
  message: string
}

const READ_COMMANDS = new Set(['error', 'warning', 'notice', 'add-mask'])

function unescapeCommand(s: string, property: boolean): string {
  const re = property ? /%(25|0D|0A|3A|2C)/gi : /%(25|0D|0A)/gi
  const map: Record<string, string> = { '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' }
  return s.replace(re, (_m, code: string) => map[code.toUpperCase()])
}

/**
 * The annotation and mask commands of a step's output, parsed as the runner's
 * ActionCommand.TryParseV2 does (other `::x::` lines are plain output here).
 */
export function parseWorkflowCommands(output: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = []
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\r$/, '').trimStart()
    if (!line.startsWith('::')) continue
    const end = line.indexOf('::', 2)
    if (end < 0) continue
    const info = line.slice(2, end)
    const space = info.indexOf(' ')
    const command = space < 0 ? info : info.slice(0, space)
    if (!READ_COMMANDS.has(command)) continue
    const properties: Record<string, string> = {}
    if (space > 0) {
      for (const prop of info
        .slice(space + 1)
        .trim()
        .split(',')) {
        const eq = prop.indexOf('=')
        if (eq <= 0 || eq === prop.length - 1) continue
        properties[prop.slice(0, eq)] = unescapeCommand(prop.slice(eq + 1), true)
      }
    }
    out.push({ command: command as WorkflowCommand['command'], properties, message: unescapeCommand(line.slice(end + 2), false) })
  }
  return out
}

function annotationOf(c: WorkflowCommand): Annotation | undefined {
  if (c.command === 'add-mask') return undefined
  const a: Annotation = { level: c.command, message: c.message }
  const { title, file, line } = c.properties
  if (title !== undefined) a.title = title
  if (file !== undefined) a.file = file
  if (line !== undefined && /^\d+$/.test(line)) a.line = Number(line)
  return a
}

/**
 * Parse a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file as the runner does: `NAME=VALUE` lines and
 * `NAME<<DELIMITER` heredocs (what @actions/core writes, with a `ghadelimiter_<uuid>` delimiter).
 * The runner fails the step on the first malformed entry; so does this parser, returning it in `errors`.
 */
export function parseFileCommand(text: string): { values: Record<string, string>; errors: string[] } {
  const values: Record<string, string> = {}
  let i = 0
  const readLine = (): { line: string; nl: string | null } | null => {
    if (i >= text.length) return null
    const j = text.indexOf('\n', i)
    if (j < 0) {
      const line = text.slice(i)
      i = text.length
      return { line, nl: null }
    }
    const crlf = j > i && text[j - 1] === '\r'
    const line = text.slice(i, crlf ? j - 1 : j)
    i = j + 1
    return { line, nl: crlf ? '\r\n' : '\n' }
  }
  for (let r = readLine(); r !== null; r = readLine()) {
    const line = r.line
    if (line === '') continue
    const eq = line.indexOf('=')
    const hd = line.indexOf('<<')
    if (eq >= 0 && (hd < 0 || eq < hd)) {
      const key = line.slice(0, eq)
      if (key === '') return { values, errors: [`Invalid format '${line}'. Name must not be empty`] }
      values[key] = line.slice(eq + 1)
    } else if (hd >= 0) {
      const key = line.slice(0, hd)
      const delimiter = line.slice(hd + 2)
      if (key === '' || delimiter === '') return { values, errors: [`Invalid format '${line}'`] }
      const start = i
      let end = i
      let t = readLine()
      while (t === null || t.line !== delimiter) {
        if (t === null) return { values, errors: [`Invalid value. Matching delimiter not found '${delimiter}'`] }
        if (t.nl === null) return { values, errors: ['Invalid value. EOF marker missing new line.'] }
        end = i - t.nl.length
        t = readLine()
      }
      values[key] = end > start ? text.slice(start, end) : ''
    } else {
      return { values, errors: [`Invalid format '${line}'`] }
    }
  }
  return { values, errors: [] }
}

/** Build a realistic `pull_request` event payload. */
export function pullRequestPayload(
  opts: {
    action?: 'opened' | 'synchronize' | 'reopened'
    number?: number
    headSha?: string
    /** Head repository full name, for a pull request from a fork. Default: the repository itself. */
    headRepository?: string
  } = {}
): Record<string, unknown> {
  const number = opts.number ?? 1
  const full = REPOSITORY
  const headFull = opts.headRepository ?? full
  const user = { login: 'octocat', id: 583231, type: 'User' }
  return {
    action: opts.action ?? 'opened',
    number,
    pull_request: {
      number,
      state: 'open',
      draft: false,
      title: `Pull request #${number}`,
      html_url: `https://github.com/${full}/pull/${number}`,
      user,
      head: {
        label: `${headFull.split('/')[0]}:feature`,
        ref: 'feature',
        sha: opts.headSha ?? sha(`head-${number}`),
        repo: repoObject(headFull),
        user
      },
      base: {
        label: `${full.split('/')[0]}:main`,
        ref: 'main',
        sha: sha(`base-${number}`),
        repo: repoObject(full)
      }
    },
    repository: repoObject(full),
    sender: user
  }
}

/** Build a realistic `push` event payload. */
export function pushPayload(opts: { after?: string } = {}): Record<string, unknown> {
  const full = REPOSITORY
  const after = opts.after ?? sha('push-after')
  const author = { name: 'Octo Cat', email: 'octocat@example.com', username: 'octocat' }
  return {
    ref: 'refs/heads/main',
    before: sha('push-before'),
    after,
    created: false,
    deleted: false,
    forced: false,
    head_commit: {
      id: after,
      tree_id: sha(`tree-${after}`),
      message: 'Update Dockerfile',
      timestamp: '2024-01-01T00:00:00Z',
      author,
      committer: author,
      url: `https://github.com/${full}/commit/${after}`
    },
    repository: repoObject(full),
    pusher: { name: 'octocat', email: 'octocat@example.com' },
    sender: { login: 'octocat', id: 583231, type: 'User' }
  }
}

function repoObject(full: string): Record<string, unknown> {
  const [owner, name] = full.split('/')
  return {
    id: 1296269,
    name,
    full_name: full,
    private: false,
    owner: { login: owner, id: 1, type: 'User' },
    html_url: `https://github.com/${full}`,
    default_branch: 'main'
  }
}

interface EventContext {
  name: string
  payload: Record<string, unknown>
  ref: string
  sha: string
  headRef: string
  baseRef: string
}

function get(obj: unknown, keys: string[]): unknown {
  let cur = obj
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<string, unknown>)[k]
  }
  return cur
}

function eventContext(event: ActionEvent | undefined): EventContext {
  const resolved =
    event === undefined || event === 'push'
      ? { name: 'push', payload: pushPayload() }
      : event === 'pull_request'
        ? { name: 'pull_request', payload: pullRequestPayload() }
        : event
  const p = resolved.payload
  const pr = get(p, ['pull_request'])
  if (pr !== undefined && /^pull_request/.test(resolved.name)) {
    const n = String(get(pr, ['number']) ?? get(p, ['number']))
    return {
      ...resolved,
      // As on GitHub: the ref and sha of the test merge commit, not of the head.
      ref: `refs/pull/${n}/merge`,
      sha: sha(`merge-${n}`),
      headRef: String(get(pr, ['head', 'ref']) ?? ''),
      baseRef: String(get(pr, ['base', 'ref']) ?? '')
    }
  }
  return {
    ...resolved,
    ref: String(get(p, ['ref']) ?? 'refs/heads/main'),
    sha: String(get(p, ['after']) ?? get(p, ['head_commit', 'id']) ?? sha('head')),
    headRef: '',
    baseRef: ''
  }
}

/** Evaluate the one expression action.yml defaults use, `${{ github.token }}`; any other is an error here. */
function evaluateDefault(name: string, value: string, token: string): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_whole, expr: string) => {
    if (expr === 'github.token') return token
    throw new Error(`runner.ts evaluates only \${{ github.token }} in input defaults; input '${name}' has \${{ ${expr} }}`)
  })
}

/** The runner's name for an input variable: spaces to `_`, upper-cased, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (RUNNER_PREFIXES.some(p => k.startsWith(p)) || TEST_ONLY_VARS.includes(k)) continue
    env[k] = v
  }
  return env
}

interface StepSpec {
  interrupt?: RunActionOptions['interrupt']
  node?: string
  name: 'main' | 'post'
  entry: string
  env: NodeJS.ProcessEnv
  cwd: string
  dir: string
  problems: string[]
}

/** Spawn one step and collect what it left behind. */
async function runStep(spec: StepSpec): Promise<ActionRun> {
  const files = path.join(spec.dir, '_runner_file_commands')
  mkdirSync(files, { recursive: true })
  const fileFor = (kind: string): string => {
    const f = path.join(files, `${kind}_${spec.name}`)
    writeFileSync(f, '')
    return f
  }
  const f = {
    output: fileFor('set_output'),
    summary: fileFor('step_summary'),
    state: fileFor('save_state'),
    env: fileFor('set_env'),
    path: fileFor('add_path')
  }
  const env: NodeJS.ProcessEnv = {
    ...spec.env,
    GITHUB_OUTPUT: f.output,
    GITHUB_STEP_SUMMARY: f.summary,
    GITHUB_STATE: f.state,
    GITHUB_ENV: f.env,
    GITHUB_PATH: f.path
  }

  const child = spawn(spec.node ?? actionNode(), [spec.entry], {
    cwd: spec.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout can end the step and everything it started.
    detached: true
  })
  let stdout = ''
  let stderr = ''
  let timedOut = false
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal)
    } catch {
      // already gone
    }
  }
  let interrupted = false
  const watch = (): void => {
    if (!spec.interrupt || interrupted || !spec.interrupt.when.test(stdout + stderr)) return
    interrupted = true
    spec.interrupt.before?.(spec.dir)
    killGroup(spec.interrupt.signal)
  }
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
    watch()
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
    watch()
  })
  const timer = setTimeout(() => {
    timedOut = true
    killGroup('SIGTERM')
    setTimeout(() => killGroup('SIGKILL'), 5000).unref()
  }, STEP_TIMEOUT_MS)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, sig) => resolve([code, sig]))
  }).finally(() => clearTimeout(timer))

  const problems = [...spec.problems]
  if (timedOut) problems.push(`the ${spec.name} step was killed after running ${STEP_TIMEOUT_MS / 1000} s`)
  // Node prints these on stderr; on a runner they are noise in every user's log.
  for (const line of stderr.split('\n')) {
    if (/DeprecationWarning|\[DEP\d+\]/.test(line)) problems.push(`node printed a deprecation warning: ${line.trim()}`)
  }
  const parse = (file: string, label: string): Record<string, string> => {
    const r = parseFileCommand(readFileSync(file, 'utf8'))
    for (const e of r.errors) problems.push(`${label}: ${e}`)
    return r.values
  }
  const outputs = parse(f.output, 'GITHUB_OUTPUT')
  const state = parse(f.state, 'GITHUB_STATE')
  const stepEnv = parse(f.env, 'GITHUB_ENV')
  const summary = readFileSync(f.summary, 'utf8')
  if (Buffer.byteLength(summary) > MAX_SUMMARY_BYTES) {
    problems.push(`GITHUB_STEP_SUMMARY: ${Buffer.byteLength(summary)} bytes is over the runner's 1024k limit; it would not be shown`)
  }
  const commands = [...parseWorkflowCommands(stdout), ...parseWorkflowCommands(stderr)]
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs,
    summary,
    state,
    env: stepEnv,
    annotations: commands.flatMap(c => annotationOf(c) ?? []),
    masked: commands.filter(c => c.command === 'add-mask').map(c => c.message),
    problems,
    dir: spec.dir
  }
}

/**
 * Run the action's main step (and its post step) as the GitHub Actions runner would.
 * Never throws for a failing action: look at `exitCode`, `annotations` and `problems`.
 */
export async function runAction(opts: RunActionOptions = {}): Promise<ActionRun> {
  const actionYml = opts.actionYml ?? path.join(REPO_ROOT, 'action.yml')
  const manifest = parseActionYml(readFileSync(actionYml, 'utf8'))
  const actionDir = path.dirname(actionYml)
  if (!manifest.main) throw new Error(`${actionYml} declares no runs.main`)
  const entry = path.resolve(actionDir, manifest.main)
  const postEntry = manifest.post && path.resolve(actionDir, manifest.post)
  if (!existsSync(entry)) throw new Error(`action entry ${entry} does not exist (run npm run build?)`)

  const dir = mkdtempSync(path.join(tmpdir(), 'stagecraft-run-'))
  const cwd = opts.cwd ?? path.join(dir, 'workspace')
  const runnerTemp = path.join(dir, '_temp')
  const toolCache = path.join(dir, '_tool')
  for (const d of [cwd, runnerTemp, toolCache]) mkdirSync(d, { recursive: true })

  const repository = REPOSITORY
  const [owner] = repository.split('/')
  const ev = eventContext(opts.event)
  const eventPath = path.join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(ev.payload, null, 2))
  const apiUrl = (opts.apiUrl ?? 'https://api.github.com').replace(/\/$/, '')
  const serverUrl = 'https://github.com'
  const runId = String(1_000_000_000 + Math.floor(Math.random() * 1_000_000))
  const refName = ev.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '')

  const github: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_ID: '1296269',
    GITHUB_EVENT_NAME: ev.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: ev.sha,
    GITHUB_REF: ev.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ev.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: ev.headRef,
    GITHUB_BASE_REF: ev.baseRef,
    GITHUB_WORKSPACE: cwd,
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/ci.yml@${ev.ref}`,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_ACTION: '__stagecraft',
    GITHUB_ACTION_REPOSITORY: 'stagecraft/stagecraft',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache
  }

  // Inputs: given values, then action.yml defaults (with ${{ github.token }} evaluated), then '' for the rest.
  const problems: string[] = []
  const inputs: Record<string, string> = {}
  for (const [name, spec] of manifest.inputs) {
    inputs[inputEnvName(name)] = spec.default === undefined ? '' : evaluateDefault(name, spec.default, opts.token ?? FAKE_TOKEN)
  }
  const unexpected: string[] = []
  for (const [name, value] of Object.entries(opts.inputs ?? {})) {
    if (!manifest.inputs.has(name)) unexpected.push(name)
    inputs[inputEnvName(name)] = value
  }
  if (unexpected.length > 0) {
    problems.push(`Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${[...manifest.inputs.keys()].join("', '")}']`)
  }

  const env: NodeJS.ProcessEnv = { ...baseEnv(), ...github, ...inputs }
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }

  const main = await runStep({ name: 'main', entry, env, cwd, dir, problems, interrupt: opts.interrupt, node: opts.node })
  // The image the action made (untagged when no `tags` were given), and its tags: removed when the test file ends.
  recordBuild(
    main.outputs.imageid,
    (opts.inputs?.tags ?? '')
      .split(/[\n,]/)
      .map(t => t.trim())
      .filter(Boolean)
  )
  if (postEntry) {
    // Post steps run whatever the main step did (post-if: always()), with the job's env as the
    // main step left it (GITHUB_ENV) and its state as STATE_<name>.
    const postEnv: NodeJS.ProcessEnv = { ...env, ...main.env }
    for (const [k, v] of Object.entries(main.state)) postEnv[`STATE_${k}`] = v
    main.post = await runStep({ name: 'post', entry: postEntry, env: postEnv, cwd, dir, problems: [], node: opts.node })
  }
  return main
}
