#!/usr/bin/env bash
# The wireframe benchmark (issue 3): draws a Salt wireframe of about 40 widgets (the demo's
# checkout screen) with SaltRenderer alone and through the preview API on a running server, and
# prints the cold first drawing and p50/p99/max of warm ones against the 300 ms target.
# The harness is src/test/java/io/hatrack/bench/SaltBench.java. See bench/README.md.
#
#   bench/salt-bench.sh                       # 200 warm-up drawings, then 1,000 measured
#   WARMUP=20 RUNS=100 bench/salt-bench.sh    # a quick run
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx512m} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.SaltBench "$@"
