/**
 * non-root: the runner must not run as root. Errors for no USER (implicit root), `root`, `0`,
 * `0:<g>`, `root:<g>`, and a name that the image's own /etc/passwd maps to uid 0. A non-numeric
 * user gets a warning: Kubernetes runAsNonRoot can only verify a numeric uid.
 */
import { finding, lastInstruction, layerEvidence, type AuditContext } from '../context.js'
import { stageLabel } from '../../plan/dockerfile.js'
import type { Finding } from '../types.js'

export function nonRootRule(ctx: AuditContext): Finding[] {
  const user = ctx.facts.config.user.trim()
  const userInstr = lastInstruction(ctx, 'USER')
  // USER set by the base image rather than the Dockerfile points at FROM.
  const line = userInstr?.line ?? (user ? ctx.chain[0].line : ctx.target.line)
  const instruction = userInstr ? `USER ${userInstr.args}` : undefined
  const stageName = stageLabel(ctx.target)
  // What the Dockerfile says, and what it resolved to when that differs (`USER ${APP_USER}` → "root").
  const written = userInstr?.args.trim()
  const said = !userInstr ? `The base image's USER ${user}` : written === user ? `USER ${user}` : `USER ${written} (resolved to "${user}")`

  if (!user) {
    return [
      finding(
        'non-root',
        'error',
        `The image sets no USER, so it runs as root (uid 0). Add \`USER <uid>\` with a numeric non-zero uid (e.g. USER 65532) to stage ${stageName}.`,
        { line, instruction: ctx.target.instructions[0] ? `FROM ${ctx.target.instructions[0].args}` : undefined }
      )
    ]
  }
  const name = user.split(':')[0]
  if (/^\d+$/.test(name)) {
    if (Number(name) !== 0) return []
    return [
      finding('non-root', 'error', `${said} runs as root (uid 0). Use a non-zero numeric uid, e.g. USER 65532.`, {
        line,
        instruction
      })
    ]
  }
  if (name === 'root') {
    return [
      finding('non-root', 'error', `${said} runs as root (uid 0). Use a non-zero numeric uid, e.g. USER 65532.`, {
        line,
        instruction
      })
    ]
  }
  const entry = ctx.passwd?.entries.find(e => e.name === name)
  const passwdEvidence = ctx.passwd ? { path: '/etc/passwd', ...layerEvidence(ctx, ctx.passwd.layer) } : {}
  if (entry?.uid === 0) {
    return [
      finding(
        'non-root',
        'error',
        `${said}: the image's /etc/passwd maps "${name}" to uid 0, so it runs as root. Give the user a non-zero uid and set USER to that number.`,
        { ...passwdEvidence, line, instruction }
      )
    ]
  }
  if (!entry) {
    return [
      finding(
        'non-root',
        'warning',
        `${said}: "${name}" is not in the image's /etc/passwd, so the container cannot start as it; and Kubernetes runAsNonRoot can only verify a numeric uid. Use USER <uid>.`,
        { line, instruction }
      )
    ]
  }
  return [
    finding(
      'non-root',
      'warning',
      `${said} is a name, not a number: Kubernetes runAsNonRoot can only verify a numeric uid. Use USER ${entry.uid}${user.includes(':') ? `:${user.split(':')[1]}` : ''} instead.`,
      { line, instruction }
    )
  ]
}
