/** The action's entry for bench/fresh-runner.ts: src/index.ts as compiled with the bench (dist/ need not be rebuilt). */
import { flushStdio } from '../src/log.js'
import { run } from '../src/main.js'

const code = await run()
await flushStdio()
process.exit(code)
