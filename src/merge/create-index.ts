/**
 * The index of one image: `docker buildx imagetools create` argv (pure) and the call, through the
 * docker gateway. The digest comes from a `--dry-run` first (buildx prints the exact bytes it
 * would push), then the push with every tag, then a read-back that the registry serves the same.
 * Same parts and annotations give the same bytes, so a rerun pushes the same digest.
 */
import { createHash } from 'node:crypto'
import type { Docker } from '../docker/docker.js'
import { EnvironmentError } from '../errors.js'

/** What one index is made of. */
export interface IndexRequest {
  /** Source references, `NAME@DIGEST` of each part. */
  sources: string[]
  tags: string[]
  /** Index annotations in buildx's syntax (`index:key=value`). */
  annotations: string[]
}

/** The `docker buildx imagetools create` arguments (after `imagetools create`). Pure. */
export function createArgs(req: IndexRequest, dryRun: boolean): string[] {
  return [...(dryRun ? ['--dry-run'] : []), ...req.tags.flatMap(t => ['-t', t]), ...req.annotations.flatMap(a => ['--annotation', a]), ...req.sources]
}

/**
 * BPA's `annotations` and `labels` as index annotations: `index:` lines as they are, un-prefixed
 * lines and labels get `index:`; `manifest:` lines belong to the part builds (each platform's
 * manifest), so they are returned in `skipped`. Pure.
 */
export function indexAnnotations(annotations: string[], labels: string[]): { annotations: string[]; skipped: string[] } {
  const out: string[] = []
  const skipped: string[] = []
  for (const a of annotations) {
    const m = /^([a-z-]+)(\[[^\]]*\])?:(.*)$/.exec(a)
    const type = m && !m[3].startsWith('//') && !m[1].includes('.') ? m[1] : undefined
    if (!type) out.push(`index:${a}`)
    else if (type === 'index' || type === 'index-descriptor') out.push(a)
    else skipped.push(a)
  }
  for (const l of labels) out.push(`index:${l}`)
  return { annotations: [...new Set(out)], skipped }
}

/** sha256 of the bytes buildx printed (its dry run adds one newline). */
export function digestOfDryRun(stdout: string): string {
  const bytes = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout
  return `sha256:${createHash('sha256').update(bytes, 'utf8').digest('hex')}`
}

/** Create and push the index (or only compute its digest with `dryRun`); returns its digest. */
export async function createIndex(
  docker: Pick<Docker, 'imagetoolsCreate' | 'registryManifestText'>,
  req: IndexRequest,
  opts: { dryRun?: boolean } = {}
): Promise<string> {
  const dry = await docker.imagetoolsCreate(createArgs({ ...req, tags: [] }, true))
  const digest = digestOfDryRun(dry)
  if (opts.dryRun) return digest
  await docker.imagetoolsCreate(createArgs(req, false))
  const held = await docker.registryManifestText(req.tags[0])
  const pushed = digestOfDryRun(held)
  if (pushed !== digest) throw new EnvironmentError(`the registry serves ${pushed} under ${req.tags[0]}, not the index ${digest} just pushed`)
  return digest
}
