#!/usr/bin/env bash
# ensure-haproxy.sh — make Debian's HAProxy available for the tests and benchmarks that put several API
# instances behind a real load balancer (apps/api/test/scale-out.test.ts, `pnpm bench:scale`). They start
# their own haproxy with a config in a temporary folder; this script only installs the binary, and it
# stops the system service the package starts, which nothing here uses. Does nothing when it is there.
#
# Environment (optional):
#   HAPROXY_PATH   where the binary is expected (default /usr/sbin/haproxy)
set -euo pipefail

HAPROXY_PATH="${HAPROXY_PATH:-/usr/sbin/haproxy}"
log() { printf 'ensure-haproxy: %s\n' "$*"; }

if [ -x "$HAPROXY_PATH" ]; then
  log "$("$HAPROXY_PATH" -v 2>/dev/null | head -n 1) is installed"
  exit 0
fi
command -v apt-get >/dev/null || { log "ERROR: no $HAPROXY_PATH and no apt-get; install HAProxy 2.x and set HAPROXY_PATH" >&2; exit 1; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
log "installing Debian's haproxy…"
if [ -z "$(apt-cache policy haproxy 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}')" ]; then
  $SUDO apt-get update -qq
fi
# policy-rc.d refuses the package's start of the system service: tests run their own instances.
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=""
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod +x "$POLICY"
  CREATED_POLICY=1
fi
trap '[ -z "$CREATED_POLICY" ] || $SUDO rm -f "$POLICY"' EXIT
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 haproxy >/dev/null
log "$("$HAPROXY_PATH" -v | head -n 1) installed"
