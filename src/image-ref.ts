/**
 * Image references as text (pure): the repository a reference names, and its canonical form, so
 * the inputs, the registry sizes, a split build's parts and the merge all compare names one way.
 * Parsing a reference for the registry protocol (tag and digest checked) is registry/reference.ts.
 */

/** The repository a reference names, as written: `r:5000/app:1` and `r:5000/app@sha256:…` → `r:5000/app`. */
export function repositoryOf(ref: string): string {
  const n = ref.trim().split('@')[0]
  return n.lastIndexOf(':') > n.lastIndexOf('/') ? n.slice(0, n.lastIndexOf(':')) : n
}

/** Whether a reference names a tag or a digest (`app:1`, `r:5000/app@sha256:…`), not just a repository (`r:5000/app`). */
export function namesTagOrDigest(ref: string): boolean {
  return repositoryOf(ref) !== ref.trim()
}

/**
 * A repository as the registry knows it, in lower case, without tag or digest: `app` →
 * `docker.io/library/app`, `Org/App:1` → `docker.io/org/app`, `127.0.0.1:5000/app@sha256:…` →
 * `127.0.0.1:5000/app`. `app` and `docker.io/library/app` are one image.
 */
export function canonicalName(ref: string): string {
  const n = repositoryOf(ref).toLowerCase()
  const first = n.split('/')[0]
  const hasRegistry = n.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  if (hasRegistry) return n
  return `docker.io/${n.includes('/') ? n : `library/${n}`}`
}
