#!/usr/bin/env bash
# ensure-pg-replica.sh — a streaming read replica of the local PostgreSQL, for the tests of
# @cto/db's read routing (DATABASE_REPLICA_URLS). Does nothing when the replica already streams.
#
# The replica is a second cluster of the same major version on another port, made with
# `pg_basebackup -R` (a standby.signal and primary_conninfo) and a physical replication slot, so a
# replica stopped for a while (the tests stop it) catches up instead of missing removed WAL. On Debian
# it is a pg_createcluster cluster (`<major>/replica`, run with pg_ctlcluster); elsewhere a data
# directory started with pg_ctl.
#
# What it changes on the primary, each only when missing: a `host replication all 127.0.0.1/32 trust`
# line in pg_hba.conf (then a reload), and `max_slot_wal_keep_size` (ALTER SYSTEM, a reload) so that a
# replica gone for good cannot make the primary keep WAL without bound. wal_level must already be
# `replica` or `logical` (PostgreSQL's default); changing it needs a restart, which this script leaves
# to you.
#
# Environment (all optional):
#   PGHOST / PGPORT / PGUSER     the primary (default 127.0.0.1 / 5432 / postgres)
#   PG_REPLICA_PORT              the replica's port (default 5433)
#   PG_REPLICA_DATA              data directory when pg_createcluster is not available
#                                (default /var/lib/postgresql/<major>/replica)
#   PG_REPLICA_SLOT_WAL_LIMIT    max_slot_wal_keep_size set on the primary when it is unlimited (default 2GB)
#
# Exit status: 0 when the replica streams from the primary, non-zero otherwise.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
REPLICA_PORT="${PG_REPLICA_PORT:-5433}"
SLOT="cto_replica_${REPLICA_PORT}"
CLUSTER="replica"

log() { printf 'ensure-pg-replica: %s\n' "$*"; }
die() { printf 'ensure-pg-replica: ERROR: %s\n' "$*" >&2; exit 1; }

primary() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d postgres -c "$1"; }
replica() { psql -X -A -t -q -v ON_ERROR_STOP=1 -p "$REPLICA_PORT" -d postgres -c "$1" 2>/dev/null; }

# The replica answers, is a standby, and its WAL receiver streams.
streaming() {
  [[ "$(replica "SELECT pg_is_in_recovery()::text || '/' || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none')" || true)" == "true/streaming" ]]
}

wait_streaming() {
  local i
  for ((i = 0; i < ${1:-60}; i++)); do
    streaming && return 0
    sleep 1
  done
  return 1
}

if streaming; then
  log "a replica on port $REPLICA_PORT already streams from $PGHOST:$PGPORT; nothing to do"
  exit 0
fi

primary 'SELECT 1' >/dev/null 2>&1 || die "no PostgreSQL answers at $PGHOST:$PGPORT as $PGUSER"
[[ "$(primary 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')" == "t" ]] || die "$PGUSER must be a superuser of the primary (to edit pg_hba.conf and create the slot)"
MAJOR="$(( $(primary 'SHOW server_version_num') / 10000 ))"
BIN="/usr/lib/postgresql/$MAJOR/bin"
[[ -x "$BIN/pg_basebackup" ]] || BIN="$(dirname "$(command -v pg_basebackup || die "pg_basebackup not found")")"

# ---------------------------------------------------------------------------
# 1. The primary: WAL for a standby, a replication line in pg_hba.conf, a bound on the slot's WAL.
case "$(primary 'SHOW wal_level')" in
  replica | logical) ;;
  *) die "the primary's wal_level is $(primary 'SHOW wal_level'): set it to replica (ALTER SYSTEM SET wal_level = replica) and restart it" ;;
esac
[[ "$(primary 'SHOW max_wal_senders')" -gt 0 ]] || die "the primary's max_wal_senders is 0: raise it and restart the primary"

if [[ "$(primary "SELECT count(*) FROM pg_hba_file_rules WHERE type = 'host' AND 'replication' = ANY(database) AND address = '127.0.0.1' AND auth_method = 'trust' AND error IS NULL")" == "0" ]]; then
  HBA="$(primary 'SHOW hba_file')"
  log "allowing replication connections from 127.0.0.1 in $HBA"
  # First match wins in pg_hba.conf: the line goes first, so a broader rule below cannot shadow it.
  { echo "host replication all 127.0.0.1/32 trust  # ensure-pg-replica.sh"; cat "$HBA"; } >"$HBA.new"
  chown --reference="$HBA" "$HBA.new" && chmod --reference="$HBA" "$HBA.new" && mv "$HBA.new" "$HBA"
  primary 'SELECT pg_reload_conf()' >/dev/null
  sleep 1
fi

if [[ "$(primary 'SHOW max_slot_wal_keep_size')" == "-1" ]]; then
  LIMIT="${PG_REPLICA_SLOT_WAL_LIMIT:-2GB}"
  log "bounding the WAL a replication slot keeps on the primary: max_slot_wal_keep_size = $LIMIT"
  primary "ALTER SYSTEM SET max_slot_wal_keep_size = '$LIMIT'" >/dev/null
  primary 'SELECT pg_reload_conf()' >/dev/null
fi

# ---------------------------------------------------------------------------
# 2. Runs the replica's commands as the owner of its files.
as_postgres() {
  if [[ "$(id -un)" == "postgres" ]]; then "$@"
  elif [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"
  else sudo -u postgres -- "$@"; fi
}
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo -- "$@"; fi
}

DEBIAN=false
if command -v pg_createcluster >/dev/null 2>&1 && command -v pg_ctlcluster >/dev/null 2>&1; then DEBIAN=true; fi
if $DEBIAN; then
  DATA="/var/lib/postgresql/$MAJOR/$CLUSTER"
  CONF_DIR="/etc/postgresql/$MAJOR/$CLUSTER"
else
  DATA="${PG_REPLICA_DATA:-/var/lib/postgresql/$MAJOR/$CLUSTER}"
  CONF_DIR="$DATA"
fi
LOGFILE="/var/log/postgresql/postgresql-$MAJOR-$CLUSTER.log"

start_replica() {
  if $DEBIAN; then as_root pg_ctlcluster "$MAJOR" "$CLUSTER" start
  else as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w start >/dev/null; fi
}
stop_replica() {
  if $DEBIAN; then as_root pg_ctlcluster "$MAJOR" "$CLUSTER" stop -m fast >/dev/null 2>&1 || true
  else as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
}

# ---------------------------------------------------------------------------
# 3. A replica that exists but is stopped (after a reboot, or a test that stopped it): start it.
if [[ -f "$DATA/standby.signal" ]] && { ! $DEBIAN || [[ -f "$CONF_DIR/postgresql.conf" ]]; }; then
  log "starting the existing replica in $DATA"
  start_replica || true
  if wait_streaming 30; then
    log "the replica on port $REPLICA_PORT streams again"
    exit 0
  fi
  log "the replica in $DATA does not stream (its log: $LOGFILE); making it again"
  stop_replica
fi

# ---------------------------------------------------------------------------
# 4. A new replica: a base backup of the primary, with the standby settings (-R) and a slot.
START=$SECONDS
if $DEBIAN && [[ ! -f "$CONF_DIR/postgresql.conf" ]]; then
  log "creating the cluster $MAJOR/$CLUSTER on port $REPLICA_PORT (pg_createcluster)"
  # pg_dropcluster leaves a conf.d it did not write, and pg_createcluster would adopt a data directory it
  # finds: it gets neither.
  as_root rm -rf "$CONF_DIR" "$DATA"
  as_root pg_createcluster "$MAJOR" "$CLUSTER" --port "$REPLICA_PORT" --start-conf auto >/dev/null
fi
if $DEBIAN; then
  # A standby needs these at least as large as its primary's, or it refuses to start.
  mkdir -p "$CONF_DIR/conf.d"
  {
    echo "# ensure-pg-replica.sh: a hot standby of $PGHOST:$PGPORT"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $REPLICA_PORT"
    echo "hot_standby = on"
    # Reports the replica's oldest snapshot, so the primary's vacuum does not cancel its reads.
    echo "hot_standby_feedback = on"
    echo "shared_buffers = 64MB"
    # A replica for tests: nothing on it needs to survive a crash of the machine (this script makes it
    # again), and without fsync its restartpoints, so its stops, take a second instead of tens under CI's
    # load of created and dropped databases.
    echo "fsync = off"
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
      echo "$setting = $(primary "SHOW $setting")"
    done
  } >"$CONF_DIR/conf.d/90-cto-replica.conf"
  # The same clients as the primary's (Debian keeps pg_hba.conf beside the settings, not in the data).
  cp "$(primary 'SHOW hba_file')" "$CONF_DIR/pg_hba.conf"
  chown postgres:postgres "$CONF_DIR/conf.d/90-cto-replica.conf" "$CONF_DIR/pg_hba.conf"
fi

stop_replica
as_root rm -rf "$DATA"
as_root install -d -o postgres -g postgres -m 0700 "$DATA"

# --no-sync: the replica runs without fsync (above); a copy cut short is made again by the next run.
# A slot left by an earlier replica of this port would refuse -C; it holds nothing of value.
if [[ "$(primary "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$SLOT'")" != "0" ]]; then
  primary "SELECT pg_drop_replication_slot('$SLOT')" >/dev/null
fi
log "copying the primary into $DATA (pg_basebackup -R, slot $SLOT)"
as_postgres "$BIN/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -D "$DATA" -R -X stream -C -S "$SLOT" -c fast --no-sync
if ! $DEBIAN; then
  # The copied postgresql.conf is the primary's: the replica's own port and standby settings go last.
  printf "port = %s\nhot_standby = on\nhot_standby_feedback = on\nfsync = off\n" "$REPLICA_PORT" | as_postgres tee -a "$DATA/postgresql.auto.conf" >/dev/null
fi

start_replica
wait_streaming 60 || die "the replica on port $REPLICA_PORT does not stream after its base backup; see $LOGFILE"
log "a replica on port $REPLICA_PORT streams from $PGHOST:$PGPORT (made in $((SECONDS - START)) s)"
