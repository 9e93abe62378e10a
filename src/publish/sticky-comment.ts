/**
 * One sticky comment per key on a pull request: found again by a hidden marker through the
 * whole paginated listing, updated in place; when two runs race and both create one, the
 * oldest survives and the others are deleted, so exactly one remains. A second hidden line
 * stamps the commit and run the comment reports on, so a slow run for an older commit that
 * finishes last does not overwrite the newer commit's report.
 *
 * Own words only: anyone can type the marker, so a comment is ours only when the identity our
 * token posts as wrote it (github/identity.ts). A foreign comment carrying the marker is never
 * edited or deleted, and its stamp is ignored.
 */
import { httpStatus, type CommentsApi, type IssueComment } from '../github/client.js'
import { identityOf, isAuthor, type Identity } from '../github/identity.js'

/** GitHub rejects comment bodies longer than this many characters. */
export const MAX_COMMENT_CHARS = 65536

/** The hidden first line that marks our comment for `key`. */
export function marker(key: string): string {
  return `<!-- stagecraft:comment ${key.replace(/--+>?/g, '-')} -->`
}

/** Which commit and run a comment reports on. */
export interface RunStamp {
  /** The PR head commit the report is for. */
  sha: string
  /** GITHUB_RUN_NUMBER: grows with every run of a workflow, so a later push has a larger one. */
  runNumber?: number
  runAttempt?: number
}

/** The hidden second line carrying the stamp. */
export function stampLine(s: RunStamp): string {
  return `<!-- stagecraft:run sha=${s.sha.replace(/[^0-9a-f]/gi, '')} run=${s.runNumber ?? 0}.${s.runAttempt ?? 0} -->`
}

/** The stamp of a comment body, if it has one. */
export function readStamp(body: string): RunStamp | undefined {
  const m = /^<!-- stagecraft:run sha=([0-9a-f]*) run=(\d+)\.(\d+) -->$/im.exec(body.split('\n', 3).slice(0, 2).join('\n'))
  if (!m) return undefined
  return { sha: m[1], runNumber: Number(m[2]) || undefined, runAttempt: Number(m[3]) || undefined }
}

/**
 * True when `ours` comes from an earlier run than the one `theirs` shows: a lower run number (an
 * earlier push), or the same run with a lower attempt (re-runs finishing out of order). A re-run
 * (higher attempt) or a later push updates. Without run numbers on both sides: never older.
 */
export function isOlder(ours: RunStamp, theirs: RunStamp | undefined): boolean {
  if (!theirs || ours.runNumber === undefined || theirs.runNumber === undefined) return false
  if (ours.runNumber !== theirs.runNumber) return ours.runNumber < theirs.runNumber
  return (ours.runAttempt ?? 0) < (theirs.runAttempt ?? 0)
}

export interface StickyResult {
  action: 'created' | 'updated' | 'skipped'
  comment: IssueComment
  /** Duplicate comments (from a race or an older run) deleted. */
  removed: number
  /** When skipped: the newer stamp the comment already has. */
  newer?: RunStamp
}

/** True when `c` is our comment for `mark`: our marker, written by us. */
export function isOwnComment(c: IssueComment, mark: string, me: Identity): boolean {
  return c.body.startsWith(mark) && isAuthor(c.author, me)
}

/** Our comments for `mark`, oldest first, through every page. */
async function findOwn(api: CommentsApi, issue: number, mark: string, me: Identity): Promise<IssueComment[]> {
  const found: IssueComment[] = []
  for await (const c of api.listComments(issue)) if (isOwnComment(c, mark, me)) found.push(c)
  return found
}

/** Cut `body` to GitHub's limit, with a note saying so. */
export function fitBody(body: string, limit = MAX_COMMENT_CHARS): string {
  if (body.length <= limit) return body
  const note = '\n\n… _truncated: the full report is in the job summary and the JSON report._\n'
  return body.slice(0, limit - note.length) + note
}

/** Create or update the comment for `key` on `issue`. `body` must not contain the marker. */
export async function upsertStickyComment(api: CommentsApi, issue: number, key: string, body: string, stamp?: RunStamp): Promise<StickyResult> {
  const mark = marker(key)
  const full = fitBody(stamp ? `${mark}\n${stampLine(stamp)}\n${body}` : `${mark}\n${body}`)
  let me = await api.identity()
  const existing = await findOwn(api, issue, mark, me)
  let action: StickyResult['action']
  let comment: IssueComment
  const shown = existing.length > 0 ? readStamp(existing[0].body) : undefined
  if (stamp && isOlder(stamp, shown)) return { action: 'skipped', comment: existing[0], removed: 0, newer: shown }
  if (existing.length > 0) {
    comment = await api.updateComment(existing[0].id, full)
    action = 'updated'
  } else {
    comment = await api.createComment(issue, full)
    action = 'created'
    // What we just wrote names our identity for certain (the lookup may have been a guess).
    if (comment.author) me = identityOf(comment.author.login, 'created', comment.author.type)
  }
  // Settle races: another run may have created its own comment meanwhile (or an older run left
  // duplicates). Keep the oldest, which every racer agrees on, and make sure it holds our body.
  const all = await findOwn(api, issue, mark, me)
  let removed = 0
  if (all.length > 1) {
    const keep = all.reduce((a, b) => (b.id < a.id ? b : a))
    const kept = readStamp(keep.body)
    if (stamp && keep.id !== comment.id && isOlder(stamp, kept)) {
      // Our identity was only learned by creating: the comment we found is from a newer run.
      await deleteIfThere(api, comment.id)
      return { action: 'skipped', comment: keep, removed: 1, newer: kept }
    }
    for (const c of all) {
      if (c.id === keep.id) continue
      if (await deleteIfThere(api, c.id)) removed++
    }
    if (keep.id !== comment.id) {
      comment = await api.updateComment(keep.id, full)
      action = 'updated'
    }
  }
  return { action, comment, removed }
}

/** Delete our comment `id`; false when the other racer already did. */
async function deleteIfThere(api: CommentsApi, id: number): Promise<boolean> {
  try {
    await api.deleteComment(id)
    return true
  } catch (e) {
    if (httpStatus(e) !== 404) throw e
    return false
  }
}
