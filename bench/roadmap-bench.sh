#!/usr/bin/env bash
# The roadmap benchmark (issue 5): the timeline of 1,000 scheduled items rendered in <= 200 ms.
# Seeds a product on SQLite (1,000 items over two years in six teams, tags, 200 dependencies), then
# times the timeline page (months by team, quarters by tag), the SVG and PNG exports and the
# Now/Next/Later board over HTTP, p50/p95/max. The harness is
# src/test/java/io/hatrack/bench/RoadmapBench.java.
#
#   bench/roadmap-bench.sh                 # 1,000 items, 100 runs per request
#   ITEMS=2000 RUNS=50 bench/roadmap-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx1g} -Djava.awt.headless=true -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.RoadmapBench "$@"
