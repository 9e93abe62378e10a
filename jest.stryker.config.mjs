// The unit project alone, as one flat config, for Stryker's jest runner (stryker.config.mjs): it
// runs jest in-process and cannot pick a project out of `projects`. The same settings as
// jest.config.js's unit project, narrowed to the tests that judge the mutated folder
// (STRYKER_FOLDER, set by scripts/mutation.sh): its mirror folder and the unit tests that import
// its modules (scripts/stryker-tests.mjs).
import config from './jest.config.js'
import { strykerTests } from './scripts/stryker-tests.mjs'

const { displayName: _name, ...unit } = config.projects.find(p => p.displayName === 'unit')
const folder = process.env.STRYKER_FOLDER
export default {
  ...unit,
  ...(folder ? { testMatch: strykerTests(folder).map(f => `<rootDir>/${f}`) } : {}),
  testTimeout: 30000
}
