/**
 * One sticky comment per key on a pull request: found again by a hidden marker through the
 * whole paginated listing, updated in place; when two runs race and both create one, the
 * oldest survives and the others are deleted, so exactly one remains.
 */
import { httpStatus, type CommentsApi, type IssueComment } from './client.js'

/** GitHub rejects comment bodies longer than this many characters. */
export const MAX_COMMENT_CHARS = 65536

/** The hidden first line that marks our comment for `key`. */
export function marker(key: string): string {
  return `<!-- stagecraft:comment ${key.replace(/--+>?/g, '-')} -->`
}

export interface StickyResult {
  action: 'created' | 'updated'
  comment: IssueComment
  /** Duplicate comments (from a race or an older run) deleted. */
  removed: number
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
export async function upsertStickyComment(api: CommentsApi, issue: number, key: string, body: string): Promise<StickyResult> {
  const mark = marker(key)
  const full = fitBody(`${mark}\n${body}`)
  const existing = await findAll(api, issue, mark)
  let action: StickyResult['action']
  let comment: IssueComment
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
