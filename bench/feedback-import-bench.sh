#!/usr/bin/env bash
# The feedback import benchmark (issue 4): a seeded, realistic 100,000-row support-ticket CSV
# imported into a fresh SQLite workspace of 500 customers, through the same code as the job, the
# API and `hatrack import feedback` (read, check every row, save all in one transaction), then
# imported again (every row unchanged). Prints the time of each phase and the peak resident memory
# (VmHWM) against the targets: at most 30 s and 1 GB.
# The harness is src/test/java/io/hatrack/bench/FeedbackImportBench.java. See bench/README.md.
#
#   bench/feedback-import-bench.sh                 # 100,000 rows
#   ROWS=10000 bench/feedback-import-bench.sh      # a quick run
#   HATRACK_JAVA_OPTS=-Xmx256m bench/feedback-import-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.FeedbackImportBench "$@"
