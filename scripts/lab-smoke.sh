#!/usr/bin/env bash
# Smoke check of the simulated "lab" foundation of a started pks-orchestrator (issue 3, "How it will be checked"):
# token from the PKS UAA (bad credentials refused), create a cluster, poll it to succeeded, resize it and poll,
# read its BOSH deployment instances (format=full through the 302 task), run an Ops Manager installation and
# poll it to succeeded, checking every response against the documented shapes (pks-apis.md).
# Needs bash, curl and python3 (no jq). Usage: scripts/lab-smoke.sh [http://localhost:9090/lab]
# PKSO_SIMULATOR_CONTROL_TOKEN (optional): the simulator's control token, to check the /_sim controls with it too.
set -euo pipefail

BASE="${1:-${PKSO_LAB_URL:-http://localhost:9090/lab}}"
CLIENT="${PKSO_LAB_CLIENT:-pkso-lab}"
CLUSTER="smoke-$(date +%s)"
TIMEOUT="${PKSO_SMOKE_TIMEOUT:-300}"   # wall seconds per wait (speed 60: a 10-minute creation takes ~10 s)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# request METHOD URL [curl args...]: body to $TMP/body, headers to $TMP/headers, echoes the status
request() {
  local method="$1" url="$2"; shift 2
  curl -sS -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$url" "$@"
}

# json EXPR: evaluates a Python expression with j = parsed $TMP/body; prints the result
json() { python3 -c "import json,sys; j=json.load(open('$TMP/body')); print($1)"; }

# shape FIELD...: the JSON object in $TMP/body has every field
shape() {
  python3 - "$@" <<PY || fail "response lacks documented fields: $(cat "$TMP/body")"
import json, sys
j = json.load(open("$TMP/body"))
missing = [f for f in sys.argv[1:] if f not in j]
sys.exit(1 if missing else 0)
PY
}

token() { # token UAA_PATH SECRET
  local status
  status=$(request POST "$BASE/$1/oauth/token" -u "$CLIENT:$2" -d grant_type=client_credentials)
  [ "$status" = 200 ] || fail "token from $1: HTTP $status $(cat "$TMP/body")"
  shape access_token token_type expires_in scope jti
  json "j['access_token']"
}

wait_for() { # wait_for URL TOKEN FIELD WANTED
  local deadline=$((SECONDS + TIMEOUT)) status value
  while :; do
    status=$(request GET "$1" -H "Authorization: Bearer $2")
    [ "$status" = 200 ] || fail "GET $1: HTTP $status $(cat "$TMP/body")"
    value=$(json "j['$3']")
    printf '   %s = %s\n' "$3" "$value"
    [ "$value" = "$4" ] && return 0
    case "$value" in "in progress"|queued|running|processing) ;; *) fail "$3 became '$value', expected '$4'";; esac
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for $3=$4"
    sleep 2
  done
}

step "Simulator controls (/_sim) need the control token"
SIM_ROOT="${BASE%/*}"
status=$(request GET "$SIM_ROOT/_sim/clock")
[ "$status" = 401 ] || fail "/_sim/clock without X-Sim-Token gave HTTP $status"
if [ -n "${PKSO_SIMULATOR_CONTROL_TOKEN:-}" ]; then
  status=$(request GET "$SIM_ROOT/_sim/clock" -H "X-Sim-Token: $PKSO_SIMULATOR_CONTROL_TOKEN")
  [ "$status" = 200 ] || fail "/_sim/clock with PKSO_SIMULATOR_CONTROL_TOKEN gave HTTP $status"
  status=$(request POST "$SIM_ROOT/_sim/clock/resume" -H "X-Sim-Token: $PKSO_SIMULATOR_CONTROL_TOKEN" \
    -H 'Content-Type: application/x-www-form-urlencoded' -d x=1)
  [ "$status" = 415 ] || fail "a form post to /_sim gave HTTP $status"
  echo "   401 without the token, 200 with it, 415 for a form post"
else
  echo "   401 without the token (set PKSO_SIMULATOR_CONTROL_TOKEN to check it with the token too)"
fi

wait_registered() { # wait_registered URL TOKEN ACTION: PKS registers an action late (404 or the previous action)
  local deadline=$((SECONDS + TIMEOUT)) status
  while :; do
    status=$(request GET "$1" -H "Authorization: Bearer $2")
    if [ "$status" = 200 ] && [ "$(json "j['last_action']")" = "$3" ]; then return 0; fi
    case "$status" in 200|404) printf '   not registered yet (HTTP %s)\n' "$status";; *) fail "GET $1: HTTP $status";; esac
    [ $SECONDS -lt $deadline ] || fail "PKS never showed last_action $3"
    sleep 1
  done
}

step "PKS UAA refuses bad credentials"
status=$(request POST "$BASE/pks-uaa/oauth/token" -u "$CLIENT:wrong-secret" -d grant_type=client_credentials)
[ "$status" = 401 ] || fail "bad credentials gave HTTP $status"
[ "$(json "j['error']")" = invalid_client ] || fail "expected invalid_client: $(cat "$TMP/body")"
echo "   401 invalid_client"

step "PKS UAA token"
PKS=$(token pks-uaa "${PKSO_LAB_PKS_SECRET:-lab-pks-client-secret}")
status=$(request GET "$BASE/pks/v1/clusters"); [ "$status" = 401 ] || fail "API without token gave HTTP $status"
echo "   ok (API without a token: 401)"

step "Create cluster $CLUSTER"
status=$(request POST "$BASE/pks/v1/clusters" -H "Authorization: Bearer $PKS" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$CLUSTER\",\"plan_name\":\"small\",\"parameters\":{\"kubernetes_master_host\":\"$CLUSTER.lab.local\",\"kubernetes_worker_instances\":1}}")
case "$status" in 2??) ;; *) fail "create: HTTP $status $(cat "$TMP/body")";; esac
shape name plan_name uuid last_action last_action_state last_action_description kubernetes_master_ips parameters
[ "$(json "j['kubernetes_master_ips'][0]")" = "In Progress" ] || fail "master IPs while creating: $(cat "$TMP/body")"
UUID=$(json "j['uuid']")
wait_registered "$BASE/pks/v1/clusters/$CLUSTER" "$PKS" CREATE
wait_for "$BASE/pks/v1/clusters/$CLUSTER" "$PKS" last_action_state succeeded
shape name plan_name uuid last_action last_action_state kubernetes_master_ips parameters

step "Resize $CLUSTER to 2 workers"
status=$(request PATCH "$BASE/pks/v1/clusters/$CLUSTER" -H "Authorization: Bearer $PKS" -H 'Content-Type: application/json' \
  -d '{"kubernetes_worker_instances":2}')
case "$status" in 2??) ;; *) fail "resize: HTTP $status $(cat "$TMP/body")";; esac
wait_registered "$BASE/pks/v1/clusters/$CLUSTER" "$PKS" UPDATE
wait_for "$BASE/pks/v1/clusters/$CLUSTER" "$PKS" last_action_state succeeded
[ "$(json "j['last_action']")/$(json "j['parameters']['kubernetes_worker_instances']")" = "UPDATE/2" ] || fail "resize result: $(cat "$TMP/body")"

step "BOSH instances of service-instance_$UUID (format=full through a task)"
BOSH=$(token bosh-uaa "${PKSO_LAB_BOSH_SECRET:-lab-bosh-client-secret}")
status=$(request GET "$BASE/bosh/deployments/service-instance_$UUID/instances?format=full" -H "Authorization: Bearer $BOSH")
[ "$status" = 302 ] || fail "instances?format=full: HTTP $status (expected 302 to a task)"
TASK=$(tr -d '\r' < "$TMP/headers" | sed -n 's/^[Ll]ocation: //p')
echo "   task: $TASK"
deadline=$((SECONDS + TIMEOUT))
while :; do
  request GET "$TASK" -H "Authorization: Bearer $BOSH" >/dev/null
  shape id state description timestamp started_at result user deployment context_id
  state=$(json "j['state']")
  printf '   state = %s\n' "$state"
  [ "$state" = done ] && break
  case "$state" in queued|processing) ;; *) fail "task ended $state";; esac
  [ $SECONDS -lt $deadline ] || fail "task timed out"
  sleep 1
done
request GET "$TASK/output?type=result" -H "Authorization: Bearer $BOSH" >/dev/null
python3 - "$TMP/body" <<'PY' || fail "instance details lack documented fields"
import json, sys
fields = ["vm_cid", "disk_cid", "ips", "agent_id", "job_name", "index", "job_state", "state", "vm_type", "vitals",
          "processes", "az", "id", "bootstrap", "ignore"]
lines = [l for l in open(sys.argv[1]).read().splitlines() if l.strip()]
for line in lines:
    i = json.loads(line)
    missing = [f for f in fields if f not in i]
    if missing:
        print("missing", missing, i); sys.exit(1)
    print("   %s/%s %s" % (i["job_name"], i["index"], i["job_state"]))
# 1 master, 2 workers and the errand instance (no VM, job_state null)
sys.exit(0 if len(lines) == 4 and sum(1 for l in lines if json.loads(l)["vm_cid"] is None) == 1 else 1)
PY

step "Ops Manager installation (Apply Changes)"
OM=$(token opsman/uaa "${PKSO_LAB_OPSMAN_SECRET:-lab-opsman-client-secret}")
status=$(request GET "$BASE/opsman/api/v0/info"); [ "$status" = 200 ] && echo "   OM $(json "j['info']['version']")"
status=$(request POST "$BASE/opsman/api/v0/installations" -H "Authorization: Bearer $OM" -H 'Content-Type: application/json' \
  -d '{"ignore_warnings":"false","deploy_products":"all"}')
[ "$status" = 200 ] || fail "installation: HTTP $status $(cat "$TMP/body")"
INSTALL=$(json "j['install']['id']")
wait_for "$BASE/opsman/api/v0/installations/$INSTALL" "$OM" status succeeded
shape status started_at finished_at
request GET "$BASE/opsman/api/v0/installations/$INSTALL/logs" -H "Authorization: Bearer $OM" >/dev/null
shape logs

step "Clean up: delete $CLUSTER"
status=$(request DELETE "$BASE/pks/v1/clusters/$CLUSTER" -H "Authorization: Bearer $PKS")
case "$status" in 2??) echo "   deletion accepted";; *) fail "delete: HTTP $status";; esac

printf '\nPASS: the lab foundation at %s answers as documented\n' "$BASE"
