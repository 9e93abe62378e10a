/** Stagecraft's version: package.json's, the one source (the CLI's `version`, SARIF's tool version). */
import pkg from '../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
