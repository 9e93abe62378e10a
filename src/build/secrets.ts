/**
 * Hand build secrets to buildx without putting values on argv: `value` secrets are written to
 * 0600 files in a private 0700 directory (removed by `cleanup`), files and env vars are referenced.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Secret } from '../inputs/secrets.js'

export interface MaterializedSecrets {
  specs: string[]
  /** Environment the build needs for `env=` secrets. */
  env: Record<string, string>
  cleanup(): void
}

export function materializeSecrets(secrets: Secret[], tmpRoot = process.env.RUNNER_TEMP || os.tmpdir()): MaterializedSecrets {
  const specs: string[] = []
  const env: Record<string, string> = {}
  let dir: string | undefined
  const cleanup = (): void => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    add()
  } catch (e) {
    cleanup() // no file of a half-written set stays behind
    throw e
  }
  return { specs, env, cleanup }

  function add(): void {
    for (const s of secrets) {
      switch (s.source.kind) {
        case 'value': {
          dir ??= fs.mkdtempSync(path.join(tmpRoot, 'stagecraft-secrets-'))
          fs.chmodSync(dir, 0o700)
          const file = path.join(dir, s.id)
          fs.writeFileSync(file, s.source.value, { mode: 0o600 })
          specs.push(`id=${s.id},src=${file}`)
          break
        }
        case 'file':
          specs.push(`id=${s.id},src=${s.source.path}`)
          break
        case 'env':
          specs.push(`id=${s.id},env=${s.source.env}`)
          env[s.source.env] = s.source.value
          break
      }
    }
  }
}
