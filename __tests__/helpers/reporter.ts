/** A Reporter that records everything it is told, for pipeline tests. */
import type { Reporter } from '../../src/log.js'

export interface RecordingReporter extends Reporter {
  lines: string[]
  warnings: string[]
  groups: string[]
}

export function recordingReporter(): RecordingReporter {
  const r: RecordingReporter = {
    lines: [],
    warnings: [],
    groups: [],
    info: m => void r.lines.push(m),
    warning: m => void r.warnings.push(m),
    setSecret: () => {},
    group: async (name, fn) => {
      r.groups.push(name)
      return fn()
    }
  }
  return r
}
