# shellcheck shell=bash
# Source this file (do not execute it): it finds a JDK 25 or newer, exports
# JAVA_HOME and puts $JAVA_HOME/bin first on PATH. Returns 1 with a one-line
# message on stderr if none can be found or installed.
#
# Search order:
#   1. $JAVA_HOME, if it is a JDK >= 25
#   2. /usr/lib/jvm/*, newest JDK >= 25 first
#   3. javac on PATH, if it belongs to a JDK >= 25
#   4. as root with apt-get: apt-get install -y openjdk-25-jdk-headless
#      (after apt-get update if the first attempt fails), then step 2 again
#
# Safe to source from scripts running under `set -euo pipefail`.

_procession_min_java=25

# Prints the major Java version of the JDK at $1, or nothing if $1 is not a JDK.
_procession_jdk_major() {
  local home="$1" version="" major=""
  [[ -n "$home" && -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -r "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release" 2>/dev/null | head -n 1)" || version=""
  fi
  if [[ -z "$version" ]]; then
    # e.g. openjdk version "25.0.1" 2025-10-21  /  java version "1.8.0_402"
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)" || version=""
  fi
  [[ -n "$version" ]] || return 0
  if [[ "$version" == 1.* ]]; then
    major="${version#1.}"
    major="${major%%[!0-9]*}"
  else
    major="${version%%[!0-9]*}"
  fi
  [[ -n "$major" ]] && printf '%s\n' "$major"
  return 0
}

# Succeeds if $1 is a JDK >= the minimum.
_procession_jdk_ok() {
  local major
  major="$(_procession_jdk_major "$1")"
  [[ -n "$major" ]] && (( 10#$major >= _procession_min_java ))
}

# Prints the newest JDK >= the minimum under /usr/lib/jvm, or nothing.
_procession_scan_jvm_dir() {
  local dir major best="" best_major=0
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [[ -d "$dir" ]] || continue
    major="$(_procession_jdk_major "$dir")"
    [[ -n "$major" ]] || continue
    if (( 10#$major >= _procession_min_java && 10#$major > best_major )); then
      best="$dir"
      best_major=$((10#$major))
    fi
  done
  [[ -n "$best" ]] && printf '%s\n' "$best"
  return 0
}

# Prints the home of the JDK whose javac is on PATH, if it is new enough.
_procession_from_path() {
  local javac home
  javac="$(command -v javac 2>/dev/null)" || return 0
  javac="$(readlink -f "$javac" 2>/dev/null)" || return 0
  home="$(dirname "$(dirname "$javac")")"
  if _procession_jdk_ok "$home"; then printf '%s\n' "$home"; fi
  return 0
}

_procession_try_apt() {
  [[ "$(id -u 2>/dev/null)" == 0 ]] || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "No JDK ${_procession_min_java}+ found; installing openjdk-25-jdk-headless with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q openjdk-25-jdk-headless >&2; then
    # Usually the package lists are missing or stale (e.g. fresh containers).
    apt-get update -q >&2 || return 1
    apt-get install -y -q openjdk-25-jdk-headless >&2 || return 1
  fi
  return 0
}

_procession_find_jdk() {
  local found=""
  if [[ -n "${JAVA_HOME:-}" ]] && _procession_jdk_ok "$JAVA_HOME"; then
    found="$JAVA_HOME"
  fi
  [[ -n "$found" ]] || found="$(_procession_scan_jvm_dir)"
  [[ -n "$found" ]] || found="$(_procession_from_path)"
  if [[ -z "$found" ]] && _procession_try_apt; then
    found="$(_procession_scan_jvm_dir)"
  fi
  if [[ -z "$found" ]]; then
    echo "Procession needs JDK ${_procession_min_java} or newer: none found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm, PATH); install one (e.g. from https://adoptium.net or 'apt-get install openjdk-25-jdk-headless') and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="${found%/}"
  export JAVA_HOME
  case ":$PATH:" in
    ":$JAVA_HOME/bin:"*) ;;  # already first
    *) PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
  export PATH
  return 0
}

_procession_find_jdk_status=0
_procession_find_jdk || _procession_find_jdk_status=$?
unset -f _procession_jdk_major _procession_jdk_ok _procession_scan_jvm_dir \
  _procession_from_path _procession_try_apt _procession_find_jdk
unset _procession_min_java
# Expand the status now so the variable can be unset before returning;
# `exit` only runs if this file was executed instead of sourced.
eval "unset _procession_find_jdk_status; return $_procession_find_jdk_status 2>/dev/null || exit $_procession_find_jdk_status"
