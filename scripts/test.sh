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

# action.yml runs on node24: the end-to-end tests run dist/ under this machine's node and again
# under Node 24 (installed from the npm registry by scripts/node24.sh).
node24=$(bash scripts/node24.sh)

results=$(mktemp)
results24=$(mktemp)
set +e
NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand --json --outputFile="$results" "$@"
code=$?
STAGECRAFT_E2E_NODE="$node24" NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand --selectProjects e2e \
  --passWithNoTests --json --outputFile="$results24" "$@"
code24=$?
set -e
# The closing line CI reads: N passed, N failed (, N skipped), over both runs.
node -e '
  const fs = require("fs");
  const rs = process.argv.slice(1).map(f => JSON.parse(fs.readFileSync(f, "utf8")));
  const sum = k => rs.reduce((n, r) => n + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
' "$results" "$results24" || echo "tests: 0 passed, 1 failed"
rm -f "$results" "$results24"
[ "$code" -ne 0 ] && exit $code
exit $code24
