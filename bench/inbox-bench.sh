#!/usr/bin/env bash
# The feedback inbox page on SQLite (issue 4): seeds FEEDBACK pieces of feedback (default
# 1,000,000) through FeedbackService.createAll, signs in over HTTP and prints p50/p95/p99 of the
# inbox page (50 items) with typical filters, against the 20 ms p99 target. The harness is
# src/test/java/io/hatrack/bench/InboxBench.java. See bench/README.md.
#
#   bench/inbox-bench.sh                            # the full run
#   FEEDBACK=50000 RUNS=100 bench/inbox-bench.sh    # a quick run
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx2g} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.InboxBench "$@"
