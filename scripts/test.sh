#!/usr/bin/env bash
# The one test command: installs what the tests need (Chromium, PostgreSQL) when missing, starts a
# throwaway PostgreSQL, runs every suite on SQLite, then the data and API suites again on PostgreSQL, then a small
# benchmark run (wrk, installed the same way) so bench/ keeps working.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
for tool in wrk jq curl; do command -v $tool >/dev/null 2>&1 || need+=($tool); done # the benchmark smoke
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "Missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root." >&2; exit 1; fi
  echo "Installing ${need[*]}…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$(mktemp -d)
PGPORT=${MUTUAL_TEST_PGPORT:-55432}
cleanup() {
  if [ -f "$PGDATA/postmaster.pid" ]; then su postgres -c "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null 2>&1 || true; fi
  rm -rf "$PGDATA"
}
trap cleanup EXIT
chown postgres "$PGDATA"
su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres -A trust --no-sync -E UTF8" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/log -o '-h 127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c max_connections=300' -w start" >/dev/null

dotnet build Mutual.slnx -c Release -warnaserror 2>&1 | tail -3

log=$(mktemp)
status=0
echo "== SQLite: all suites"
dotnet test --project tests/Mutual.Core.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1
dotnet test --project tests/Mutual.Web.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1
dotnet test --project tests/Mutual.Browser.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1
echo "== PostgreSQL: data and API suites"
MUTUAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres" \
  dotnet test --project tests/Mutual.Core.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1
MUTUAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres" \
  dotnet test --project tests/Mutual.Web.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1

echo "== Benchmark smoke: bench/run.sh at 2,000 parties (keeps the harness working; its figures mean nothing)"
benchlog=$(mktemp)
if bench/run.sh --size 2000 --provider sqlite --duration 1 --connections 4 --no-build --check --results "$(mktemp -d)" >"$benchlog" 2>&1; then
  grep -A14 '^| scenario' "$benchlog" || true
  grep -A4 '^| phase' "$benchlog" || true # webhook delivery lag: warm-up, steady, burst
else
  cat "$benchlog"; echo "Benchmark smoke failed"; status=1
fi
rm -f "$benchlog"

# The suites print a lot of server logging; repeat each failure (name, message, first frames) at the very end, where a
# truncated CI log still shows it.
if grep -qE '^failed ' "$log"; then
  echo; echo "== Failed tests"
  awk '/^failed /{n=12} n>0{print; n--}' "$log"
fi

passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
