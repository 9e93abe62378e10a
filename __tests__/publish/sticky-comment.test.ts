import type { IssueComment } from '../../src/github/client.js'
import type { Identity } from '../../src/github/identity.js'
import {
  fitBody,
  isOlder,
  isOwnComment,
  marker,
  MAX_COMMENT_CHARS,
  readStamp,
  stampLine,
  upsertStickyComment,
  type RunStamp
} from '../../src/publish/sticky-comment.js'
import { ACTIONS_BOT_USER, fakeGitHubApi, MALLORY } from '../fixtures/fake-github-api.js'

/** In-memory issue comments with GitHub's paging; racers interleave. */
function fakeApi(perPage = 100) {
  const f = fakeGitHubApi({ perPage, interleave: true })
  const seed = (n: number) => {
    for (let i = 0; i < n; i++) f.seedComment(`someone else ${i}`)
  }
  return { ...f, seed }
}

const ours = (comments: IssueComment[], key: string) =>
  comments.filter(c => c.body.startsWith(marker(key)) && c.author?.login === ACTIONS_BOT_USER.login && c.author.type === 'Bot')

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
    const old = f.seedComment(`${marker('k')}\nold 1`, ACTIONS_BOT_USER)
    f.seedComment(`${marker('k')}\nold 2`, ACTIONS_BOT_USER)
    const r = await upsertStickyComment(f.api, 7, 'k', 'new')
    expect(r).toMatchObject({ action: 'updated', removed: 1, comment: { id: old.id } })
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

describe('own words only: a comment is ours when our identity wrote it', () => {
  const run = (n: number): RunStamp => ({ sha: 'c'.repeat(40), runNumber: n, runAttempt: 1 })
  const forged = `${marker('k')}\n${stampLine({ sha: 'f'.repeat(40), runNumber: 999999, runAttempt: 1 })}\n✅ all checks passed`

  test.each<[string, () => ReturnType<typeof fakeApi>, string]>([
    ['a forged comment with a future stamp is neither obeyed nor edited', () => withSeeds([forged, MALLORY]), 'created'],
    ['a forged comment without a stamp is not edited', () => withSeeds([`${marker('k')}\n✅ all checks passed`, MALLORY]), 'created'],
    ['a comment by a deleted account is not ours', () => withSeeds([forged, null]), 'created'],
    ['a user who named themself like the bot is not the bot', () => withSeeds([forged, { login: 'github-actions[bot]', type: 'User' }]), 'created'],
    [
      'a forged comment older than ours: ours is updated, the forged one not deleted',
      () => withSeeds([forged, MALLORY], [`${marker('k')}\nold`, ACTIONS_BOT_USER]),
      'updated'
    ],
    [
      'a forged comment newer than ours with a future stamp: ours is updated',
      () => withSeeds([`${marker('k')}\nold`, ACTIONS_BOT_USER], [forged, MALLORY]),
      'updated'
    ]
  ])('%s', async (_name, setup, action) => {
    const f = setup()
    const foreign = f.comments.filter(c => c.author?.login !== ACTIONS_BOT_USER.login || c.author.type !== 'Bot').map(c => ({ ...c }))
    const r = await upsertStickyComment(f.api, 7, 'k', '❌ 1 failing', run(12))
    expect(r.action).toBe(action)
    expect(r.removed).toBe(0)
    // Every foreign comment is exactly as it was; none was written to.
    for (const c of foreign) expect(f.comments.find(x => x.id === c.id)).toEqual(c)
    expect(f.writes.filter(w => foreign.some(c => w.endsWith(` ${c.id}`)))).toEqual([])
    // Ours holds this run's verdict.
    expect(ours(f.comments, 'k').map(c => c.body)).toEqual([`${marker('k')}\n${stampLine(run(12))}\n❌ 1 failing`])
  })

  function withSeeds(...seeds: [string, IssueComment['author']][]) {
    const f = fakeApi()
    for (const [body, author] of seeds) f.seedComment(body, author)
    return f
  }

  test('two runs racing next to a forged comment: one comment of ours remains, the forged one untouched', async () => {
    const f = withSeeds([forged, MALLORY])
    await Promise.all([upsertStickyComment(f.api, 7, 'k', 'from A', run(12)), upsertStickyComment(f.api, 7, 'k', 'from B', run(12))])
    expect(ours(f.comments, 'k')).toHaveLength(1)
    expect(f.comments.filter(c => c.author === MALLORY).map(c => c.body)).toEqual([forged])
  })

  test('our own newer stamp still wins over a slower older run', async () => {
    const f = withSeeds([forged, MALLORY], [`${marker('k')}\n${stampLine(run(13))}\nnewer`, ACTIONS_BOT_USER])
    expect(await upsertStickyComment(f.api, 7, 'k', 'older', run(12))).toMatchObject({ action: 'skipped', newer: run(13) })
  })

  describe('identity that was only a guess is corrected by the comment we create', () => {
    const octo = { login: 'octo', type: 'User' }
    const guessed: Identity = { login: 'github-actions[bot]', type: 'Bot', source: 'assumed' }
    const setup = (old: string) => {
      const f = fakeGitHubApi({ as: octo, identity: guessed })
      f.seedComment(forged, MALLORY)
      const mine = f.seedComment(old, octo)
      return { f, mine }
    }

    test('our earlier comment is found after creating: it is kept and updated, the new one deleted', async () => {
      const { f, mine } = setup(`${marker('k')}\n${stampLine(run(11))}\nold`)
      const r = await upsertStickyComment(f.api, 7, 'k', 'new', run(12))
      expect(r).toMatchObject({ action: 'updated', removed: 1, comment: { id: mine.id } })
      expect(f.comments.map(c => c.body)).toEqual([forged, `${marker('k')}\n${stampLine(run(12))}\nnew`])
    })

    test('when our earlier comment is from a newer run, the new one is deleted and nothing overwritten', async () => {
      const newer = `${marker('k')}\n${stampLine(run(13))}\nnewer`
      const { f } = setup(newer)
      expect(await upsertStickyComment(f.api, 7, 'k', 'older', run(12))).toMatchObject({ action: 'skipped', newer: run(13) })
      expect(f.comments.map(c => c.body)).toEqual([forged, newer])
    })
  })

  test.each<[string, IssueComment['author'], Identity, boolean]>([
    ['the bot, as the bot', ACTIONS_BOT_USER, { login: 'github-actions[bot]', type: 'Bot', source: 'graphql' }, true],
    ['logins compare case-insensitively', { login: 'Octo', type: 'User' }, { login: 'octo', type: 'User', source: 'rest' }, true],
    ['another user', MALLORY, { login: 'github-actions[bot]', type: 'Bot', source: 'assumed' }, false],
    ["a user with the bot's login", { login: 'github-actions[bot]', type: 'User' }, { login: 'github-actions[bot]', type: 'Bot', source: 'assumed' }, false],
    ['another app', { login: 'other-app[bot]', type: 'Bot' }, { login: 'github-actions[bot]', type: 'Bot', source: 'graphql' }, false],
    ['a deleted account', null, { login: 'github-actions[bot]', type: 'Bot', source: 'graphql' }, false]
  ])('isOwnComment: %s', (_n, author, me, own) => {
    expect(isOwnComment({ id: 1, body: `${marker('k')}\nx`, html_url: '', author }, marker('k'), me)).toBe(own)
  })

  test('isOwnComment: our identity without the marker is not the sticky comment', () => {
    expect(
      isOwnComment({ id: 1, body: `hello\n${marker('k')}`, html_url: '', author: ACTIONS_BOT_USER }, marker('k'), {
        login: 'github-actions[bot]',
        type: 'Bot',
        source: 'graphql'
      })
    ).toBe(false)
  })
})
