/**
 * Who the action posts as, and whether a comment or a check run is its own (pure).
 *
 * A hidden marker is text anyone who can comment can type, so it proves nothing alone: a comment
 * counts as ours only when the marker is in a comment written by the identity our token posts
 * as, and a check run only when the GitHub App that created it is ours.
 *
 * The identity is resolved once per run by the gateway (client.ts) through a chain, first
 * answer wins:
 * 1. GraphQL `viewer { login }`: answers for every kind of token (GITHUB_TOKEN gives
 *    `github-actions[bot]`, a GitHub App installation `<slug>[bot]`, a personal token its user);
 *    the lookup well-kept sticky-comment actions use (marocchino/sticky-pull-request-comment).
 * 2. REST `GET /user`: a personal or user token (an installation token gets 403 there).
 * 3. Assumed: `github-actions[bot]`, the author of what the default `github-token` writes. When
 *    that guess is wrong (a personal token whose lookups both failed) we only fail to recognise
 *    our old comment and post a new one; a foreign comment is never taken for ours.
 * Whatever was resolved, the `user` of a comment we create (and the `app` of a check run we
 * create) is authoritative and replaces it, so race settling always uses the real author.
 */

/** The author of a comment as the REST API embeds it (`user`); null for a deleted account. */
export interface Author {
  login: string
  /** `User`, `Bot` or `Organization`. */
  type: string
}

/** The GitHub App that created a check run (`app` of a check run). */
export interface CheckRunApp {
  slug: string
}

/** The identity our token writes as. */
export interface Identity {
  /** `user.login` of what it writes: `github-actions[bot]`, `my-app[bot]`, `octocat`. */
  login: string
  type: 'User' | 'Bot'
  /** How it was learned: `created` (from something we wrote) is authoritative; `assumed` a guess. */
  source: 'created' | 'graphql' | 'rest' | 'assumed'
}

/** What the default `github-token` (GITHUB_TOKEN) writes as. */
export const ACTIONS_BOT: Identity = { login: 'github-actions[bot]', type: 'Bot', source: 'assumed' }

const BOT_SUFFIX = /\[bot\]$/i

/**
 * The identity behind a login. A `<slug>[bot]` login is an App's bot whatever `type` says: GraphQL's
 * `viewer` is typed `User!` even for a bot, and no person can register a login with brackets.
 */
export function identityOf(login: string, source: Identity['source'], type?: string): Identity {
  return { login, type: type === 'Bot' || BOT_SUFFIX.test(login) ? 'Bot' : 'User', source }
}

/** True when `author` is `me` (logins compare case-insensitively, as GitHub's do). */
export function isAuthor(author: Author | null | undefined, me: Identity): boolean {
  return !!author && author.type === me.type && author.login.toLowerCase() === me.login.toLowerCase()
}

/**
 * The slug of the GitHub App whose check runs are ours: `<slug>` of a `<slug>[bot]` identity
 * (`github-actions` for GITHUB_TOKEN). A user token has none: it cannot create check runs.
 */
export function appSlugOf(me: Identity): string | undefined {
  return me.type === 'Bot' ? me.login.replace(BOT_SUFFIX, '') : undefined
}

/** True when `app` created the check run as `me`. */
export function isOwnCheckRun(app: CheckRunApp | null | undefined, me: Identity): boolean {
  const slug = appSlugOf(me)
  return !!app && slug !== undefined && app.slug.toLowerCase() === slug.toLowerCase()
}

/** Try each lookup in turn; the first that answers wins, else {@link ACTIONS_BOT}. */
export async function resolveIdentity(lookups: (() => Promise<Identity | undefined>)[]): Promise<Identity> {
  for (const lookup of lookups) {
    try {
      const found = await lookup()
      if (found?.login) return found
    } catch {
      // not for this kind of token (403), or not available here: try the next
    }
  }
  return ACTIONS_BOT
}
