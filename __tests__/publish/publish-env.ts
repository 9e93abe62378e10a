/** What the publish tests share: a core that records, a GitHub API in memory, a pull request's context. */
import type { ChecksApi, CommentsApi, IssueComment } from '../../src/github/client.js'
import type { RunContext } from '../../src/github/context.js'
import type { ActionCore, AnnotationProps } from '../../src/publish/publish.js'

/** A core that records what it was told, in order. */
export function recordingCore(opts: { summaryFails?: boolean } = {}) {
  const outputs: Record<string, string> = {}
  const log: { level: 'info' | 'warning' | 'error' | 'notice'; message: string; props?: AnnotationProps }[] = []
  const summary: string[] = []
  const core: ActionCore = {
    setOutput: (n, v) => void (outputs[n] = v),
    info: m => void log.push({ level: 'info', message: m }),
    warning: (m, props) => void log.push({ level: 'warning', message: m, props }),
    error: (m, props) => void log.push({ level: 'error', message: m, props }),
    notice: (m, props) => void log.push({ level: 'notice', message: m, props }),
    appendSummary: async md => {
      if (opts.summaryFails) throw new Error('EACCES: GITHUB_STEP_SUMMARY')
      summary.push(md)
    }
  }
  return { core, outputs, log, summary }
}

export function fakeGitHub() {
  const comments: IssueComment[] = []
  const checks: { name: string; head_sha: string; conclusion: string; title: string }[] = []
  let id = 0
  const api: CommentsApi & ChecksApi = {
    identity: async () => ({ login: 'github-actions[bot]', type: 'Bot', source: 'graphql' }),
    async *listComments() {
      yield* [...comments]
    },
    createComment: async (_issue, body) => {
      const c = { id: ++id, body, html_url: `https://github.test/c/${id}`, author: { login: 'github-actions[bot]', type: 'Bot' } } as IssueComment
      comments.push(c)
      return c
    },
    updateComment: async (cid, body) => {
      const c = comments.find(x => x.id === cid)!
      c.body = body
      return c
    },
    deleteComment: async () => {},
    createCheckRun: async run => {
      checks.push({ name: run.name, head_sha: run.head_sha, conclusion: run.conclusion, title: run.output.title })
      return { id: ++id, html_url: 'https://github.test/check' }
    },
    listCheckRuns: async () => [],
    updateCheckRun: async () => {}
  }
  return { api, comments, checks, tokens: [] as string[] }
}

export const ctx: RunContext = {
  eventName: 'pull_request',
  owner: 'acme',
  repo: 'app',
  sha: 'b'.repeat(40),
  ref: 'feature',
  fullRef: 'refs/pull/7/merge',
  pullRequest: { number: 7, baseRef: 'main', baseSha: 'a'.repeat(40), headSha: 'c'.repeat(40), fromFork: false },
  apiUrl: 'https://api.github.test',
  serverUrl: 'https://github.test'
}
