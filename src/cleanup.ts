/**
 * Leave nothing behind when a run is cancelled: the temp dirs of a run (secret files live in
 * them) are recorded as state for the action's post step, and removed by a SIGINT/SIGTERM
 * handler in the process itself. Paths only: no secret value is ever recorded.
 */
import fs from 'node:fs'
import path from 'node:path'
import { stopDockerProcesses } from './docker/children.js'

/** The state name under which the action records its temp paths for the post step. */
export const TEMP_PATHS_STATE = 'temp-paths'

/** Only Stagecraft's own directories are ever removed: absolute, named stagecraft-... */
export function removable(p: string): boolean {
  return path.isAbsolute(p) && /^\.?stagecraft-[\w.-]+$/.test(path.basename(p)) && path.dirname(p) !== p
}

/** Remove the paths that are ours; returns the ones removed. Never throws. */
export function removePaths(paths: string[]): string[] {
  const gone: string[] = []
  for (const p of paths) {
    if (!removable(p)) continue
    try {
      if (fs.existsSync(p)) {
        fs.rmSync(p, { recursive: true, force: true })
        gone.push(p)
      }
    } catch {
      // a later cleanup (post step, runner) gets another chance
    }
  }
  return gone
}

/** Parse the recorded state; [] when absent or malformed. */
export function parseTempPaths(state: string): string[] {
  try {
    const v = JSON.parse(state) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/**
 * On SIGINT or SIGTERM (a cancelled job, Ctrl-C): stop the docker processes the run started (no
 * build goes on, none still reads a secret file), remove `paths()` and exit 130 / 143 as a shell
 * would. Returns a function that removes the handlers.
 */
export function cleanupOnSignal(paths: () => string[], onExit: (signal: NodeJS.Signals) => void = () => {}): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    stopDockerProcesses('SIGTERM')
    removePaths(paths())
    onExit(signal)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', handler)
  process.once('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}
