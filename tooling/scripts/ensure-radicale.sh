#!/usr/bin/env bash
# ensure-radicale.sh — a running Radicale (Debian's CalDAV server) for the tests of connected calendars
# (apps/worker/test/calendars.test.ts). It listens on 127.0.0.1 only, with plain htpasswd accounts and
# its collections under /var/tmp, so nothing it keeps outlives the machine's temporary files. Does
# nothing when it already answers; installs the package when missing (its system service is not used).
#
# Environment (all optional):
#   RADICALE_PORT      the port (default 5232)
#   RADICALE_DIR       config, accounts, collections, log and pid file (default /var/tmp/cto-radicale)
#   RADICALE_USER      the test account's name (default cto)
#   RADICALE_PASSWORD  its password (default cto-radicale)
#   RADICALE_BIN       the server's executable (default /usr/bin/radicale)
#
# Exit status: 0 when Radicale answers an authenticated PROPFIND, non-zero otherwise.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"

PORT="${RADICALE_PORT:-5232}"
DIR="${RADICALE_DIR:-/var/tmp/cto-radicale}"
USER_NAME="${RADICALE_USER:-cto}"
PASSWORD="${RADICALE_PASSWORD:-cto-radicale}"
log() { printf 'ensure-radicale: %s\n' "$*"; }
die() { printf 'ensure-radicale: ERROR: %s\n' "$*" >&2; exit 1; }

# 207 Multi-Status to an authenticated PROPFIND of the account's home: up, and the account works.
healthy() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 -X PROPFIND -H 'Depth: 0' -u "$USER_NAME:$PASSWORD" \
    "http://127.0.0.1:$PORT/$USER_NAME/" 2>/dev/null || true)" = "207" ]
}

if healthy; then
  log "Radicale answers on 127.0.0.1:$PORT"
  exit 0
fi

# Debian's binary (/usr/bin/radicale runs the system Python, which has the module; a pyenv python3 may not).
RADICALE_BIN="${RADICALE_BIN:-/usr/bin/radicale}"
if [ ! -x "$RADICALE_BIN" ]; then
  command -v apt-get >/dev/null || die "Radicale is not installed and there is no apt-get; install Radicale 3"
  log "installing Debian's radicale…"
  # Without the package's start of the system service: this script runs its own instance.
  apt_install --no-start radicale
fi

mkdir -p "$DIR/collections"
printf '%s:%s\n' "$USER_NAME" "$PASSWORD" >"$DIR/users"
cat >"$DIR/config" <<CONFIG
[server]
hosts = 127.0.0.1:$PORT

[auth]
type = htpasswd
htpasswd_filename = $DIR/users
htpasswd_encryption = plain
# Tests try wrong passwords on purpose: no delay after a failed login.
delay = 0

[rights]
type = owner_only

[storage]
filesystem_folder = $DIR/collections

[logging]
level = warning
CONFIG

# A stale instance (another port's config, a crashed one) is stopped first.
if [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
  kill "$(cat "$DIR/pid")" 2>/dev/null || true
  sleep 1
fi
log "starting Radicale $("$RADICALE_BIN" --version 2>/dev/null) on 127.0.0.1:$PORT (data in $DIR)…"
nohup setsid "$RADICALE_BIN" --config "$DIR/config" >"$DIR/radicale.log" 2>&1 </dev/null &
echo $! >"$DIR/pid"

for _ in $(seq 1 50); do
  if healthy; then
    log "Radicale answers on 127.0.0.1:$PORT"
    exit 0
  fi
  sleep 0.2
done
tail -n 20 "$DIR/radicale.log" >&2 || true
die "Radicale did not answer on 127.0.0.1:$PORT"
