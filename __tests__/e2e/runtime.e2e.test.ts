/**
 * The runtime the action declares: action.yml says node24, and the e2e suite runs dist/ under
 * Node 24 (STAGECRAFT_E2E_NODE, set by scripts/test.sh) as well as this machine's Node 20.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { fixture } from '../fixtures/paths.js'
import { actionNode, REPO_ROOT, runAction } from '../helpers/runner.js'

test('action.yml runs on node24', () => {
  expect((parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }).runs.using).toBe('node24')
})

test('dist/index.js runs under the selected node with no warning from node itself', async () => {
  const version = execFileSync(actionNode(), ['--version'], { encoding: 'utf8' }).trim()
  if (process.env.STAGECRAFT_E2E_NODE) expect(version).toMatch(/^v24\./)
  // A run that reads inputs, parses the Dockerfile and fails on bad input: no engine needed.
  const r = await runAction({ event: 'push', inputs: { context: fixture('multistage'), target: 'nope' } })
  expect(r.exitCode).toBe(1)
  expect(r.annotations.filter(a => a.level === 'error').map(a => a.message)).toEqual([
    'target: no stage "nope" in the Dockerfile; its stages are: deps, builder, test, runner'
  ])
  expect(r.problems).toEqual([])
  expect(r.stderr).not.toMatch(/Warning:/)
})
