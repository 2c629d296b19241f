#!/usr/bin/env bash
# The benchmarks (docs/performance.md): loads a synthetic network into a fresh database, measures the store's raw
# insert rate next to `mutual import`, then serves it with a Release build of Mutual.Web and drives each HTTP
# scenario with wrk on loopback next to a trivial endpoint of the same server. Prints a markdown report and
# writes it to bench/results/.
#
#   bench/run.sh [--size 100k] [--provider sqlite|postgres] [--duration 10] [--connections 16] [--no-build]
#                [--results DIR] [--check] [--existing CONNECTION]
#
# --existing serves a database an earlier run (or `mutual demo --size N`) already loaded, skipping the load and the
# import: at 1M parties the load alone takes 10–35 min, and EXPLAIN work wants the same data between runs.
#
# --check fails the run when any scenario answered an error or nothing at all: scripts/test.sh runs a small one
# (2,000 parties, 1 s per scenario) so the harness keeps working; the figures of such a run mean nothing.
#
# PostgreSQL: uses $MUTUAL_BENCH_POSTGRES (a server connection string; a fresh database is created in it) or
# starts a throwaway cluster like scripts/test.sh. Needs wrk, jq, curl (installed with apt when missing and root).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

size=100k provider=sqlite duration=10 connections=16 build=1 import_rows="" results=bench/results check=0 existing=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --provider) provider=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --import-rows) import_rows=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --results) results=$2; shift 2 ;;
    --check) check=1; shift ;;
    --existing) existing=$2; shift 2 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done
case "$size" in *k) parties=$(( ${size%k} * 1000 )) ;; *m) parties=$(( ${size%m} * 1000000 )) ;; *) parties=$size ;; esac
import_rows=${import_rows:-$(( parties < 1000000 ? parties : 1000000 ))}

need=()
for tool in wrk jq curl; do command -v $tool >/dev/null 2>&1 || need+=($tool); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "Missing ${need[*]}: apt-get install ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/mutual-bench.XXXXXX)
chmod 755 "$work"
server_pid="" pgdata=""
cleanup() {
  local rc=$?
  # A failed run says why the server stopped, before its folder goes.
  if [ "$rc" != 0 ] && [ -s "$work/server.log" ]; then echo "--- server log (last 40 lines)" >&2; tail -40 "$work/server.log" >&2; fi
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ -n "$pgdata" ]; then su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdata -m fast -w stop" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$build" = 1 ]; then
  for p in src/Mutual.Web src/Mutual.Cli bench/Mutual.Bench; do dotnet build "$p" -c Release -warnaserror 2>&1 | grep -E " error |rror\(s\)" || true; done
fi
mutual() { dotnet src/Mutual.Cli/bin/Release/net10.0/mutual.dll "$@"; }
bench() { dotnet bench/Mutual.Bench/bin/Release/net10.0/mutual-bench.dll --provider "$provider" --connection "$connection" "$@"; }

if [ -n "$existing" ]; then
  connection=$existing
elif [ "$provider" = postgres ]; then
  server=${MUTUAL_BENCH_POSTGRES:-}
  if [ -z "$server" ]; then
    pgdata="$work/pg"; mkdir -p "$pgdata"; chown postgres "$pgdata"
    port=${MUTUAL_BENCH_PGPORT:-55499}
    su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $pgdata -U postgres -A trust --no-sync -E UTF8" >/dev/null
    su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdata -l $pgdata/log -o '-h 127.0.0.1 -p $port -k /tmp -c shared_buffers=1GB -c max_wal_size=4GB' -w start" >/dev/null
    server="Host=127.0.0.1;Port=$port;Username=postgres"
  fi
  db="mutual_bench_$$"
  psql "$(echo "$server" | sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*).*/postgresql:\/\/\3@\1:\2\/postgres/')" -qc "CREATE DATABASE $db" >/dev/null
  connection="$server;Database=$db"
else
  connection="Data Source=$work/mutual.db"
fi
export Mutual__Database__Provider=$provider ConnectionStrings__Mutual=$connection

report="$work/report.md"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
{
  echo "# Mutual benchmark — $provider, size $size"
  echo
  echo "$started on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(dotnet --version) SDK; wrk $connections connections, ${duration}s per scenario."
  echo
  echo "## Loading"
  echo
  echo '```'
} > "$report"

if [ -z "$existing" ]; then
  mutual db migrate >/dev/null
  load_start=$(date +%s)
  mutual demo --size "$size" 2>/dev/null | tee -a "$report"
  echo "total: $(( $(date +%s) - load_start )) s" >> "$report"
  if [ "$provider" = sqlite ]; then echo "database file: $(du -h "$work/mutual.db" | cut -f1)" >> "$report"; fi
  echo '```' >> "$report"

  echo "== import vs raw insert ($import_rows rows)" >&2
  bench parties-csv --rows "$import_rows" --out "$work/parties.csv"
  raw=$(bench raw-insert --rows "$import_rows")
  imp_start=$(date +%s.%N)
  mutual import parties "$work/parties.csv" --owner bench-admin@tenant1.example 2>/dev/null > "$work/import.out"
  imp_seconds=$(awk "BEGIN { print $(date +%s.%N) - $imp_start }")
  raw_rate=$(sed -E 's/.*rows_per_s=([0-9]+).*/\1/' <<< "$raw")
  {
    echo
    echo "## Import"
    echo
    echo "| what | rows | rows/s |"
    echo "|---|---:|---:|"
    echo "| raw insert (bare copy of Parties, prepared INSERT / binary COPY) | $import_rows | $raw_rate |"
    echo "| \`mutual import parties\` (validation, duplicate check, full-text, progress) | $import_rows | $(awk "BEGIN { printf \"%.0f\", $import_rows / $imp_seconds }") |"
    echo
    echo '```'; cat "$work/import.out"; echo '```'
  } >> "$report"
else
  { echo "an existing database (--existing): no load and no import in this run"; echo '```'; } >> "$report"
fi

port=${MUTUAL_BENCH_PORT:-5099}
url="http://127.0.0.1:$port"
start_server() { # webhooks on|off: the HTTP scenarios run without the webhook worker, the lag scenario with it
  local webhooks=false
  [ "$1" = on ] && webhooks=true
  # Loopback receivers are allowed the documented way (development and tests only), never by default.
  Mutual__Discipline__Enabled=false Mutual__Webhooks__Enabled=$webhooks Mutual__Webhooks__AllowPrivateNetworks=$webhooks \
    Logging__LogLevel__Default=Warning dotnet src/Mutual.Web/bin/Release/net10.0/Mutual.Web.dll --urls "$url" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do curl -sf "$url/health" >/dev/null 2>&1 && break; sleep 1; done
  curl -sf "$url/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }
  token=$(curl -sf -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench-admin@tenant1.example","password":"mutual-demo"}' | jq -r .accessToken)
  # A node is in service once its network index is loaded (/health/ready answers 503 until then): at 1M the load
  # takes the cores for a minute, and scenarios measured meanwhile would measure the load.
  for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 1; done
}
stop_server() { kill "$server_pid" && wait "$server_pid" 2>/dev/null || true; server_pid=""; }
start_server off
bench sample --email bench-admin@tenant1.example --out "$work/req" >&2
batch_size=100 # leads a request of the batch scenario
bench channel-setup --email bench-admin@tenant1.example --partners 200 --batch-size "$batch_size" --out "$work/req" >&2
echo "/health/live" > "$work/req/live.txt"

run() { # name, requests file, [method, body, bodies file]
  echo "== $1" >&2
  local bearer=$token
  [ "$2" = live ] && bearer="" # the framework's own ceiling: no sign-in to check
  load() { # requests file, method, body, bodies file, connections, seconds
    REQUESTS="$work/req/$1.txt" METHOD=$2 BODY=$3 BODIES=$4 TOKEN=$bearer \
      wrk -t1 -c"$5" -d"$6s" --timeout 10s -s bench/wrk/requests.lua "$url" | grep '^RESULT'
  }
  local args=("$2" "${3:-GET}" "${4:-}" "${5:-}")
  load "${args[@]}" "$connections" 2 >/dev/null # warm-up
  local out alone
  out=$(load "${args[@]}" "$connections" "$duration")
  # The same requests one at a time: a request's own latency, without queueing behind the other connections on
  # two cores (the load generator shares them).
  alone=$(load "${args[@]}" 1 "$duration")
  local requests rps p50 p95 p99 errors
  eval "${alone#RESULT }"
  local a50=$p50 a95=$p95 aerrors=$errors
  eval "${out#RESULT }"
  last_rps=$rps
  errors=$(( errors + aerrors ))
  echo "| $1 | $rps | $p50 | $p95 | $p99 | $a50 | $a95 | $errors |" >> "$report"
  if [ "$check" = 1 ] && { [ "${requests:-0}" -eq 0 ] || [ "${errors:-1}" -ne 0 ]; }; then
    echo "Scenario '$1' failed: $requests requests, $errors errors" >&2; failed=1
  fi
}
{
  echo
  echo "## HTTP (loopback, wrk)"
  echo
  echo "$connections connections at once (req/s, p50–p99), then one at a time (alone p50, p95)."
  echo
  echo "| scenario | req/s | p50 ms | p95 ms | p99 ms | alone p50 ms | alone p95 ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >> "$report"
failed=0
run "trivial JSON (/health/live, anonymous)" live
cp "$work/req/live.txt" "$work/req/live-signed.txt"
run "trivial JSON, signed in (bearer token checked)" live-signed
run "party list (first page, 50)" party-list
run "party search (q = a surname)" party-search
run "party 360 (/parties/{id})" party-get
run "party timeline (first page, 20)" party-timeline
run "conversation thread (first 50 messages)" thread-read
run "post a message" message-post POST '{"body":"Benchmark: thanks, noted."}'
run "warm paths from the tenant (maxHops 4)" paths
# Lead routing: each POST creates a lead and routes it over tenant1's 200 partner profiles and 3 rules (channel-setup).
run "create and route a lead (POST /leads, 200 partners)" leads POST "" "$work/req/leads.json"
leads_rps=$last_rps
# The same leads, $batch_size to a request (POST /leads/batch, routed in order as if posted one by one): a client with many at once.
run "create and route $batch_size leads a request (POST /leads/batch)" leads-batch POST "" "$work/req/leads-batch.json"
batch_leads=$(( last_rps * batch_size ))
rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$server_pid/status)
hwm=$(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$server_pid/status)
# RSS counts a page once per mapping, and on SQLite every pooled connection maps the database file (mmap_size), so
# its cached pages are counted many times over; PSS counts each page once, split into the process's own memory
# (anon: heap, the relationship index) and the database file's pages read through the map (file).
pss() { awk -v k="$1:" '$1 == k {printf "%.0f MiB", $2/1024}' /proc/$server_pid/smaps_rollup; }
memory="PSS $(pss Pss) — its own (anon) $(pss Pss_Anon), mapped files $(pss Pss_File); RSS $rss (peak $hwm)"
eval "$(bench count-leads --email bench-admin@tenant1.example)" # leads= routed= queued=
{
  echo
  echo "Server memory after the run: $memory."
  echo
  echo "Lead routing: $leads_rps leads/s one a request, $batch_leads leads/s $batch_size a request. tenant1 holds $leads leads after the two scenarios (warm-ups included), $routed offered to a partner, $queued queued for want of one."
} >> "$report"
if [ "$check" = 1 ] && [ "${routed:-0}" -eq 0 ]; then echo "Lead routing scenario routed no lead" >&2; failed=1; fi

# Webhook delivery lag: the same server restarted with the webhook worker on, a receiver on loopback (decision 021).
echo "== webhook delivery lag" >&2
stop_server
start_server on
rate=${MUTUAL_BENCH_WEBHOOK_RATE:-100}
burst=$(( check == 1 ? 200 : 2000 ))
lag=$(bench webhook-lag --url "$url" --token "$token" --requests "$work/req/message-post.txt" --rate "$rate" --seconds "$duration" --burst "$burst" | grep '^RESULT' || true)
eval "${lag#RESULT }"
{
  echo
  echo "## Webhook delivery lag (receiver on loopback, signature checked)"
  echo
  echo "Lag = the receiver's clock at arrival minus the event's own timestamp (occurredAt, set just before the commit)."
  echo
  echo "| phase | events | delivered | bad signatures | p50 ms | p95 ms | p99 ms | max ms | deliveries/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| first 3 s of posts after the node starts (warm-up, not in the steady row) | ${cold_events:-0} | ${cold_delivered:-0} | | ${cold_p50:-} | ${cold_p95:-} | | ${cold_max:-} | (the rate) |"
  echo "| steady, $rate message.posted/s for ${duration}s | ${events:-0} | ${delivered:-0} | ${bad:-?} | ${p50:-} | ${p95:-} | ${p99:-} | ${max:-} | (the rate) |"
  echo "| burst of $burst posted at once (16 connections) | ${burst:-0} | ${burst_delivered:-0} | ${burst_bad:-?} | | ${burst_p95:-} | | ${burst_max:-} | ${burst_dps:-} |"
} >> "$report"
if [ "$check" = 1 ] && { [ "${events:-0}" -eq 0 ] || [ "${delivered:-0}" -ne "${events:-0}" ] || [ "${bad:-1}" -ne 0 ] \
    || [ "${post_errors:-1}" -ne 0 ] || [ "${cold_delivered:-0}" -ne "${cold_events:-1}" ] || [ "${burst_delivered:-0}" -ne "${burst:-1}" ] || [ "${burst_bad:-1}" -ne 0 ]; }; then
  echo "Webhook lag scenario failed: $lag" >&2; failed=1
fi

mkdir -p "$results"
name="$results/$(date -u +%Y%m%d-%H%M)-$provider-$size.md"
cp "$report" "$name"
cat "$report"
echo "Report written to $name" >&2
[ "$failed" = 0 ]
