#!/usr/bin/env bash
# Runs one of the application's commands (fleet-scale, start-load, ...) from the packaged jar, or from target/classes
# with the Maven runtime classpath when there is no jar, and prints the load average before and after.
# Usage: scripts/app-command.sh <command> [options]
#   JAVA_OPTS   JVM options (default -Xmx768m)
#   JAR         the packaged application (default target/pks-orchestrator.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
command=${1:?usage: scripts/app-command.sh <command> [options]}
shift
JAVA_OPTS=${JAVA_OPTS:--Xmx768m}
JAR=${JAR:-target/pks-orchestrator.jar}
if [[ -f "$JAR" ]]; then
  CMD=(java $JAVA_OPTS -jar "$JAR" "$command")
else
  [[ -d target/classes ]] || ./mvnw -B -ntp -q compile
  CP_FILE=target/app-command.classpath
  [[ -f $CP_FILE ]] || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=runtime
  CMD=(java $JAVA_OPTS -cp "target/classes:$(cat $CP_FILE)" io.pksorchestrator.PksOrchestratorApplication "$command")
fi
if [[ $command == simulator ]]; then
  exec "${CMD[@]}" "$@" # the standalone simulated foundation: this process becomes the JVM (its pid is the caller's $!)
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); JVM: $JAVA_OPTS"
"${CMD[@]}" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
