#!/usr/bin/env bash
# ensure-pgbackrest.sh — make Debian's pgBackRest available for the point-in-time recovery drill
# (packages/db/test/pitr.test.ts), which archives WAL with it from a throwaway PostgreSQL cluster it
# creates in a temporary folder, takes a backup and restores to a moment before a mistake. The drill
# also needs Debian's PostgreSQL server binaries (initdb, pg_ctl), which the local server already has.
# Does nothing when pgbackrest is installed; never touches a running cluster.
set -euo pipefail

log() { printf 'ensure-pgbackrest: %s\n' "$*"; }

if command -v pgbackrest >/dev/null 2>&1; then
  log "$(pgbackrest version) is installed"
  exit 0
fi
command -v apt-get >/dev/null || { log "ERROR: no pgbackrest and no apt-get; install pgBackRest 2.x by hand" >&2; exit 1; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
log "installing Debian's pgbackrest…"
if [ -z "$(apt-cache policy pgbackrest 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}')" ]; then
  $SUDO apt-get update -qq
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 pgbackrest >/dev/null
log "$(pgbackrest version) installed"
