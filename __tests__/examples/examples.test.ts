/**
 * The examples' shape, without an engine: each has the files its README promises, a multi-stage
 * Dockerfile with a test stage and a non-root runner, and a naive single-stage twin.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseDockerfile } from '../../src/plan/dockerfile.js'
import { EXAMPLES_DIR, exampleNames } from './examples.js'

const EXAMPLES = exampleNames()
const read = (name: string, file: string) => fs.readFileSync(path.join(EXAMPLES_DIR, name, file), 'utf8')

test('the examples are there', () => {
  expect(EXAMPLES).toEqual(expect.arrayContaining(['fullstack', 'go-static', 'nginx-frontend', 'node-typescript', 'python-slim']))
})

describe.each(EXAMPLES)('examples/%s', name => {
  test('has a README, a .dockerignore and a naive twin', () => {
    for (const f of ['README.md', '.dockerignore', 'Dockerfile.naive']) expect(fs.existsSync(path.join(EXAMPLES_DIR, name, f))).toBe(true)
  })

  test('the Dockerfile has a test stage and ends with a runner stage with a numeric non-root USER and a HEALTHCHECK', () => {
    const plan = parseDockerfile(read(name, 'Dockerfile'))
    const names = plan.stages.map(s => s.name)
    expect(names).toContain('test')
    const runner = plan.stages[plan.stages.length - 1]
    expect(runner.name).toBe('runner')
    const text = read(name, 'Dockerfile').split('\n').slice(runner.line - 1).join('\n')
    expect(text).toMatch(/^USER [1-9]\d*(:\d+)?$/m)
    expect(text).toMatch(/^HEALTHCHECK /m)
  })

  test('the naive twin is one stage', () => {
    expect(parseDockerfile(read(name, 'Dockerfile.naive')).stages).toHaveLength(1)
  })

  test('the README shows how to run it through Stagecraft against its naive twin', () => {
    const readme = read(name, 'README.md')
    expect(readme).toContain(`node dist/cli.js examples/${name} --test-target test`)
    expect(readme).toContain('--baseline-image')
    expect(readme).toContain('Dockerfile.naive')
  })
})
