#!/usr/bin/env bash
# Start-throughput load test (issue 16 item 2), bounded and on localhost only: starts the application (H2 file database
# in a new temporary directory, security and history as configured), deploys a no-op process and measures in one run, at
# 8 concurrent clients: in-process starts (Java API), POST /engine-rest/process-definition/key/<no-op>/start as admin,
# POST /api/v1/cluster-requests as ticketing. Prints throughput, p50, p99 and the load average of each.
#
# Usage: scripts/start-load.sh [--clients 8] [--requests 2000] [--cluster-requests 600] [--warm-up 300]
#   JAVA_OPTS   JVM options (default -Xmx768m)
#   JAR         the packaged application (default target/pks-orchestrator.jar; without it, target/classes and the
#               Maven runtime classpath are used)
exec "$(dirname "$0")/app-command.sh" start-load "$@"
