#!/usr/bin/env bash
# The sprint benchmark (issue 6): the sprint board of 500 items in <= 150 ms, velocity over 50 sprints in <= 50 ms.
# Seeds a product on SQLite (500 stories in one active sprint, 200 more in the backlog, a second team
# with 50 closed sprints), then times the sprint page, its JSON and burndown, the team's sprints page
# and the velocity over 50 sprints with a forecast over HTTP, p50/p95/max. The harness is
# src/test/java/io/hatrack/bench/SprintBench.java.
#
#   bench/sprint-bench.sh                  # 500 items, 50 sprints, 100 runs per request
#   ITEMS=1000 SPRINTS=100 RUNS=50 bench/sprint-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx1g} -Djava.awt.headless=true -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.SprintBench "$@"
