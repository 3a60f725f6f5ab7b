#!/usr/bin/env bash
# A standalone Flink 2.2.0 session cluster on loopback, by hand, without Flink's distribution:
# lib/ is assembled by `mvn -pl jobs -am package` into jobs/target/flink-cluster/lib from Flink's
# own Maven artifacts (flink-dist is not published), the configuration is conf/flink/, the JVM
# options are what Flink's own scripts compute (BashJavaUtils). See docs/cluster.md.
#
#   conf/cluster.sh start                     JobManager + one TaskManager, waits for the slots
#   conf/cluster.sh month --period 2026-10 --input DIR --output DIR [monthly options...]
#                                             submits `royalties.jar monthly ...` with `flink run`
#   conf/cluster.sh run [royalties.jar args]  submits any command of royalties.jar
#   conf/cluster.sh status                    the cluster's /overview
#   conf/cluster.sh stop                      stops what `start` started
#
# Environment: ROYALTIES_CLUSTER_DIR (work folder: conf copy, logs, pids; /tmp/royalties-cluster),
# FLINK_REST_PORT (8081), FLINK_RPC_PORT (6123), FLINK_LIB (jobs/target/flink-cluster/lib), ROYALTIES_JAR
# (jobs/target/royalties.jar), TASKMANAGERS (1), JAVA (java).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${ROYALTIES_CLUSTER_DIR:-/tmp/royalties-cluster}"
LIB="${FLINK_LIB:-$ROOT/jobs/target/flink-cluster/lib}"
JAR="${ROYALTIES_JAR:-$ROOT/jobs/target/royalties.jar}"
PORT="${FLINK_REST_PORT:-8081}"
RPC_PORT="${FLINK_RPC_PORT:-6123}"
TMS="${TASKMANAGERS:-1}"
JAVA="${JAVA:-java}"
CONF="$WORK/conf"

die() { echo "cluster.sh: $*" >&2; exit 1; }

# The value of a key of conf/flink/config.yaml, nested keys joined with dots (small YAML subset:
# the file is ours; BashJavaUtils and the JVMs read it with Flink's real parser).
conf_value() {
  awk -v want="$1" '
    /^[[:space:]]*#/ || /^[[:space:]]*$/ { next }
    {
      match($0, /^ */); depth = RLENGTH / 2
      line = substr($0, RLENGTH + 1)
      if (folding) { if (depth > fold_depth) { val = val (val == "" ? "" : " ") line; next } else { exit } }
      key = line; sub(/:.*/, "", key)
      rest = line; sub(/^[^:]*:[[:space:]]*/, "", rest)
      path[depth] = key; full = path[0]; for (i = 1; i <= depth; i++) full = full "." path[i]
      if (full == want) {
        if (rest == ">-" || rest == ">" || rest == "|") { folding = 1; fold_depth = depth; val = ""; next }
        gsub(/^"|"$/, "", rest); print rest; exit
      }
    }
    END { if (folding) print val }' "$ROOT/conf/flink/config.yaml"
}

java_opts() { conf_value env.java.opts.all; }

# "BASH_JAVA_UTILS_EXEC_RESULT:..." lines of BashJavaUtils: the JVM options, then dynamic configs.
resource_params() {
  local out
  out="$("$JAVA" -cp "$LIB/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$CONF" 2>&1)" \
    || die "BashJavaUtils $1 failed: $out"
  grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

rest() { curl -fsS "http://127.0.0.1:$PORT$1"; }

start() {
  [[ -d "$LIB" ]] || die "no $LIB: run 'mvn -pl jobs -am package -DskipTests' first"
  if [[ -f "$WORK/jobmanager.pid" ]] && kill -0 "$(cat "$WORK/jobmanager.pid")" 2>/dev/null; then
    die "a cluster is already running from $WORK (conf/cluster.sh stop)"
  fi
  mkdir -p "$CONF" "$WORK/log" "$WORK/tmp"
  cp "$ROOT"/conf/flink/* "$CONF/"
  cat >>"$CONF/config.yaml" <<EOF

# ---- written by conf/cluster.sh ----
rest.port: $PORT
jobmanager.rpc.port: $RPC_PORT
io.tmp.dirs: $WORK/tmp
EOF
  local jm tm opts
  mapfile -t jm < <(resource_params GET_JM_RESOURCE_PARAMS)
  mapfile -t tm < <(resource_params GET_TM_RESOURCE_PARAMS)
  opts="$(java_opts)"
  # shellcheck disable=SC2086 # word splitting of the option strings is intended, as in Flink's scripts
  nohup "$JAVA" ${jm[0]} $opts -Dlog.file="$WORK/log/jobmanager.log" \
    -Dlog4j.configurationFile="file:$CONF/log4j.properties" -cp "$LIB/*" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    --configDir "$CONF" --executionMode cluster ${jm[1]:-} >"$WORK/log/jobmanager.out" 2>&1 &
  echo $! >"$WORK/jobmanager.pid"
  for ((i = 1; i <= TMS; i++)); do
    # shellcheck disable=SC2086
    nohup "$JAVA" ${tm[0]} $opts -Dlog.file="$WORK/log/taskmanager-$i.log" \
      -Dlog4j.configurationFile="file:$CONF/log4j.properties" -cp "$LIB/*" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$CONF" ${tm[1]:-} \
      >"$WORK/log/taskmanager-$i.out" 2>&1 &
    echo $! >"$WORK/taskmanager-$i.pid"
  done
  local slots want
  want=$((TMS * $(conf_value taskmanager.numberOfTaskSlots)))
  for _ in $(seq 1 120); do
    slots="$(rest /overview 2>/dev/null | sed -n 's/.*"slots-total":\([0-9]*\).*/\1/p' || true)"
    if [[ "${slots:-0}" -ge "$want" ]]; then
      echo "cluster up: http://127.0.0.1:$PORT ($slots slots), logs in $WORK/log"
      return 0
    fi
    sleep 1
  done
  stop || true
  die "the cluster did not offer $want slots within 120 s; see $WORK/log"
}

stop() {
  local f pid
  for f in "$WORK"/taskmanager-*.pid "$WORK"/jobmanager.pid; do
    [[ -f "$f" ]] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$f"
  done
  echo "cluster stopped"
}

# `flink run` without the distribution's bin/flink: the same class, options and classpath.
run() {
  [[ -f "$JAR" ]] || die "no $JAR: run 'mvn -pl jobs -am package -DskipTests' first"
  [[ -f "$CONF/config.yaml" ]] || die "no cluster configuration in $CONF: conf/cluster.sh start first"
  # shellcheck disable=SC2046,SC2086
  FLINK_CONF_DIR="$CONF" "$JAVA" $(java_opts) -Dlog4j.configurationFile="file:$CONF/log4j-cli.properties" \
    -cp "$LIB/*" org.apache.flink.client.cli.CliFrontend run -m "127.0.0.1:$PORT" "$JAR" "$@"
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) rest /overview; echo ;;
  run) run "$@" ;;
  month)
    # Paths must be absolute: the TaskManagers resolve them, not this shell.
    args=()
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --input|--output) args+=("$1" "$(realpath -m "$2")"); shift 2 ;;
        *) args+=("$1"); shift ;;
      esac
    done
    run monthly "${args[@]}" ;;
  *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
