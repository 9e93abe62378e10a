/**
 * secret-leak: a build secret's value must not occur in any layer's file bytes, file names, ENV,
 * labels or history, including in a file that a later layer deleted (it still ships in the lower
 * layer). Findings name the secret id, path, layer and Dockerfile line; never the value.
 */
import { MIN_CONTENT_BITS, MIN_CONTENT_BYTES, MIN_SECRET_BYTES } from '../../inspect/secret-search.js'
import { REDACTED } from '../../inspect/config-secrets.js'
import type { ConfigSecretHit } from '../../inspect/types.js'
import { finding, layerEvidence, type AuditContext } from '../context.js'
import type { Finding } from '../types.js'

export function secretLeakRule(ctx: AuditContext): Finding[] {
  return [...fileLeaks(ctx), ...configLeaks(ctx), ...unscannable(ctx), ...archiveLimits(ctx)]
}

function fileLeaks(ctx: AuditContext): Finding[] {
  const out: Finding[] = []
  for (const layer of ctx.facts.layers) {
    const seen = new Set<string>()
    for (const hit of layer.facts.secretHits) {
      const key = `${hit.secretId}\n${hit.path}\n${hit.member ?? ''}\n${hit.encoding ?? ''}`
      if (seen.has(key)) continue
      seen.add(key)
      const final = ctx.fs.files.get(hit.path)
      const deleted = !final || final.layer !== layer.index
      const file = layer.facts.files.find(f => f.path === hit.path)
      const where = hit.where === 'content' ? 'in the bytes of' : hit.where === 'path' ? 'in the name of' : 'in the link target of'
      // In an archive's member: "in the bytes of logs/env.txt, archived in /app/debug.tar.gz".
      const target = hit.member === undefined ? `/${hit.path}` : `${hit.member}, archived in /${hit.path}`
      const later = deleted ? ' A later layer deletes or replaces the file, but layer ' + layer.index + ' still ships it to anyone who pulls the image.' : ''
      out.push(
        finding(
          'secret-leak',
          'error',
          `The value of build secret "${hit.secretId}"${encoded(hit.encoding)} is ${where} ${target} (layer ${layer.index}).${later} Read secrets from the mount only, in the RUN that needs them, and never write them to a file.`,
          { path: `/${hit.path}`, member: hit.member, bytes: file?.size, ...layerEvidence(ctx, layer.index), secretId: hit.secretId }
        )
      )
    }
  }
  return out
}

function configLeaks(ctx: AuditContext): Finding[] {
  // One finding per secret and Dockerfile line (ENV x=… shows up in both Env and the history).
  const groups = new Map<string, { secretId: string; line: number; places: string[] }>()
  for (const hit of ctx.facts.configSecretHits) {
    const line = configLine(ctx, hit)
    const key = `${hit.secretId}\n${line}`
    const g = groups.get(key) ?? { secretId: hit.secretId, line, places: [] }
    const place = describe(hit, ctx) + (hit.encoding ? `, ${ENCODING_NAMES[hit.encoding]}` : '')
    if (!g.places.includes(place)) g.places.push(place)
    groups.set(key, g)
  }
  return [...groups.values()].map(g =>
    finding(
      'secret-leak',
      'error',
      `The value of build secret "${g.secretId}" is in the image config (${g.places.join(', ')}), readable by anyone with the image (docker inspect / docker history). Pass it with RUN --mount=type=secret, never with ARG, ENV or LABEL.`,
      { line: g.line, secretId: g.secretId, instruction: instructionAt(ctx, g.line) }
    )
  )
}

/**
 * A build arg whose value is the secret: BuildKit records `|1 NAME=value` in the history of every RUN
 * after the ARG, so these hits are reported once, on the ARG line. The history text is redacted
 * already, so the arg is the one whose value reads `***` (and the command itself holds no `***`).
 */
function leakedBuildArg(ctx: AuditContext, hit: ConfigSecretHit): { name: string; line: number } | undefined {
  if (hit.field !== 'history') return undefined
  if (hit.arg) return argLine(ctx, hit.arg)
  const text = ctx.facts.config.history[Number(hit.key)]?.createdBy ?? ''
  const m = text.match(/^RUN \|(\d+) (.*)$/)
  if (!m) return undefined
  const tokens = m[2].split(' ')
  const args = tokens.slice(0, Number(m[1]))
  if (tokens.slice(Number(m[1])).join(' ').includes(REDACTED)) return undefined
  const name = args.find(a => a.includes(REDACTED))?.split('=')[0]
  return name ? argLine(ctx, name) : undefined
}

/** The ARG instruction declaring `name` in the stage chain. */
function argLine(ctx: AuditContext, name: string): { name: string; line: number } | undefined {
  for (let s = ctx.chain.length - 1; s >= 0; s--) {
    const arg = [...ctx.chain[s].instructions].reverse().find(i => i.keyword === 'ARG' && i.args.split(/[=\s]/)[0] === name)
    if (arg) return { name, line: arg.line }
  }
  return undefined
}

function describe(hit: ConfigSecretHit, ctx: AuditContext): string {
  const arg = leakedBuildArg(ctx, hit)
  if (arg) return `build arg ${arg.name}, recorded in the history of every later RUN`
  if (hit.field === 'env') return `ENV ${hit.key}`
  if (hit.field === 'label') return `LABEL ${hit.key}`
  if (hit.field === 'config') return hit.key
  const entry = ctx.facts.config.history[Number(hit.key)]
  const keyword = entry?.createdBy.trim().split(/\s+/)[0] ?? ''
  return `history of ${keyword || 'a step'}`
}

/** The Dockerfile line a config hit comes from. */
function configLine(ctx: AuditContext, hit: ConfigSecretHit): number {
  const arg = leakedBuildArg(ctx, hit)
  if (arg) return arg.line
  if (hit.field === 'history') return ctx.history[Number(hit.key)]?.line ?? ctx.chain[0].line
  const keyword = hit.field === 'env' ? 'ENV' : hit.field === 'label' ? 'LABEL' : undefined
  if (keyword) {
    for (let s = ctx.chain.length - 1; s >= 0; s--) {
      const instr = [...ctx.chain[s].instructions]
        .reverse()
        .find(i => i.keyword === keyword && new RegExp(`(^|\\s)["']?${escapeRe(hit.key)}["']?(=|\\s|$)`).test(i.args))
      if (instr) return instr.line
    }
    return ctx.chain[0].line // set by the base image
  }
  const field = hit.key === 'Cmd' ? 'CMD' : hit.key === 'Entrypoint' ? 'ENTRYPOINT' : hit.key === 'User' ? 'USER' : 'WORKDIR'
  for (let s = ctx.chain.length - 1; s >= 0; s--) {
    const instr = [...ctx.chain[s].instructions].reverse().find(i => i.keyword === field)
    if (instr) return instr.line
  }
  return ctx.chain[0].line
}

function instructionAt(ctx: AuditContext, line: number): string | undefined {
  for (const s of ctx.chain) {
    const i = s.instructions.find(x => x.line === line)
    if (i) return i.keyword // never the arguments: they may hold the value
  }
  return undefined
}

const ENCODING_NAMES: Record<NonNullable<ConfigSecretHit['encoding']>, string> = {
  base64: 'base64-encoded',
  base64url: 'base64url-encoded',
  hex: 'hex-encoded',
  url: 'URL-encoded',
  json: 'JSON-escaped'
}

const encoded = (e: ConfigSecretHit['encoding']) => (e ? ` (${ENCODING_NAMES[e]})` : '')

/** One warning per secret the search left out, saying why and what was still checked (no silent skip). */
function unscannable(ctx: AuditContext): Finding[] {
  return ctx.secretCoverage.map(c => {
    const why =
      c.reason === 'too-short'
        ? `is shorter than ${MIN_SECRET_BYTES} bytes, too short to search for without matching everywhere: it was not checked anywhere.`
        : `${c.reason === 'short' ? `is shorter than ${MIN_CONTENT_BYTES} bytes` : `has too little entropy (under ${MIN_CONTENT_BITS} bits: a word-like or repetitive value)`}, so it would match ordinary files: it was not searched in file contents, file names or encoded forms, only as a whole value in ENV, labels and build args.`
    return finding('secret-leak', 'warning', `Build secret "${c.id}" ${why} Use a longer, random value to have it checked everywhere.`, {
      secretId: c.id,
      line: ctx.target.line
    })
  })
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One notice per archive the secret search could not fully look inside (bounds, unreadable): never silent. */
function archiveLimits(ctx: AuditContext): Finding[] {
  const out: Finding[] = []
  for (const layer of ctx.facts.layers) {
    for (const l of layer.facts.archiveLimits ?? []) {
      const what = l.member === undefined ? `/${l.path}` : `${l.member} in /${l.path}`
      out.push(
        finding('secret-leak', 'notice', `Archive ${what} (layer ${layer.index}) was not fully searched for build secrets: ${l.reason}.`, {
          path: `/${l.path}`,
          member: l.member,
          ...layerEvidence(ctx, layer.index)
        })
      )
    }
  }
  return out
}
