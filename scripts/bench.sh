#!/usr/bin/env bash
# npm run bench: the benchmarks (figures, not tests). Each prints ratios against a floor measured
# in the same run: the audit against `docker save`, the cache-mount persistence against the
# naive copy-in/copy-out and a cold build, the registry audit against `docker pull`.
#   bash scripts/bench.sh            all of them
#   bash scripts/bench.sh audit      only the audit (~700 MB and ~2 GB images)
#   bash scripts/bench.sh pr         only the pull-request path (~150 MB image, app layer changed)
#   bash scripts/bench.sh fresh      only the whole action on a fresh runner (~200 MB node app on distroless node)
#   bash scripts/bench.sh merge      only the whiteout merge (60k files/1k whiteouts, 150k/5k)
#   bash scripts/bench.sh cache      only the cache mounts (~500 MB cache)
#   bash scripts/bench.sh contents   only the contents summary and delta (synthetic 200k files, no engine)
#   bash scripts/bench.sh search     only the secret search (500 MB of random bytes; archives; no engine)
#   bash scripts/bench.sh parsers    only the parsers' growth: time on 4N ÷ time on N (no engine)
#   bash scripts/bench.sh scaleout   only the scale-out (merge of 2 platforms x 2 images pushed by digest;
#                                    registry audit of a ~150 MB image against docker pull). Needs the
#                                    local registry and the docker-container builder stagecraft-container
#                                    (STAGECRAFT_BENCH_BUILDER names another), made here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
which=${1:-all}
if [ "$which" != search ] && [ "$which" != parsers ]; then
  bash scripts/setup-engine.sh
  bash scripts/base-images.sh busybox
fi
if [ "$which" = all ] || [ "$which" = audit ]; then
  echo "== audit benchmark =="
  npx --no-install tsc -p bench/audit-tsconfig.json
  node build/audit-bench/bench/audit.js
fi
if [ "$which" = all ] || [ "$which" = pr ]; then
  echo "== pull-request path benchmark (audit of the build's OCI layout) =="
  npx --no-install tsc -p bench/audit-tsconfig.json
  node build/audit-bench/bench/pr-path.js
fi
if [ "$which" = all ] || [ "$which" = fresh ]; then
  echo "== whole action, fresh runner benchmark (build + audit + report of a ~200 MB image, no audit cache) =="
  bash scripts/base-images.sh node distroless >/dev/null
  npx --no-install tsc -p bench/audit-tsconfig.json
  node build/audit-bench/bench/fresh-runner.js
fi
if [ "$which" = all ] || [ "$which" = contents ]; then
  echo "== contents benchmark (what grew: summary, wasted files, delta) =="
  npx --no-install tsc -p bench/audit-tsconfig.json
  node build/audit-bench/bench/contents.js
fi
if [ "$which" = all ] || [ "$which" = search ]; then
  echo "== secret search benchmark (one pass over all encodings of all secrets, archives) =="
  npx --no-install tsc -p bench/audit-tsconfig.json
  node build/audit-bench/bench/secret-search.js
fi
if [ "$which" = all ] || [ "$which" = parsers ]; then
  echo "== parser growth benchmark (time on an input 4x as large: linear is 4) =="
  npx --no-install tsc -p bench/audit-tsconfig.json
  node --expose-gc build/audit-bench/bench/parsers.js
fi
if [ "$which" = all ] || [ "$which" = merge ]; then
  echo "== whiteout merge benchmark =="
  npx --no-install tsc -p bench/audit-tsconfig.json
  node build/audit-bench/bench/merge.js
fi
if [ "$which" = all ] || [ "$which" = scaleout ]; then
  echo "== scale-out benchmark (merge of parts pushed by digest; registry audit against docker pull) =="
  bash scripts/setup-registry.sh
  builder=${STAGECRAFT_BENCH_BUILDER:-stagecraft-container}
  docker buildx inspect "$builder" >/dev/null 2>&1 || bash scripts/setup-buildkit.sh container "$builder" >/dev/null
  npx --no-install tsc -p bench/audit-tsconfig.json
  STAGECRAFT_BENCH_BUILDER=$builder node build/audit-bench/bench/scaleout.js
fi
if [ "$which" = all ] || [ "$which" = cache ]; then
  echo "== cache-mount benchmark =="
  bash bench/cache-mounts.sh
fi
