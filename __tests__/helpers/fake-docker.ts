/**
 * A scripted stand-in for the docker CLI behind the gateway (`new Docker(runner)`): answers the
 * engine check like a healthy docker-driver engine unless a script answers first, and plays
 * build logs line by line to `onLine` as the real runner streams them.
 */
import type { RunResult, Runner, StreamOptions } from '../../src/docker/docker.js'

/** What a script returns for a call: a result, plus log lines to stream (stderr, as buildx prints). */
export type FakeAnswer = Partial<RunResult> & { lines?: string[] }

/** A script: the answer for `args`, or undefined for the default answer. May throw. */
export type FakeScript = (args: string[], opts: StreamOptions) => FakeAnswer | undefined | Promise<FakeAnswer | undefined>

export const HEALTHY_BUILDER = `Name:          default
Driver:        docker

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64
Features:
 Cache export:         true
 Docker exporter:      true
 Multi-platform build: true
 OCI exporter:         true
Labels:
 org.mobyproject.buildkit.worker.snapshotter:          overlayfs
`

/** The healthy engine's answers to the engine check. */
function defaultAnswer(args: string[]): FakeAnswer {
  const words = args.filter(a => !a.startsWith('-')).join(' ')
  if (words.startsWith('version')) return { stdout: '28.0.1\n' }
  if (words === 'buildx version') return { stdout: 'github.com/docker/buildx v0.20.0 abc\n' }
  if (words.startsWith('buildx inspect')) return { stdout: HEALTHY_BUILDER }
  if (words.startsWith('info')) return { stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\n' }
  return { exitCode: 1, stderr: `fake docker: no answer scripted for ${args.join(' ')}` }
}

/** A Runner that records its calls and answers them from `script` (else the healthy defaults). */
export function fakeRunner(script: FakeScript = () => undefined): Runner & { calls: string[][] } {
  const calls: string[][] = []
  const runner = async (args: string[], opts: StreamOptions = {}): Promise<RunResult> => {
    calls.push(args)
    const a = (await script(args, opts)) ?? defaultAnswer(args)
    for (const line of a.lines ?? []) opts.onLine?.(line)
    return { exitCode: a.exitCode ?? 0, stdout: a.stdout ?? '', stderr: a.stderr ?? (a.lines ?? []).join('\n') }
  }
  return Object.assign(runner, { calls })
}
