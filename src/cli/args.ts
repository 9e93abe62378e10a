/**
 * Command-line flags → the same input map the action reads, so both front ends share
 * `readInputs` and its validation. Pure: argv in, parsed command out.
 */
import { parseArgs } from 'node:util'
import { Input } from '../constants.js'

export interface CliCommand {
  command: 'run' | 'audit' | 'compare' | 'merge' | 'help' | 'version'
  inputs: Record<string, string>
  /** audit: [IMAGE]; compare: [IMAGE, BASELINE]; merge: the part REPORT files. */
  images: string[]
  /** merge: check and compute the index digest, push nothing. */
  dryRun?: boolean
  /** audit --registry: IMAGE is read from its registry (no engine, no pull). */
  registry?: boolean
  json: boolean
  /** Print the PR comment Markdown as it would appear. */
  markdown: boolean
  /** Write the JSON report / SARIF here. */
  reportFile?: string
  sarifFile?: string
  /** Write the PR comment Markdown here. */
  commentFile?: string
  color: boolean | undefined
  verbose: boolean
}

export class UsageError extends Error {}

/** Repeatable flags whose values are joined with newlines into one list input. */
const LIST_FLAGS: Record<string, Input> = {
  'build-arg': Input.BuildArgs,
  'build-context': Input.BuildContexts,
  label: Input.Labels,
  tag: Input.Tags,
  platform: Input.Platforms,
  'cache-from': Input.CacheFrom,
  'cache-to': Input.CacheTo,
  'secret-file': Input.SecretFiles,
  'secret-env': Input.SecretEnvs,
  allow: Input.AuditAllow,
  'cache-mount': Input.CacheMounts,
  'cache-key-file': Input.CacheKeyFiles,
  // buildx's own flag names (build-push-action's list inputs).
  'add-host': Input.AddHosts,
  'allow-entitlement': Input.Allow,
  annotation: Input.Annotations,
  attest: Input.Attests,
  output: Input.Outputs,
  'no-cache-filter': Input.NoCacheFilters,
  ssh: Input.Ssh,
  ulimit: Input.Ulimit
}
const STRING_FLAGS: Record<string, Input> = {
  file: Input.File,
  target: Input.Target,
  'test-target': Input.TestTarget,
  builder: Input.Builder,
  'fail-on': Input.FailOn,
  'max-size': Input.MaxSize,
  'max-increase': Input.MaxIncrease,
  'baseline-report': Input.BaselineReport,
  'baseline-image': Input.BaselineImage,
  'cache-dir': Input.CacheDir,
  key: Input.CommentKey,
  network: Input.Network,
  'shm-size': Input.ShmSize,
  'cgroup-parent': Input.CgroupParent,
  provenance: Input.Provenance,
  sbom: Input.Sbom,
  call: Input.Call
}
const SHORT: Record<string, { short: string }> = { file: { short: 'f' }, tag: { short: 't' }, output: { short: 'o' } }
const BOOL_FLAGS: Record<string, Input> = {
  push: Input.Push,
  load: Input.Load,
  pull: Input.Pull,
  'no-cache': Input.NoCache
}

export const HELP = `stagecraft: build a multi-stage Dockerfile, gate on its test stage, report the runner image.

Usage:
  stagecraft [run] [options] [CONTEXT]     build, test-gate, audit and size a local Dockerfile (CONTEXT: .)
  stagecraft audit IMAGE [options]         audit and size any local image (with -f/--target: Dockerfile lines)
  stagecraft audit --registry REF          the same, read straight from the registry (no engine, no pull):
                                           REF is HOST/REPO[:TAG][@sha256:DIGEST], every platform of an index;
                                           credentials from the docker config (docker login)
  stagecraft compare IMAGE BASELINE        size IMAGE against BASELINE, per layer, by instruction
  stagecraft merge REPORT...               check split-build part reports against the registry and
                                           push one index per image (--tag, --platform, --annotation,
                                           --label, --dry-run; --json, --markdown, --report)
  stagecraft --help | --version

Build (the same meaning as the action's inputs):
  -f, --file PATH            Dockerfile (default: CONTEXT/Dockerfile)
      --target STAGE         runner stage to build (default: the last stage)
      --test-target STAGE    stage built first as a gate; the run stops if it fails
      --build-arg NAME=VALUE build argument (repeatable)
      --build-context NAME=PATH_OR_IMAGE
                             additional build context (repeatable)
      --label KEY=VALUE      image label (repeatable)
  -t, --tag NAME[:TAG]       image tag (repeatable)
      --platform OS/ARCH     target platform (repeatable)
      --builder NAME         buildx builder (default: the current one)
      --push                 push the runner image after the test stage passed
      --load                 load the image into the engine (implied for non-docker drivers)
      --pull                 always pull newer base images
      --no-cache             do not use the layer cache
      --cache-from SPEC      buildx --cache-from (repeatable)
      --cache-to SPEC        buildx --cache-to (repeatable)
      --secret-file ID=PATH  build secret read from a file (repeatable)
      --secret-env ID=ENV    build secret read from an environment variable (repeatable)
                             (no --secret ID=VALUE: a value on the command line is visible in ps)
      --add-host HOST:IP     extra /etc/hosts entry for RUN steps (repeatable)
      --network MODE         network for RUN steps: default, none or host
      --shm-size SIZE        size of /dev/shm for RUN steps, e.g. 2g
      --ulimit NAME=S[:H]    resource limit for RUN steps, e.g. nofile=1024:1024 (repeatable)
      --ssh default|ID=PATH  ssh agent socket or key for RUN --mount=type=ssh (repeatable)
      --cgroup-parent PATH   parent cgroup for RUN steps
      --allow-entitlement E  buildx --allow, e.g. network.host (--allow is the audit's)
      --no-cache-filter STAGE  build this stage without the cache (repeatable)
      --annotation KEY=VALUE OCI annotation on the runner image (repeatable)
      --provenance VALUE     provenance attestation: true, false or attributes (mode=max)
      --sbom VALUE           SBOM attestation: true, false or attributes (generator=IMAGE)
      --attest SPEC          buildx --attest (repeatable)
  -o, --output SPEC          extra exporter beside the audited image, e.g. type=local,dest=out
                             (type=image,name=R/I,push-by-digest=true,push=true: a part of a split build)
      --call METHOD          build (default), check (build checks as findings), outline, targets
      --check                shorthand for --call check
      --dry-run              merge: check the parts and compute the index digest, push nothing

Audit (the runner image):
      --allow-root           do not require a non-root user
      --allow-toolchains     do not fail on compilers, build tools, headers
      --allow PATTERN        accept a finding: rule id, absolute path glob, or rule:glob (repeatable)
      --fail-on SEVERITY     lowest severity that fails: error (default), warning or notice

Size:
      --max-size SIZE        budget, e.g. 250MB or 1.2GiB
      --max-increase D       largest growth against the baseline, e.g. 10% or 20MB
      --baseline-image REF   compare with this image, measured the same way
      --baseline-report FILE compare with an earlier run's JSON report (see --report)
      --key NAME             report key (default: Dockerfile path and target)

Cache mounts:
      --cache-dir DIR        persist RUN --mount=type=cache contents (and audit results) here
      --cache-mount ID       persist only these cache mounts (id or target; repeatable)
      --no-cache-mounts      persist none
      --cache-key-file FILE  files keying the cache entries (default: lockfiles in the context)

Output:
      --json                 print the JSON report on stdout (logs go to stderr)
      --markdown             print the report as the PR comment would show it
      --report FILE          also write the JSON report to FILE
      --sarif FILE           also write the findings as SARIF 2.1.0 to FILE
      --comment FILE         also write the PR comment (Markdown) to FILE
      --color / --no-color   force or disable colours (default: when stdout is a terminal)
  -v, --verbose              print the full build log and every changed path and package
                             (default: a failing build's tail; the first 15 paths and 20 packages, as the PR comment)

Exit codes:
  0  the pipeline passed
  1  the pipeline failed: test stage, build, audit finding at or above --fail-on, or a size budget
  2  bad usage or bad input (a one-line message names the flag)
  3  the environment cannot run it: no Docker engine, no buildx
`

export function parseCli(argv: string[]): CliCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(Object.keys(LIST_FLAGS).map(k => [k, { type: 'string' as const, multiple: true, ...SHORT[k] }])),
        ...Object.fromEntries(Object.keys(STRING_FLAGS).map(k => [k, { type: 'string' as const, ...SHORT[k] }])),
        ...Object.fromEntries(Object.keys(BOOL_FLAGS).map(k => [k, { type: 'boolean' as const }])),
        json: { type: 'boolean' },
        markdown: { type: 'boolean' },
        report: { type: 'string' },
        sarif: { type: 'string' },
        comment: { type: 'string' },
        'allow-root': { type: 'boolean' },
        'allow-toolchains': { type: 'boolean' },
        'no-cache-mounts': { type: 'boolean' },
        registry: { type: 'boolean' },
        check: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
      }
    })
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0])
  }
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>
  const pos = [...parsed.positionals]
  const none = { inputs: {}, images: [], json: false, markdown: false, color: undefined, verbose: false }
  if (v.help || pos[0] === 'help') return { command: 'help', ...none }
  if (v.version) return { command: 'version', ...none }
  let command: CliCommand['command'] = 'run'
  let images: string[] = []
  if (pos[0] === 'audit' || pos[0] === 'compare') {
    command = pos.shift() as 'audit' | 'compare'
    const want = command === 'audit' ? 1 : 2
    if (pos.length !== want) {
      throw new UsageError(command === 'audit' ? 'audit takes one IMAGE' : 'compare takes IMAGE and BASELINE')
    }
    images = pos.splice(0)
  } else if (pos[0] === 'merge') {
    command = pos.shift() as 'merge'
    if (pos.length === 0) throw new UsageError('merge takes one or more REPORT files (paths or globs)')
    images = pos.splice(0)
  }
  if (v['dry-run'] && command !== 'merge') throw new UsageError('--dry-run is for merge')
  if (v.registry && command !== 'audit') throw new UsageError('--registry goes with audit: stagecraft audit --registry REF')
  if (pos[0] === 'run') pos.shift()
  if (pos.length > 1) throw new UsageError(`expected at most one CONTEXT, got: ${pos.join(' ')}`)

  const inputs: Record<string, string> = {}
  if (pos[0]) inputs[Input.Context] = pos[0]
  for (const [flag, input] of Object.entries(LIST_FLAGS)) {
    const vals = (v[flag] as string[] | undefined) ?? []
    if (vals.length) inputs[input] = vals.join('\n')
  }
  for (const [flag, input] of Object.entries(STRING_FLAGS)) {
    const val = v[flag] as string | undefined
    if (val !== undefined) inputs[input] = val
  }
  for (const [flag, input] of Object.entries(BOOL_FLAGS)) if (v[flag]) inputs[input] = 'true'
  if (v['allow-root']) inputs[Input.RequireNonRoot] = 'false'
  if (v['allow-toolchains']) inputs[Input.ForbidToolchains] = 'false'
  if (v['no-cache-mounts']) inputs[Input.CacheMounts] = 'false'
  if (v.check) inputs[Input.Call] = 'check'
  const color = v['no-color'] ? false : v.color ? true : undefined
  return {
    command,
    images,
    ...(v.registry ? { registry: true } : {}),
    inputs,
    json: Boolean(v.json),
    markdown: Boolean(v.markdown),
    reportFile: v.report as string | undefined,
    sarifFile: v.sarif as string | undefined,
    commentFile: v.comment as string | undefined,
    color,
    verbose: Boolean(v.verbose),
    ...(command === 'merge' ? { dryRun: Boolean(v['dry-run']) } : {})
  }
}
