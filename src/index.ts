import { flushStdio } from './log.js'
import { run } from './main.js'

// One explicit exit once everything is written and flushed: the Actions cache client can keep sockets alive.
const code = await run()
await flushStdio()
process.exit(code)
