/**
 * The action runner helper, against throwaway actions written to a temp dir (no dist/ needed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  FAKE_TOKEN,
  REPO_ROOT,
  inputEnvName,
  parseActionYml,
  parseFileCommand,
  parseWorkflowCommands,
  pullRequestPayload,
  pushPayload,
  runAction
} from './runner.js'

const ACTION_YML = `name: 'Throwaway'
description: 'for runner.test.ts'
inputs:
  test-target:
    description: 'stage to test'
    default: 'test'
  cache mode:
    description: "a name with a space"
    default: "max"
  token:
    description: token
    default: \${{ github.token }}
  no-default:
    description: nothing # a comment
  quoted:
    default: 'it''s # not a comment'
  flag:
    default: false
  lines:
    default: |
      a=1
      b=2
outputs:
  result:
    description: x
runs:
  using: 'node20'
  main: 'main.mjs'
  post: 'post.mjs'
`
const INPUT_NAMES = ['test-target', 'cache mode', 'token', 'no-default', 'quoted', 'flag', 'lines']

// Uses only node:fs: heredoc outputs, state, env, summary, commands.
const MAIN = `import fs from 'node:fs'
const d = 'ghadelimiter_5b1e8a4e-0f0e-4c35-9d5e-3c1b2f1d9a77'
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'result<<' + d + '\\nline one\\nline two\\n' + d + '\\n')
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'plain=a=b<<c\\n')
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'empty<<' + d + '\\n' + d + '\\n')
fs.appendFileSync(process.env.GITHUB_STATE, 'image-id<<' + d + '\\nsha256:abc\\n' + d + '\\n')
fs.appendFileSync(process.env.GITHUB_ENV, 'FROM_MAIN<<' + d + '\\nyes\\n' + d + '\\n')
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Stagecraft\\n\\n| a | b |\\n')
console.log('::add-mask::s3cr3t-value')
console.log('::warning file=Dockerfile,line=3::x')
console.log('::error title=Build failed%3A test,file=dir%2Cname/Dockerfile,line=7,endLine=9,col=2::first%0Asecond 100%25')
console.log('::notice::plain notice')
console.log('::debug::a debug line')
console.log('::not-a-command::ignored')
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
  /^(INPUT_|GITHUB_|RUNNER_|STATE_|CI$|NODE_OPTIONS$|LEAK_CHECK$|STEP_VAR$)/.test(k)))
const event = JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
console.log('ENV=' + JSON.stringify({ env, cwd: process.cwd(), event }))
process.exitCode = Number(process.env.EXIT_CODE ?? 0)
`

const POST = `import fs from 'node:fs'
console.log('POST=' + JSON.stringify({ state: process.env['STATE_image-id'], fromMain: process.env.FROM_MAIN,
  input: process.env['INPUT_TEST-TARGET'] }))
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'cleaned=true\\n')
`

function dumped<T>(stdout: string, prefix: string): T {
  const line = stdout.split('\n').find(l => l.startsWith(prefix))
  if (!line) throw new Error(`no ${prefix} line in:\n${stdout}`)
  return JSON.parse(line.slice(prefix.length)) as T
}

interface Dump {
  env: Record<string, string>
  cwd: string
  event: Record<string, unknown> & { pull_request?: { number: number; head: { ref: string; sha: string } } }
}

describe('runAction', () => {
  let dir: string
  let actionYml: string

  /** A throwaway action in its own folder: action.yml naming `main` (and no post) plus its files. */
  function action(name: string, yml: string, files: Record<string, string>): string {
    const d = path.join(dir, name)
    mkdirSync(d)
    writeFileSync(path.join(d, 'action.yml'), yml)
    for (const [f, text] of Object.entries(files)) writeFileSync(path.join(d, f), text)
    return path.join(d, 'action.yml')
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'runner-test-'))
    actionYml = path.join(dir, 'action.yml')
    writeFileSync(actionYml, ACTION_YML)
    writeFileSync(path.join(dir, 'main.mjs'), MAIN)
    writeFileSync(path.join(dir, 'post.mjs'), POST)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs main and post like the runner, with inputs, defaults, files and commands', async () => {
    process.env.GITHUB_TOKEN_LEAK = 'parent'
    process.env.INPUT_LEAK = 'parent'
    process.env.LEAK_CHECK = 'inherited'
    let run
    try {
      run = await runAction({
        actionYml,
        event: 'pull_request',
        inputs: { 'test-target': 'unit' },
        env: { STEP_VAR: 'x' },
        apiUrl: 'http://127.0.0.1:1/'
      })
    } finally {
      delete process.env.GITHUB_TOKEN_LEAK
      delete process.env.INPUT_LEAK
      delete process.env.LEAK_CHECK
    }
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.problems).toEqual([])

    const { env, cwd, event } = dumped<Dump>(run.stdout, 'ENV=')
    expect(env).toMatchObject({
      'INPUT_TEST-TARGET': 'unit',
      INPUT_CACHE_MODE: 'max',
      INPUT_TOKEN: FAKE_TOKEN,
      'INPUT_NO-DEFAULT': '',
      INPUT_QUOTED: "it's # not a comment",
      INPUT_FLAG: 'false',
      INPUT_LINES: 'a=1\nb=2\n',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_REPOSITORY_OWNER: 'owner',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/1/merge',
      GITHUB_HEAD_REF: 'feature',
      GITHUB_BASE_REF: 'main',
      GITHUB_API_URL: 'http://127.0.0.1:1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'build',
      GITHUB_WORKSPACE: cwd,
      LEAK_CHECK: 'inherited',
      STEP_VAR: 'x'
    })
    expect(env.GITHUB_SHA).toMatch(/^[0-9a-f]{40}$/)
    expect(env.GITHUB_SHA).not.toBe(event.pull_request?.head.sha)
    expect(env.GITHUB_RUN_ID).toMatch(/^\d+$/)
    expect(env.GITHUB_TOKEN_LEAK).toBeUndefined()
    expect(env.INPUT_LEAK).toBeUndefined()
    expect(env.NODE_OPTIONS).toBeUndefined()
    expect(env.RUNNER_TEMP.startsWith(run.dir)).toBe(true)
    expect(env.RUNNER_TOOL_CACHE.startsWith(run.dir)).toBe(true)
    expect(event.pull_request?.number).toBe(1)

    expect(run.outputs).toEqual({ result: 'line one\nline two', plain: 'a=b<<c', empty: '' })
    expect(run.state).toEqual({ 'image-id': 'sha256:abc' })
    expect(run.env).toEqual({ FROM_MAIN: 'yes' })
    expect(run.summary).toBe('## Stagecraft\n\n| a | b |\n')
    expect(run.masked).toEqual(['s3cr3t-value'])
    expect(run.annotations).toEqual([
      { level: 'warning', message: 'x', file: 'Dockerfile', line: 3 },
      { level: 'error', message: 'first\nsecond 100%', title: 'Build failed: test', file: 'dir,name/Dockerfile', line: 7 },
      { level: 'notice', message: 'plain notice' }
    ])

    const post = run.post
    expect(post).toBeDefined()
    expect(post?.exitCode).toBe(0)
    const seen = dumped<{ state: string; fromMain: string; input: string }>(post?.stdout ?? '', 'POST=')
    expect(seen.state).toBe('sha256:abc')
    expect(seen.fromMain).toBe('yes')
    expect(seen.input).toBe('unit')
    expect(post?.outputs).toEqual({ cleaned: 'true' })
  })

  it('uses a push payload by default, reports exit codes and unexpected inputs, runs post even on failure', async () => {
    const run = await runAction({ actionYml, inputs: { 'test-targte': 'typo' }, env: { EXIT_CODE: '3' } })
    expect(run.exitCode).toBe(3)
    expect(run.problems).toEqual([`Unexpected input(s) 'test-targte', valid inputs are ['${INPUT_NAMES.join("', '")}']`])
    const { env } = dumped<Dump>(run.stdout, 'ENV=')
    expect(env).toMatchObject({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_HEAD_REF: '',
      GITHUB_BASE_REF: '',
      'INPUT_TEST-TARGET': 'test',
      'INPUT_TEST-TARGTE': 'typo'
    })
    expect(env.GITHUB_SHA).toBe((pushPayload() as { after: string }).after)
    expect(run.post?.exitCode).toBe(0)
  })

  it('takes a custom event, a workspace and a token, and runs no post step when action.yml has none', async () => {
    const noPost = action('no-post', 'inputs:\n  token:\n    default: ${{ github.token }}\nruns:\n  using: node20\n  main: main.mjs\n', { 'main.mjs': MAIN })
    const workspace = mkdtempSync(path.join(tmpdir(), 'runner-ws-'))
    try {
      const payload = pullRequestPayload({ action: 'synchronize', number: 42, headRepository: 'fork/repo' })
      const run = await runAction({ actionYml: noPost, event: { name: 'pull_request_target', payload }, cwd: workspace, token: 'ghs_other' })
      expect(run.post).toBeUndefined()
      const { env, cwd, event } = dumped<Dump>(run.stdout, 'ENV=')
      expect(cwd).toBe(workspace)
      expect(env).toMatchObject({
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_HEAD_REF: 'feature',
        INPUT_TOKEN: 'ghs_other'
      })
      expect(event).toMatchObject({ action: 'synchronize', number: 42, pull_request: { head: { repo: { full_name: 'fork/repo' } } } })
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('interrupts the main step once its output matches, and still runs post', async () => {
    const hang = action('hang', 'runs:\n  using: node20\n  main: hang.mjs\n  post: post.mjs\n', {
      'hang.mjs': "console.log('started'); setInterval(() => {}, 1000)\n",
      'post.mjs': "console.log('post ran')\n"
    })
    let seenDir = ''
    // hang.mjs never ends by itself: only the interrupt lets runAction return (else the test times out).
    const run = await runAction({ actionYml: hang, interrupt: { when: /started/, signal: 'SIGTERM', before: d => (seenDir = d) } })
    expect(run.signal).toBe('SIGTERM')
    expect(run.exitCode).toBeNull()
    expect(seenDir).toBe(run.dir)
    expect(run.post?.stdout).toBe('post ran\n')
  })

  it('reads what the real @actions/core writes', async () => {
    const core = pathToFileURL(path.join(REPO_ROOT, 'node_modules/@actions/core/lib/core.js')).href
    const yml = action('core', "inputs:\n  'a b-c':\n    description: x\nruns:\n  using: node20\n  main: core.mjs\n", {
      'core.mjs': `import * as core from ${JSON.stringify(core)}
if (core.getInput('a b-c') !== 'v') throw new Error('input')
core.setOutput('multi', 'a\\nb\\r\\nc')
core.setOutput('json', { x: 1 })
core.saveState('k', 'v')
core.exportVariable('E', 'e1')
core.setSecret('hunter2')
core.warning('careful: 50%, ok', { file: 'Dockerfile', startLine: 4, title: 'a:b,c' })
await core.summary.addHeading('Size').addRaw('big').write()
core.setFailed('boom\\nline')
`
    })
    const run = await runAction({ actionYml: yml, inputs: { 'a b-c': 'v' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual({ multi: 'a\nb\r\nc', json: '{"x":1}' })
    expect(run.state).toEqual({ k: 'v' })
    expect(run.env).toEqual({ E: 'e1' })
    expect(run.masked).toEqual(['hunter2'])
    expect(run.summary).toBe('<h1>Size</h1>\nbig')
    expect(run.annotations).toEqual([
      { level: 'warning', message: 'careful: 50%, ok', file: 'Dockerfile', line: 4, title: 'a:b,c' },
      { level: 'error', message: 'boom\nline' }
    ])
    expect(run.problems).toEqual([])
  })

  it('needs an entry that exists, and evaluates no expression but github.token', async () => {
    const missing = action('missing', 'runs:\n  using: node20\n  main: missing.mjs\n', {})
    await expect(runAction({ actionYml: missing })).rejects.toThrow(/does not exist/)
    const expr = action('expr', 'inputs:\n  pr:\n    default: ${{ github.event.pull_request.number }}\nruns:\n  using: node20\n  main: main.mjs\n', {
      'main.mjs': MAIN
    })
    await expect(runAction({ actionYml: expr })).rejects.toThrow("input 'pr' has ${{ github.event.pull_request.number }}")
  })
})

describe('runner parsers', () => {
  it('names inputs like the runner', () => {
    expect(inputEnvName('test-target')).toBe('INPUT_TEST-TARGET')
    expect(inputEnvName('cache mode')).toBe('INPUT_CACHE_MODE')
  })

  it('parses file commands like the runner, including its errors', () => {
    expect(parseFileCommand('a=1\r\nb<<EOF\r\nx\r\ny\r\nEOF\r\n\nc=\n')).toEqual({
      values: { a: '1', b: 'x\r\ny', c: '' },
      errors: []
    })
    expect(parseFileCommand('k<<EOF\nEOFX\nEOF')).toEqual({ values: { k: 'EOFX' }, errors: [] })
    expect(parseFileCommand('k<<EOF\nvalue\n').errors).toEqual(["Invalid value. Matching delimiter not found 'EOF'"])
    expect(parseFileCommand('k<<EOF\nvalue').errors).toEqual(['Invalid value. EOF marker missing new line.'])
    expect(parseFileCommand('just-a-name\n').errors).toEqual(["Invalid format 'just-a-name'"])
    expect(parseFileCommand('=v\n').errors).toHaveLength(1)
  })

  it('parses annotation and mask commands, skipping others and commands not at the start of a line', () => {
    const cmds = parseWorkflowCommands(
      [
        '  ::warning file=a.txt,line=x,=bad,novalue=::msg',
        '::error::processed\r',
        '::unknown::x',
        'plain ::error::not at start',
        '::group::Build',
        '::add-mask::p%25w'
      ].join('\n')
    )
    expect(cmds).toEqual([
      { command: 'warning', properties: { file: 'a.txt', line: 'x' }, message: 'msg' },
      { command: 'error', properties: {}, message: 'processed' },
      { command: 'add-mask', properties: {}, message: 'p%w' }
    ])
  })

  it('parses action.yml inputs, defaults (as strings), main and post with the yaml package', () => {
    const m = parseActionYml(ACTION_YML)
    expect([...m.inputs.keys()]).toEqual(INPUT_NAMES)
    expect(m.inputs.get('cache mode')).toEqual({ default: 'max' })
    expect(m.inputs.get('token')).toEqual({ default: '${{ github.token }}' })
    expect(m.inputs.get('quoted')).toEqual({ default: "it's # not a comment" })
    expect(m.inputs.get('flag')).toEqual({ default: 'false' })
    expect(m.inputs.get('no-default')).toEqual({})
    expect(m.main).toBe('main.mjs')
    expect(m.post).toBe('post.mjs')
    expect(parseActionYml('runs:\n  using: node20\n  main: dist/index.js # entry\n')).toEqual({ inputs: new Map(), main: 'dist/index.js', post: undefined })
  })

  const repoActionYml = path.join(REPO_ROOT, 'action.yml')
  it("parses the repository's action.yml", () => {
    const m = parseActionYml(readFileSync(repoActionYml, 'utf8'))
    expect(m.main).toBe('dist/index.js')
    expect(m.post).toBe('dist/post/index.js')
    expect(m.inputs.size).toBeGreaterThan(0)
    for (const name of m.inputs.keys()) expect(name).toMatch(/^[\w -]+$/)
  })
})
