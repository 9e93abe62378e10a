import type { CommentsApi, IssueComment } from '../../src/github/client.js'
import { fitBody, isOlder, marker, MAX_COMMENT_CHARS, readStamp, stampLine, upsertStickyComment, type RunStamp } from '../../src/publish/sticky-comment.js'

/** In-memory issue comments with GitHub's page semantics; `yieldEvery` interleaves racers. */
function fakeApi(perPage = 100) {
  const comments: IssueComment[] = []
  let next = 1
  const tick = () => new Promise(r => setImmediate(r))
  const api: CommentsApi = {
    async listComments(_issue, page) {
      await tick()
      const start = (page - 1) * perPage
      return { comments: comments.slice(start, start + perPage).map(c => ({ ...c })), hasNext: start + perPage < comments.length }
    },
    async createComment(_issue, body) {
      await tick()
      const c = { id: next++, body, html_url: `https://github.test/c/${next}` }
      comments.push(c)
      return { ...c }
    },
    async updateComment(id, body) {
      await tick()
      const c = comments.find(x => x.id === id)
      if (!c) throw Object.assign(new Error('Not Found'), { status: 404 })
      c.body = body
      return { ...c }
    },
    async deleteComment(id) {
      await tick()
      const i = comments.findIndex(x => x.id === id)
      if (i < 0) throw Object.assign(new Error('Not Found'), { status: 404 })
      comments.splice(i, 1)
    }
  }
  const seed = (n: number) => {
    for (let i = 0; i < n; i++) comments.push({ id: next++, body: `someone else ${i}`, html_url: '' })
  }
  return { api, comments, seed }
}

const ours = (comments: IssueComment[], key: string) => comments.filter(c => c.body.startsWith(marker(key)))

describe('upsertStickyComment', () => {
  test('first run creates, second run updates in place', async () => {
    const f = fakeApi()
    const a = await upsertStickyComment(f.api, 7, 'Dockerfile:runner', 'size 10 MB')
    expect(a.action).toBe('created')
    const b = await upsertStickyComment(f.api, 7, 'Dockerfile:runner', 'size 11 MB')
    expect(b).toMatchObject({ action: 'updated', comment: { id: a.comment.id } })
    expect(ours(f.comments, 'Dockerfile:runner')).toHaveLength(1)
    expect(f.comments[0].body).toBe(`${marker('Dockerfile:runner')}\nsize 11 MB`)
  })

  test('two keys keep two comments', async () => {
    const f = fakeApi()
    await upsertStickyComment(f.api, 7, 'api/Dockerfile:runner', 'a')
    await upsertStickyComment(f.api, 7, 'web/Dockerfile:runner', 'b')
    await upsertStickyComment(f.api, 7, 'api/Dockerfile:runner', 'a2')
    expect(f.comments.map(c => c.body.split('\n')[1])).toEqual(['a2', 'b'])
  })

  test('found beyond the first page of a busy PR (250 comments)', async () => {
    const f = fakeApi()
    f.seed(150)
    const first = await upsertStickyComment(f.api, 7, 'k', 'one')
    f.seed(100)
    const second = await upsertStickyComment(f.api, 7, 'k', 'two')
    expect(second).toMatchObject({ action: 'updated', comment: { id: first.comment.id } })
    expect(ours(f.comments, 'k')).toHaveLength(1)
  })

  test('two runs racing leave exactly one comment, the oldest, with a body from one of them', async () => {
    const f = fakeApi()
    const [a, b] = await Promise.all([upsertStickyComment(f.api, 7, 'k', 'from A'), upsertStickyComment(f.api, 7, 'k', 'from B')])
    const left = ours(f.comments, 'k')
    expect(left).toHaveLength(1)
    expect(a.comment.id).toBe(left[0].id)
    expect(b.comment.id).toBe(left[0].id)
    expect(['from A', 'from B']).toContain(left[0].body.split('\n')[1])
  })

  test('duplicates left by an older version are cleaned up', async () => {
    const f = fakeApi()
    f.comments.push({ id: 100, body: `${marker('k')}\nold 1`, html_url: '' }, { id: 101, body: `${marker('k')}\nold 2`, html_url: '' })
    const r = await upsertStickyComment(f.api, 7, 'k', 'new')
    expect(r).toMatchObject({ action: 'updated', removed: 1, comment: { id: 100 } })
    expect(ours(f.comments, 'k').map(c => c.body)).toEqual([`${marker('k')}\nnew`])
  })

  test('errors other than 404 propagate (the caller turns them into a warning)', async () => {
    const f = fakeApi()
    f.api.createComment = async () => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
    }
    await expect(upsertStickyComment(f.api, 7, 'k', 'x')).rejects.toMatchObject({ status: 403 })
  })
})

describe('fitBody', () => {
  test('never over the limit, with a note', () => {
    const body = fitBody('x'.repeat(MAX_COMMENT_CHARS + 500))
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).toContain('truncated')
  })
  test('short bodies unchanged', () => expect(fitBody('abc')).toBe('abc'))
})

test('the marker cannot be closed early by the key', () => {
  expect(marker('a-->b')).toBe('<!-- stagecraft:comment a-b -->')
})

describe('newest commit wins', () => {
  test('newest commit wins: a slower run for an older commit does not overwrite the newer report', async () => {
    const f = fakeApi()
    const newer = { sha: 'b'.repeat(40), runNumber: 12, runAttempt: 1 }
    const older = { sha: 'a'.repeat(40), runNumber: 11, runAttempt: 1 }
    await upsertStickyComment(f.api, 7, 'k', 'report of B', newer)
    const late = await upsertStickyComment(f.api, 7, 'k', 'report of A', older)
    expect(late).toMatchObject({ action: 'skipped', newer })
    expect(ours(f.comments, 'k')).toHaveLength(1)
    expect(ours(f.comments, 'k')[0].body).toBe(`${marker('k')}\n${stampLine(newer)}\nreport of B`)
    expect(readStamp(ours(f.comments, 'k')[0].body)).toEqual(newer)
    // A re-run of the newer commit (attempt 2) and a later commit both update.
    expect((await upsertStickyComment(f.api, 7, 'k', 'B again', { ...newer, runAttempt: 2 })).action).toBe('updated')
    expect((await upsertStickyComment(f.api, 7, 'k', 'C', { sha: 'c'.repeat(40), runNumber: 13 })).action).toBe('updated')
    expect(ours(f.comments, 'k')[0].body).toMatch(/\nC$/)
  })

  test.each<[string, RunStamp, RunStamp | undefined, boolean]>([
    ['earlier run, other commit', { sha: 'a1', runNumber: 3 }, { sha: 'b2', runNumber: 4 }, true],
    ['later run, other commit', { sha: 'a1', runNumber: 5 }, { sha: 'b2', runNumber: 4 }, false],
    ['same commit, earlier run', { sha: 'b2', runNumber: 3 }, { sha: 'b2', runNumber: 4 }, true],
    ['same run, re-run attempt 2 after attempt 1', { sha: 'b2', runNumber: 4, runAttempt: 2 }, { sha: 'b2', runNumber: 4, runAttempt: 1 }, false],
    ['same run, attempt 1 finishing after attempt 2', { sha: 'b2', runNumber: 4, runAttempt: 1 }, { sha: 'b2', runNumber: 4, runAttempt: 2 }, true],
    ['comment without a stamp (older Stagecraft)', { sha: 'a1', runNumber: 3 }, undefined, false],
    ['no run numbers to compare', { sha: 'a1' }, { sha: 'b2', runNumber: 4 }, false]
  ])('isOlder: %s → %s', (_n, ours, theirs, older) => {
    expect(isOlder(ours, theirs)).toBe(older)
  })
})
