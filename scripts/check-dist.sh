#!/usr/bin/env bash
# dist/ is committed: fail when it differs from a fresh build of src/.
# Run after `npm run build`. Outside CI a difference is only reported (you are mid-change).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! git rev-parse --verify -q HEAD >/dev/null; then exit 0; fi
if git diff --quiet HEAD -- dist && [ -z "$(git ls-files --others --exclude-standard dist)" ]; then
  echo "check-dist: dist/ is in sync with src/"
  exit 0
fi
git --no-pager diff --stat HEAD -- dist >&2 || true
if [ -n "${CI:-}" ]; then
  echo "check-dist: error: dist/ is stale: run 'npm run build' and commit dist/" >&2
  exit 1
fi
echo "check-dist: warning: dist/ differs from the last commit; commit it with your change" >&2
