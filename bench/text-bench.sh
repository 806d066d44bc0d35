#!/usr/bin/env bash
# The text analytics benchmark (issue 4, parts 4 and 5): VADER sentiment accuracy and theme
# quality on a public labelled data set, the time to find themes in 100,000 feedback texts, and
# the duplicate check's p50/p99 with 1,000,000 texts indexed, with the heap it holds.
# The harness is src/test/java/io/hatrack/bench/TextBench.java. See bench/README.md.
#
# The labelled data set is the UCI "Sentiment Labelled Sentences" (Kotzias et al., KDD 2015) as
# shipped in the npm package `sentiment` 5.0.2 (test/fixtures/{amazon,imdb,yelp}.json); this script
# fetches it with `npm pack` into a temporary directory (SENTIMENT_DATA=dir skips that).
#
#   bench/text-bench.sh                                   # the full run (about 3 minutes)
#   THEME_ITEMS=20000 DUP_ITEMS=100000 bench/text-bench.sh  # a quick run
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "${SENTIMENT_DATA:-}" ]; then
  if command -v npm >/dev/null; then
    (cd "$tmp" && npm pack --silent sentiment@5.0.2 >/dev/null && tar xzf sentiment-5.0.2.tgz)
    export SENTIMENT_DATA="$tmp/package/test/fixtures"
  else
    echo "npm not found: sentiment accuracy and theme quality are skipped" >&2
  fi
fi
echo "Compiling (mvn test-compile) ..."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java ${HATRACK_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC} -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.hatrack.bench.TextBench "$@"
