/**
 * BPA's inputs that map straight to buildx flags (add-hosts, network, shm-size, ulimit, call,
 * attests, provenance, sbom, ssh, ...), with the checks buildx would otherwise fail on late.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import { errorMessage, InputError } from '../errors.js'
import { defaultProvenance, hasAttestationType, readAttestEnvironment, resolveProvenanceAttrs, resolveProvenanceInput } from './attest.js'
import type { InputGetter, Inputs } from './inputs.js'
import { listInput } from './list.js'

export type BuildxInputs = Pick<
  Inputs,
  | 'add-hosts'
  | 'allow'
  | 'annotations'
  | 'attests'
  | 'call'
  | 'cgroup-parent'
  | 'network'
  | 'no-cache-filters'
  | 'outputs'
  | 'provenance'
  | 'provenance-default'
  | 'sbom'
  | 'shm-size'
  | 'ssh'
  | 'ulimit'
>

/** buildx's RAMInBytes units (`2g`, `512m`, `1.5GiB`, `67108864`). */
const SIZE = /^\d+(\.\d+)? ?[kKmMgGtTpP]?[iI]?[bB]?$/
const CALL_METHODS = ['build', 'check', 'outline', 'targets']

/** BPA's inputs that map straight to buildx flags, with the checks buildx would fail on late. */
export function readBuildxInputs(get: InputGetter, env: NodeJS.ProcessEnv, cwd: string): BuildxInputs {
  const attestEnv = readAttestEnvironment(env)
  const addHosts = listInput('add-hosts', get(Input.AddHosts))
  for (const h of addHosts) {
    if (!/^[^\s:=]+[:=]\S+$/.test(h)) throw new InputError(Input.AddHosts, `expected host:ip (e.g. docker:10.180.0.1), got "${h}"`)
  }
  const network = get(Input.Network)
  if (network && !/^[A-Za-z0-9_.:-]+$/.test(network)) {
    throw new InputError(Input.Network, `expected a network mode such as default, none or host, got "${network}"`)
  }
  const shm = get(Input.ShmSize)
  if (shm && !SIZE.test(shm)) throw new InputError(Input.ShmSize, `expected a size such as 2g or 512m, got "${shm}"`)
  const ulimit = listInput('ulimit', get(Input.Ulimit))
  for (const u of ulimit) {
    if (!/^[a-z]+=-?\d+(:-?\d+)?$/.test(u)) throw new InputError(Input.Ulimit, `expected name=soft[:hard] (e.g. nofile=1024:1024), got "${u}"`)
  }
  const call = get(Input.Call)
  const method = call.split(',')[0].trim()
  if (call && !CALL_METHODS.includes(method)) {
    throw new InputError(Input.Call, `expected one of ${CALL_METHODS.join(', ')} (with options after a comma), got "${call}"`)
  }
  const attests = listInput('attests', get(Input.Attests)).map(a => {
    try {
      return hasAttestationType('provenance', a) ? resolveProvenanceAttrs(a, attestEnv.builderId) : a
    } catch (e) {
      throw new InputError(Input.Attests, `"${a}" is not a CSV attribute list (${errorMessage(e)})`)
    }
  })
  return {
    'add-hosts': addHosts,
    allow: listInput('allow', get(Input.Allow)),
    annotations: listInput('annotations', get(Input.Annotations)),
    attests,
    call: method === 'build' && !call.includes(',') ? '' : call,
    'cgroup-parent': get(Input.CgroupParent),
    network,
    'no-cache-filters': listInput('no-cache-filters', get(Input.NoCacheFilters)),
    outputs: listInput('outputs', get(Input.Outputs)),
    provenance: resolveProvenanceInput(get(Input.Provenance), attestEnv.builderId),
    'provenance-default': defaultProvenance(attests, attestEnv),
    sbom: get(Input.Sbom),
    'shm-size': shm,
    ssh: readSsh(listInput('ssh', get(Input.Ssh)), env, cwd),
    ulimit
  }
}

/**
 * `ssh` entries as buildx takes them: `default` (the agent at SSH_AUTH_SOCK), `id=SOCKET_OR_KEY`
 * or `id=KEY,KEY`. Paths must exist; relative ones are resolved against the workspace. Only paths
 * are ever named in an error, never key material.
 */
function readSsh(items: string[], env: NodeJS.ProcessEnv, cwd: string): string[] {
  return items.map(item => {
    const eq = item.indexOf('=')
    const id = eq < 0 ? item : item.slice(0, eq)
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
      throw new InputError(Input.Ssh, `expected default, id or id=path-to-agent-socket-or-key, got an entry whose id is not a name`)
    }
    if (eq < 0) {
      if (!env.SSH_AUTH_SOCK) {
        throw new InputError(Input.Ssh, `"${id}" forwards the ssh agent at SSH_AUTH_SOCK, which is not set: start an agent first, or give ${id}=path/to/key`)
      }
      return item
    }
    const paths = item.slice(eq + 1).split(',')
    const abs = paths.map(p => {
      const a = path.resolve(cwd, p.trim())
      if (!p.trim() || !fs.existsSync(a)) throw new InputError(Input.Ssh, `${id}: no agent socket or key file at "${p.trim()}"`)
      return a
    })
    return `${id}=${abs.join(',')}`
  })
}
