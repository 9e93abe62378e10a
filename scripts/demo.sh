#!/usr/bin/env bash
# The README's first quick-start command. On a fresh clone it sets up what it needs (npm
# packages, a Docker engine with buildx, the local base images), then shows the whole Stagecraft
# pipeline on examples/node-typescript:
#   1. builds the example's naive single-stage twin (Dockerfile.naive): the size baseline;
#   2. runs Stagecraft on the multi-stage Dockerfile: test stage as the gate, runner build,
#      audit of the runner, size against the naive twin;
#   3. prints the PR comment exactly as Stagecraft would post it.
# STAGECRAFT_DEMO_EXAMPLE=examples/go-static (etc.) picks another example.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLE=${STAGECRAFT_DEMO_EXAMPLE:-examples/node-typescript}
NAME=$(basename "$EXAMPLE")
say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-engine.sh
bash scripts/base-images.sh busybox debian node
[ -f dist/cli.js ] || npm run --silent build

# npm inside the build reaches the registry through this machine's CA bundle (an intercepting
# proxy's CA, where there is one) and its .npmrc, passed the way users pass them: as build
# secrets, mounted for one RUN and never written to a layer.
secrets=()
naive_secrets=()
ca=/etc/ssl/certs/ca-certificates.crt
if [ -f "$ca" ]; then secrets+=(--secret-file "ca=$ca"); naive_secrets+=(--secret "id=ca,src=$ca"); fi
npmrc=$(mktemp)
trap 'rm -f "$npmrc" "$comment"' EXIT
printf 'registry=%s\n' "$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)" > "$npmrc"
secrets+=(--secret-file "npmrc=$npmrc"); naive_secrets+=(--secret "id=npmrc,src=$npmrc")

say "1/3 the naive single-stage twin ($EXAMPLE/Dockerfile.naive), the size baseline"
docker buildx build --quiet --load "${naive_secrets[@]}" -f "$EXAMPLE/Dockerfile.naive" \
  -t "stagecraft-demo/$NAME-naive:latest" "$EXAMPLE" >/dev/null

say "2/3 Stagecraft on $EXAMPLE/Dockerfile: test stage, runner, audit, size"
comment=$(mktemp)
set +e
node dist/cli.js "$EXAMPLE" --test-target test --tag "stagecraft-demo/$NAME:latest" \
  --baseline-image "stagecraft-demo/$NAME-naive:latest" "${secrets[@]}" --comment "$comment" "$@"
code=$?
set -e

say "3/3 the pull request comment, as Stagecraft would post it"
cat "$comment"
exit $code
