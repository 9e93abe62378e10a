/**
 * The import graph of src/: layers run one way. Each folder (and each top-level file) has a rank
 * in the pipeline picture; a module may import its own folder or lower ranks, never a higher one,
 * so no folder-level cycle can form. Imports are read with TypeScript's own pre-processor (type
 * imports and dynamic `import()` count: they are dependencies too).
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const SRC = path.resolve('src')

/** Lowest first. A folder's files may import anything of a lower rank or their own folder. */
const LAYERS: string[][] = [
  ['errors.ts', 'constants.ts', 'log.ts', 'glob.ts', 'version.ts', 'encodings.ts', 'image-ref.ts', 'compression.ts'],
  ['redact.ts'],
  ['docker', 'github', 'registry'],
  ['store', 'plan'],
  ['inspect'],
  ['size'],
  ['audit'],
  ['inputs'],
  ['build', 'cache-mounts'],
  ['result.ts'],
  ['report'],
  ['baseline'],
  ['merge'],
  ['pipeline'],
  ['publish', 'cleanup.ts'],
  ['cli', 'post'],
  ['main.ts'],
  ['index.ts']
]

const rank = new Map(LAYERS.flatMap((names, i) => names.map(n => [n, i] as const)))

/** The folder of a file under src/, or the file itself for top-level files. */
function unit(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep)
  return rel[0]
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
}

interface Edge {
  from: string
  to: string
}

function edges(): Edge[] {
  const out: Edge[] = []
  for (const file of sources(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    for (const imp of info.importedFiles) {
      if (!imp.fileName.startsWith('.')) continue
      const target = path.resolve(path.dirname(file), imp.fileName).replace(/\.js$/, '.ts')
      out.push({ from: path.relative(SRC, file), to: path.relative(SRC, target) })
    }
  }
  return out
}

/** Folder-level cycles, found by depth-first search over the folder graph. */
export function folderCycles(list: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>()
  for (const e of list) {
    const a = unit(path.join(SRC, e.from))
    const b = unit(path.join(SRC, e.to))
    if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b))
  }
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (n: string): void => {
    state.set(n, 'open')
    stack.push(n)
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m])
      else if (!state.has(m)) visit(m)
    }
    stack.pop()
    state.set(n, 'done')
  }
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n)
  return cycles
}

const all = edges()

test('every folder and top-level file of src/ has a layer', () => {
  const units = [...new Set(sources(SRC).map(unit))]
  expect(units.filter(u => !rank.has(u))).toEqual([])
  expect(all.filter(e => !fs.existsSync(path.join(SRC, e.to))).map(e => `${e.from} → ${e.to}`)).toEqual([])
})

test('no module imports a higher layer', () => {
  const upward = all
    .filter(e => {
      const a = unit(path.join(SRC, e.from))
      const b = unit(path.join(SRC, e.to))
      return a !== b && (rank.get(b) ?? -1) >= (rank.get(a) ?? -1)
    })
    .map(e => `${e.from} → ${e.to}`)
  expect(upward).toEqual([])
})

test('no folder-level import cycle', () => {
  expect(folderCycles(all)).toEqual([])
})

test('the cycle finder finds a cycle (so the check above can fail)', () => {
  expect(
    folderCycles([
      { from: 'size/a.ts', to: 'report/b.ts' },
      { from: 'report/b.ts', to: 'size/c.ts' }
    ])
  ).toEqual([['report', 'size', 'report']])
})
