#!/usr/bin/env bash
# Fleet-scale benchmark (issue 16 item 1): runs the application with N synthetic clusters in the simulated lab for a
# stretch of simulated time and prints cycle wall time (p50/max), Prometheus query time, database rows and bytes per
# simulated day (engine history and demand samples apart) and RSS, each run with the load average before and after.
# Progress goes to stderr, figures to stdout.
#
# Usage: scripts/fleet-scale.sh [fleet-scale options, see --help]     (default: --clusters 1000 --days 1)
#   JAVA_OPTS   JVM options (default -Xmx768m: application and simulated foundation in one JVM)
#   JAR         the packaged application (default target/pks-orchestrator.jar; without it, target/classes and the
#               Maven runtime classpath are used)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_OPTS=${JAVA_OPTS:--Xmx768m}
JAR=${JAR:-target/pks-orchestrator.jar}
if [[ -f "$JAR" ]]; then
  CMD=(java $JAVA_OPTS -jar "$JAR" fleet-scale)
else
  [[ -d target/classes ]] || ./mvnw -B -ntp -q compile
  CP_FILE=target/fleet-scale.classpath
  [[ -f $CP_FILE ]] || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=runtime
  CMD=(java $JAVA_OPTS -cp "target/classes:$(cat $CP_FILE)" io.pksorchestrator.PksOrchestratorApplication fleet-scale)
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); JVM: $JAVA_OPTS"
"${CMD[@]}" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
