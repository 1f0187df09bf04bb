#!/usr/bin/env bash
# Load test (issue 16): a realistic mix against one LawTrace instance, then against two behind haproxy, on the
# machine's PostgreSQL (127.0.0.1:5432, user postgres, trust; database `lawtrace_load`, dropped at the end) and one
# shared data directory, as bench/cluster.sh runs them. Three kinds of client at once, each its own wrk:
#   upload    officers' collectors: multipart POST /api/v1/recordings (metadata + an MP4 of UPLOAD_MIB, every one
#             new: a counter is written into its payload), with an API token (Bearer), as a collector station does
#   dashboard leaders on their pages with a signed-in session: GET /, /compliance, /cases in turn
#   playback  a player seeking: random 64 KiB Ranges of a PLAYBACK_MIB recording on the pages' player route, with a
#             signed-in session (ADR 0028)
# For each kind and each set-up it prints requests/s, p50/p95/p99 latency, MiB/s (sent; for uploads, received) and
# non-2xx answers. The synthetic MP4s have no video stream: the poster and playable copy each upload asks of ffmpeg
# fail at once (logged), so real recordings cost the instances more CPU after their 201 than these do.
# Usage: bench/load.sh [jar (target/lawtrace.jar)] [seconds per run (30)]
#   UPLOAD_CONNECTIONS (2), DASHBOARD_CONNECTIONS (4), PLAYBACK_CONNECTIONS (4), UPLOAD_MIB (4), PLAYBACK_MIB (64)
#   SETUPS="one two" (default both)
# Needs Debian's wrk and haproxy, and PostgreSQL up. Everything it starts is stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/lawtrace.jar}
DURATION=${2:-30}
UPLOAD_CONNECTIONS=${UPLOAD_CONNECTIONS:-2}
DASHBOARD_CONNECTIONS=${DASHBOARD_CONNECTIONS:-4}
PLAYBACK_CONNECTIONS=${PLAYBACK_CONNECTIONS:-4}
UPLOAD_MIB=${UPLOAD_MIB:-4}
PLAYBACK_MIB=${PLAYBACK_MIB:-64}
SETUPS=${SETUPS:-one two}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
DB=lawtrace_load
WORK=$(mktemp -d /tmp/lawtrace-load.XXXXXX)
PID_A= PID_B= PID_H=

stop() {
  for pid in $PID_H $PID_B $PID_A; do kill "$pid" 2>/dev/null || true; done
  for pid in $PID_H $PID_B $PID_A; do wait "$pid" 2>/dev/null || true; done
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1
  if [ "${KEEP:-0}" = 1 ]; then echo "logs kept in $WORK"; else chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"; fi
}
trap stop EXIT

command -v wrk >/dev/null && command -v haproxy >/dev/null || { echo "needs wrk and haproxy (apt-get install wrk haproxy)" >&2; exit 2; }
pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || { echo "PostgreSQL is not up at $PG_HOST:$PG_PORT" >&2; exit 2; }
[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package || exit 2
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "create database $DB" >/dev/null || exit 2
COMMON=(--lawtrace.demo=true --lawtrace.data-dir="$WORK/data"
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username="$PG_USER"
  --spring.datasource.password=)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(load)"
echo "PostgreSQL $(psql -qtA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'show server_version'); $(haproxy -v | head -n 1)"

healthy() { # url log: up to 10 minutes on a busy machine, the demo seeded
  for _ in $(seq 1 1200); do
    curl -fs "$1/actuator/health/readiness" >/dev/null 2>&1 && grep -q "Demo bureau" "$2" && return 0
    sleep 0.5
  done
  echo "no readiness from $1; its log:" >&2; tail -n 30 "$2" >&2; return 1
}
start_instance() { # name port -> pid in LAST_PID
  java -Xmx1g -jar "$JAR" "${COMMON[@]}" --server.port="$2" --lawtrace.instance="$1" > "$WORK/$1.log" 2>&1 &
  LAST_PID=$!
}

PORT_A=$(free_port); PORT_B=$(free_port); PORT_H=$(free_port)
A="http://127.0.0.1:$PORT_A"
start_instance a "$PORT_A"; PID_A=$LAST_PID
healthy "$A" "$WORK/a.log" || exit 1

# what the clients need: a collector token for zhang.wei, a recording to play, leaders' and a viewer's sessions
TOKEN=$(curl -s -u zhang.wei:demo -H 'Content-Type: application/json' -d '{"name":"load test"}' \
  "$A/api/v1/staff/me/tokens" | json token)
[ -n "$TOKEN" ] || { echo "no API token" >&2; exit 1; }
python3 bench/make-mp4.py "$WORK/play.mp4" "$PLAYBACK_MIB" 10
CODE=$(curl -s -o "$WORK/uploaded.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
  -F "file=@$WORK/play.mp4;type=application/octet-stream" "$A/api/v1/recordings")
[ "$CODE" = 201 ] || { echo "upload failed: HTTP $CODE $(cat "$WORK/uploaded.json")" >&2; exit 1; }
PLAY_ID=$(json id < "$WORK/uploaded.json")
sign_in() { # user -> "JSESSIONID=..." through A (sessions are in the database: valid on B too)
  local jar="$WORK/cookies-$1" csrf
  csrf=$(curl -fs -c "$jar" "$A/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$A/login"
  awk '$6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -n 1
}
LEADER=$(sign_in liu.yang)
VIEWER=$(sign_in zhang.wei)
for path in / /compliance /cases; do
  CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $LEADER" -H 'Accept: text/html' "$A$path")
  [ "$CODE" = 200 ] || { echo "the leader's $path answered $CODE" >&2; exit 1; }
done
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $VIEWER" -H 'Range: bytes=0-65535' "$A/recordings/$PLAY_ID/content")
[ "$CODE" = 206 ] || { echo "the player's range answered $CODE" >&2; exit 1; }

# the upload body: a multipart form whose MP4 payload carries a 32-character mark the script makes unique
BOUNDARY=lawtrace-load-boundary-7d3f
python3 - "$WORK" "$UPLOAD_MIB" "$BOUNDARY" <<'PY'
import os, struct, subprocess, sys
work, mib, boundary = sys.argv[1], sys.argv[2], sys.argv[3]
subprocess.run(['python3', 'bench/make-mp4.py', f'{work}/up.mp4', mib, '10'], check=True)
mp4 = open(f'{work}/up.mp4', 'rb').read()
mark = mp4.index(b'mdat') + 4  # the payload's first bytes become the mark
head = (f'--{boundary}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n'
        '{"recordedBy":"zhang.wei"}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="load.mp4"\r\n'
        'Content-Type: application/octet-stream\r\n\r\n').encode()
tail = f'\r\n--{boundary}--\r\n'.encode()
open(f'{work}/upload.prefix', 'wb').write(head + mp4[:mark])
open(f'{work}/upload.suffix', 'wb').write(mp4[mark + 32:] + tail)
PY

# each script prints its latency percentiles (wrk's own summary has no p95) in its done() hook
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.1f %.1f %.1f %.2f %d\n", summary.requests, s,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.bytes / 1048576, bad))
end
LUA
cat > "$WORK/upload.lua" <<LUA
local prefix = io.open("$WORK/upload.prefix", "rb"):read("*a")
local suffix = io.open("$WORK/upload.suffix", "rb"):read("*a")
local counter, seed = 0, nil
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=$BOUNDARY"
request = function()
  if not seed then seed = tostring(os.time()) .. tostring({}):sub(8); math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)) end
  counter = counter + 1
  local mark = string.format("%-32s", string.sub(seed .. "-" .. counter .. "-" .. math.random(1, 1e9), 1, 32))
  return wrk.format(nil, nil, nil, prefix .. mark .. suffix)
end
$(cat "$WORK/report.lua")
LUA
cat > "$WORK/dashboard.lua" <<LUA
local paths, i = { "/", "/compliance", "/cases" }, 0
wrk.headers["Cookie"] = "$LEADER"
wrk.headers["Accept"] = "text/html"
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
$(cat "$WORK/report.lua")
LUA
SIZE=$(stat -c %s "$WORK/play.mp4")
cat > "$WORK/playback.lua" <<LUA
local size, chunk, seeded = $SIZE, 65536, false
wrk.headers["Cookie"] = "$VIEWER"
request = function()
  if not seeded then math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)); seeded = true end
  local offset = math.random(0, size - chunk)
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Range"] = "bytes=" .. offset .. "-" .. (offset + chunk - 1)
  return wrk.format("GET", "/recordings/$PLAY_ID/content", headers)
end
$(cat "$WORK/report.lua")
LUA

run_mix() { # label base-url
  local label=$1 url=$2
  echo "$label: ${DURATION} s; upload ${UPLOAD_CONNECTIONS} connections (${UPLOAD_MIB} MiB each), dashboard ${DASHBOARD_CONNECTIONS}, playback ${PLAYBACK_CONNECTIONS} (64 KiB ranges); load before $(load)"
  wrk -t1 -c"$UPLOAD_CONNECTIONS" -d"${DURATION}s" --timeout 60s -s "$WORK/upload.lua" "$url/api/v1/recordings" > "$WORK/$label-upload.txt" 2>&1 &
  local w1=$!
  wrk -t1 -c"$DASHBOARD_CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$WORK/dashboard.lua" "$url" > "$WORK/$label-dashboard.txt" 2>&1 &
  local w2=$!
  wrk -t1 -c"$PLAYBACK_CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$WORK/playback.lua" "$url" > "$WORK/$label-playback.txt" 2>&1 &
  local w3=$!
  wait $w1 $w2 $w3
  echo "  load after $(load)"
  printf '  %-10s %9s %9s %9s %9s %9s %7s\n' kind "req/s" "p50 ms" "p95 ms" "p99 ms" "MiB/s" non-2xx
  for kind in upload dashboard playback; do
    local line
    line=$(grep '^RESULT' "$WORK/$label-$kind.txt")
    [ -n "$line" ] || { echo "  $kind: no result"; cat "$WORK/$label-$kind.txt"; continue; }
    read -r _ n s p50 p95 p99 mib bad <<< "$line"
    # MiB/s: what the server sent, or for uploads what it received (the recordings' bytes)
    [ "$kind" = upload ] && mib=$(python3 -c "print($n * $UPLOAD_MIB)")
    printf '  %-10s %9s %9s %9s %9s %9s %7s\n' "$kind" "$(python3 -c "print(f'{$n / $s:.1f}')")" "$p50" "$p95" "$p99" \
      "$(python3 -c "print(f'{$mib / $s:.2f}')")" "$bad"
    echo "$label $kind $(python3 -c "print(f'{$n / $s:.1f}')") $p95" >> "$WORK/summary"
  done
}

for setup in $SETUPS; do
  case $setup in
    one) run_mix "one instance" "$A" ;;
    two)
      if [ -z "$PID_B" ]; then
        start_instance b "$PORT_B"; PID_B=$LAST_PID
        healthy "http://127.0.0.1:$PORT_B" "$WORK/b.log" || exit 1
        sed -e "s/127.0.0.1:8080/127.0.0.1:$PORT_H/" -e "s/127.0.0.1:8081/127.0.0.1:$PORT_A/" \
          -e "s/127.0.0.1:8082/127.0.0.1:$PORT_B/" deploy/haproxy.cfg > "$WORK/haproxy.cfg"
        haproxy -db -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
        PID_H=$!
        for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT_H/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.2; done
      fi
      run_mix "two instances (haproxy)" "http://127.0.0.1:$PORT_H" ;;
  esac
done
echo "recordings stored: $(psql -qtA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -c 'select count(*) from recordings_recording' 2>/dev/null)"
