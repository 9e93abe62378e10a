// Mutation testing with StrykerJS (scripts/mutation.sh: npm run mutation, npm run mutation:changed).
// Stryker changes one expression of src/ at a time (a mutant) and runs the unit tests that cover
// it; a mutant no test notices (survived) is behaviour nothing asserts.
//
// One folder a run (STRYKER_FOLDER, set by scripts/mutation.sh), judged by the unit tests of the
// folder that mirrors it (jest.stryker.config.mjs): tests mirror src/, and every mutant run loads
// each test file it names, so the whole unit suite would make it minutes a mutant.
//
// Scope: the pure modules (FOLDERS). The gateways (src/docker, src/github, src/registry) are
// tested against the real engine and services, not by unit tests, and the entry points only wire
// modules together. Stryker 10 needs Node >= 22: scripts/mutation.sh runs it on Node 24.
import os from 'node:os'

export const FOLDERS = ['inputs', 'plan', 'audit', 'size', 'report', 'publish', 'inspect']

const folder = process.env.STRYKER_FOLDER
if (!FOLDERS.includes(folder)) {
  throw new Error(`STRYKER_FOLDER must be one of ${FOLDERS.join(', ')} (got '${folder ?? ''}'): run scripts/mutation.sh`)
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // ts-jest in native ESM mode: jest needs the VM modules flag in the test runner's process.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.mjs', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Not ignoreStatic: code a describe body runs (fixtures such as `const plan = parseDockerfile(...)`
  // shared by its tests) counts as static, and with ignoreStatic such a mutant runs only the tests
  // that call the code themselves, so the tests that assert on the fixture never see it (src/plan
  // had 30 false survivors that way). A static mutant runs every test of the mirror folder.
  ignoreStatic: false,
  mutate: [`src/${folder}/**/*.ts`],
  // A test runner per core: CI runs mutation:changed before the engine suites, not beside them.
  // STRYKER_CONCURRENCY=1 leaves a core free (e.g. while engine tests run on the same machine).
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? os.availableParallelism()),
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  // Committed: on a fresh clone `--incremental` tests only the mutants in code (or tests) changed
  // since the file was written, and reuses every other result.
  incrementalFile: `reports/stryker-incremental/${folder}.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
