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
exec "$(dirname "$0")/app-command.sh" fleet-scale "$@"
