#!/usr/bin/env bash
# The one test command (README quick start, .ci/run): sets everything up on a fresh clone,
# then runs every test: unit, integration on the real engine, end-to-end through dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/setup-engine.sh
bash scripts/setup-registry.sh
bash scripts/base-images.sh
npx --no-install tsc --noEmit -p tsconfig.check.json
npm run --silent build
bash scripts/check-dist.sh

results=$(mktemp)
set +e
NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand --json --outputFile="$results" "$@"
code=$?
set -e
# The closing line CI reads: N passed, N failed (, N skipped).
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$results" || echo "tests: 0 passed, 1 failed"
rm -f "$results"
exit $code
