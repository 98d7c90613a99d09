#!/usr/bin/env bash
# Trains the AOT cache that child JVMs start from (see runtime/AotCache.java):
#   scripts/train-aot.sh CACHE_FILE JAVA_ARGS...
# JAVA_ARGS start the Procession CLI with the class path the cache is for, e.g.
#   scripts/train-aot.sh target/procession-child.aot -jar target/procession-0.1.0-SNAPSHOT.jar
# A short traffic-light run's main process writes the cache when it ends (a few seconds).
# Children use the cache only while the JDK and every jar of that class path are unchanged.
set -euo pipefail
cache="$1"
shift
: "${JAVA_HOME:?JAVA_HOME must point to the JDK 25+ that runs Procession}"
rm -f "$cache" "$cache.id"
log="$(mktemp)"
if ! PROCESSION_AOT_TRAIN="$cache" PROCESSION_AOT_CACHE=off PROCESSION_CHILD_OPTS= \
     "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "$@" \
     run traffic-light --set cars=3 --set period=0.5 --speed 10 >"$log" 2>&1 || [[ ! -s "$cache" ]]; then
  echo "train-aot: no AOT cache was written; children start without one. Output of the training run:" >&2
  cat "$log" >&2
  rm -f "$log" "$cache" "$cache.id"
  exit 1
fi
rm -f "$log"
