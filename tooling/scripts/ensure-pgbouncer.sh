#!/usr/bin/env bash
# ensure-pgbouncer.sh — PgBouncer in transaction mode in front of the local PostgreSQL, for the tests
# that run @cto/db's client through a pooler. Does nothing when one already answers.
#
# Debian's `pgbouncer` package (installed when missing), run with a configuration of its own
# (/etc/pgbouncer/cto.ini; Debian's pgbouncer.ini and its service are left alone):
#   - every database name maps to the same database on the primary (`* = host=… port=…`);
#   - pool_mode = transaction: a server connection belongs to a client for one transaction;
#   - ignore_startup_parameters = extra_float_digits, options: PgBouncer cannot carry startup options
#     (`-c TimeZone=UTC -c role=cto_app`) from one server connection to the next, so it drops them;
#     the database entry asks the server for TimeZone=UTC instead, and the app connects as its own
#     login (packages/db/README.md, "Through PgBouncer");
#   - auth_type = trust on loopback only, users looked up in the server (auth_user), as the CI
#     server itself trusts loopback.
#
# Environment (all optional):
#   PGHOST / PGPORT / PGUSER     the server behind it (default 127.0.0.1 / 5432 / postgres)
#   PGBOUNCER_PORT               where it listens (default 6432)
#
# Exit status: 0 when PgBouncer answers in transaction mode, non-zero otherwise.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
BOUNCER_PORT="${PGBOUNCER_PORT:-6432}"
CONF=/etc/pgbouncer/cto.ini
USERLIST=/etc/pgbouncer/cto-userlist.txt
RUN_DIR=/var/run/postgresql
LOGFILE=/var/log/postgresql/pgbouncer-cto.log

log() { printf 'ensure-pgbouncer: %s\n' "$*"; }
die() { printf 'ensure-pgbouncer: ERROR: %s\n' "$*" >&2; exit 1; }

# The pool mode of whatever answers on the port, through PgBouncer's admin console; empty when none.
pool_mode() {
  psql -X -A -t -q -h 127.0.0.1 -p "$BOUNCER_PORT" -U "$PGUSER" -d pgbouncer -c 'SHOW CONFIG' 2>/dev/null | awk -F'|' '$1 == "pool_mode" { print $2 }' || true
}
through_bouncer() { psql -X -A -t -q -h 127.0.0.1 -p "$BOUNCER_PORT" -U "$PGUSER" -d postgres -c 'SELECT 1' >/dev/null 2>&1; }

mode="$(pool_mode)"
if [[ "$mode" == "transaction" ]] && through_bouncer; then
  log "PgBouncer on port $BOUNCER_PORT already pools $PGHOST:$PGPORT in transaction mode; nothing to do"
  exit 0
fi
if [[ -n "$mode" ]]; then die "a PgBouncer on port $BOUNCER_PORT runs in $mode mode; stop it or set PGBOUNCER_PORT"; fi
if (echo >"/dev/tcp/127.0.0.1/$BOUNCER_PORT") 2>/dev/null; then die "port $BOUNCER_PORT is taken by something that is not this PgBouncer; set PGBOUNCER_PORT"; fi

psql -X -A -t -q -d postgres -c 'SELECT 1' >/dev/null 2>&1 || die "no PostgreSQL answers at $PGHOST:$PGPORT as $PGUSER"

as_root() { if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo -- "$@"; fi; }

if ! command -v pgbouncer >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || die "pgbouncer is missing and this is not an apt-based system; install PgBouncer by hand"
  log "installing Debian's pgbouncer"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends pgbouncer >/tmp/ensure-pgbouncer-apt.log 2>&1 \
    || { as_root apt-get -q -o DPkg::Lock::Timeout=300 update >/dev/null 2>&1 && as_root apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends pgbouncer >/tmp/ensure-pgbouncer-apt.log 2>&1; } \
    || { tail -n 20 /tmp/ensure-pgbouncer-apt.log >&2; die "could not install pgbouncer"; }
fi
log "$(pgbouncer --version | head -n 1)"

as_root install -d -o postgres -g postgres "$RUN_DIR" /var/log/postgresql
as_root tee "$USERLIST" >/dev/null <<EOF
"$PGUSER" ""
EOF
as_root tee "$CONF" >/dev/null <<EOF
; ensure-pgbouncer.sh: transaction pooling in front of $PGHOST:$PGPORT for Cto's tests
[databases]
* = host=$PGHOST port=$PGPORT timezone=UTC

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
pool_mode = transaction
auth_type = trust
auth_file = $USERLIST
auth_user = $PGUSER
admin_users = $PGUSER
ignore_startup_parameters = extra_float_digits, options
max_client_conn = 500
default_pool_size = 20
log_connections = 0
log_disconnections = 0
logfile = $LOGFILE
pidfile = $RUN_DIR/pgbouncer-cto.pid
EOF
as_root chown postgres:postgres "$CONF" "$USERLIST"

log "starting PgBouncer on 127.0.0.1:$BOUNCER_PORT in transaction mode ($CONF)"
if [[ "$(id -un)" == "postgres" ]]; then pgbouncer -d "$CONF"; else as_root pgbouncer -d -u postgres "$CONF"; fi

for ((i = 0; i < 20; i++)); do
  if [[ "$(pool_mode)" == "transaction" ]] && through_bouncer; then
    log "PgBouncer on port $BOUNCER_PORT pools $PGHOST:$PGPORT in transaction mode"
    exit 0
  fi
  sleep 0.5
done
die "PgBouncer did not answer on port $BOUNCER_PORT; see $LOGFILE"
