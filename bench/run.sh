#!/usr/bin/env bash
# Full stack vs bare endpoint, measured in the same run (issue 2 "Measure").
#   bench/run.sh [PERSONS=100000] [DURATION=10s]
# Builds the binaries, generates a demo database with $PERSONS persons (cached in build/bench/),
# starts `anbang serve` and the bare RESTinio+SQLite server (bench/bare_server.cpp), and runs wrk
# with 2 threads at 16 and 128 connections against:
#   read   one person's file: full stack GET /api/v1/persons/<random id> (session, scope, audit write)
#          vs bare GET /person/<random id>
#   search a filtered 20-row page: full stack GET /api/v1/persons?unit_id=<village>&status=under_assistance
#          &sort=release_date&order=desc&page=<1..3> (session, scope, count) vs bare GET /list?unit=..&page=..
# Prints requests/s and p99 latency for each. The target: full stack >= 50% of bare throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-100000}
DURATION=${DURATION:-10s}
BUILD=${BUILD:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target anbang anbang_bare >/dev/null
command -v wrk >/dev/null || { echo "wrk is missing: make deps"; exit 1; }

mkdir -p "$BUILD/bench"
SEED_DB="$BUILD/bench/seed-$PERSONS.db"
if [ ! -f "$SEED_DB" ]; then
  echo "generating $PERSONS persons into $SEED_DB ..."
  t0=$(date +%s.%N)
  "$BUILD/anbang" --quiet --db "$SEED_DB.tmp" seed --demo --persons "$PERSONS" >/dev/null
  mv "$SEED_DB.tmp" "$SEED_DB"
  echo "seeded in $(echo "$(date +%s.%N) - $t0" | bc) s"
fi
DB="$BUILD/bench/run.db"
rm -f "$DB" "$DB-wal" "$DB-shm" "${DB%.db}-audit.db"*
sqlite3 "$SEED_DB" ".backup '$DB'"

FULL_PORT=18181
BARE_PORT=18182
"$BUILD/anbang" --db "$DB" serve --port $FULL_PORT --web web/dist >/dev/null 2>&1 &
FULL_PID=$!
"$BUILD/anbang_bare" "$DB" $BARE_PORT >/dev/null 2>&1 &
BARE_PID=$!
trap 'kill $FULL_PID $BARE_PID 2>/dev/null || true' EXIT
for i in $(seq 1 100); do curl -sf "http://127.0.0.1:$FULL_PORT/healthz" >/dev/null && break; sleep 0.1; done

login() {  # prints the cookie header value for user $1
  curl -s -D - -o /dev/null -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"anbang@2026\"}" "http://127.0.0.1:$FULL_PORT/api/v1/auth/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(anbang_sid=[0-9a-f]*\).*/\1/p'
}
DISTRICT_COOKIE=$(login qu_abb)
TOWN_COOKIE=$(login sfs_101)
VILLAGE=$(sqlite3 "$DB" "SELECT id FROM units WHERE code='500153101001'")
MAXID=$(sqlite3 "$DB" "SELECT MAX(id) FROM persons")

LUA=$(mktemp -d)
cat > "$LUA/read.lua" <<LUAEOF
math.randomseed(42)
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
request = function() return wrk.format("GET", os.getenv("PREFIX") .. math.random(1, $MAXID)) end
LUAEOF
cat > "$LUA/list.lua" <<LUAEOF
math.randomseed(42)
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
request = function() return wrk.format("GET", string.format(os.getenv("PATTERN"), math.random(1, 3))) end
LUAEOF

# One page view of a person file as the web app opens it: the file and its five sections (timeline,
# classification, tasks, periods, family changes), six GETs of one person; with VIEW=1 they carry one
# X-View-Id per page view (one access record per view, ARCHITECTURE.md), without it each is recorded.
cat > "$LUA/page.lua" <<LUAEOF
-- Each wrk thread has its own Lua state: number the threads so that their views differ.
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
function init(args) math.randomseed(42 + tid) end
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
local parts = {"", "/timeline", "/classification", "/tasks", "/periods", "/family-changes"}
local n, person, view = 0, 1, ""
request = function()
  if n % 6 == 0 then
    person = math.random(1, $MAXID)
    view = string.format("bench-%d-%d", tid, n)
  end
  local path = "/api/v1/persons/" .. person .. parts[n % 6 + 1]
  n = n + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  if os.getenv("VIEW") == "1" then headers["X-View-Id"] = view end
  return wrk.format("GET", path, headers)
end
LUAEOF

run() {  # name conns url script env...
  local name=$1 conns=$2 url=$3 script=$4; shift 4
  local out
  out=$(env "$@" wrk -t2 -c"$conns" -d"$DURATION" --latency -s "$script" "$url" 2>&1)
  local rps p50 p99 errors sockets
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  sockets=$(echo "$out" | awk '/Socket errors/ {print $3 $4 $5 $6 $7 $8 $9 $10}')
  printf "%-8s %-6s %5s conns  %10s req/s  p50 %8s  p99 %8s  %s %s\n" "$name" "${FULL:-}" "$conns" "$rps" "$p50" "$p99" \
    "${errors:+non-2xx: $errors}" "${sockets:+socket errors: $sockets}"
  echo "$rps" > "$LUA/$name-$conns"
}

echo "persons: $PERSONS   duration per run: $DURATION   cores: $(nproc)"
for conns in 16 128; do
  run bare-read "$conns" "http://127.0.0.1:$BARE_PORT" "$LUA/read.lua" PREFIX=/person/
  run full-read "$conns" "http://127.0.0.1:$FULL_PORT" "$LUA/read.lua" PREFIX=/api/v1/persons/ COOKIE="$DISTRICT_COOKIE"
  run bare-list "$conns" "http://127.0.0.1:$BARE_PORT" "$LUA/list.lua" PATTERN="/list?unit=$VILLAGE&page=%d"
  run full-list "$conns" "http://127.0.0.1:$FULL_PORT" "$LUA/list.lua" \
    PATTERN="/api/v1/persons?unit_id=$VILLAGE&status=under_assistance&sort=release_date&order=desc&page_size=20&page=%d" \
    COOKIE="$TOWN_COOKIE"
done
access_rows() { sqlite3 "${DB%.db}-audit.db" "SELECT COUNT(*) FROM access_log WHERE action = 'person_read'"; }
for view in 0 1; do
  rows0=$(access_rows)
  run "page-view$view" 16 "http://127.0.0.1:$FULL_PORT" "$LUA/page.lua" COOKIE="$DISTRICT_COOKIE" VIEW=$view
  echo "  person_read records written: $(( $(access_rows) - rows0 ))"
done
echo
echo "full stack / bare throughput:"
for kind in read list; do
  for conns in 16 128; do
    b=$(cat "$LUA/bare-$kind-$conns"); f=$(cat "$LUA/full-$kind-$conns")
    printf "  %-5s %4s conns: %5.1f %%\n" "$kind" "$conns" "$(echo "100 * $f / $b" | bc -l)"
  done
done
echo "peak RSS of the full server: $(awk '/VmHWM/ {print $2, $3}' /proc/$FULL_PID/status)"
echo "access-log rows written during the run: $(sqlite3 "${DB%.db}-audit.db" "SELECT action, COUNT(*) FROM access_log GROUP BY action" | tr '\n' ' ')"
rm -rf "$LUA"
