#!/usr/bin/env bash
# Runs the monthly job embedded with the settings of an env file (see conf/monthly.example.env).
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -jar jobs/target/royalties.jar monthly \
  --period "${ROYALTIES_PERIOD:?}" --input "${ROYALTIES_INPUT:?}" --output "${ROYALTIES_OUTPUT:?}" \
  --as-of "${ROYALTIES_AS_OF:?}" --min-play-ms "${ROYALTIES_MIN_PLAY_MS:-30000}" \
  --user-monthly-cap "${ROYALTIES_USER_MONTHLY_CAP:-0}" --parallelism "${ROYALTIES_PARALLELISM:-2}" \
  --flink-conf conf/local "$@"
