/**
 * The docker processes this process started and that still run: a cancelled run (SIGINT/SIGTERM)
 * stops them, so no build goes on after the step or command is gone.
 */
import type { ChildProcess } from 'node:child_process'

const running = new Set<ChildProcess>()

/** Remember `child` until it exits (the gateway calls this for every docker process it spawns). */
export function trackChild(child: ChildProcess): void {
  running.add(child)
  const forget = () => running.delete(child)
  child.once('exit', forget)
  child.once('error', forget)
}

/** The docker processes still running, by pid. */
export function runningDockerPids(): number[] {
  return [...running].flatMap(c => (c.pid === undefined ? [] : [c.pid]))
}

/** Send `signal` to every docker process still running; returns how many were signalled. Never throws. */
export function stopDockerProcesses(signal: NodeJS.Signals = 'SIGTERM'): number {
  let n = 0
  for (const child of running) {
    try {
      if (child.kill(signal)) n++
    } catch {
      // already gone
    }
  }
  return n
}
