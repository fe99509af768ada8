#!/usr/bin/env bash
# ensure-pgbackrest.sh — make Debian's pgBackRest available for the point-in-time recovery drill
# (packages/db/test/pitr.test.ts), which archives WAL with it from a throwaway PostgreSQL cluster it
# creates in a temporary folder, takes a backup and restores to a moment before a mistake. The drill
# also needs Debian's PostgreSQL server binaries (initdb, pg_ctl), which the local server already has.
# Does nothing when pgbackrest is installed; never touches a running cluster.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"

log() { printf 'ensure-pgbackrest: %s\n' "$*"; }

if command -v pgbackrest >/dev/null 2>&1; then
  log "$(pgbackrest version) is installed"
  exit 0
fi
command -v apt-get >/dev/null || { log "ERROR: no pgbackrest and no apt-get; install pgBackRest 2.x by hand" >&2; exit 1; }
log "installing Debian's pgbackrest…"
apt_install pgbackrest
log "$(pgbackrest version) installed"
