#!/usr/bin/env bash
# The live path's benchmark (docs/live.md#benchmark): in-process Kafka broker and PostgreSQL, ingest
# at parallelism 2 with the archive and live accruals, then produce-to-visible-accrual latency.
# Usage: conf/bench-ingest.sh [plays=2000000] [warmup=2000000] [probes=20] [accruals=0|1] [flushMs=500] [parallelism=2]
# A fixed 6 GB heap (-Xms = -Xmx), as a Flink TaskManager's; ParallelGC, as the monthly bench.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -pl jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file"
cd jobs
exec java -Xms6g -Xmx6g -XX:+UseParallelGC \
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  dev.royalties.jobs.live.bench.IngestBench "$@"
