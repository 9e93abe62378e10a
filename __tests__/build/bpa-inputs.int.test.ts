/**
 * build-push-action's inputs reach the build on the real engine: add-hosts, network, shm-size,
 * ulimit and ssh as a RUN step sees them (written into the image and read back); provenance and
 * sbom as the manifests a registry holds after a push. Through the real pipeline, so the audit and
 * size run on the same images.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import { readInputs } from '../../src/inputs/inputs.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { resolvePlan } from '../../src/plan/resolve.js'
import { getter } from '../fixtures/inputs.js'
import { recordBuild, recordImage } from '../helpers/engine-images.js'
import { recordingReporter } from '../helpers/reporter.js'

const REGISTRY = '127.0.0.1:5000'
const nonce = randomBytes(4).toString('hex')
const created: string[] = []
let dir: string

/** Every probe a RUN step can make of its sandbox, written to /probe in the runner image. */
const PROBE_DOCKERFILE = `FROM busybox:stable AS runner
ARG NONCE
RUN --mount=type=ssh sh -c 'mkdir /probe && echo "$NONCE" > /probe/nonce \\
  && (grep wt11host /etc/hosts || true) > /probe/hosts \\
  && ls /sys/class/net > /probe/net \\
  && df -k /dev/shm | tail -1 | awk "{print \\$2}" > /probe/shm \\
  && ulimit -n > /probe/nofile \\
  && (test -S "$SSH_AUTH_SOCK" && echo socket || echo none) > /probe/ssh'
USER 65534
`

/** The image the SBOM tests attest: one layer of its own. */
const SMALL_DOCKERFILE = `FROM busybox:stable
ARG NONCE
RUN echo "$NONCE" > /stamp
USER 65534
`

/**
 * A local SBOM generator image speaking BuildKit's scanner protocol (BUILDKIT_SCAN_SOURCE in,
 * BUILDKIT_SCAN_DESTINATION/<name>.spdx.json out, as an in-toto statement with an SPDX
 * predicate): the default docker/buildkit-syft-scanner cannot be pulled here.
 */
const SCANNER = `#!/bin/sh
set -eu
name=$(basename "$BUILDKIT_SCAN_SOURCE")
files=$(find "$BUILDKIT_SCAN_SOURCE" -type f | wc -l)
cat > "$BUILDKIT_SCAN_DESTINATION/$name.spdx.json" <<JSON
{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],
 "predicate":{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"$name",
 "documentNamespace":"https://stagecraft.invalid/spdx/$name","creationInfo":{"created":"2024-01-01T00:00:00Z",
 "creators":["Tool: stagecraft-test-scanner"]},"packages":[],"comment":"files=$files"}}
JSON
`
const GENERATOR = `${REGISTRY}/stagecraft-test/sbom-generator:${nonce}`

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bpa-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), PROBE_DOCKERFILE)
  fs.writeFileSync(path.join(dir, 'Dockerfile.small'), SMALL_DOCKERFILE)
  const gen = path.join(dir, 'generator')
  fs.mkdirSync(gen)
  fs.writeFileSync(path.join(gen, 'scan'), SCANNER, { mode: 0o755 })
  fs.writeFileSync(path.join(gen, 'Dockerfile'), 'FROM busybox:stable\nCOPY scan /bin/scan\nENTRYPOINT ["/bin/scan"]\n')
  execFileSync('docker', ['buildx', 'build', '-q', '--provenance=false', '-t', GENERATOR, '--push', gen], { stdio: 'ignore' })
  created.push(GENERATOR)
  recordImage(GENERATOR)
})
afterAll(() => {
  for (const t of created) execFileSync('docker', ['rmi', '-f', t], { stdio: 'ignore' })
  fs.rmSync(dir, { recursive: true, force: true })
})

const run = async (map: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const inputs = readInputs(getter({ context: dir, ...map }), { cwd: dir, env })
  const reporter = recordingReporter()
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bpa-run-'))
  const result = await runPipeline(inputs, resolvePlan(inputs), { docker: new Docker(), reporter, tmpDir, key: `bpa-${nonce}`, env })
  recordBuild(result.image?.inEngine ? result.image.imageId : undefined, inputs.tags)
  return { result, reporter }
}

/** The files /probe/* of an image, read back by running it. */
function probe(image: string): Record<string, string> {
  const out = execFileSync('docker', ['run', '--rm', '--network', 'none', image, 'sh', '-c', 'for f in /probe/*; do echo "$(basename $f)=$(cat $f | tr "\\n" " ")"; done'], { encoding: 'utf8' })
  return Object.fromEntries(out.trim().split('\n').map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()]))
}

describe('add-hosts, network, shm-size, ulimit and ssh reach the RUN steps', () => {
  test('with the inputs set, the sandbox has them; the ssh key is never printed', async () => {
    const key = path.join(dir, 'deploy_key')
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'stagecraft-test', '-f', key], { stdio: 'ignore' })
    const keyBody = fs.readFileSync(key, 'utf8').split('\n')[1]
    const t = `stagecraft-test/bpa-probe:${nonce}-set`
    created.push(t)
    const { result, reporter } = await run({
      tags: t,
      'build-args': `NONCE=${nonce}-set`,
      'add-hosts': 'wt11host:10.9.8.7',
      network: 'none',
      'shm-size': '96m',
      ulimit: 'nofile=1234:1234',
      ssh: 'default=deploy_key'
    })
    expect(result.failure).toBeUndefined()
    expect(probe(t)).toEqual({
      nonce: `${nonce}-set`,
      hosts: '10.9.8.7\twt11host',
      net: 'lo',
      shm: String(96 * 1024),
      nofile: '1234',
      ssh: 'socket'
    })
    expect(reporter.lines.join('\n')).not.toContain(keyBody)
  })

  test('without them (the control), none of it is there', async () => {
    const t = `stagecraft-test/bpa-probe:${nonce}-unset`
    created.push(t)
    const { result } = await run({ tags: t, 'build-args': `NONCE=${nonce}-unset` })
    expect(result.failure).toBeUndefined()
    const p = probe(t)
    expect(p.hosts).toBe('')
    expect(p.net.split(' ')).toContain('eth0')
    expect(p.shm).toBe(String(64 * 1024))
    expect(p.nofile).not.toBe('1234')
    expect(p.ssh).toBe('none')
  })
})

describe('outputs: extra exporters beside the image Stagecraft audits', () => {
  test('type=local and type=tar get the runner filesystem; the image is still in the engine, audited and sized', async () => {
    const t = `stagecraft-test/bpa-outputs:${nonce}`
    created.push(t)
    const local = path.join(dir, 'out-local')
    const tar = path.join(dir, 'out.tar')
    const { result } = await run({
      file: path.join(dir, 'Dockerfile.small'),
      'build-args': `NONCE=${nonce}-outputs`,
      tags: t,
      outputs: `type=local,dest=${local}\ntype=tar,dest=${tar}`
    })
    expect([result.failure, result.warnings, result.failedLogTail?.slice(-6)]).toEqual([undefined, [], undefined])
    expect(fs.readFileSync(path.join(local, 'stamp'), 'utf8')).toBe(`${nonce}-outputs\n`)
    expect(execFileSync('tar', ['-tf', tar], { encoding: 'utf8' }).split('\n')).toContain('stamp')
    expect(result.image?.imageId).toBe(execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', t], { encoding: 'utf8' }).trim())
    expect(result.audit?.failing).toBe(0)
    expect(result.audit?.findings.map(f => f.rule)).toContain('hygiene/shell')
    expect(result.size?.bytes).toBeGreaterThan(0)
  })
})

/** The pushed tag's manifest, and for an index the manifests it lists. */
function manifest(ref: string): { mediaType: string; manifests?: { digest: string; annotations?: Record<string, string> }[]; layers?: { digest: string; annotations?: Record<string, string> }[] } {
  return JSON.parse(execFileSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], { encoding: 'utf8' }))
}
function blob(repo: string, digest: string): string {
  return execFileSync('curl', ['-sSf', `http://${REGISTRY}/v2/${repo}/blobs/${digest}`], { encoding: 'utf8' })
}

// The docker driver on the classic store cannot attach attestations (buildx refuses them), as on
// GitHub-hosted runners without setup-buildx-action: there an explicit sbom fails the way buildx
// says, and BPA's default provenance is not added at all.
const classicStore = !execFileSync('docker', ['info', '--format', '{{json .DriverStatus}}'], { encoding: 'utf8' }).includes('io.containerd.snapshotter')

describe('provenance and sbom give the manifests BPA users expect, after a push', () => {
  const repo = `stagecraft-test/bpa-attest-${nonce}`
  const push = (suffix: string, map: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
    run({ file: path.join(dir, 'Dockerfile.small'), 'build-args': `NONCE=${nonce}`, push: 'true', tags: `${REGISTRY}/${repo}:${suffix}`, ...map }, env)

  test('provenance: false → a plain image manifest, no attestation manifest', async () => {
    created.push(`${REGISTRY}/${repo}:noprov`)
    const { result } = await push('noprov', { provenance: 'false' })
    expect(result.failure).toBeUndefined()
    const m = manifest(`${REGISTRY}/${repo}:noprov`)
    expect(m.mediaType).toMatch(/manifest\.v2\+json$|image\.manifest\.v1\+json$/)
    expect(m.manifests).toBeUndefined()
  })

  test('sbom (our generator) → an attestation manifest with an SPDX in-toto layer for the image', async () => {
    created.push(`${REGISTRY}/${repo}:sbom`)
    const { result } = await push('sbom', { sbom: `generator=${GENERATOR}`, provenance: 'false' })
    if (classicStore) {
      expect(result.failure).toMatch(/^build of runner stage/)
      expect(result.failedLogTail?.join('\n')).toMatch(/Attestation is not supported for the docker driver/)
      return
    }
    expect([result.failure, result.failedLogTail?.slice(-8)]).toEqual([undefined, undefined])
    const index = manifest(`${REGISTRY}/${repo}:sbom`)
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const att = index.manifests!.filter(d => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
    expect(att).toHaveLength(1)
    const image = index.manifests!.find(d => !d.annotations?.['vnd.docker.reference.type'])!
    expect(att[0].annotations!['vnd.docker.reference.digest']).toBe(image.digest)
    const attManifest = manifest(`${REGISTRY}/${repo}@${att[0].digest}`)
    const types = attManifest.layers!.map(l => l.annotations?.['in-toto.io/predicate-type'])
    expect(types).toEqual(['https://spdx.dev/Document'])
    const statement = JSON.parse(blob(repo, attManifest.layers![0].digest))
    expect(statement.predicateType).toBe('https://spdx.dev/Document')
    expect(statement.predicate.creationInfo.creators).toContain('Tool: stagecraft-test-scanner')
    expect(statement.predicate.comment).toMatch(/^files=[1-9]\d*$/) // it scanned the image's files
  })

  test('BPA default provenance in Actions (public repo): mode=max with the run URL as builder-id', async () => {
    created.push(`${REGISTRY}/${repo}:default`)
    const event = path.join(dir, 'event.json')
    fs.writeFileSync(event, JSON.stringify({ repository: { private: false } }))
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '1', GITHUB_EVENT_PATH: event, GITHUB_SERVER_URL: 'https://github.com' }
    const { result } = await push('default', {}, env)
    expect(result.failure).toBeUndefined()
    const index = manifest(`${REGISTRY}/${repo}:default`)
    if (classicStore) {
      expect(index.manifests).toBeUndefined() // no default provenance where the builder cannot attach it
      return
    }
    const att = index.manifests!.find(d => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')!
    const layer = manifest(`${REGISTRY}/${repo}@${att.digest}`).layers![0]
    expect(layer.annotations?.['in-toto.io/predicate-type']).toMatch(/^https:\/\/slsa\.dev\/provenance\//)
    const statement = JSON.parse(blob(repo, layer.digest))
    expect(JSON.stringify(statement.predicate)).toContain('https://github.com/o/r/actions/runs/99/attempts/1')
    // mode=max records the build's arguments; mode=min does not.
    expect(JSON.stringify(statement.predicate)).toContain(`NONCE`)
  })

  test('audit and size are the same with and without attestation manifests', async () => {
    if (classicStore) return // no attestations on this store (see above)
    const plain = await push('noprov', { provenance: 'false' })
    const attested = await push('sbom', { sbom: `generator=${GENERATOR}`, provenance: 'mode=max' })
    for (const r of [plain.result, attested.result]) expect([r.failure, r.warnings]).toEqual([undefined, []])
    const view = (r: typeof plain.result) => ({
      findings: r.audit?.findings.map(f => [f.rule, f.severity, f.evidence.path]),
      failing: r.audit?.failing,
      bytes: r.size?.bytes,
      layers: r.size?.layerCount
    })
    expect(view(plain.result).bytes).toBeGreaterThan(0)
    expect(view(attested.result)).toEqual(view(plain.result))
  })
})
