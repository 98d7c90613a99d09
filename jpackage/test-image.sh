#!/usr/bin/env bash
# Checks an app image as a machine with no JDK would run it (Linux only: it reads /proc):
#   jpackage/test-image.sh target/jpackage/image/Procession
# The image runs with an empty environment: HOME in a temporary folder, a PATH with no java in it,
# no JAVA_HOME. Its CLI lists the scenarios; a KTV run ends with exit 0 and every process it starts
# (the main process and its children) is the image's own runtime (/proc/PID/exe) with the image's
# child jar as its class path. That first run trains the children's AOT cache in the background
# into the fresh HOME's cache folder; a second run's processes start from it, and the image's
# runtime accepts it.
# Run by ./mvnw -Pimage verify (jpackage/README.md); prints "N passed, N failed".
set -uo pipefail
image="$(readlink -f "${1:?usage: test-image.sh IMAGE_DIR}")"
launcher="$image/bin/Procession"
java="$image/lib/runtime/bin/java"
child_jar="$(echo "$image"/lib/app/procession-*-child.jar)"

tmp="$(mktemp -d)"
run_pid=""
# Every process that runs this image's launcher or its java.
image_pids() {
  for exe in /proc/[0-9]*/exe; do
    target="$(readlink "$exe" 2>/dev/null)" || continue
    if [[ "$target" == "$java" || "$target" == "$launcher" ]]; then
      exe="${exe#/proc/}"
      echo "${exe%/exe}"
    fi
  done
}
cleanup() {
  # Whatever happened above, no process of the run outlives the test.
  if [[ -n "$run_pid" ]] && kill -0 "$run_pid" 2>/dev/null; then
    kill -TERM "$run_pid" 2>/dev/null
    wait "$run_pid" 2>/dev/null
  fi
  # The cache training runs detached from the launcher: end whatever still runs this image.
  for pid in $(image_pids); do kill -KILL "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/home" "$tmp/bin-without-java"

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
  local what="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $what"
  else
    failed=$((failed + 1))
    echo "FAILED: $what" >&2
  fi
}

# The image's launcher with nothing of this machine's Java around it.
bare() { env -i HOME="$tmp/home" PATH="$tmp/bin-without-java" LANG=C.UTF-8 "$@"; }

check "the runtime keeps bin/java" test -x "$java"
check "no java on the PATH the image runs with" bare /bin/sh -c '! command -v java >/dev/null'
check "the child jar is beside the app jar" test -f "$child_jar"

bare "$launcher" list >"$tmp/list.out" 2>&1
check "procession list exits 0" test $? -eq 0
check "procession list names the scenarios" grep -q '^traffic-light ' "$tmp/list.out"

# Every process of the run: descendants of the launcher, seen while the run goes on.
descendants() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (q in parent && q != root) q = parent[q]; if (q == root && p != root) print p } }'
}

# run_ktv NAME: runs KTV from the image; records each process's exe, command line and environment
# in $tmp/NAME/, and the run's exit status in $tmp/NAME/status.
run_ktv() {
  local out="$tmp/$1"
  mkdir -p "$out"
  bare "$launcher" run ktv --set people=4 --set seats=2 >"$out/run.out" 2>&1 &
  run_pid=$!
  while kill -0 "$run_pid" 2>/dev/null; do
    for pid in $(descendants "$run_pid"); do
      [[ -f "$out/exe.$pid" ]] && continue
      cmd="$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline")" || continue
      [[ "$cmd" == *dev.procession.runtime.ChildMain* ]] || continue   # not yet past exec, or the trainer
      readlink "/proc/$pid/exe" >"$out/exe.$pid" 2>/dev/null || { rm -f "$out/exe.$pid"; continue; }
      printf '%s\n' "$cmd" >"$out/cmd.$pid"
      tr '\0' '\n' <"/proc/$pid/environ" >"$out/env.$pid" 2>/dev/null
    done
    sleep 0.05
  done
  wait "$run_pid"
  echo $? >"$out/status"
  run_pid=""
}

# check_processes NAME: every process of that run is the image's own runtime on the child jar.
check_processes() {
  local out="$tmp/$1" wrong_exe=0 wrong_cp=0 java_env=0 n=0 all=0
  for exe in "$out"/exe.*; do
    [[ -f "$exe" ]] || continue
    pid="${exe##*.}"
    all=$((all + 1))
    grep -qxF ktv "$out/cmd.$pid" && n=$((n + 1))   # the rest: the cache training's run
    [[ "$(cat "$exe")" == "$java" ]] || { wrong_exe=1; echo "pid $pid runs $(cat "$exe")" >&2; }
    { grep -qxF -- "-cp" "$out/cmd.$pid" && grep -qxF -- "$child_jar" "$out/cmd.$pid"; } \
      || { wrong_cp=1; cat "$out/cmd.$pid" >&2; }
    if grep -q '^JAVA_HOME=' "$out/env.$pid" || grep -q '^PATH=.*jvm' "$out/env.$pid"; then java_env=1; fi
  done
  check "$1: the KTV run exits 0" test "$(cat "$out/status")" -eq 0
  check "$1: the KTV run printed its people's lines" grep -q 'person' "$out/run.out"
  check "$1: the run started its main process and 4 people (saw $n)" test "$n" -ge 5
  check "$1: every process runs the image's own java ($java; $all processes)" test "$wrong_exe" -eq 0
  check "$1: every process has the image's child jar as its class path" test "$wrong_cp" -eq 0
  check "$1: no process was given a JAVA_HOME or a Java PATH" test "$java_env" -eq 0
}

run_ktv first
check_processes first

# The first run started the training of the children's AOT cache; it is over once no process runs
# the image's java any more (the trainer is the app itself, and the run it trains on).
deadline=$((SECONDS + 300))
while [[ -n "$(image_pids)" && $SECONDS -lt $deadline ]]; do
  sleep 0.2
done
check "the AOT cache training ends (within 300 s)" test -z "$(image_pids)"
caches=("$tmp"/home/.cache/procession/child-*.aot)
check "the first start trained the AOT cache in the user's cache folder" test -f "${caches[0]}" -a -f "${caches[0]}.id"
aot="${caches[0]}"

run_ktv second
check_processes second
no_aot=0
for cmd in "$tmp"/second/cmd.*; do
  grep -qxF -- "-XX:AOTCache=$aot" "$cmd" || no_aot=1
done
check "second: every process starts from the trained AOT cache" test "$no_aot" -eq 0

# The runtime accepts the cache with a child's own flags (AOTMode=on fails on a mismatch).
any_cmd="$(ls "$tmp"/second/cmd.* 2>/dev/null | head -n 1)"
if [[ -n "$any_cmd" ]]; then
  mapfile -t flags < <(sed -n '2,/^-cp$/p' "$any_cmd" | sed '$d')
  bare "$java" "${flags[@]}" -XX:AOTMode=on -XX:AOTCache="$aot" -cp "$child_jar" -version >"$tmp/aot.out" 2>&1
  check "the image's runtime maps the trained AOT cache" test $? -eq 0
fi

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
