#!/usr/bin/env bash
# The live path's benchmark (docs/live.md#benchmark): in-process Kafka broker and PostgreSQL, ingest
# at parallelism 2 with the archive and live accruals, then produce-to-visible-accrual latency.
# Usage: conf/bench-ingest.sh [plays=2000000] [warmup=2000000] [probes=20] [accruals=0|1] [flushMs=500] [parallelism=2]
# A fixed 6 GB heap (-Xms = -Xmx), as a Flink TaskManager's; ParallelGC, as the monthly bench.
JAVA_OPTS="-Xms6g -Xmx6g -XX:+UseParallelGC" exec "$(dirname "$0")/test-main.sh" \
  dev.royalties.jobs.live.bench.IngestBench "$@"
