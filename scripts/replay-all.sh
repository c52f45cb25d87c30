#!/usr/bin/env bash
# Builds the jar and replays every development trace with the default options; prints one table row per strategy.
# usage: scripts/replay-all.sh [TRACES_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
traces="${1:-../shared/traces}"
out="${2:-target/replay}"
./mvnw -q -B -DskipTests package
for trace in "$traces"/*.csv; do
  name="$(basename "$trace" .csv)"
  echo "== $name"
  java -jar target/pks-orchestrator.jar replay --trace "$trace" --out "$out/$name"
done
