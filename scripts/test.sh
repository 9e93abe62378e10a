#!/usr/bin/env bash
# The one test command (README quick start, .ci/run): sets everything up on a fresh clone,
# then runs every test: unit, integration on the real engine, end-to-end through dist/.
#
# The engine tests run on both image stores: the default engine (containerd store) and a second
# dockerd with the classic overlay2 store, as GitHub-hosted runners have it
# (scripts/setup-classic-engine.sh). STAGECRAFT_STORES picks: `containerd`, `classic`, or both
# (the default, `containerd,classic`). The e2e project runs once more under Node 24, the runtime
# action.yml declares. Extra arguments go to jest (each run).
set -euo pipefail
cd "$(dirname "$0")/.."
STORES=${STAGECRAFT_STORES:-containerd,classic}
case ",$STORES," in *,containerd,*|*,classic,*) ;; *) echo "test: STAGECRAFT_STORES must name containerd and/or classic (got '$STORES')" >&2; exit 2;; esac

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/setup-engine.sh
bash scripts/setup-registry.sh
bash scripts/base-images.sh
# The docker-container and remote BuildKit v0.29 builders (after the bases: it pushes busybox to
# the local registry, the builders' docker.io mirror).
bash scripts/setup-buildkit.sh
npx --no-install tsc --noEmit -p tsconfig.check.json
npm run --silent lint # ESLint (type-aware) and prettier --check: a lint error fails the run
npm run --silent build
bash scripts/check-dist.sh

classic_host=
if [[ ",$STORES," == *,classic,* ]]; then
  classic_host=$(bash scripts/setup-classic-engine.sh)
fi

results=()
code=0
run_jest() { # label, DOCKER_HOST ('' = default), jest args...
  local label=$1 host=$2; shift 2
  local out; out=$(mktemp)
  results+=("$out")
  echo "test: === $label ===" >&2
  set +e
  if [ -n "$host" ]; then
    DOCKER_HOST=$host STAGECRAFT_STORE=$label NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand --json --outputFile="$out" "$@"
  else
    STAGECRAFT_STORE=$label NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand --json --outputFile="$out" "$@"
  fi
  local c=$?
  set -e
  [ $c -eq 0 ] || code=$c
}
if [[ ",$STORES," == *,containerd,* ]]; then
  run_jest containerd '' "$@"
  if [ -n "$classic_host" ]; then run_jest classic "$classic_host" --selectProjects integration e2e "$@"; fi
else
  run_jest classic "$classic_host" "$@"
fi
# action.yml runs on node24: the end-to-end tests run dist/ once more under Node 24 (installed
# from the npm registry by scripts/node24.sh), on the default engine.
node24=$(bash scripts/node24.sh)
if [[ ",$STORES," == *,containerd,* ]]; then node24_store=containerd node24_host=; else node24_store=classic node24_host=$classic_host; fi
STAGECRAFT_E2E_NODE=$node24 run_jest "$node24_store" "$node24_host" --selectProjects e2e --passWithNoTests "$@"

# The closing line CI reads: N passed, N failed (, N skipped), over every run.
node -e '
  let p = 0, f = 0, s = 0;
  for (const file of process.argv.slice(1)) {
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); s += r.numPendingTests;
  }
  console.log(`tests: ${p} passed, ${f} failed, ${s} skipped`);
' "${results[@]}" || echo "tests: 0 passed, 1 failed"
rm -f "${results[@]}"
exit $code
