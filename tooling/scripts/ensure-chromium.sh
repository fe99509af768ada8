#!/usr/bin/env bash
# ensure-chromium.sh — make Debian's Chromium available for the browser tests (the web app's
# end-to-end suite and the screenshots the OCR tests render). Does nothing when it already is.
# Playwright's own browser download cannot work on a closed network; Debian's package can.
#
# Environment (optional):
#   CHROMIUM_PATH   where the browser is expected (default /usr/bin/chromium)
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
log() { printf 'ensure-chromium: %s\n' "$*"; }

if [ -x "$CHROMIUM_PATH" ]; then
  log "$("$CHROMIUM_PATH" --version 2>/dev/null || echo chromium) is installed"
  exit 0
fi
command -v apt-get >/dev/null || { log "ERROR: no $CHROMIUM_PATH and no apt-get; install Chromium and set CHROMIUM_PATH" >&2; exit 1; }
log "installing Debian's chromium (and a font for rendered text)…"
apt_install chromium fonts-dejavu-core
log "$("$CHROMIUM_PATH" --version) installed"
