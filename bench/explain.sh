#!/usr/bin/env bash
# Query plans of every list, search and timeline endpoint (docs/performance.md, "Query plans"): serves an already
# loaded database with the QueryPlanLog diagnostic on (each SELECT is EXPLAINed with its own parameters before it
# runs), requests each endpoint once as bench-admin@tenant1.example, and writes a markdown report with each
# endpoint's statements and plans. Full scans of a table are flagged (SQLite "SCAN t" without an index, PostgreSQL
# "Seq Scan"); a flag on a table that is small by nature (a tenant's rules, say) can be fine, one on Parties,
# Relationships, Conversations or Messages is a bug.
#
#   bench/explain.sh --provider sqlite|postgres --existing CONNECTION [--size LABEL] [--results DIR] [--no-build]
#                    [--check]
#
# --check fails when an endpoint answers an error or a big table is scanned in full (scripts/test.sh runs it on the
# benchmark smoke database).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

provider=sqlite existing="" size="" results=bench/results build=1 check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider=$2; shift 2 ;;
    --existing) existing=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --check) check=1; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$existing" ] || { echo "--existing CONNECTION is required (a database loaded by mutual demo --size N)" >&2; exit 2; }
big_tables='Parties|Relationships|Conversations|ConversationParticipants|Messages|Outbox'

work=$(mktemp -d /tmp/mutual-explain.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ "$build" = 1 ]; then
  for p in src/Mutual.Web bench/Mutual.Bench; do dotnet build "$p" -c Release -warnaserror 2>&1 | grep -E " error |rror\(s\)" || true; done
fi

export Mutual__Database__Provider=$provider ConnectionStrings__Mutual=$existing
port=${MUTUAL_BENCH_PORT:-5097}
url="http://127.0.0.1:$port"
plans="$work/plans.jsonl"
touch "$plans"
Mutual__Database__QueryPlanLog=$plans Mutual__Database__MigrateOnStart=false Mutual__Discipline__Enabled=false \
  Mutual__Webhooks__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet src/Mutual.Web/bin/Release/net10.0/Mutual.Web.dll --urls "$url" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do curl -sf "$url/health/live" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$url/health/live" >/dev/null || { cat "$work/server.log" >&2; exit 1; }
token=$(curl -sf -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench-admin@tenant1.example","password":"mutual-demo"}' | jq -r .accessToken)
get() { curl -s -H "Authorization: Bearer $token" "$url$1"; }
dotnet bench/Mutual.Bench/bin/Release/net10.0/mutual-bench.dll --provider "$provider" --connection "$existing" \
  sample --email bench-admin@tenant1.example --count 20 --out "$work/req" >&2
me=$(get /api/v1/me | jq -r .actingPartyId)
party=$(sed -n 1p "$work/req/party-get.txt" | sed 's|.*/||')
target=$(sed -n 2p "$work/req/party-get.txt" | sed 's|.*/||')
surname=$(sed -n 1p "$work/req/party-search.txt" | sed 's|.*q=||')
conversation=$(sed -n 1p "$work/req/thread-read.txt" | sed -E 's|.*/conversations/([^/]*)/.*|\1|')
cursor=$(get "/api/v1/parties?limit=50" | jq -r '.nextCursor // empty')
tag=$(get "/api/v1/parties/$party" | jq -r '.tags[0] // "vip"')

# Every list, search and timeline endpoint, with the heaviest realistic arguments: the tenant organization itself is
# the network's biggest hub.
endpoints=(
  "/api/v1/parties?limit=50"
  "/api/v1/parties?limit=50&cursor=$cursor"
  "/api/v1/parties?limit=20&q=$surname"
  "/api/v1/parties?limit=50&role=customer"
  "/api/v1/parties?limit=50&tag=$tag"
  "/api/v1/parties?limit=50&kind=organization"
  "/api/v1/parties/$party"
  "/api/v1/parties/$party/relationships?limit=50"
  "/api/v1/parties/$me/relationships?limit=50"
  "/api/v1/parties/$party/timeline?limit=20"
  "/api/v1/parties/$me/timeline?limit=20"
  "/api/v1/parties/$me/paths?to=$target&maxHops=4"
  "/api/v1/directory?limit=50"
  "/api/v1/directory?limit=20&q=$surname"
  "/api/v1/conversations?limit=50"
  "/api/v1/conversations/$conversation/messages?limit=50"
  "/api/v1/parties/$party/facts?limit=50"
  "/api/v1/discovery/stale?limit=50"
  "/api/v1/discovery/shared-with-me?limit=50"
  "/api/v1/engagement/attention?limit=50"
  "/api/v1/engagement/health"
  "/api/v1/parties/$party/health"
  "/api/v1/parties/$party/engagement"
  "/api/v1/leads?limit=50"
  "/api/v1/leads/pipeline"
  "/api/v1/partners?limit=50"
  "/api/v1/cases?limit=50"
  "/api/v1/cases/sla"
  "/api/v1/tasks?limit=50"
  "/api/v1/carts?limit=50"
  "/api/v1/orders?limit=50"
  "/api/v1/intents?limit=50"
  "/api/v1/consents?limit=50"
  "/api/v1/catalogue/products?limit=50"
  "/api/v1/catalogue/products?limit=50&q=$surname"
  "/api/v1/webhooks?limit=50"
  "/api/v1/api-keys?limit=50"
  "/api/v1/me/access-log?limit=50"
)

# The warm-path index loads in the background at start (a minute at 1M parties); its search answers 503 until then.
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url/api/v1/parties/$me/paths?to=$target")" != 503 ] && break
  sleep 1
done

report="$work/report.md"
body="$work/body.md"
: > "$body"
failed=0 flagged_total=0
printf '| endpoint | status | ms | statements | full scans |\n|---|---:|---:|---:|---|\n' > "$work/summary.md"
for path in "${endpoints[@]}"; do
  sleep 0.2 # lets the background index sync settle so its statements are not counted against the endpoint
  offset=$(wc -l < "$plans")
  result=$(curl -s -o /dev/null -w "%{http_code} %{time_total}" -H "Authorization: Bearer $token" "$url$path")
  status=${result% *} ms=$(awk "BEGIN { printf \"%.0f\", ${result#* } * 1000 }")
  # The network index's once-a-second catch-up (the outbox and relationship ids past its cursor) is not the endpoint's.
  tail -n +"$((offset + 1))" "$plans" \
    | jq -c 'select(.sql | test("^SELECT \"?[or]\"?\\.\"Id\"\\s+FROM \"(Outbox|Relationships)\" AS") | not)' > "$work/new.jsonl"
  statements=$(wc -l < "$work/new.jsonl")
  # A scan of a whole table: PostgreSQL "Seq Scan on t", SQLite "SCAN a" without an index (a is the statement's alias
  # of the table; scans of subqueries and json_each have no alias in the statement and keep their own name).
  scans=$(jq -r '(.sql | [match("\"([A-Za-z]+)\" AS \"([A-Za-z0-9_]+)\""; "g") | {key: .captures[1].string, value: .captures[0].string}]
      | from_entries) as $alias
    | .plan[] | (capture("Seq Scan on \"?(?<t>[A-Za-z]+)") // capture("^SCAN (?<t>[A-Za-z0-9_]+)$") // empty) | ($alias[.t] // .t)' \
    "$work/new.jsonl" | sort | uniq -c | awk '{print $2 ($1 > 1 ? " ×" $1 : "")}' | paste -sd, - || true)
  big=$(tr ',' '\n' <<< "$scans" | sed 's/ ×.*//' | grep -xE "$big_tables" | paste -sd, - || true)
  echo "| \`${path//|/\\|}\` | $status | $ms | $statements | ${scans:-—}${big:+ **(big: $big)**} |" >> "$work/summary.md"
  {
    echo
    echo "### GET \`$path\` → $status in $ms ms"
    jq -r '"\n```sql\n" + (.sql | .[0:1200]) + "\n```\n```\n" + (.plan | join("\n")) + "\n```"' "$work/new.jsonl"
  } >> "$body"
  if [ "$status" -ge 400 ]; then echo "$path answered $status" >&2; failed=1; fi
  if [ -n "$big" ]; then flagged_total=$((flagged_total + 1)); [ "$check" = 1 ] && { echo "$path scans $big in full" >&2; failed=1; }; fi
done

{
  echo "# Query plans — $provider${size:+, size $size}"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), \`bench/explain.sh --provider $provider --size ${size:-?}\` on an existing database;"
  echo "signed in as bench-admin@tenant1.example (tenant1 is the network's biggest hub). Times are one request each,"
  echo "with every query EXPLAINed first, so they are not benchmark figures; the network index's background catch-up statements
  are left out. Endpoints scanning a big table in full: $flagged_total."
  echo
  cat "$work/summary.md"
  echo
  echo "## Statements and plans"
  cat "$body"
} > "$report"
mkdir -p "$results"
name="$results/$(date -u +%Y%m%d-%H%M)-explain-$provider${size:+-$size}.md"
cp "$report" "$name"
cat "$work/summary.md"
echo "Report written to $name" >&2
[ "$failed" = 0 ]
