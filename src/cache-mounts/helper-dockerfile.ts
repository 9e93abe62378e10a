/**
 * The helper builds that move cache-mount contents in and out of BuildKit, as pure text:
 * a POSIX sh script and a generated Dockerfile. No helper image is pulled: the RUN uses the
 * user's own base image (which the build needs anyway) or, failing that, `scratch` with a
 * static busybox from the host mounted in.
 *
 * Each cache mount is addressed exactly as BuildKit identifies it (id, uid, gid, mode; the
 * namespace comes from the BUILDKIT_CACHE_MOUNT_NS build-arg), at a fixed helper path, so the
 * user's build and the helper see the same cache. A nonce in the RUN line makes every helper
 * build really run.
 */
import type { CacheEntry } from './keys.js'

/** Where the helper RUN sees things. */
export const HELPER_DIR = '/stagecraft-helper'
export const CACHE_DIR = '/stagecraft-cache'
export const SEED_DIR = '/stagecraft-seed'
export const OUT_DIR = '/stagecraft-out'
/** Name of the tarball inside a store entry and in a helper's output. */
export const TARBALL = 'cache.tar'
/** Exit code and log marker of the script when the image lacks a tool it needs. */
export const MISSING_TOOL_EXIT = 97
export const MISSING_TOOL_MARKER = 'stagecraft-missing-tool:'
/** Tools the script needs; the busybox fallback links each of them. */
export const HELPER_TOOLS = ['sh', 'tar', 'find', 'stat', 'sort', 'sha256sum', 'awk', 'cut', 'ls', 'head', 'tail', 'mkdir', 'cat', 'rm']

/** The image the helper RUN starts from. */
export type HelperBase = { kind: 'image'; ref: string } | { kind: 'tools' }

export interface HelperEntry {
  entry: CacheEntry
  /** Inject: a seed tarball is bound at SEED_DIR/<i>. */
  seed?: boolean
  /** Extract: the fingerprint the contents had after restore; unchanged contents are not exported. */
  prev?: string
}

/**
 * The script run inside the helper: `cache-mount.sh inject|extract NONCE COUNT [PREV...]`.
 * Per mount i it writes OUT_DIR/i/{state,fingerprint,files,bytes} and, when extracting changed
 * contents, OUT_DIR/i/cache.tar. The fingerprint hashes a listing (name, size, mtime, inode,
 * mode, owner) rather than the bytes: it is cheap on 500 MB and changes whenever a package
 * manager adds, rewrites or deletes a file.
 */
export const HELPER_SCRIPT = `#!/bin/sh
# Stagecraft cache-mount helper (generated). Usage: cache-mount.sh inject|extract NONCE COUNT [PREV...]
set -eu
mode=$1; count=$3; shift 3
for t in ${HELPER_TOOLS.filter(t => t !== 'sh').join(' ')}; do
  command -v "$t" >/dev/null 2>&1 || { echo "${MISSING_TOOL_MARKER} $t"; exit ${MISSING_TOOL_EXIT}; }
done
# One listing serves the fingerprint and the counts (%f is the raw mode in hex: 8xxx is a regular
# file; fields are taken from the end, a name may hold '|').
listing() { find . -exec stat -c '%n|%s|%Y|%i|%f|%u|%g' {} + | LC_ALL=C sort > "$out/.listing"; }
fingerprint() { sha256sum < "$out/.listing" | cut -c1-64; }
i=0
while [ "$i" -lt "$count" ]; do
  prev=\${1:--}; [ $# -gt 0 ] && shift
  out=${OUT_DIR}/$i
  mkdir -p "$out"
  cd "${CACHE_DIR}/$i"
  if [ -n "$(ls -A . | head -n 1)" ]; then state=warm; else state=empty; fi
  if [ "$mode" = inject ]; then
    if [ -f "${SEED_DIR}/$i/${TARBALL}" ] && [ "$state" = empty ]; then
      tar --numeric-owner -xf "${SEED_DIR}/$i/${TARBALL}"
      state=restored
    fi
    listing
    fingerprint > "$out/fingerprint"
  else
    listing
    fp=$(fingerprint)
    echo "$fp" > "$out/fingerprint"
    if [ "$state" = empty ]; then :
    elif [ "$fp" = "$prev" ]; then state=unchanged
    else tar --numeric-owner -cf "$out/${TARBALL}" .; state=changed
    fi
  fi
  echo "$state" > "$out/state"
  awk -F '|' '$(NF-2) ~ /^8/ { n++; s += $(NF-5) } END { printf "%d\\n%.0f\\n", n, s }' "$out/.listing" > "$out/counts"
  head -n 1 "$out/counts" > "$out/files"
  tail -n 1 "$out/counts" > "$out/bytes"
  rm -f "$out/.listing" "$out/counts"
  echo "stagecraft-cache-mount $i $mode: $state, $(cat "$out/files") files, $(cat "$out/bytes") bytes"
  i=$((i + 1))
done
`

/** The `--mount=type=cache,...` flag that reaches the same BuildKit cache as `e`. */
export function cacheMountFlag(e: CacheEntry, target: string): string {
  const parts = ['type=cache', `id=${e.id}`, `target=${target}`, `sharing=${e.sharing}`]
  if (e.uid !== undefined) parts.push(`uid=${e.uid}`)
  if (e.gid !== undefined) parts.push(`gid=${e.gid}`)
  if (e.mode !== undefined) parts.push(`mode=${e.mode}`)
  return `--mount=${parts.join(',')}`
}

/** Build-context name of seed i. */
export const seedContext = (i: number): string => `stagecraft-seed-${i}`
/** Build-context name of the helper directory (script, optional busybox). */
export const HELPER_CONTEXT = 'stagecraft-helper'

/**
 * The helper Dockerfile: one RUN with every cache mount. On an image base a scratch stage then
 * holds only OUT_DIR (so `--output type=local` exports the results, not the base image); on the
 * busybox base the RUN's own stage is exported: it holds nothing but OUT_DIR and empty mount
 * points, and skipping the COPY saves writing the tarball once more (1.4 s of 7 on 500 MB).
 */
export function helperDockerfile(mode: 'inject' | 'extract', base: HelperBase, entries: HelperEntry[], nonce: string): string {
  const mounts = [`--mount=type=bind,from=${HELPER_CONTEXT},target=${HELPER_DIR}`]
  entries.forEach((h, i) => {
    mounts.push(cacheMountFlag(h.entry, `${CACHE_DIR}/${i}`))
    if (mode === 'inject' && h.seed) mounts.push(`--mount=type=bind,from=${seedContext(i)},target=${SEED_DIR}/${i}`)
  })
  const args = [mode, nonce, String(entries.length), ...(mode === 'extract' ? entries.map(h => h.prev || '-') : [])]
  const lines: string[] = ['# Generated by Stagecraft: moves BuildKit cache-mount contents in or out.']
  let sh = '/bin/sh'
  if (base.kind === 'image') {
    // USER root: the script must own what it restores; the base may default to a non-root user.
    lines.push(`FROM ${base.ref} AS stagecraft-work`, 'USER root')
  } else {
    lines.push('FROM scratch AS stagecraft-work', `ENV PATH=${HELPER_DIR}/bin`)
    sh = `${HELPER_DIR}/bin/sh`
  }
  // Exec form: no dependence on the image's SHELL; the nonce makes the instruction unique.
  const argv = [sh, `${HELPER_DIR}/cache-mount.sh`, ...args].map(a => JSON.stringify(a))
  lines.push(`RUN ${mounts.join(' \\\n    ')} \\\n    [${argv.join(', ')}]`)
  if (base.kind === 'tools') return lines.join('\n') + '\n'
  lines.push('FROM scratch')
  lines.push(`COPY --from=stagecraft-work ${OUT_DIR}/ ${OUT_DIR}/`)
  return lines.join('\n') + '\n'
}
