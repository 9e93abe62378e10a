#!/usr/bin/env bash
# The README's first quick-start command: on a fresh clone, set up what is needed (npm
# packages, a Docker engine with buildx, local base images), then run the whole Stagecraft
# pipeline on the bundled example: build it, run its test stage as a gate, build the runner.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLE=${STAGECRAFT_DEMO_EXAMPLE:-__tests__/fixtures/multistage}

[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-engine.sh
bash scripts/base-images.sh busybox
[ -f dist/cli.js ] || npm run --silent build

# The example's builder stage needs a registry token as a build secret, the way a private
# npm registry token is passed: from an environment variable, never on the command line.
export DEMO_REGISTRY_TOKEN=${DEMO_REGISTRY_TOKEN:-demo-$RANDOM$RANDOM-token}
exec node dist/cli.js "$EXAMPLE" --test-target test --tag stagecraft-demo/app:latest \
  --secret-env registry_token=DEMO_REGISTRY_TOKEN "$@"
