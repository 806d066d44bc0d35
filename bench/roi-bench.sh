#!/usr/bin/env bash
# The ROI Monte Carlo benchmark (issue 5): 10,000 seeded draws of the NPV of the demo's
# "One-click saved cards" model and of a large model (120 months, 30 uncertain lines); the cold
# first run, then the median, p95 and maximum of warm runs. Target: ≤ 200 ms for 10,000 draws.
# The harness is src/test/java/io/hatrack/bench/RoiBench.java.
#
#   bench/roi-bench.sh                 # 50 warm runs of 10,000 draws each
#   RUNS=200 DRAWS=100000 bench/roi-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.RoiBench "$@"
