# shellcheck shell=bash
# Sourced by the ensure-*.sh scripts that install a Debian package when it is missing:
#   . "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"
#
# apt_install [--no-start] PACKAGE...
#   Installs the packages with apt-get, as root or through sudo, without recommends, waiting up to five
#   minutes for another apt to finish. The package lists are updated first only when apt knows no
#   candidate for one of them (a fresh image), and once more if the install fails (lists gone stale).
#   --no-start: a policy-rc.d refuses the start of the system service a package brings (the scripts
#   run their own instances, or only need the binary); it is removed again afterwards.

apt_install() {
  local no_start=""
  if [ "${1:-}" = "--no-start" ]; then
    no_start=1
    shift
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local package
  for package in "$@"; do
    if [ -z "$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}')" ]; then
      $sudo apt-get update -qq
      break
    fi
  done
  local policy=/usr/sbin/policy-rc.d created=""
  if [ -n "$no_start" ] && [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    created=1
    # shellcheck disable=SC2064 # the paths are fixed now, on purpose
    trap "$sudo rm -f '$policy'" EXIT
  fi
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends
    -o DPkg::Lock::Timeout=300 "$@")
  local status=0
  $sudo "${install[@]}" >/dev/null || { $sudo apt-get update -qq && $sudo "${install[@]}" >/dev/null; } || status=$?
  if [ -n "$created" ]; then
    $sudo rm -f "$policy"
    trap - EXIT
  fi
  return "$status"
}
