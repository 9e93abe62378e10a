import type { ChecksApi } from '../../src/github/client.js'
import { checkStamp, parseCheckStamp, publishCheckRun } from '../../src/publish/pull-request.js'

function fakeChecks() {
  const runs: { id: number; name: string; head_sha: string; external_id?: string }[] = []
  const api: ChecksApi = {
    createCheckRun: async run => {
      runs.push({ id: runs.length + 1, name: run.name, head_sha: run.head_sha, external_id: run.external_id })
      return { id: runs.length, html_url: '' }
    },
    updateCheckRun: async () => {},
    listCheckRuns: async (sha, name) => runs.filter(r => r.head_sha === sha && r.name === name).map(r => ({ id: r.id, externalId: r.external_id ?? null }))
  }
  return { api, runs }
}

const base = { name: 'image', sha: 'a'.repeat(40), passed: true, title: 'Passed', summary: 's', annotations: [] }

describe('check run order', () => {
  test('an older attempt of the same commit finishing last adds no check over the newer one', async () => {
    const f = fakeChecks()
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 2 } })).status).toBe('created')
    const late = await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 1 } })
    expect(late).toEqual({ status: 'skipped', info: `check run "image" not published: run 21 attempt 2 already published a newer one for aaaaaaa` })
    expect(f.runs.map(r => r.external_id)).toEqual(['stagecraft:run=21.2'])
    // A later attempt, or another commit, publishes.
    expect((await publishCheckRun(f.api, { ...base, stamp: { sha: base.sha, runNumber: 21, runAttempt: 3 } })).status).toBe('created')
    expect((await publishCheckRun(f.api, { ...base, sha: 'b'.repeat(40), stamp: { sha: 'b'.repeat(40), runNumber: 5 } })).status).toBe('created')
  })

  test('the stamp round-trips through external_id; foreign ids are ignored', () => {
    expect(parseCheckStamp(checkStamp({ sha: 'x', runNumber: 7, runAttempt: 2 }))).toEqual({ sha: '', runNumber: 7, runAttempt: 2 })
    expect(parseCheckStamp('deploy-123')).toBeUndefined()
    expect(parseCheckStamp(null)).toBeUndefined()
  })
})
