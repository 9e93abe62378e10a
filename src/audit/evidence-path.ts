/** How a finding's place in the image is shown, the same in every report. */
import type { Evidence } from './types.js'

/** The path, and for a member of an archive the member after a `!` (`/app/debug.tar.gz!logs/env.txt`), as jar URLs do. */
export function evidencePath(e: Evidence): string | undefined {
  if (e.path === undefined) return undefined
  return e.member === undefined ? e.path : `${e.path}!${e.member}`
}
