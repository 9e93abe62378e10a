#!/usr/bin/env bash
# The one test command (README quick start, .ci/run): sets everything up on a fresh clone,
# then runs every test: unit, integration on the real engine, end-to-end through dist/.
#
# Set-up and checks first (type-check, lint, dist/, mutation:changed; the second and third engines
# start meanwhile), then two lanes at once: the first engine's tier, and the unit tests (parallel
# workers, no engine) followed by the other engines' tiers. The engine tests run on three engines:
# the default one (Docker 26, buildx 0.13, containerd store), a second dockerd with the classic
# overlay2 store, as GitHub-hosted runners have it (scripts/setup-classic-engine.sh), and the
# engine of 2026 (Docker 28.5, containerd 2.1, buildx 0.29: scripts/setup-sid-engine.sh), each
# with its docker driver, and the BuildKit v0.29 docker-container and remote builders
# (scripts/setup-buildkit.sh) from the default engine's tests. STAGECRAFT_STORES picks engines:
# any of `containerd`, `classic`, `sid` (default: all three). The end-to-end tests run dist/ on
# Node 24 (the runtime action.yml declares) on the first engine and on Node 20 (the CLI's and this
# machine's) on the others. Extra arguments go to jest (each run).
set -euo pipefail
cd "$(dirname "$0")/.."
STORES=${STAGECRAFT_STORES:-containerd,classic,sid}
case ",$STORES," in *,containerd,*|*,classic,*|*,sid,*) ;; *) echo "test: STAGECRAFT_STORES must name containerd, classic and/or sid (got '$STORES')" >&2; exit 2;; esac

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/setup-engine.sh
bash scripts/setup-registry.sh
bash scripts/base-images.sh
# The docker-container and remote BuildKit v0.29 builders (after the bases: it pushes busybox to
# the local registry, the builders' docker.io mirror).
bash scripts/setup-buildkit.sh
results=$(mktemp -d) # each run's jest --json file and exit code, and the second lane's log
# The other engines start while the checks below use the CPU (their set-up waits on apt, dockerd and
# image copies): the classic store's dockerd with its docker-container builder, the sid engine
# with its own. Their output goes to a log, printed when they are joined.
setup_others() {
  if [[ ",$STORES," == *,classic,* ]]; then
    bash scripts/setup-classic-engine.sh >"$results/classic.host"
    bash scripts/setup-buildkit.sh classic >/dev/null
  fi
  if [[ ",$STORES," == *,sid,* ]]; then
    bash scripts/setup-sid-engine.sh >"$results/sid.env"
    bash scripts/setup-buildkit.sh sid >/dev/null
  fi
}
setup_started=$SECONDS
setup_others >"$results/setup.log" 2>&1 &
setup_pid=$!
timed() { # label, command...: runs it and says how long it took
  local label=$1 started=$SECONDS; shift
  "$@"
  echo "test: $label: $((SECONDS - started)) s" >&2
}
timed type-check npx --no-install tsc --noEmit -p tsconfig.check.json
timed lint npm run --silent lint # ESLint (type-aware) and prettier --check: a lint error fails the run
timed build npm run --silent build
timed check-dist bash scripts/check-dist.sh
# StrykerJS on the mutants in code changed since reports/stryker-incremental/ was committed (a folder
# without a committed incremental file is skipped, saying how to make one).
timed mutation:changed npm run --silent mutation:changed
setup_code=0
wait $setup_pid || setup_code=$?
cat "$results/setup.log" >&2
[ $setup_code -eq 0 ] || { echo "test: setting up the classic or sid engine failed (above)" >&2; exit $setup_code; }
echo "test: other engines ready $((SECONDS - setup_started)) s after their set-up began" >&2
classic_host=$(cat "$results/classic.host" 2>/dev/null || true)
sid_env=()
[ ! -s "$results/sid.env" ] || mapfile -t sid_env <"$results/sid.env"

run_jest() { # label, DOCKER_HOST ('' = default), jest args... (STAGECRAFT_JEST_ENV: extra NAME=value words)
  local label=$1 host=$2; shift 2
  local started=$SECONDS
  echo "test: === $label ===" >&2
  local env_=(STAGECRAFT_STORE="$label" NODE_OPTIONS=--experimental-vm-modules)
  [ -z "$host" ] || env_+=(DOCKER_HOST="$host")
  local c=0
  # STAGECRAFT_JEST_NODE: run jest on another node binary (the action's Node 24) than this machine's.
  local jest=(npx --no-install jest)
  [ -z "${STAGECRAFT_JEST_NODE:-}" ] || jest=("$STAGECRAFT_JEST_NODE" node_modules/jest/bin/jest.js)
  env "${env_[@]}" ${STAGECRAFT_JEST_ENV:-} "${jest[@]}" --json --outputFile="$results/$label.json" "$@" || c=$?
  echo "$c" >"$results/$label.rc"
  echo "test: === $label: $((SECONDS - started)) s ===" >&2
  # One line on the console even when this lane's output goes to a log (the second lane's).
  [ -z "${SECOND_LANE:-}" ] || echo "test: $label: $((SECONDS - started)) s, exit $c" >&3
}
# action.yml runs on node24: the first engine's tier runs dist/ under Node 24 (installed from the
# npm registry by scripts/node24.sh); the other tiers run it under this machine's Node 20, so each
# end-to-end suite runs on both runtimes without a pass of its own (which cost ~9 minutes).
node24=$(bash scripts/node24.sh)
node24_tier=classic
[[ ",$STORES," != *,containerd,* ]] || node24_tier=containerd

# Two lanes at once. Each engine tier runs in band (one build at a time on its engine: some tests
# prune the engine's build cache), but the tiers are on different engines, and one tier alone left
# a third of this machine's two cores idle (builds wait on the engine, the registry, the disk).
# Lane 1: the first engine (containerd store). Lane 2: the unit tests (parallel workers, no engine),
# then the classic store's engine, then the sid engine. Lane 2's output is printed when it ends.
other_lane() {
  # Unit tests: pure logic, in parallel workers. STAGECRAFT_UNIT=0 skips them.
  [ "${STAGECRAFT_UNIT:-1}" = 0 ] || run_jest unit '' --selectProjects unit "$@"
  # The unit tests once more on Node 24, the action's runtime (~70 s): its zlib has zstd (other
  # paths run, other rows skip), and any other difference of the runtime shows here first.
  [ "${STAGECRAFT_UNIT:-1}" = 0 ] || STAGECRAFT_JEST_NODE=$node24 run_jest unit-node24 '' --selectProjects unit "$@"
  # On the classic store, the suites whose builds run on the engine's own docker driver. Left out:
  # the BuildKit builders' suites (run next, with a builder of this engine), the split build and BPA's
  # CI jobs (they store nothing in the engine), the emulated cache service (no engine), the registry
  # audit (it reads a registry, not the engine; its fixture is a multi-platform image, which the
  # classic store's docker driver cannot build), and the examples (what differs by store is how the
  # image is read, which the audit corpus covers fixture by fixture here; the examples' npm/go/next
  # builds are five minutes more).
  if [ -n "$classic_host" ]; then
    local classic_node=
    [ "$node24_tier" != classic ] || classic_node="STAGECRAFT_E2E_NODE=$node24"
    STAGECRAFT_JEST_ENV="$classic_node" run_jest classic "$classic_host" --runInBand --selectProjects integration e2e \
      --testPathIgnorePatterns '/node_modules/' '/(builders|scale-out|part|bpa-ci)\.e2e\.test\.ts$' '/(docker/builders|build/buildkit-cache|registry/registry-audit|examples/examples|helpers/cache-service)\.int\.test\.ts$' "$@"
    # The builders on this engine: a docker-container builder made on it (scripts/setup-buildkit.sh
    # classic) and the remote daemon, two platforms, the gate, and a --load into the classic store.
    STAGECRAFT_JEST_ENV="STAGECRAFT_BUILDERS_ENGINE=classic" run_jest classic-builders "$classic_host" --runInBand --selectProjects e2e \
      --testPathPattern '__tests__/e2e/builders\.e2e\.test\.ts$' "$@"
  fi
  if [ ${#sid_env[@]} -gt 0 ]; then
    local sid_host=${sid_env[0]#DOCKER_HOST=}
    # The engine contract on Docker 28.5 / buildx 0.29 with its docker driver (build, test gate,
    # secrets, cache mounts, audit corpus, size, multi-platform, push, registry audit, BPA inputs).
    # Left out: suites that do not touch the engine's store (builders, cache/artifact emulations,
    # scripts) and the examples (the same builds as the corpus' contract, ten minutes more).
    STAGECRAFT_JEST_ENV="${sid_env[1]}" run_jest sid "$sid_host" --runInBand --selectProjects integration \
      --testPathPattern '__tests__/(pipeline/(run|examine)\.|build/bpa-inputs\.|audit/corpus\.|cache-mounts/|registry/|size/)' "$@"
    # BPA's CI jobs and the CLI on the builders of a GitHub-hosted runner of 2026: Docker 28.5, buildx
    # 0.29 and setup-buildx-action's docker-container builder on that engine (stagecraft-sid-container),
    # and the remote BuildKit through buildx 0.29.
    STAGECRAFT_JEST_ENV="${sid_env[1]} STAGECRAFT_BPA_ENGINE=sid STAGECRAFT_BUILDERS_ENGINE=sid" run_jest sid-builders "$sid_host" --runInBand --selectProjects e2e \
      --testPathPattern '__tests__/e2e/(bpa-ci|builders)\.e2e\.test\.ts$' "$@"
  fi
}
lanes_started=$SECONDS
exec 3>&2
SECOND_LANE=1 other_lane "$@" >"$results/other-lane.log" 2>&1 &
other_pid=$!
if [[ ",$STORES," == *,containerd,* ]]; then
  STAGECRAFT_JEST_ENV="STAGECRAFT_E2E_NODE=$node24" run_jest containerd '' --runInBand --selectProjects integration e2e "$@"
fi
wait $other_pid || true
echo "test: ---- the second lane's output (unit, classic, sid) ----" >&2
cat "$results/other-lane.log" >&2
echo "test: both lanes: $((SECONDS - lanes_started)) s" >&2
code=0
for rc in "$results"/*.rc; do [ "$(cat "$rc")" = 0 ] || code=$(cat "$rc"); done
# The closing line CI reads: N passed, N failed (, N skipped), over every run.
node -e '
  let p = 0, f = 0, s = 0;
  for (const file of process.argv.slice(1)) {
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); s += r.numPendingTests;
  }
  console.log(`tests: ${p} passed, ${f} failed, ${s} skipped`);
' "$results"/*.json || { echo "tests: 0 passed, 1 failed"; code=1; }
rm -rf "$results"
exit $code
