#!/usr/bin/env bash
# Runs a main class of the jobs module's test sources (the benchmarks) on the test classpath.
# Usage: [JAVA_OPTS="..."] conf/test-main.sh CLASS [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -pl jobs -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file"
cd jobs
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} \
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat "$cp_file")" "$main" "$@"
