#!/usr/bin/env bash
# Cache-mount benchmark: compiles the modules it drives into build/cache-bench, then runs
# bench/cache-mounts.mjs on the real engine (between runs it prunes only the cache mounts it created).
# Usage: bash bench/cache-mounts.sh [--node24] [--case random|text|both] [--encoding auto|none|gzip|zstd]
#        [--packages N] [--package-kb KB] [--files N] [--file-kb KB]
# --node24 runs it on Node 24 (scripts/node24.sh), whose zlib has zstd (--encoding zstd measures it).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf build/cache-bench
npx --no-install tsc --outDir build/cache-bench --rootDir . \
  --module NodeNext --moduleResolution NodeNext --target ES2022 --lib ES2022 --types node \
  --strict --esModuleInterop --skipLibCheck --resolveJsonModule \
  src/cache-mounts/mounts.ts src/cache-mounts/inputs.ts src/cache-mounts/encoding.ts src/store/local-store.ts src/docker/docker.ts src/plan/dockerfile.ts src/size/units.ts
node=node
if [ "${1:-}" = --node24 ]; then
  shift
  node=$(bash scripts/node24.sh)
fi
exec "$node" bench/cache-mounts.mjs "$@"
