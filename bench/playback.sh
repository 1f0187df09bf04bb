#!/usr/bin/env bash
# Playback at file-server speed (issue 16): LawTrace's player route beside nginx on the same 256 MiB file.
# wrk (8 connections) asks random 64 KiB Ranges (a player seeking), then whole-file GETs, of nginx and of LawTrace
# (the pages' content route with a signed-in session cookie, as the browser's <video> asks it), and prints both and
# the ratios. Targets: ranges >= 0.5x nginx's requests/s, whole file >= 0.8x nginx's MiB/s.
# Usage: bench/playback.sh [jar (target/lawtrace.jar)] [seconds per run (10)] [size-in-MiB (256)]
#   ROUNDS=n measures the four runs n times on the same servers (default 1) and prints each round and the medians.
#   JFR=1 also records a flight recording of LawTrace during the runs and prints where its time went (JFR_KEEP=file
#   keeps the recording).
# Needs Debian's nginx and wrk. Builds target/lawtrace.jar if asked for and missing.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/lawtrace.jar}
SECONDS_PER_RUN=${2:-10}
SIZE_MIB=${3:-256}
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk (apt-get install nginx wrk)" >&2; exit 2; }
WORK=$(mktemp -d /tmp/lawtrace-playback.XXXXXX)
SERVER= NGINX=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null && wait "$NGINX" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jar: $JAR"
mkdir -p "$WORK/www" "$WORK/nginx"
chmod 755 "$WORK" "$WORK/www"   # nginx's workers run as www-data
# An MP4 header (ftyp + moov/mvhd, made an hour ago; the store reads its media type and times from it, 60 minutes long) followed by random "video" payload.
make_mp4() { python3 bench/make-mp4.py "$1" "$2"; } # file size-MiB

make_mp4 "$WORK/www/clip.mp4" "$SIZE_MIB"
chmod 644 "$WORK/www/clip.mp4"
SIZE=$((SIZE_MIB * 1024 * 1024))

# nginx as a plain file server, sendfile on, logs off
NGINX_PORT=$(free_port)
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  sendfile on;   # no tcp_nopush: with it every 64 KiB range waits ~40 ms for a delayed ACK (~200 req/s)
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; types { video/mp4 mp4; } }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX=$!

PORT=$(free_port)
java -Xmx1g -jar "$JAR" --lawtrace.demo=true --server.port="$PORT" --lawtrace.data-dir="$WORK/data" \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 1200); do   # up to 10 minutes: a start on a loaded 2-core machine takes minutes
  curl -fs "$URL/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/server.log" && break
  sleep 0.5
done
curl -fs "$URL/actuator/health" >/dev/null || { echo "LawTrace did not start" >&2; tail -40 "$WORK/server.log" >&2; exit 1; }

# the officer uploads the file (a daily enforcement recording: open to its maker), then signs in on the pages
CODE=$(curl -s -o "$WORK/uploaded.json" -w '%{http_code}' -u zhang.wei:demo \
  -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
  -F "file=@$WORK/www/clip.mp4;type=application/octet-stream" "$URL/api/v1/recordings")
[ "$CODE" = 201 ] || { echo "upload failed: HTTP $CODE $(cat "$WORK/uploaded.json")" >&2; exit 1; }
ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/uploaded.json")
# SM3 is computed from the stored bytes after the commit (ADR 0003): wait for it, so it does not run beside the runs
for _ in $(seq 1 600); do
  curl -fs -u zhang.wei:demo "$URL/api/v1/recordings/$ID" | grep -q '"sm3":"[0-9a-f]' && break
  sleep 0.5
done
JAR_COOKIES="$WORK/cookies"
CSRF=$(curl -fs -c "$JAR_COOKIES" "$URL/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "username=zhang.wei" \
  --data-urlencode "password=demo" --data-urlencode "_csrf=$CSRF" "$URL/login"
SESSION=$(awk '$6 == "JSESSIONID" || $6 == "SESSION" { print $6 "=" $7 }' "$JAR_COOKIES" | tail -n 1)
[ -n "$SESSION" ] || { echo "no session cookie after signing in" >&2; exit 1; }
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $SESSION" -H 'Range: bytes=0-65535' "$URL/recordings/$ID/content")
[ "$CODE" = 206 ] || { echo "LawTrace answered $CODE to a signed-in Range request" >&2; exit 1; }

cat > "$WORK/ranges.lua" <<LUA
-- random 64 KiB Ranges within the file, as a player seeking
local size, chunk = $SIZE, 65536
local seeded = false
request = function()
  if not seeded then math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)); seeded = true end
  local offset = math.random(0, size - chunk)
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Range"] = "bytes=" .. offset .. "-" .. (offset + chunk - 1)
  return wrk.format("GET", nil, headers)
end
LUA

run() { # label url mode(ranges|whole) [cookie] -> "req/s MiB/s non2xx"
  local args=(-t2 -c8 -d"${SECONDS_PER_RUN}s" --latency)
  [ "$3" = ranges ] && args+=(-s "$WORK/ranges.lua")
  [ -n "${4:-}" ] && args+=(-H "Cookie: $4")
  wrk "${args[@]}" "$2" > "$WORK/$1.txt" 2>&1
  python3 - "$WORK/$1.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', t).group(1))
m = re.search(r'Transfer/sec:\s+([\d.]+)(\w+)', t)
mib = float(m.group(1)) * {'B': 1 / 1048576, 'KB': 1 / 1024, 'MB': 1, 'GB': 1024}[m.group(2)]
bad = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', t)
lat = re.search(r'Latency\s+([\d.]+\w+)', t).group(1)
p99 = re.search(r'99%\s+([\d.]+\w+)', t).group(1)
print(f"{rps:.0f} {mib:.0f} {bad.group(1) if bad else 0} {lat} {p99}")
PY
}

# warm both (JIT, page cache; a short warm-up left C2 still compiling the content path), then measure
run warm-nginx "http://127.0.0.1:$NGINX_PORT/clip.mp4" ranges > /dev/null
run warm-lawtrace "$URL/recordings/$ID/content" ranges "$SESSION" > /dev/null
# the flight recording covers the measured runs only, not start-up, the upload or the warm-up
[ "${JFR:-0}" = 1 ] && jcmd "$SERVER" JFR.start name=playback settings=profile > /dev/null
ROUNDS=${ROUNDS:-1}
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }
: > "$WORK/rounds"
for ROUND in $(seq 1 "$ROUNDS"); do
read -r N_RPS _ N_BAD N_LAT N_P99 <<< "$(run nginx-ranges "http://127.0.0.1:$NGINX_PORT/clip.mp4" ranges)"
read -r L_RPS _ L_BAD L_LAT L_P99 <<< "$(run lawtrace-ranges "$URL/recordings/$ID/content" ranges "$SESSION")"
read -r _ N_MIB N_WBAD _ _ <<< "$(run nginx-whole "http://127.0.0.1:$NGINX_PORT/clip.mp4" whole)"
read -r _ L_MIB L_WBAD _ _ <<< "$(run lawtrace-whole "$URL/recordings/$ID/content" whole "$SESSION")"
echo "round ${ROUND}/${ROUNDS} (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "64 KiB random ranges, 8 connections, ${SECONDS_PER_RUN} s:"
echo "  nginx    ${N_RPS} req/s (mean ${N_LAT}, p99 ${N_P99}, non-2xx ${N_BAD})"
echo "  LawTrace ${L_RPS} req/s (mean ${L_LAT}, p99 ${L_P99}, non-2xx ${L_BAD})"
echo "  ratio    $(ratio "$L_RPS" "$N_RPS") (target >= 0.5)"
echo "whole file ${SIZE_MIB} MiB, 8 connections, ${SECONDS_PER_RUN} s:"
echo "  nginx    ${N_MIB} MiB/s (non-2xx ${N_WBAD})"
echo "  LawTrace ${L_MIB} MiB/s (non-2xx ${L_WBAD})"
echo "  ratio    $(ratio "$L_MIB" "$N_MIB") (target >= 0.8)"
echo "$N_RPS $L_RPS $N_MIB $L_MIB" >> "$WORK/rounds"
[ "$L_BAD" = 0 ] && [ "$L_WBAD" = 0 ] || BAD=1
done
if [ "$ROUNDS" -gt 1 ]; then
  python3 - "$WORK/rounds" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
print(f"medians of {len(rows)} rounds: ranges nginx {med(0):.0f} LawTrace {med(1):.0f} req/s, "
      f"median ratio {statistics.median(r[1] / r[0] for r in rows):.3f}; whole file nginx {med(2):.0f} "
      f"LawTrace {med(3):.0f} MiB/s, median ratio {statistics.median(r[3] / r[2] for r in rows):.3f}")
PY
fi
# the custodian reads the recording's chain of custody: how many VIEW entries the runs left (one per viewing and window)
ENTRIES=$(curl -fs -u zhao.min:demo "$URL/api/v1/audit/entries?subjectType=RECORDING&subjectId=$ID&size=500" 2>/dev/null \
  | python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin)["items"] if e["action"] == "VIEW"))' \
  2>/dev/null || echo "?")
echo "VIEW entries in the audit log about the recording after the runs: ${ENTRIES}"
if [ "${JFR:-0}" = 1 ]; then
  jcmd "$SERVER" JFR.dump name=playback filename="$WORK/playback.jfr" > /dev/null
  [ -n "${JFR_KEEP:-}" ] && cp "$WORK/playback.jfr" "$JFR_KEEP"
  echo "hottest frames (JFR execution samples, top of stack):"
  jfr print --events jdk.ExecutionSample "$WORK/playback.jfr" | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|--' \
    | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25
  echo "LawTrace frames anywhere on the sampled stacks:"
  jfr print --events jdk.ExecutionSample "$WORK/playback.jfr" | grep -o 'org\.lawtrace\.[A-Za-z.$]*' | sort | uniq -c \
    | sort -rn | head -25
fi
[ -z "${BAD:-}" ] || { echo "LawTrace answered non-2xx responses" >&2; exit 1; }
