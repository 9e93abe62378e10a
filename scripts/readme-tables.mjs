// Regenerate the README's inputs/outputs tables from action.yml (npm run docs).
// __tests__/docs/readme.test.ts fails when they drift apart.
import fs from 'node:fs'
import { parse } from 'yaml'

const action = parse(fs.readFileSync('action.yml', 'utf8'))
const inputs = ['| Input | Default | Description |', '| --- | --- | --- |']
for (const [name, spec] of Object.entries(action.inputs)) {
  inputs.push(`| \`${name}\` | ${spec.default ? `\`${spec.default}\`` : ''} | ${spec.description} |`)
}
const outputs = ['| Output | Description |', '| --- | --- |']
for (const [name, spec] of Object.entries(action.outputs)) outputs.push(`| \`${name}\` | ${spec.description} |`)

let readme = fs.readFileSync('README.md', 'utf8')
readme = readme.replace(/(<!-- inputs:start[^\n]*\n)[\s\S]*?(<!-- inputs:end -->)/, (_m, a, b) => `${a}${inputs.join('\n')}\n${b}`)
readme = readme.replace(/(<!-- outputs:start -->\n)[\s\S]*?(<!-- outputs:end -->)/, (_m, a, b) => `${a}${outputs.join('\n')}\n${b}`)
fs.writeFileSync('README.md', readme)
