#!/usr/bin/env bash
# Fleet-scale benchmark (issue 16 item 1): runs the application with N synthetic clusters in the simulated lab for a
# stretch of simulated time and prints cycle wall time (p50/max), Prometheus query time, database rows and bytes per
# simulated day (engine history and demand samples apart) and RSS, each run with the load average before and after.
# The simulated foundation with the synthetic fleet runs as its own process (the standalone simulator), so the RSS
# figure is the application's alone; the simulator's is reported next to it. Progress goes to stderr, figures to
# stdout.
#
# Usage: scripts/fleet-scale.sh [fleet-scale options, see --help]     (default: --clusters 1000 --days 1)
#   JAVA_OPTS      the application's JVM options (default @deploy/jvm.options, the operator settings: README "Memory")
#   MALLOC_ARENA_MAX  for the application (default 2, as in the Docker image)
#   SIM_JAVA_OPTS  the simulator's JVM options (default -Xmx512m -XX:+UseSerialGC)
#   SIM_PORT       the simulator's port (default 0: a free one)
#   SIMULATOR      "in-process" runs the simulator inside the application's JVM instead (RSS: both together)
#   JAR            the packaged application (default target/pks-orchestrator.jar; without it, target/classes and the
#                  Maven runtime classpath are used)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ ${SIMULATOR:-own-process} == in-process ]] || [[ " $* " == *" --help "* ]] || [[ " $* " == *" -h "* ]]; then
  exec "$here/app-command.sh" fleet-scale "$@"
fi
clusters=1000 speed=144 history=14d
args=("$@")
for ((i = 0; i < ${#args[@]} - 1; i++)); do
  case ${args[i]} in
    --clusters) clusters=${args[i + 1]} ;;
    --speed) speed=${args[i + 1]} ;;
    --history) history=${args[i + 1]} ;;
    --simulator-port | --simulator-pid) echo "fleet-scale.sh starts the simulator itself; unset ${args[i]}" >&2; exit 2 ;;
  esac
done
sim_log=$(mktemp /tmp/pkso-fleet-simulator.XXXXXX.log)
JAVA_OPTS=${SIM_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} "$here/app-command.sh" simulator --port "${SIM_PORT:-0}" \
  --speed "$speed" --synthetic-clusters="$clusters" --synthetic-history="$history" >"$sim_log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true' EXIT
port=
for _ in $(seq 1 240); do
  port=$(sed -n 's/.*PKSO-SIM003 .* serving on http:\/\/localhost:\([0-9]*\)\/.*/\1/p' "$sim_log" | head -1)
  [[ -n $port ]] && break
  kill -0 "$sim_pid" 2>/dev/null || { echo "fleet-scale.sh: the simulator did not start:" >&2; cat "$sim_log" >&2; exit 1; }
  sleep 0.5
done
[[ -n $port ]] || { echo "fleet-scale.sh: the simulator did not start within 120 s (log: $sim_log)" >&2; exit 1; }
echo "standalone simulator: pid $sim_pid, port $port, $clusters synthetic clusters, speed $speed (log: $sim_log)" >&2
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} JAVA_OPTS=${JAVA_OPTS:-@deploy/jvm.options} \
  "$here/app-command.sh" fleet-scale "$@" --simulator-port "$port" --simulator-pid "$sim_pid"
