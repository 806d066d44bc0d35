#!/usr/bin/env bash
# The definition hat's benchmark on SQLite (issue 3): seeds ITEMS work items (default 100,000) in
# one product, then times the list API with a query, the board page with 2,000 cards, a tree
# expand and (when the wireframes are built) a 40-widget Salt wireframe, one request after another
# over loopback. Prints p50/p99/max with the targets. See bench/README.md.
#
#   bench/definition-bench.sh                 # the full run
#   ITEMS=5000 bench/definition-bench.sh      # a quick smoke run
#   QUERY='type:feature owner:none' bench/definition-bench.sh
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
jar="$root/target/hatrack.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building target/hatrack.jar ..."
  (cd "$root" && mvn -q -DskipTests package)
fi
echo "Machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
exec java ${HATRACK_JAVA_OPTS:--Xmx1g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$jar" "$bench/DefinitionBench.java" "$@"
