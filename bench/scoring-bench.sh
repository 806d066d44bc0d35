#!/usr/bin/env bash
# The scoring benchmark (issue 5): recomputing every score of a product when a scoring model's
# settings change, 100,000 items on SQLite, in one transaction (target ≤ 2 s). The harness is
# src/test/java/io/hatrack/bench/ScoringBench.java.
#
#   bench/scoring-bench.sh                 # 100,000 items, 3 runs
#   ITEMS=10000 RUNS=5 bench/scoring-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.ScoringBench "$@"
