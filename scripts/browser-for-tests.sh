#!/usr/bin/env bash
# Installs (if needed) what the browser tests use from Debian: Chromium (driven by playwright-core, never a
# downloaded browser) and poppler-utils (pdftotext reads the medical-necessity PDF back in the tests).
# Usage: bash scripts/browser-for-tests.sh
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fonts=$(fc-list 2>/dev/null | wc -l || echo 0)
[ "$fonts" -gt 0 ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (Debian packages)…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
/usr/bin/chromium --version
