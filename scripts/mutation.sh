#!/usr/bin/env bash
# Mutation testing with StrykerJS (stryker.config.mjs), one src/ folder at a time against the unit
# tests of its mirror folder in __tests__/.
#
#   bash scripts/mutation.sh [FOLDER...]            every mutant (npm run mutation); rewrites the
#                                                   incremental files reports/stryker-incremental/
#   bash scripts/mutation.sh --changed [FOLDER...]  incremental (npm run mutation:changed, CI): only
#                                                   mutants in code or tests changed since those
#                                                   files were written; the rest are reused
#
# FOLDER: inputs plan audit size report publish inspect (default: all). Reports (html, json) go to
# reports/mutation/FOLDER.*. Stryker 10 needs Node >= 22: it runs on Node 24 (scripts/node24.sh).
# A folder is judged by its mirror's unit tests and the other unit tests that import it
# (scripts/stryker-tests.mjs). --changed skips, without starting Stryker, a folder whose src/ and
# those tests are as they were when its incremental file was committed (a test newly counted for
# a folder is not a change: the recorded results stay true of the tests that gave them) (Stryker would reuse every result), and a folder with no
# committed incremental file (a full run is tens of minutes: run `npm run mutation FOLDER` and
# commit reports/stryker-incremental/FOLDER.json).
# Exits non-zero when a run fails (a dry run that fails, a broken config), not on survivors.
set -euo pipefail
cd "$(dirname "$0")/.."
ALL="inputs plan audit size report publish inspect"
changed=0
if [ "${1:-}" = --changed ]; then changed=1; shift; fi
folders=("$@")
# shellcheck disable=SC2206
[ ${#folders[@]} -gt 0 ] || folders=($ALL)
node24=
for f in "${folders[@]}"; do
  case " $ALL " in *" $f "*) ;; *) echo "mutation: FOLDER must be one of $ALL (got '$f')" >&2; exit 2;; esac
  file=reports/stryker-incremental/$f.json
  mode=(--force)
  if [ $changed = 1 ]; then
    since=$(git log -1 --format=%H -- "$file" 2>/dev/null || true)
    if [ -z "$since" ]; then
      echo "mutation: src/$f: no committed $file, skipped (npm run mutation $f writes it)" >&2
      continue
    fi
    mapfile -t tests < <(node scripts/stryker-tests.mjs "$f")
    if git diff --quiet "$since" -- "src/$f" "__tests__/$f" "${tests[@]}" "$file" &&
      [ -z "$(git ls-files --others --exclude-standard -- "src/$f" "__tests__/$f")" ]; then
      echo "mutation: src/$f: unchanged since $file was committed, skipped" >&2
      continue
    fi
    mode=()
  fi
  [ -n "$node24" ] || node24=$(bash scripts/node24.sh 2>/dev/null)
  started=$SECONDS
  echo "mutation: === src/$f ===" >&2
  STRYKER_FOLDER=$f "$node24" node_modules/@stryker-mutator/core/bin/stryker.js run --incremental "${mode[@]}"
  echo "mutation: === src/$f: $((SECONDS - started)) s ===" >&2
done
