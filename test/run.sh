#!/usr/bin/env bash
# The one test command: installs what the tests need (Debian packages, npm packages), then runs
# lint, type check, unit and integration tests (Vitest), and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-noto-core (42.5 MB installed, 20201225-1) gives Chromium Devanagari glyphs for the Hindi screenshots.
# sphinxtrain, sphinxbase-utils and pocketsphinx: adapting the grammar engine to a voice (MLLR).
need_debs=(chromium espeak-ng sox pocketsphinx-en-us libpocketsphinx3 libsphinxbase3 fonts-noto-core sphinxtrain sphinxbase-utils pocketsphinx)
missing=()
for p in "${need_debs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

echo "== lint"
npx eslint .
echo "== typecheck"
npx tsc -p .
echo "== unit and integration tests"
npx vitest run
if [ -d test/e2e ] && ls test/e2e/*.test.ts >/dev/null 2>&1; then
  echo "== end-to-end tests (Chromium)"
  npx vitest run --config test/e2e/vitest.config.ts
fi
