#!/usr/bin/env bash
# The release-planning benchmark (issue 5): CP-SAT on seeded generated instances. One of 500 items,
# 6 teams, 4 periods and 200 dependencies with a 10 s limit (status, gap, time), then 50 instances
# of 20-60 items (proven optimal? never worse than greedy? mean and worst gain over greedy in %).
# The harness is src/test/java/io/hatrack/bench/PlannerBench.java.
#
#   bench/planner-bench.sh                         # seed 2026, 8 workers, 50 instances, 60 s each
#   SEED=7 WORKERS=1 INSTANCES=10 bench/planner-bench.sh
#   LIMIT=900 ONLY=39,43 bench/planner-bench.sh  # just those instances, 900 s each
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.PlannerBench "$@"
