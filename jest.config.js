// Three projects split by file suffix: unit tests of pure logic (fast, no engine),
// integration tests on the real engine (*.int.test.ts) and end-to-end runs of dist/ (*.e2e.test.ts).
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }] },
  extensionsToTreatAsEsm: ['.ts'],
  // Stryker's sandboxes (copies of the repository) while a mutation run is under way: not modules of this one.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/']
}
// Tests on the engine remove the images they make (each file, at its end), and the run fails when
// one is left: __tests__/helpers/engine-guard.mjs.
const engine = {
  globalSetup: '<rootDir>/__tests__/helpers/engine-guard.setup.mjs',
  globalTeardown: '<rootDir>/__tests__/helpers/engine-guard.teardown.mjs',
  setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/engine-images.setup.ts']
}
export default {
  verbose: false,
  // Integration and e2e tests run real builds (a cold one installs Debian packages over http).
  testTimeout: 300000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'] },
    { ...common, ...engine, displayName: 'integration', testMatch: ['<rootDir>/__tests__/**/*.int.test.ts'] },
    { ...common, ...engine, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/**/*.e2e.test.ts'] }
  ]
}
