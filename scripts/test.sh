#!/usr/bin/env bash
# The whole test suite (README: `npm ci && npm test`). Installs and starts what it needs itself.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

[ -d node_modules ] || npm ci

step "build"
npm run build --silent

step "typecheck"
npm run typecheck --silent

step "lint and format (biome)"
npx biome check .

step "dependency rules (dependency-cruiser)"
npm run deps --silent

step "Chromium and pdftotext for the browser suites"
bash scripts/browser-for-tests.sh

step "PostgreSQL for the store and HTTP suites"
# shellcheck source=scripts/postgres-for-tests.sh
source scripts/postgres-for-tests.sh
trap stop_test_postgres EXIT

step "tests (vitest): every store and HTTP suite runs on PGlite and on PostgreSQL"
mkdir -p .test-results
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
status=$?
set -e
node -e '
  const r = require("./.test-results/vitest.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("no tests ran"); process.exit(1); }
'
exit $status
