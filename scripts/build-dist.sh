#!/usr/bin/env bash
# Bundle the action (src/index.ts → dist/index.js, its post step src/post/index.ts → dist/post/) and the CLI (src/cli/main.ts → dist/cli/index.js,
# started by the dist/cli.js stub) with ncc. Each bundle keeps its lazily loaded chunks beside it,
# in its own directory, so chunk names of the two bundles cannot collide.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf dist
npx --no-install ncc build src/index.ts -o dist --target es2022 --license licenses.txt --quiet
npx --no-install ncc build src/cli/main.ts -o dist/cli --target es2022 --license licenses.txt --quiet
# The post step (removes a cancelled run's temp dirs): a bundle of its own, so it loads in milliseconds.
npx --no-install ncc build src/post/index.ts -o dist/post --target es2022 --license licenses.txt --quiet
printf '#!/usr/bin/env node\n// The Stagecraft CLI; the bundle lives in ./cli/ with its chunks.\nimport "./cli/index.js"\n' > dist/cli.js
chmod +x dist/cli.js
# The bundles' third-party licenses, each text from the lockfile's copies (deterministic; see the script).
node scripts/licenses.mjs dist/licenses.txt dist/cli/licenses.txt
printf '{ "type": "module" }\n' > dist/package.json
