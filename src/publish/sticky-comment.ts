/**
 * One sticky comment per key on a pull request: found again by a hidden marker through the
 * whole paginated listing, updated in place; when two runs race and both create one, the
 * oldest survives and the others are deleted, so exactly one remains. A second hidden line
 * stamps the commit and run the comment reports on, so a slow run for an older commit that
 * finishes last does not overwrite the newer commit's report.
 */
import { httpStatus, type CommentsApi, type IssueComment } from '../github/client.js'

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

async function findAll(api: CommentsApi, issue: number, mark: string): Promise<IssueComment[]> {
  const found: IssueComment[] = []
  for (let page = 1; ; page++) {
    const { comments, hasNext } = await api.listComments(issue, page)
    found.push(...comments.filter(c => c.body.startsWith(mark)))
    if (!hasNext || comments.length === 0) return found
  }
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
  const existing = await findAll(api, issue, mark)
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
  }
  // Settle races: another run may have created its own comment meanwhile (or an older run left
  // duplicates). Keep the oldest, which every racer agrees on, and make sure it holds our body.
  const all = await findAll(api, issue, mark)
  let removed = 0
  if (all.length > 1) {
    const keep = all.reduce((a, b) => (b.id < a.id ? b : a))
    for (const c of all) {
      if (c.id === keep.id) continue
      try {
        await api.deleteComment(c.id)
        removed++
      } catch (e) {
        if (httpStatus(e) !== 404) throw e // already deleted by the other racer
      }
    }
    if (keep.id !== comment.id) {
      comment = await api.updateComment(keep.id, full)
      action = 'updated'
    }
  }
  return { action, comment, removed }
}
