// jest globalSetup of the integration and e2e projects (see engine-guard.mjs).
export { setup as default } from './engine-guard.mjs'
