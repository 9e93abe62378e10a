// jest globalTeardown of the integration and e2e projects (see engine-guard.mjs).
export { teardown as default } from './engine-guard.mjs'
