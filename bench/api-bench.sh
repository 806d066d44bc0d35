#!/usr/bin/env bash
# Hatrack's API benchmark on SQLite: seeds PAGES pages and PAGES x COMMENTS_PER_PAGE comments
# through the real HTTP API, then drives two read scenarios with wrk on loopback and prints
# requests/s and p50/p99 latency for each, the start-up time to a healthy /health, and the server's
# resident memory after the run. See bench/README.md.
#
#   bench/api-bench.sh                       # the full run (10,000 pages, 100,000 comments)
#   PAGES=500 DURATION=5s bench/api-bench.sh # a quick smoke run
#
# Options (environment variables):
#   DURATION=30s          wrk duration of each measured scenario
#   WARMUP=20s            wrk duration of the warm-up of each scenario (not measured)
#   CONNECTIONS=4         concurrent keep-alive connections of wrk (one wrk thread)
#   PAGES=10000           pages to seed
#   COMMENTS_PER_PAGE=10  comments on each page
#   SEED_THREADS=4        concurrent requests of the seeder
#   KEEP_DATA=0           1 keeps the temporary directory (data, ids, token, logs; its path is printed)
#   SEEDED_FROM=          a directory kept by KEEP_DATA=1: measure a fresh copy of its data instead of
#                         seeding again (quick re-runs, e.g. to compare HATRACK_JAVA_OPTS)
#   PORT=                 HTTP port (default: a free one)
#   HATRACK_JAVA_OPTS=    JVM options of the server (default: those of ./hatrack)
# Exits non-zero when anything fails, including any socket error or non-2xx answer under load.
set -euo pipefail

DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-20s}"
CONNECTIONS="${CONNECTIONS:-4}"
PAGES="${PAGES:-10000}"
COMMENTS_PER_PAGE="${COMMENTS_PER_PAGE:-10}"
SEED_THREADS="${SEED_THREADS:-4}"
KEEP_DATA="${KEEP_DATA:-0}"
SEEDED_FROM="${SEEDED_FROM:-}"
PORT="${PORT:-}"

# The issue's targets on a 2-core machine.
TARGET_P99_MS=10
TARGET_RPS=2000
TARGET_STARTUP_MS=3000
TARGET_RSS_MB=400

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
jar="$root/target/hatrack.jar"

say() { printf '%s\n' "$*"; }
die() { printf 'api-bench: %s\n' "$*" >&2; exit 1; }

for tool in java curl; do
  command -v "$tool" >/dev/null || die "$tool is needed but not installed"
done
command -v wrk >/dev/null \
  || die "wrk (the HTTP load generator) is not installed. On Debian/Ubuntu: sudo apt-get install -y wrk"

# Build the jar when it is missing or older than the sources, as ./hatrack does, so that the
# build does not count as start-up time.
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  say "Building target/hatrack.jar ..."
  (cd "$root" && mvn -q -DskipTests package) || die "the build failed"
fi

if [ -z "$PORT" ]; then
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      PORT=$candidate
      break
    fi
  done
  [ -n "$PORT" ] || die "found no free port; set PORT"
fi
base="http://127.0.0.1:$PORT"

work="$(mktemp -d "${TMPDIR:-/tmp}/hatrack-bench.XXXXXX")"
data="$work/data"
server_pid=""

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

cleanup() {
  stop_server
  if [ "$KEEP_DATA" = "1" ]; then
    say "Kept the data and logs in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Starts the server and waits for the first 200 on /health, polling every 20 ms; sets server_pid
# and startup_ms. ./hatrack execs java, so $! is the JVM's pid.
start_server() {
  local log="$1" t0 code
  t0=$(now_ms)
  "$root/hatrack" serve --data "$data" --host 127.0.0.1 --port "$PORT" >"$log" 2>&1 &
  server_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/health" || true)
    [ "$code" = "200" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$log" >&2
      die "the server stopped during start-up (log above)"
    fi
    [ $(($(now_ms) - t0)) -lt 60000 ] || die "no healthy /health within 60 s (log: $log)"
    sleep 0.02
  done
  startup_ms=$(($(now_ms) - t0))
  startup_cpu_ms=$(cpu_ms "$server_pid")
}

# CPU time (user + system, all threads) used so far by a process, in milliseconds.
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"
}

# Busy and total jiffies of the whole machine, for how much CPU other processes took.
machine_jiffies() {
  awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; total = busy + $5 + $6; print busy, total }' /proc/stat
}

rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

say "Hatrack API benchmark: $PAGES pages x $COMMENTS_PER_PAGE comments, wrk -t1 -c$CONNECTIONS, $DURATION per scenario"
say "JVM options: ${HATRACK_JAVA_OPTS:-(./hatrack default)}"
say "Load average before: $(loadavg) on $(nproc) CPUs"

if [ -z "$SEEDED_FROM" ]; then
  # 1. Start-up on an empty data directory (creates and migrates the database).
  start_server "$work/server-1.log"
  startup_empty_ms=$startup_ms
  say "Start-up (empty database, includes migrations): ${startup_empty_ms} ms to a healthy /health (${startup_cpu_ms} ms of CPU)"

  # 2. The account, its workspace and an API token, with the CLI.
  email="bench@example.com"
  printf 'bench-password-%s\n' "$RANDOM$RANDOM" \
    | "$root/hatrack" user add --email "$email" --name "Bench" --workspace "Bench" --role owner \
        --password-stdin --data "$data" >"$work/user.log" 2>&1 \
    || { cat "$work/user.log" >&2; die "hatrack user add failed"; }
  "$root/hatrack" token create --email "$email" --name "bench" --data "$data" >"$work/token.log" 2>&1 \
    || { cat "$work/token.log" >&2; die "hatrack token create failed"; }
  token="$(tail -n 1 "$work/token.log" | tr -d '[:space:]')"
  case "$token" in htk_*) ;; *) cat "$work/token.log" >&2; die "no API token in the CLI's output" ;; esac

  # 3. Seed through the API: the product, the pages, the comments.
  java "$bench/Seed.java" --base "$base" --token "$token" --out "$work" \
    --pages "$PAGES" --comments-per-page "$COMMENTS_PER_PAGE" --threads "$SEED_THREADS" \
    | tee "$work/seed.log" || die "seeding failed"
  seed_rate="$(sed -n 's/.*: \([0-9]*\) writes\/s.*/\1/p' "$work/seed.log" | tail -n 1)"
  product="$(tr -d '[:space:]' <"$work/product")"
  echo "$PAGES $COMMENTS_PER_PAGE" >"$work/sizes"
  rss_after_seed_mb=$(rss_mb "$server_pid")
  say "Resident memory after seeding: ${rss_after_seed_mb} MB"
  stop_server
else
  # A fresh copy of a data set seeded by an earlier run (KEEP_DATA=1).
  for f in data page-ids list-cursors product token.log sizes; do
    [ -e "$SEEDED_FROM/$f" ] || die "SEEDED_FROM=$SEEDED_FROM has no $f (keep a run with KEEP_DATA=1)"
    cp -r "$SEEDED_FROM/$f" "$work/"
  done
  token="$(tail -n 1 "$work/token.log" | tr -d '[:space:]')"
  product="$(tr -d '[:space:]' <"$work/product")"
  read -r PAGES COMMENTS_PER_PAGE <"$work/sizes"
  startup_empty_ms="-"; seed_rate="-"; rss_after_seed_mb="-"
  say "Measuring a copy of $SEEDED_FROM ($PAGES pages); no seeding"
fi

# 4. Restart on the seeded database: the start-up an operator sees, and a server whose heap and
#    JIT state come from the measured reads rather than from the seeding.
start_server "$work/server-2.log"
startup_seeded_ms=$startup_ms
startup_seeded_cpu_ms=$startup_cpu_ms
say "Start-up (seeded database): ${startup_seeded_ms} ms to a healthy /health (${startup_cpu_ms} ms of CPU)"

# 5. A quick correctness check of both scenarios: exactly 200 and the expected content.
first_id="$(head -n 1 "$work/page-ids")"
body="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/pages/$first_id?include=comments")"
[ "$(tail -n 1 <<<"$body")" = "200" ] || die "GET /api/v1/pages/$first_id?include=comments: $(tail -n 1 <<<"$body")"
grep -q "\"comment_count\":$COMMENTS_PER_PAGE" <<<"$body" || die "page $first_id does not show $COMMENTS_PER_PAGE comments"
body="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/products/$product/pages?limit=50")"
[ "$(tail -n 1 <<<"$body")" = "200" ] || die "GET /api/v1/products/$product/pages: $(tail -n 1 <<<"$body")"
grep -q "\"total\":$PAGES" <<<"$body" || die "the listing does not show $PAGES pages"

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

run_wrk() { # scenario duration -> prints the BENCH line, with the CPU it cost
  local scenario="$1" duration="$2" file out cpu0 cpu1 m0 m1 requests
  [ "$scenario" = "read" ] && file="$work/page-ids" || file="$work/list-cursors"
  cpu0=$(cpu_ms "$server_pid"); m0="$(machine_jiffies)"
  # "times" after wrk, in the same subshell, reports the CPU time wrk used (its last line).
  out="$(BENCH_SCENARIO="$scenario" BENCH_TOKEN="$token" BENCH_FILE="$file" BENCH_PRODUCT="$product" \
    wrk -t1 -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency -s "$bench/wrk.lua" "$base" && times)" \
    || die "wrk failed: $out"
  cpu1=$(cpu_ms "$server_pid"); m1="$(machine_jiffies)"
  printf '%s\n' "$out" >>"$work/wrk.log"
  wrk_cpu="$(tail -n 1 <<<"$out" | awk '{ n = split($0, t, /[ ms]+/); s = 0;
    for (i = 1; i + 1 <= n; i += 2) if (t[i] != "") s += t[i] * 60 + t[i + 1]; print s }')"
  out="$(grep '^BENCH ' <<<"$out")" || die "no result from wrk: $out"
  requests="$(field "$out" requests)"
  # server_cpu_ms_per_req depends much less on how busy the machine is than requests/s do.
  # server_cores and wrk_cores: the CPUs the server and wrk used on average during the run;
  # machine_busy_pct: how busy all CPUs were (server, wrk and anything else running).
  awk -v line="$out" -v c="$((cpu1 - cpu0))" -v n="$requests" -v m0="$m0" -v m1="$m1" \
    -v w="$wrk_cpu" -v secs="$(field "$out" seconds)" 'BEGIN {
    split(m0, a, " "); split(m1, b, " ");
    printf "%s server_cpu_ms_per_req=%.3f server_cores=%.2f wrk_cores=%.2f machine_busy_pct=%.0f\n",
      line, (n > 0 ? c / n : 0), c / 1000 / secs, w / secs,
      (b[2] > a[2] ? 100 * (b[1] - a[1]) / (b[2] - a[2]) : 0) }'
}


# 6. Warm-up (JIT, caches), then the measured runs.
say "Warming up for $WARMUP per scenario ..."
for scenario in list read; do
  run_wrk "$scenario" "$WARMUP" >/dev/null
done

declare -A result
failed=0
for scenario in list read; do
  line="$(run_wrk "$scenario" "$DURATION")"
  result[$scenario]="$line"
  errors=$(( $(field "$line" non2xx) + $(field "$line" socket_errors) ))
  if [ "$errors" -ne 0 ]; then
    say "ERROR: $scenario: $(field "$line" non2xx) non-2xx answers and $(field "$line" socket_errors) socket errors"
    failed=1
  fi
done

rss_mb_after=$(rss_mb "$server_pid")
load_after="$(loadavg)"
stop_server

# 7. The figures against the targets.
verdict() { # value op target
  if awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }"; then echo "met"; else echo "MISSED"; fi
}
say ""
say "Results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average after: $load_after)"
printf '%-34s %12s %12s  %s\n' "measure" "value" "target" "verdict"
for scenario in list read; do
  line="${result[$scenario]}"
  [ "$scenario" = "list" ] && name="list pages (50 a page)" || name="read page + 50 comments"
  rps="$(field "$line" rps)"; p50="$(field "$line" p50_ms)"; p99="$(field "$line" p99_ms)"
  printf '%-34s %12s %12s  %s\n' "$name: requests/s" "$rps" ">= $TARGET_RPS" "$(verdict "$rps" '>=' "$TARGET_RPS")"
  printf '%-34s %12s %12s\n' "$name: p50 ms" "$p50" ""
  printf '%-34s %12s %12s\n' "$name: server CPU ms/request" "$(field "$line" server_cpu_ms_per_req)" ""
  printf '%-34s %12s %12s\n' "$name: CPUs used, server / wrk" "$(field "$line" server_cores) / $(field "$line" wrk_cores)" ""
  printf '%-34s %12s %12s  %s\n' "$name: p99 ms" "$p99" "<= $TARGET_P99_MS" "$(verdict "$p99" '<=' "$TARGET_P99_MS")"
  printf '%-34s %12s %12s  %s\n' "$name: errors/non-2xx" \
    "$(( $(field "$line" non2xx) + $(field "$line" socket_errors) ))" "0" \
    "$(verdict "$(( $(field "$line" non2xx) + $(field "$line" socket_errors) ))" '==' 0)"
done
if [ "$startup_empty_ms" != "-" ]; then
  printf '%-34s %12s %12s  %s\n' "start-up, empty database ms" "$startup_empty_ms" "<= $TARGET_STARTUP_MS" "$(verdict "$startup_empty_ms" '<=' "$TARGET_STARTUP_MS")"
fi
printf '%-34s %12s %12s  %s\n' "start-up, seeded database ms" "$startup_seeded_ms" "<= $TARGET_STARTUP_MS" "$(verdict "$startup_seeded_ms" '<=' "$TARGET_STARTUP_MS")"
printf '%-34s %12s %12s  %s\n' "resident memory after the run MB" "$rss_mb_after" "<= $TARGET_RSS_MB" "$(verdict "$rss_mb_after" '<=' "$TARGET_RSS_MB")"
printf '%-34s %12s %12s\n' "seeding writes/s" "$seed_rate" ""
say ""
for scenario in list read; do
  say "${result[$scenario]}"
done
say "BENCH startup_empty_ms=$startup_empty_ms startup_seeded_ms=$startup_seeded_ms startup_seeded_cpu_ms=$startup_seeded_cpu_ms rss_mb=$rss_mb_after rss_after_seed_mb=$rss_after_seed_mb seed_writes_per_s=$seed_rate"

[ "$failed" -eq 0 ] || die "requests failed under load"
