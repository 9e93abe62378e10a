#!/usr/bin/env bash
# Mutation testing with StrykerJS (stryker.config.mjs), one src/ folder at a time.
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
# those tests are as they were when its incremental file was committed (Stryker would reuse every
# result; a test newly counted for a folder is not a change: the recorded results stay true of the
# tests that gave them), and a folder with no committed incremental file (a full run is tens of
# minutes: run `npm run mutation FOLDER` and commit reports/stryker-incremental/FOLDER.json).
# After a run, FOLDER.sources records a hash of the code and tests it was written from; --changed
# skips a folder whose hash still matches (a file without its record is re-run, and then gets one).
# --changed has a time budget for all its folders (STRYKER_CHANGED_BUDGET_S, default 1500 s), so a
# change that invalidates many results cannot stretch CI past its limit: a folder over the budget
# is stopped and named, not failed; Stryker keeps what it tested as a partial incremental file, so
# running `npm run mutation:changed` again continues where it stopped (src/inspect takes several
# such runs on this machine), and committing the file keeps that progress for the next clone.
# Exits non-zero when a run fails (a dry run that fails, a broken config), not on survivors.
set -euo pipefail
cd "$(dirname "$0")/.."
ALL="inputs plan audit size report publish inspect"
changed=0
if [ "${1:-}" = --changed ]; then changed=1; shift; fi
folders=("$@")
# shellcheck disable=SC2206
[ ${#folders[@]} -gt 0 ] || folders=($ALL)
budget=${STRYKER_CHANGED_BUDGET_S:-1500}
case "$budget" in '' | *[!0-9]*) echo "mutation: STRYKER_CHANGED_BUDGET_S must be a number of seconds (got '$budget')" >&2; exit 2;; esac
# What an incremental file is written from: the folder's code, its mirror's files and the tests that judge it.
sources() {
  { git ls-files -co --exclude-standard -- "src/$1" "__tests__/$1"; node scripts/stryker-tests.mjs "$1"; } | sort -u | xargs sha256sum | sha256sum | cut -c1-64
}
node24=
for f in "${folders[@]}"; do
  case " $ALL " in *" $f "*) ;; *) echo "mutation: FOLDER must be one of $ALL (got '$f')" >&2; exit 2;; esac
  file=reports/stryker-incremental/$f.json
  mode=(--force)
  limit=()
  if [ $changed = 1 ]; then
    if [ -z "$(git ls-files -- "$file")" ]; then
      echo "mutation: src/$f: no committed $file, skipped (npm run mutation $f writes it)" >&2
      continue
    fi
    if [ "$(cat "${file%.json}.sources" 2>/dev/null)" = "$(sources "$f")" ]; then
      echo "mutation: src/$f: code and tests as $file was written from, skipped" >&2
      continue
    fi
    mode=()
    left=$((budget - SECONDS))
    if [ "$left" -le 0 ]; then
      echo "mutation: src/$f: changed, but the ${budget} s budget is spent: not run (npm run mutation:changed $f, then commit $file)" >&2
      continue
    fi
    limit=(timeout --signal=INT --kill-after=60 "$left")
  fi
  [ -n "$node24" ] || node24=$(bash scripts/node24.sh 2>/dev/null)
  started=$SECONDS
  echo "mutation: === src/$f ===" >&2
  status=0
  STRYKER_FOLDER=$f "${limit[@]}" "$node24" node_modules/@stryker-mutator/core/bin/stryker.js run --incremental "${mode[@]}" || status=$?
  if [ ${#limit[@]} -gt 0 ] && [ $status = 124 ]; then
    # Stopped by SIGINT at the budget: Stryker saves the results it has as a partial incremental
    # file, which the next --changed run continues from (its .sources is not written: the folder
    # stays due). Committing that file keeps the progress; a fresh clone (CI) just drops it.
    echo "mutation: src/$f: stopped at the ${budget} s budget after $((SECONDS - started)) s: not finished; the results so far are in $file (run npm run mutation:changed $f again to continue; commit $file to keep them)" >&2
    continue
  fi
  if [ ${#limit[@]} -gt 0 ] && [ $status = 137 ]; then
    # Killed: whatever it was writing cannot be trusted: keep the committed file.
    git checkout -q -- "$file" 2>/dev/null || true
    echo "mutation: src/$f: killed at the ${budget} s budget after $((SECONDS - started)) s: not finished (npm run mutation:changed $f, then commit $file)" >&2
    continue
  fi
  [ $status = 0 ] || exit $status
  sources "$f" > "${file%.json}.sources"
  echo "mutation: === src/$f: $((SECONDS - started)) s ===" >&2
done
