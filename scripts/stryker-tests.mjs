// The unit tests that judge a src/ folder's mutants (jest.stryker.config.mjs, scripts/mutation.sh):
// the folder's mirror in __tests__/, and every other unit test that imports one of its modules
// directly, for its code (src/inputs/audit-options.ts is asserted by __tests__/audit/allow*.test.ts, which
// parse audit-allow through it). Judged by the mirror alone, such a module reads as untested.
// Not every unit test: each mutant run loads the test files that cover it, and a static mutant
// runs them all, so the whole suite would make it minutes a mutant.
//   node scripts/stryker-tests.mjs FOLDER   prints them, one per line (relative to the root)
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Unit test files (not *.int / *.e2e) under __tests__, relative to the root, sorted. */
function unitTests(root) {
  const out = []
  const walk = dir => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`
      if (e.isDirectory()) walk(rel)
      else if (e.name.endsWith('.test.ts') && !/\.(int|e2e)\.test\.ts$/.test(e.name)) out.push(rel)
    }
  }
  walk('__tests__')
  return out.sort()
}

export function strykerTests(folder, root = ROOT) {
  // A value import (not `import type`: a type runs no code); the clause between `import` and
  // `from` holds no quote, so the match cannot reach back over an earlier import.
  const imports = new RegExp(`import\\s+(?!type\\b)[^'"]*from\\s+'(\\.\\./)+src/${folder}/`)
  return unitTests(root).filter(f => f.startsWith(`__tests__/${folder}/`) || imports.test(fs.readFileSync(path.join(root, f), 'utf8')))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2]
  if (!folder) {
    console.error('usage: node scripts/stryker-tests.mjs FOLDER')
    process.exit(2)
  }
  for (const f of strykerTests(folder)) console.log(f)
}
