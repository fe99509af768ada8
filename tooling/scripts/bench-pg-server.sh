#!/usr/bin/env bash
# bench-pg-server.sh — a PostgreSQL server sized as production should be for vector search, for
# `pnpm bench:vector` (docs/benchmarks.md, "Server settings for N vectors"). The shared development
# server keeps 128 MB of shared_buffers for every engineer's test databases, which holds neither a large
# user's HNSW index nor its half-precision copies, so its latencies measure the OS cache, not the search.
#
#   bash tooling/scripts/bench-pg-server.sh          # start (or find running) and print its URL
#   bash tooling/scripts/bench-pg-server.sh stop     # stop it and remove its data
#
# A cluster of the local PostgreSQL's binaries (pgvector included: tooling/scripts/ensure-pgvector.sh)
# in PG_BENCH_DATA, on 127.0.0.1:PG_BENCH_PORT, trusting local connections, without fsync (nothing in
# it outlives the benchmark). Settings, each overridable:
#   PG_BENCH_SHARED_BUFFERS   1GB: ~12 KB per vector that searches touch (index and copies), 100,000 vectors
#   PG_BENCH_CACHE_SIZE       3GB: effective_cache_size, the table with its TOASTed vectors
#   PG_BENCH_MAINTENANCE_MEM  1GB: maintenance_work_mem; an HNSW build larger than it is several times slower
# Then: TEST_DATABASE_URL=<printed URL> pnpm bench:vector
set -euo pipefail

PORT="${PG_BENCH_PORT:-5434}"
DATA="${PG_BENCH_DATA:-/var/tmp/cto-pg-bench}"
SHARED_BUFFERS="${PG_BENCH_SHARED_BUFFERS:-1GB}"
CACHE_SIZE="${PG_BENCH_CACHE_SIZE:-3GB}"
MAINTENANCE_MEM="${PG_BENCH_MAINTENANCE_MEM:-1GB}"
URL="postgresql://postgres@127.0.0.1:$PORT/postgres"

log() { printf 'bench-pg-server: %s\n' "$*" >&2; }
die() { printf 'bench-pg-server: ERROR: %s\n' "$*" >&2; exit 1; }

BIN="$(pg_config --bindir 2>/dev/null || true)"
[[ -x "$BIN/initdb" ]] || BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$BIN/initdb" ]] || die "no PostgreSQL server binaries (initdb, pg_ctl) found"

# initdb and the server refuse to run as root.
as_postgres() {
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

answers() { psql -X -A -t -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "SELECT 1" >/dev/null 2>&1; }

if [[ "${1:-start}" == "stop" ]]; then
  [[ -d "$DATA" ]] && as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
  log "stopped; $DATA removed"
  exit 0
fi

if answers; then
  log "a server already answers on port $PORT"
  echo "$URL"
  exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "creating a cluster in $DATA (shared_buffers $SHARED_BUFFERS)"
  rm -rf "$DATA"
  install -d -m 0700 "$DATA"
  [[ "$(id -u)" == "0" ]] && chown postgres:postgres "$DATA"
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
  {
    echo "# bench-pg-server.sh"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PORT"
    echo "unix_socket_directories = '$DATA'"
    echo "shared_buffers = $SHARED_BUFFERS"
    echo "effective_cache_size = $CACHE_SIZE"
    echo "maintenance_work_mem = $MAINTENANCE_MEM"
    echo "max_parallel_maintenance_workers = 2"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    echo "max_connections = 100"
  } | as_postgres tee -a "$DATA/postgresql.auto.conf" >/dev/null
fi

as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null || die "the server did not start; see $DATA/server.log"
answers || die "the server on port $PORT does not answer; see $DATA/server.log"
log "running on port $PORT (shared_buffers $(psql -X -A -t -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'SHOW shared_buffers'))"
echo "$URL"
