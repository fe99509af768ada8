#!/usr/bin/env bash
# ensure-pgvector.sh — make the pgvector extension ("vector") available to the
# local PostgreSQL server. Does nothing when it already is.
#
# Meant for Debian machines (bookworm) whose PostgreSQL comes from Debian and
# for which Debian ships no pgvector binary package. It then builds pgvector
# from Debian's own *source* package (default: trixie main), fetched with a
# private apt sources list so the system's apt configuration is left untouched.
#
# Environment (all optional):
#   PGHOST / PGPORT / PGUSER     server to check (default 127.0.0.1 / 5432 / postgres)
#   PG_MAJOR                     PostgreSQL major version, if the server is not reachable
#   PGVECTOR_DEBIAN_MIRROR       Debian mirror to fetch the source from
#                                (default: the one apt already uses)
#   PGVECTOR_DEBIAN_SUITE        suite holding the pgvector source (default: trixie)
#
# Exit status: 0 when the extension is (now) available, non-zero otherwise.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
SUITE="${PGVECTOR_DEBIAN_SUITE:-trixie}"

log() { printf 'ensure-pgvector: %s\n' "$*"; }
die() { printf 'ensure-pgvector: ERROR: %s\n' "$*" >&2; exit 1; }

psql_q() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d postgres -c "$1" 2>/dev/null; }

server_reachable() { psql_q 'SELECT 1' >/dev/null; }

# Major version of the running server (or the best local guess).
pg_major() {
  local num
  if [[ -n "${PG_MAJOR:-}" ]]; then echo "$PG_MAJOR"; return; fi
  if num="$(psql_q 'SHOW server_version_num')" && [[ "$num" =~ ^[0-9]+$ ]]; then
    echo $((num / 10000)); return
  fi
  # Server not reachable: newest PostgreSQL installed from Debian packages.
  local d best=""
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [[ -e "$d" ]] || continue
    d="${d#/usr/lib/postgresql/}"; d="${d%%/*}"
    if [[ -z "$best" || "$d" -gt "$best" ]]; then best="$d"; fi
  done
  [[ -n "$best" ]] || die "cannot tell the PostgreSQL major version (server at $PGHOST:$PGPORT unreachable and none under /usr/lib/postgresql); set PG_MAJOR"
  echo "$best"
}

pg_config_for() {
  local major="$1"
  if [[ -x "/usr/lib/postgresql/$major/bin/pg_config" ]]; then
    echo "/usr/lib/postgresql/$major/bin/pg_config"
  elif command -v pg_config >/dev/null 2>&1; then
    command -v pg_config
  fi
}

# 0 when the "vector" extension is available to the server of major $1.
vector_available() {
  local major="$1" out pgc sharedir
  if out="$(psql_q "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")"; then
    [[ "$out" == "1" ]]
    return
  fi
  # Server not reachable: look for the control file instead.
  pgc="$(pg_config_for "$major")"
  sharedir=""
  if [[ -n "$pgc" ]]; then sharedir="$("$pgc" --sharedir 2>/dev/null || true)"; fi
  [[ -n "$sharedir" && "$sharedir" == */"$major" ]] || sharedir="/usr/share/postgresql/$major"
  [[ -f "$sharedir/extension/vector.control" ]]
}

MAJOR="$(pg_major)"
if server_reachable; then
  log "server at $PGHOST:$PGPORT is PostgreSQL $MAJOR"
else
  log "server at $PGHOST:$PGPORT not reachable; checking files of PostgreSQL $MAJOR instead"
fi

if vector_available "$MAJOR"; then
  log "pgvector is already available to PostgreSQL $MAJOR; nothing to do"
  exit 0
fi

# ---------------------------------------------------------------------------
# Installing needs root.
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    log "not root; re-running with sudo"
    exec sudo env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PG_MAJOR="$MAJOR" \
      ${PGVECTOR_DEBIAN_MIRROR:+PGVECTOR_DEBIAN_MIRROR="$PGVECTOR_DEBIAN_MIRROR"} \
      PGVECTOR_DEBIAN_SUITE="$SUITE" bash "$0" "$@"
  fi
  die "pgvector is missing and installing it needs root (no sudo found)"
fi
command -v apt-get >/dev/null 2>&1 || die "pgvector is missing and this is not an apt-based system; install pgvector by hand"

log "pgvector is not available to PostgreSQL $MAJOR; building it from Debian's $SUITE source package"
START=$SECONDS

TMP="$(mktemp -d -t ensure-pgvector.XXXXXX)"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT

# --- 1. find the Debian mirror apt already uses -----------------------------
codename="$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")"

# Prints "URI SUITE" for each enabled deb/deb-src entry of one-line (.list)
# and deb822 (.sources) files.
apt_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    awk '
      { sub(/#.*/, "") }
      $1 == "deb" || $1 == "deb-src" {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if (i + 1 <= NF) print $i, $(i + 1)
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    awk '
      function flush(   n, m, a, b, x, y) {
        if (uris != "" && suites != "" && tolower(enabled) != "no") {
          n = split(uris, a, /[ \t]+/); m = split(suites, b, /[ \t]+/)
          for (x = 1; x <= n; x++) for (y = 1; y <= m; y++)
            if (a[x] != "" && b[y] != "") print a[x], b[y]
        }
        uris = ""; suites = ""; enabled = ""; last = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      /^[ \t]/ {                       # continuation line
        if (last == "uris") uris = uris " " $0
        else if (last == "suites") suites = suites " " $0
        next
      }
      {
        key = tolower($0); sub(/:.*/, "", key)
        val = $0; sub(/^[^:]*:[ \t]*/, "", val)
        last = key
        if (key == "uris") uris = val
        else if (key == "suites") suites = val
        else if (key == "enabled") enabled = val
      }
      END { flush() }' "$f"
  done
}

find_mirror() {
  local uri suite entries
  entries="$(apt_entries)"
  while read -r uri suite; do
    [[ -n "$uri" ]] || continue
    case "$suite" in *-security|*/updates) continue ;; esac
    case "$uri" in *security*) continue ;; esac
    # Only Debian's own archive: its suites are the release names.
    case "$suite" in
      "$codename" | "$codename"-updates | "$codename"-backports | \
      stable | stable-updates | oldstable | testing | unstable | sid | trixie | bookworm)
        echo "${uri%/}"; return ;;
    esac
  done <<<"$entries"
}

MIRROR="${PGVECTOR_DEBIAN_MIRROR:-$(find_mirror || true)}"
if [[ -z "$MIRROR" ]]; then
  MIRROR="http://deb.debian.org/debian"
  log "no Debian mirror found in apt's sources; using $MIRROR"
else
  log "using the Debian mirror apt uses: $MIRROR"
fi

# --- 2. private apt configuration with only the deb-src line ----------------
mkdir -p "$TMP/lists/partial" "$TMP/sources.list.d" "$TMP/src"
opts=""
if [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]]; then
  opts="[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
fi
echo "deb-src ${opts}${MIRROR} ${SUITE} main" > "$TMP/sources.list"
PRIVATE_APT=(
  -o "Dir::Etc::SourceList=$TMP/sources.list"
  -o "Dir::Etc::SourceParts=$TMP/sources.list.d"
  -o "Dir::State::Lists=$TMP/lists"
  -o "Dir::Cache::pkgcache="
  -o "Dir::Cache::srcpkgcache="
)
case "$MIRROR" in
  *snapshot.debian.org*) PRIVATE_APT+=(-o "Acquire::Check-Valid-Until=false") ;;
esac

log "fetching the $SUITE source index (private list: $(cat "$TMP/sources.list"))"
apt-get -q "${PRIVATE_APT[@]}" update >"$TMP/apt-update.log" 2>&1 \
  || { cat "$TMP/apt-update.log" >&2; die "apt-get update of the private $SUITE source list failed"; }

# --- 3. build dependencies, from the system's normal apt --------------------
export DEBIAN_FRONTEND=noninteractive
DEPS=("postgresql-server-dev-$MAJOR" build-essential dpkg-dev)
candidate() { apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}'; }
cand="$(candidate "postgresql-server-dev-$MAJOR")"
if [[ -z "$cand" || "$cand" == "(none)" ]]; then
  log "apt does not know postgresql-server-dev-$MAJOR yet; running apt-get update"
  apt-get -q -o DPkg::Lock::Timeout=300 update >"$TMP/apt-sys-update.log" 2>&1 \
    || { cat "$TMP/apt-sys-update.log" >&2; die "apt-get update failed"; }
fi
# Only the missing ones: naming an installed package would upgrade it.
is_installed() {
  local st
  st="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
  [[ "$st" == *" installed" ]]
}
MISSING=()
for p in "${DEPS[@]}"; do is_installed "$p" || MISSING+=("$p"); done
if [[ ${#MISSING[@]} -eq 0 ]]; then
  log "build dependencies already installed: ${DEPS[*]}"
else
  log "installing build dependencies: ${MISSING[*]}"
  apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "${MISSING[@]}" >"$TMP/apt-install.log" 2>&1 \
    || { tail -n 30 "$TMP/apt-install.log" >&2; die "could not install ${MISSING[*]}"; }
fi

# --- 4. fetch and unpack Debian's pgvector source ---------------------------
log "downloading the pgvector source package from $SUITE"
( cd "$TMP/src" && apt-get -q "${PRIVATE_APT[@]}" source --download-only pgvector ) >"$TMP/apt-source.log" 2>&1 \
  || { cat "$TMP/apt-source.log" >&2; die "apt-get source pgvector failed"; }
dsc="$(find "$TMP/src" -maxdepth 1 -name 'pgvector_*.dsc' | head -n 1)"
[[ -n "$dsc" ]] || die "no pgvector .dsc was downloaded"
log "unpacking $(basename "$dsc")"
( cd "$TMP/src" && dpkg-source -x "$(basename "$dsc")" pgvector ) >"$TMP/dpkg-source.log" 2>&1 \
  || { cat "$TMP/dpkg-source.log" >&2; die "dpkg-source -x failed"; }
[[ -f "$TMP/src/pgvector/Makefile" ]] || die "unpacked source has no Makefile"

# --- 5. build and install against the server's major version ----------------
PG_CONFIG="$(pg_config_for "$MAJOR")"
[[ -n "$PG_CONFIG" ]] || die "no pg_config found for PostgreSQL $MAJOR"
log "building pgvector with PG_CONFIG=$PG_CONFIG ($("$PG_CONFIG" --version))"
# OPTFLAGS="" drops upstream's -march=native so the build runs on any x86-64/arm64 CPU.
JOBS="$(nproc 2>/dev/null || echo 2)"
make -C "$TMP/src/pgvector" -j"$JOBS" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >"$TMP/make.log" 2>&1 \
  || { tail -n 40 "$TMP/make.log" >&2; die "building pgvector failed"; }
make -C "$TMP/src/pgvector" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install >"$TMP/make-install.log" 2>&1 \
  || { tail -n 40 "$TMP/make-install.log" >&2; die "installing pgvector failed"; }
log "installed into $("$PG_CONFIG" --pkglibdir) and $("$PG_CONFIG" --sharedir)/extension"

# --- 6. verify ----------------------------------------------------------------
if vector_available "$MAJOR"; then
  log "pgvector is now available to PostgreSQL $MAJOR (took $((SECONDS - START)) s)"
else
  die "pgvector was built and installed but PostgreSQL $MAJOR still does not list it in pg_available_extensions (wrong PG_CONFIG $PG_CONFIG?)"
fi
