#!/usr/bin/env bash
# The duplicate check benchmark (issue 4): seeds ITEMS (default 1,000,000) feedback-like texts into
# one product of a fresh SQLite data directory through the import's path (MinHash signatures, LSH
# band rows and suggestions written as the feedback arrives), then times CHECKS (default 1,000)
# arrivals of new feedback: the duplicate check alone and adding feedback by hand with its check,
# p50/p95/p99/max, against the 20 ms target. Prints the load average.
# The harness is src/test/java/io/hatrack/bench/DuplicateBench.java. See bench/README.md.
#
#   bench/duplicate-bench.sh                        # the full run
#   ITEMS=100000 CHECKS=300 bench/duplicate-bench.sh  # a quick run
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx2g} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.DuplicateBench "$@"
