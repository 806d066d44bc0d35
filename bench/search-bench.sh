#!/usr/bin/env bash
# Full-text search on SQLite (issue 4): seeds DOCS pieces of feedback (default 1,000,000) with
# customers and tags through the import's batch path (entity, feedback, tags, search_doc, FTS5 by
# trigger), times it, then prints p50/p95/p99 (wall clock) and p50/p95 (CPU time) of typical
# searches (words, a phrase, a prefix, OR/NOT, a source filter, other filters) through
# SearchService, against the 50 ms p95 target. The harness is
# src/test/java/io/hatrack/bench/SearchBench.java. See bench/README.md.
#
#   bench/search-bench.sh                  # the full run
#   DOCS=50000 RUNS=50 bench/search-bench.sh   # a quick run
#   KEEP_DATA=1 ... / DATA_DIR=dir ...     # keep the database / search a kept one again
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.SearchBench "$@"
