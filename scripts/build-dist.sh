#!/usr/bin/env bash
# Bundle the action and the CLI into dist/ with ncc (one self-contained ESM file per entry).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf dist
for entry in index cli; do
  [ -f "src/$entry.ts" ] || continue
  npx --no-install ncc build "src/$entry.ts" -o "dist/.$entry" --target es2022 --license licenses.txt --quiet
  mv "dist/.$entry/index.js" "dist/$entry.js"
  [ -f "dist/.$entry/licenses.txt" ] && mv "dist/.$entry/licenses.txt" dist/licenses.txt
  # chunks (dynamic imports) keep their place relative to the entry
  find "dist/.$entry" -type f -exec mv -t dist/ {} +
  rm -rf "dist/.$entry"
done
printf '{ "type": "module" }\n' > dist/package.json
