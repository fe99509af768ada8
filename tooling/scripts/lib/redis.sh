# shellcheck shell=bash
# Sourced by ensure-redis-cluster.sh and ensure-redis-sentinel.sh, after lib/apt.sh and their log and die;
# wait_healthy calls the script's own `healthy`.

# Installs Debian's redis-server when its binaries are missing (its own service is not used).
ensure_redis_binaries() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    command -v apt-get >/dev/null || die "redis-server and redis-cli are needed, and this is not an apt-based system"
    log "installing Debian's redis-server (the binaries; its own service is not used here)"
    apt_install redis-server
  fi
}

answers() { [ "$(redis-cli -p "$1" ping 2>/dev/null)" = "PONG" ]; }

# Whether `healthy` holds within $1 seconds.
wait_healthy() {
  local deadline=$((SECONDS + $1))
  while [ "$SECONDS" -lt "$deadline" ]; do
    healthy && return 0
    sleep 0.5
  done
  return 1
}
