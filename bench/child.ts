/** What the audit benchmarks share: a measured child process and the `docker save` floor. */
import { spawn } from 'node:child_process'

/** Run `script --child ARGS` in a fresh Node process and parse the JSON it prints (its own RSS, its own timing). */
export function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [script, '--child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (c: Buffer) => (out += c.toString()))
    p.on('close', code => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`audit child exited ${code}`))))
  })
}

/** Wall time of a command (stdout discarded, stderr shown); rejects on a non-zero exit. */
export function timeCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
    p.on('error', reject)
    p.on('close', code => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${cmd} ${args[0] ?? ''} exited ${code}`))))
  })
}

/** Wall time of `docker save IMAGE > /dev/null` (the floor: the engine's export alone). */
export function timeDockerSave(image: string): Promise<number> {
  return timeCommand('sh', ['-c', 'docker save "$1" > /dev/null', 'sh', image])
}
