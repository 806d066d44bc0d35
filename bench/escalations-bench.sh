#!/usr/bin/env bash
# The escalations benchmark (issue 6, part 5): the dashboard page (every open escalation's SLA
# clocks in business hours, and the metrics of the product and the workspace) and the metrics over
# 90 days, on SQLite with 2,000 escalations, a quarter of them open. There is no target in the
# issue; the house aim for a server-rendered page is ≤ 100 ms.
# The harness is src/test/java/io/hatrack/bench/EscalationBench.java.
#
#   bench/escalations-bench.sh
#   ESCALATIONS=10000 RUNS=20 bench/escalations-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.EscalationBench "$@"
