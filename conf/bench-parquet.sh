#!/usr/bin/env bash
# The archive's Parquet writer alone (docs/live.md#benchmark): play rows per second into one file.
# Usage: conf/bench-parquet.sh [rows=1000000] [rounds=5] [noDictionary=track_id,user_id]
JAVA_OPTS="-Xms4g -Xmx4g -XX:+UseParallelGC" exec "$(dirname "$0")/test-main.sh" \
  dev.royalties.io.ParquetWriteBench "$@"
