// The unit project alone, as one flat config, for Stryker's jest runner (stryker.config.mjs): it
// runs jest in-process and cannot pick a project out of `projects`. The same settings as
// jest.config.js's unit project, narrowed to the tests of the folder that mirrors the mutated one
// (STRYKER_FOLDER, set by scripts/mutation.sh).
import config from './jest.config.js'

const { displayName: _name, ...unit } = config.projects.find(p => p.displayName === 'unit')
const folder = process.env.STRYKER_FOLDER
export default {
  ...unit,
  ...(folder ? { testMatch: [`<rootDir>/__tests__/${folder}/**/*.test.ts`] } : {}),
  testTimeout: 30000
}
