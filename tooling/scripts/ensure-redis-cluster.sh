#!/usr/bin/env bash
# ensure-redis-cluster.sh — a local Redis Cluster for the tests that run Cto on one (REDIS_CLUSTER_NODES):
# three masters on 127.0.0.1:7001-7003 and a replica of each on 7004-7006, so a master can fail over.
# Does nothing when the cluster already answers healthy; starts the nodes that are not running; builds
# the cluster afresh (empty) when what runs cannot form one. Test data only: nothing here is kept.
#
# Environment (optional):
#   REDIS_CLUSTER_DIR   where the nodes keep nodes.conf, their AOF and logs (default /var/tmp/cto-redis-cluster)
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"

DIR="${REDIS_CLUSTER_DIR:-/var/tmp/cto-redis-cluster}"
PORTS=(7001 7002 7003 7004 7005 7006)
log() { printf 'ensure-redis-cluster: %s\n' "$*"; }
die() { printf 'ensure-redis-cluster: ERROR: %s\n' "$*" >&2; exit 1; }

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/redis.sh"
ensure_redis_binaries

# "state known_nodes size slots_assigned" of one node's CLUSTER INFO (empty when it does not answer).
cluster_info() {
  redis-cli -p "$1" cluster info 2>/dev/null | tr -d '\r' | awk -F: '
    { v[$1] = $2 } END { if ("cluster_state" in v) print v["cluster_state"], v["cluster_known_nodes"], v["cluster_size"], v["cluster_slots_assigned"] }'
}

# Healthy: every node answers, sees all six and all slots served by three masters, and each master has
# a replica (a failover a test made leaves roles swapped, which is as good).
healthy() {
  local port
  for port in "${PORTS[@]}"; do
    [ "$(cluster_info "$port")" = "ok ${#PORTS[@]} 3 16384" ] || return 1
  done
  # The flags field reads "slave", or "myself,slave" on the node asked.
  [ "$(redis-cli -p 7001 cluster nodes 2>/dev/null | awk '$3 ~ /(^|,)slave(,|$)/' | wc -l)" = "3" ]
}

# Every node runs and none has joined a cluster yet: a fresh start, ready for --cluster create.
fresh() {
  local port
  for port in "${PORTS[@]}"; do
    [ "$(cluster_info "$port")" = "fail 1 0 0" ] || return 1
  done
}

start_node() {
  local port="$1"
  mkdir -p "$DIR/$port"
  # A short node timeout so a failed master is replaced within seconds; AOF so a restarted node keeps its jobs.
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$DIR/$port" \
    --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 3000 \
    --appendonly yes --save "" --logfile "$DIR/$port/redis.log" --pidfile "$DIR/$port/redis.pid"
}

start_missing() {
  local port
  for port in "${PORTS[@]}"; do
    answers "$port" || start_node "$port"
  done
  for port in "${PORTS[@]}"; do
    for _ in $(seq 1 50); do answers "$port" && break; sleep 0.1; done
    answers "$port" || die "the node on port $port did not start (see $DIR/$port/redis.log)"
  done
}

create() {
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${PORTS[@]}") --cluster-replicas 1 --cluster-yes >"$DIR/create.log" 2>&1 \
    || { cat "$DIR/create.log" >&2; die "redis-cli --cluster create failed"; }
  wait_healthy 30 || { redis-cli -p 7001 cluster nodes >&2; die "the cluster did not become healthy within 30 s"; }
  log "the cluster on 127.0.0.1:7001-7006 is healthy (3 masters, 3 replicas)"
}

if healthy; then
  log "the cluster on 127.0.0.1:7001-7006 is healthy; nothing to do"
  exit 0
fi

start_missing
if fresh; then
  log "creating the cluster from fresh nodes in $DIR"
  create
  exit 0
fi
# Stopped nodes rejoin from their nodes.conf; a cluster that is failing over settles within seconds.
log "waiting for the cluster on 127.0.0.1:7001-7006 to settle"
if wait_healthy 15; then
  log "the cluster on 127.0.0.1:7001-7006 is healthy"
  exit 0
fi

# Not a healthy cluster from what runs: start again from empty nodes.
log "the cluster is not healthy; as node 7001 sees it:"
redis-cli -p 7001 cluster nodes 2>&1 | sed 's/^/  /' || true
log "building the cluster afresh in $DIR"
for port in "${PORTS[@]}"; do redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; done
for port in "${PORTS[@]}"; do
  for _ in $(seq 1 50); do answers "$port" || break; sleep 0.1; done
  answers "$port" && die "port $port still answers after a shutdown: is it another Redis? Free ports 7001-7006"
done
rm -rf "$DIR"
start_missing
create
