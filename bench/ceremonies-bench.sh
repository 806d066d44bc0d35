#!/usr/bin/env bash
# The ceremonies' pages with a lot of data (issue 6, parts 2-4): a team of 12 with 120 working days
# of stand-ups and a retrospective of 500 cards; the median, p95 and maximum time of the stand-up
# page, its JSON, the retro board and a vote, over HTTP on loopback. Target: pages under 100 ms.
# The harness is src/test/java/io/hatrack/bench/CeremoniesBench.java.
#
#   bench/ceremonies-bench.sh            # 50 warm requests each
#   RUNS=200 bench/ceremonies-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.CeremoniesBench "$@"
