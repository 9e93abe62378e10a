/**
 * The action's post step (runs at the end of the job, cancelled or not): remove the temp dirs the
 * main step recorded, where build secrets were written. Never fails the job. It reads its state
 * as the runner passes it (STATE_<name>) without @actions/core, so the bundle stays tiny.
 */
import { parseTempPaths, removePaths, TEMP_PATHS_STATE } from '../cleanup.js'

export async function post(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const gone = removePaths(parseTempPaths(env[`STATE_${TEMP_PATHS_STATE}`] ?? ''))
  process.stdout.write(
    gone.length ? `removed ${gone.length} temp ${gone.length === 1 ? 'directory' : 'directories'}: ${gone.join(', ')}\n` : 'nothing to clean up\n'
  )
}
