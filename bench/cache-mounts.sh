#!/usr/bin/env bash
# Cache-mount benchmark: compiles the modules it drives into build/cache-bench, then runs
# bench/cache-mounts.mjs on the real engine (it prunes the build cache between runs).
# Usage: bash bench/cache-mounts.sh [--packages N] [--package-kb KB]
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf build/cache-bench
npx --no-install tsc --outDir build/cache-bench --rootDir . \
  --module NodeNext --moduleResolution NodeNext --target ES2022 --lib ES2022 --types node \
  --strict --esModuleInterop --skipLibCheck --resolveJsonModule \
  src/cache-mounts/mounts.ts src/cache-mounts/inputs.ts src/store/local-store.ts src/docker/docker.ts src/plan/dockerfile.ts src/size/units.ts
exec node bench/cache-mounts.mjs "$@"
