/**
 * Parser growth benchmark (not a test: prints figures). Each parser that reads something a user or
 * an engine hands us (a Dockerfile, an input, a log line, a report, layer facts) is timed on an
 * input of size N and of size 4N, in the same run; the figure is the ratio t(4N) ÷ t(N). A linear
 * parser is near 4 (up to ~6 on a 2-core machine: the larger input leaves the caches and wakes the
 * GC more often), a quadratic one near 16; the goal, 8, sits between the two. The unit tests read
 * the 4N inputs whole and assert the result; how long that takes is measured here, not asserted there.
 *
 *   npx tsc -p bench/audit-tsconfig.json && node build/audit-bench/bench/parsers.js
 */
import { lineSplitter } from '../src/docker/docker.js'
import { parseCacheMounts } from '../src/cache-mounts/inputs.js'
import { parseAllow } from '../src/inputs/audit-options.js'
import { BPA_LIST_OPTIONS, parseListItems } from '../src/inputs/list.js'
import { mergeLayers } from '../src/inspect/filesystem.js'
import type { LayerFile } from '../src/inspect/types.js'
import { parseDockerfile, parseMountOptions, stageChain } from '../src/plan/dockerfile.js'
import { parseReport } from '../src/report/run-report.js'
import { sizeReport } from '../src/size/model.js'
import { parseSize } from '../src/size/units.js'
import { reportLayer, validReport } from '../__tests__/fixtures/run-report.js'

const GOAL = 8

/** Milliseconds per call: calls repeated for at least 100 ms, best of five such rounds after one to warm up (GC between rounds where node runs with --expose-gc). */
function perCall(fn: () => void): number {
  const gc = (globalThis as { gc?: () => void }).gc
  const round = (): number => {
    gc?.()
    let calls = 0
    const t0 = performance.now()
    let t = t0
    while (t - t0 < 100 || calls === 0) {
      try {
        fn()
      } catch {
        // an input that is refused is timed like one that is read
      }
      calls++
      t = performance.now()
    }
    return (t - t0) / calls
  }
  round()
  return Math.min(...Array.from({ length: 5 }, round))
}

interface Case {
  name: string
  /** What N is. */
  unit: string
  n: number
  /** The call on an input of size n (built outside the timing). */
  make: (n: number) => () => void
}

const stages = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `FROM ${i ? `s${i - 1}` : 'alpine'} AS s${i}\nRUN --mount=type=cache,target=/c${i} echo ${i}\nCOPY --from=s0 /a /b\nENV A=${i}`
  ).join('\n')

const file = (path: string): LayerFile => ({ path, type: 'file', size: 10, mode: 0o644, uid: 0, gid: 0 })

const cacheMountPlan = parseDockerfile('FROM alpine\nRUN --mount=type=cache,id=go,target=/go/pkg true\n')

/** The report fixture with `layers` layers and a quarter as many trend points. */
function report(layers: number): string {
  return JSON.stringify({
    ...validReport,
    size: sizeReport(
      'sha256:abc',
      Array.from({ length: layers }, (_, i) => reportLayer(i)),
      'blob'
    ),
    trend: Array.from({ length: layers / 4 }, () => validReport.trend![0])
  })
}

const cases: Case[] = [
  {
    name: 'parseDockerfile, FROM chain',
    unit: 'stages of 4 instructions',
    n: 375,
    make: n =>
      (
        t => () =>
          parseDockerfile(t)
      )(stages(n))
  },
  {
    name: 'parseDockerfile, continuations',
    unit: 'continuation lines',
    n: 1250,
    make: n =>
      (
        t => () =>
          parseDockerfile(t)
      )(`FROM alpine\nRUN a \\\n${'  && b \\\n'.repeat(n)}  && c`)
  },
  {
    name: 'parseDockerfile, one long RUN',
    unit: 'characters',
    n: 50_000,
    make: n =>
      (
        t => () =>
          parseDockerfile(t)
      )(`FROM alpine\nRUN ${'x'.repeat(n)}`)
  },
  {
    name: 'parseMountOptions',
    unit: 'options',
    n: 12_500,
    make: n =>
      (
        t => () =>
          parseMountOptions(t)
      )(Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join(','))
  },
  {
    name: 'stageChain',
    unit: 'stages',
    n: 3_000,
    make: n => {
      const plan = parseDockerfile(Array.from({ length: n }, (_, i) => `FROM ${i ? `s${i - 1}` : 'alpine'} AS s${i}`).join('\n'))
      const last = plan.stages[plan.stages.length - 1]
      return () => stageChain(plan, last)
    }
  },
  // Globs over 64 KiB are refused (picomatch's own bound): 4k → 16k characters are read.
  {
    name: 'parseAllow, long path glob',
    unit: 'characters',
    n: 4_000,
    make: n =>
      (
        l => () =>
          parseAllow([l])
      )(`/${'a/'.repeat(n / 2)}*`)
  },
  {
    name: 'parseSize, long value (refused)',
    unit: 'characters',
    n: 250_000,
    make: n =>
      (
        v => () =>
          parseSize('max-size', v)
      )(`1${' '.repeat(n)}x`)
  },
  {
    name: 'parseListItems (build-args)',
    unit: 'lines',
    n: 5_000,
    make: n =>
      (
        t => () =>
          parseListItems(t, BPA_LIST_OPTIONS['build-args'])
      )(Array.from({ length: n }, (_, i) => `KEY_${i}=value,${i}`).join('\n'))
  },
  {
    name: 'parseCacheMounts',
    unit: 'names',
    n: 20_000,
    make: n =>
      (
        v => () =>
          parseCacheMounts(v, cacheMountPlan)
      )(Array.from({ length: n }, () => 'go').join(','))
  },
  {
    name: 'engine log line splitter, one line',
    unit: 'MiB in 64 KiB chunks',
    n: 16,
    make: n => {
      const chunk = Buffer.alloc(64 * 1024, 'x')
      return () => {
        let lines = 0
        const s = lineSplitter(() => lines++)
        for (let i = 0; i < n * 16; i++) s.feed(chunk)
        s.flush()
      }
    }
  },
  {
    name: 'parseReport',
    unit: 'layers',
    n: 50_000,
    make: n =>
      (
        t => () =>
          parseReport(t)
      )(report(n))
  },
  {
    name: 'mergeLayers (whiteouts)',
    unit: 'directories of 30 files, each whited out',
    n: 1_250,
    make: n => {
      const files: LayerFile[] = []
      for (let d = 0; d < n; d++) for (let f = 0; f < 30; f++) files.push(file(`usr/d${d}/f${f}`))
      const whiteouts = Array.from({ length: n }, (_, d) => (d % 2 ? `usr/d${d}` : `usr/d${d}/f0`))
      return () =>
        mergeLayers([
          { files, whiteouts: [], opaqueDirs: [] },
          { files: [], whiteouts, opaqueDirs: [] }
        ])
    }
  }
]

let worst = 0
for (const c of cases) {
  const small = perCall(c.make(c.n))
  const large = perCall(c.make(c.n * 4))
  const ratio = large / small
  worst = Math.max(worst, ratio)
  console.log(
    `  ${c.name}: ${c.n} → ${c.n * 4} ${c.unit}: ${small.toFixed(2)} ms → ${large.toFixed(2)} ms, growth ${ratio.toFixed(1)} (linear 4, goal ≤ ${GOAL})${ratio > GOAL ? '  ← over the goal' : ''}`
  )
}
console.log(`  worst growth ${worst.toFixed(1)} (goal ≤ ${GOAL})`)
