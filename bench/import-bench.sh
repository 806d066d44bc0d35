#!/usr/bin/env bash
# The Jira import benchmark (issue 6): a seeded Jira "CSV (all fields)" export of 50,000 issues
# (repeated columns, multi-line fields, comments, epics > stories > sub-tasks) imported from disk
# into a fresh SQLite product through the same code as the job, the API and `hatrack import jira`
# (stream, check every record, save all in one transaction), then imported again (all unchanged).
# Prints the time of each phase and the peak resident memory (VmHWM) against the targets: at most
# 60 s and 1 GB. The harness is src/test/java/io/hatrack/bench/ImportBench.java.
#
#   bench/import-bench.sh                      # 50,000 issues
#   ISSUES=5000 bench/import-bench.sh          # a quick run
#   HATRACK_JAVA_OPTS=-Xmx256m bench/import-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java ${HATRACK_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.ImportBench "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
