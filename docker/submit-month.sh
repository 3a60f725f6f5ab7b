#!/usr/bin/env bash
# One-shot: wait until the session cluster offers its slots, then submit one monthly run with
# `flink run` (attached: the run's driver promotes the outputs and writes the manifest when the
# job has finished). Arguments after the script name are passed to `royalties.jar monthly`.
set -euo pipefail
JM="${FLINK_JOBMANAGER:-jobmanager:8081}"
SLOTS="${FLINK_MIN_SLOTS:-4}"
for _ in $(seq 1 120); do
  total="$(curl -fsS "http://$JM/overview" 2>/dev/null | sed -n 's/.*"slots-total":\([0-9]*\).*/\1/p' || true)"
  if [[ "${total:-0}" -ge "$SLOTS" ]]; then
    exec /opt/flink/bin/flink run -m "$JM" /opt/flink/usrlib/royalties.jar monthly "$@"
  fi
  sleep 2
done
echo "submit-month: the cluster at $JM did not offer $SLOTS slots in 240 s" >&2
exit 1
