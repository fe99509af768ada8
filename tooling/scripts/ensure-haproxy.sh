#!/usr/bin/env bash
# ensure-haproxy.sh — make Debian's HAProxy available for the tests and benchmarks that put several API
# instances behind a real load balancer (apps/api/test/scale-out.test.ts, `pnpm bench:scale`). They start
# their own haproxy with a config in a temporary folder; this script only installs the binary, and it
# stops the system service the package starts, which nothing here uses. Does nothing when it is there.
#
# Environment (optional):
#   HAPROXY_PATH   where the binary is expected (default /usr/sbin/haproxy)
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"

HAPROXY_PATH="${HAPROXY_PATH:-/usr/sbin/haproxy}"
log() { printf 'ensure-haproxy: %s\n' "$*"; }

if [ -x "$HAPROXY_PATH" ]; then
  log "$("$HAPROXY_PATH" -v 2>/dev/null | head -n 1) is installed"
  exit 0
fi
command -v apt-get >/dev/null || { log "ERROR: no $HAPROXY_PATH and no apt-get; install HAProxy 2.x and set HAPROXY_PATH" >&2; exit 1; }
log "installing Debian's haproxy…"
# Without the package's start of the system service: tests run their own instances.
apt_install --no-start haproxy
log "$("$HAPROXY_PATH" -v | head -n 1) installed"
