#!/usr/bin/env bash
# Mutation testing with StrykerJS (stryker.config.mjs), one src/ folder at a time against the unit
# tests of its mirror folder in __tests__/.
#
#   bash scripts/mutation.sh [FOLDER...]            every mutant (npm run mutation); rewrites the
#                                                   incremental files reports/stryker-incremental/
#   bash scripts/mutation.sh --changed [FOLDER...]  incremental (npm run mutation:changed): only
#                                                   mutants in code or tests changed since those
#                                                   files were written; the rest are reused
#
# FOLDER: inputs plan audit size report publish inspect (default: all). Reports (html, json) go to
# reports/mutation/FOLDER.*. Stryker 10 needs Node >= 22: it runs on Node 24 (scripts/node24.sh).
# Exits non-zero when a run fails (a dry run that fails, a broken config), not on survivors.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(--force)
if [ "${1:-}" = --changed ]; then mode=(); shift; fi
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(inputs plan audit size report publish inspect)
node24=$(bash scripts/node24.sh 2>/dev/null)
for f in "${folders[@]}"; do
  case " inputs plan audit size report publish inspect " in *" $f "*) ;; *) echo "mutation: FOLDER must be one of inputs plan audit size report publish inspect (got '$f')" >&2; exit 2;; esac
  started=$SECONDS
  echo "mutation: === src/$f ===" >&2
  STRYKER_FOLDER=$f "$node24" node_modules/@stryker-mutator/core/bin/stryker.js run --incremental "${mode[@]}"
  echo "mutation: === src/$f: $((SECONDS - started)) s ===" >&2
done
