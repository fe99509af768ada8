#!/usr/bin/env bash
# ensure-redis-sentinel.sh — a local Redis Sentinel set for the tests that run Cto on one
# (REDIS_SENTINELS, REDIS_SENTINEL_NAME=cto): a master on 127.0.0.1:6380, its replica on 6381, and three
# sentinels on 26380-26382 watching them as "cto" (quorum 2). Does nothing when the set already answers
# healthy (after a failover the master is 6381, which is as good); otherwise starts it afresh, empty.
# Test data only: nothing here is kept.
#
# Environment (optional):
#   REDIS_SENTINEL_DIR   where the servers and sentinels keep their files and logs (default /var/tmp/cto-redis-sentinel)
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"

DIR="${REDIS_SENTINEL_DIR:-/var/tmp/cto-redis-sentinel}"
NAME=cto
DATA_PORTS=(6380 6381)
SENTINEL_PORTS=(26380 26381 26382)
log() { printf 'ensure-redis-sentinel: %s\n' "$*"; }
die() { printf 'ensure-redis-sentinel: ERROR: %s\n' "$*" >&2; exit 1; }

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/redis.sh"
ensure_redis_binaries

field() { tr -d '\r' | sed -n "s/^$1://p"; }

# Healthy: every sentinel names the same master, that server is a master with one replica in sync, and
# each sentinel knows the other two and the replica.
healthy() {
  local port address master="" replicas
  for port in "${SENTINEL_PORTS[@]}"; do
    address="$(redis-cli -p "$port" sentinel get-master-addr-by-name "$NAME" 2>/dev/null | tr '\n' ':' | sed 's/:$//')"
    [ -n "$address" ] || return 1
    [ -z "$master" ] || [ "$address" = "$master" ] || return 1
    master="$address"
    replicas="$(redis-cli -p "$port" sentinel master "$NAME" 2>/dev/null | tr -d '\r' | awk 'NR % 2 { key = $0; next } { v[key] = $0 } END { print v["num-slaves"], v["num-other-sentinels"] }')"
    [ "$replicas" = "1 2" ] || return 1
  done
  local info
  info="$(redis-cli -p "${master##*:}" info replication 2>/dev/null)"
  [ "$(field role <<<"$info")" = "master" ] && [ "$(field connected_slaves <<<"$info")" = "1" ]
}

if healthy; then
  log "the sentinel set \"$NAME\" (6380/6381, sentinels 26380-26382) is healthy; nothing to do"
  exit 0
fi
# A failover under way settles within seconds; a set that is not running at all needs no wait.
if answers "${SENTINEL_PORTS[0]}" && wait_healthy 20; then
  log "the sentinel set \"$NAME\" is healthy"
  exit 0
fi

log "starting the sentinel set \"$NAME\" afresh in $DIR"
for port in "${SENTINEL_PORTS[@]}" "${DATA_PORTS[@]}"; do redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; done
for port in "${SENTINEL_PORTS[@]}" "${DATA_PORTS[@]}"; do
  for _ in $(seq 1 50); do answers "$port" || break; sleep 0.1; done
  answers "$port" && die "port $port still answers after a shutdown: is it another Redis? Free ports 6380, 6381, 26380-26382"
done
rm -rf "$DIR"
mkdir -p "$DIR"

for port in "${DATA_PORTS[@]}"; do
  mkdir -p "$DIR/$port"
  replica=()
  [ "$port" = "${DATA_PORTS[0]}" ] || replica=(--replicaof 127.0.0.1 "${DATA_PORTS[0]}")
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$DIR/$port" --appendonly yes --save "" \
    --logfile "$DIR/$port/redis.log" --pidfile "$DIR/$port/redis.pid" "${replica[@]}"
done
for port in "${SENTINEL_PORTS[@]}"; do
  mkdir -p "$DIR/$port"
  # Sentinels rewrite their own file (the current master, the others they met), so each gets its own.
  cat >"$DIR/$port/sentinel.conf" <<EOF
port $port
bind 127.0.0.1
daemonize yes
dir $DIR/$port
logfile $DIR/$port/sentinel.log
pidfile $DIR/$port/sentinel.pid
sentinel monitor $NAME 127.0.0.1 ${DATA_PORTS[0]} 2
sentinel down-after-milliseconds $NAME 2000
sentinel failover-timeout $NAME 10000
sentinel parallel-syncs $NAME 1
EOF
  redis-server "$DIR/$port/sentinel.conf" --sentinel
done
wait_healthy 30 || { redis-cli -p "${SENTINEL_PORTS[0]}" sentinel master "$NAME" >&2 || true; die "the sentinel set did not become healthy within 30 s"; }
log "the sentinel set \"$NAME\" is healthy: master 127.0.0.1:${DATA_PORTS[0]}, replica ${DATA_PORTS[1]}, sentinels ${SENTINEL_PORTS[*]}"
