#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ with no clicking: the window on a virtual X server
# (Xvfb, 1600x1000), a scenario chosen and started from the command line, the light and the dark
# theme, each captured with ImageMagick's `import -window root`.
#
#   scripts/screenshots.sh [SCENARIO|all] [SECONDS] [--set KEY=VALUE ...]   (defaults: traffic-light, 6 s)
#
# To check a layout rather than refresh the docs: SCREEN=1280x800 OUT=/tmp/shots scripts/screenshots.sh
# THEMES="projector" scripts/screenshots.sh ktv takes the projector theme only (default: light dark).
# SUFFIX=-zh scripts/screenshots.sh ktv 6 --language zh-Hans writes ktv-light-zh.png (window options
# such as --language, --profile go where --set does). The window starts from default settings and
# leaves the user's own settings file alone.
# ktv 5 --set people=100 takes a narrow window with 100 processes into /tmp/shots instead.
# PRESS="Next Next" presses those keys (xdotool's names), two seconds apart, once the run has settled, before
# the capture: SUFFIX=-step PRESS="Next Next Next Next Next" scripts/screenshots.sh tickets 5 --set buyers=3
# --set lock=false --step lets the oldest held call go five times, to where every buyer has read the stock.
# REPLAY=FILE AT=40% scripts/screenshots.sh replay-tickets 4 opens the saved run FILE in replay at
# 40% of its events (or AT=N, event N) instead of starting a run, into replay-tickets-light.png.
#
# `all` takes every scenario of `procession list`, each at the moment that best shows its lesson.
#
# Installs what it needs with apt-get when missing (root): xvfb, x11-utils, libgtk-3-0, imagemagick.
# The processes of each run end with the window: the script closes it with SIGTERM, and the app's
# shutdown hook stops the run (check with `ps -ef --forest`).
set -euo pipefail
root="$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")"
scenario="${1:-traffic-light}"
settle="${2:-6}"
sets=("${@:3}")
out="${OUT:-$root/docs/screenshots}"
screen="${SCREEN:-1600x1000}"
read -r -a themes <<<"${THEMES:-light dark}"

need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
command -v xdpyinfo >/dev/null 2>&1 || need+=(x11-utils)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
ldconfig -p 2>/dev/null | grep -q libgtk-3.so.0 || need+=(libgtk-3-0)
[[ -z "${PRESS:-}" ]] || command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
if ((${#need[@]})); then
  echo "screenshots: installing ${need[*]} with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q "${need[@]}" >&2
fi

mkdir -p "$out"
# Build (and train the AOT cache) outside the X server, so the wait below is only the window's.
"$root/procession" --help >/dev/null

shoot() {
  local theme="$1"
  local file="$out/$scenario-$theme${SUFFIX:-}.png"
  local settings
  settings="$(mktemp -d)"
  # Inside the X server: start the window, give it time to start the run, capture, close it.
  local start=(--scenario "$scenario" --run)
  if [[ -n "${REPLAY:-}" ]]; then start=(--replay "$REPLAY" --at "${AT:-50%}"); fi
  PRESS="${PRESS:-}" PROCESSION_SETTINGS="$settings/settings.json" xvfb-run -a -s "-screen 0 ${screen}x24" bash -c '
    "$1" --theme "$3" "${@:6}" & app=$!
    # Wait for the window to be on the screen (a loaded machine takes a while), then let the run go.
    for _ in $(seq 120); do
      xwininfo -root -tree 2>/dev/null | grep -q "\"Procession\"" && break
      sleep 0.5
    done
    sleep "$4"
    for key in $PRESS; do
      xdotool key "$key"
      sleep 2
    done
    import -window root "$5"
    kill -TERM "$app"
    wait "$app" || true
  ' shoot "$root/procession" "$scenario" "$theme" "$settle" "$file" "${start[@]}" "${sets[@]}"
  rm -rf "$settings"
  echo "screenshots: wrote $file" >&2
}

# Seconds after the window shows when each scenario is mid-lesson (cars at the line, a full room...).
moment() {
  case "$1" in
    traffic-light) echo 4 ;; ktv) echo 5 ;; tickets) echo 4 ;; basics) echo 3 ;; join) echo 4 ;;
    daemon) echo 4 ;; terminate) echo 3 ;; queue) echo 4 ;; pipe) echo 4 ;; manager) echo 5 ;;
    pool) echo 4 ;; philosophers) echo 6 ;; two-locks) echo 5 ;; *) echo "$settle" ;;
  esac
}

if [[ "$scenario" == all ]]; then
  for id in $("$root/procession" list | awk '/^[a-z]/ {print $1}'); do
    scenario="$id"
    settle="$(moment "$id")"
    for theme in "${themes[@]}"; do shoot "$theme"; done
  done
else
  for theme in "${themes[@]}"; do shoot "$theme"; done
fi
