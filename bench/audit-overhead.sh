#!/usr/bin/env bash
# ART-22 audit overhead benchmark (issue 6, "Speed"): the median latency of a metadata read,
# GET /api/v1/recordings/{id} (logged as VIEW_METADATA), on two servers started side by side from the same jar,
# one with the audit log on (the default) and one with --lawtrace.audit.enabled=false, requests alternating in
# random order so both see the same machine. Target: logging adds no more than 10% to the median.
# Usage: bench/audit-overhead.sh [rounds (3000)] [warm-up rounds (1000)]
# Builds target/lawtrace.jar if it is missing. Uses a bearer token (as scripts and stations do): HTTP Basic would
# add an Argon2 password check to every request and hide the logging's cost in it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3000}
WARMUP=${2:-1000}
WORK=$(mktemp -d /tmp/lawtrace-audit-bench.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start() { # name extra-args...
  local name=$1; shift
  local port; port=$(free_port)
  mkdir -p "$WORK/$name"
  java -Xmx512m -jar target/lawtrace.jar --lawtrace.demo=true --server.port="$port" \
    --lawtrace.data-dir="$WORK/$name" "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/$name.log"; then
      echo "$port"; return 0
    fi
    sleep 0.5
  done
  echo "server $name did not start; see its log:" >&2; cat "$WORK/$name.log" >&2; return 1
}

# a small MP4 (ftyp + moov/mvhd, made an hour ago) so the upload is accepted as video
python3 - "$WORK/clip.mp4" <<'PY'
import os, struct, sys, time
created = int(time.time()) - 3600 + 2082844800
mvhd = struct.pack('>IIIII', 0, created, created, 1000, 60 * 1000) + struct.pack('>IH', 0x10000, 0x100) \
    + bytes(10) + struct.pack('>9I', 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000) + bytes(24) + struct.pack('>I', 2)
box = lambda t, b: struct.pack('>I', 8 + len(b)) + t + b
head = box(b'ftyp', b'isom' + struct.pack('>I', 512) + b'isomiso2avc1mp41') + box(b'moov', box(b'mvhd', mvhd))
open(sys.argv[1], 'wb').write(head + box(b'mdat', os.urandom(256 * 1024)))
PY

prepare() { # port -> "token id"
  local base="http://127.0.0.1:$1"
  local id token
  id=$(curl -sf -u zhang.wei:demo -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
    -F "file=@$WORK/clip.mp4;type=application/octet-stream" "$base/api/v1/recordings" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  token=$(curl -sf -u zhang.wei:demo -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "$base/api/v1/staff/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  echo "$token $id"
}

PORT_ON=$(start on)
PORT_OFF=$(start off --lawtrace.audit.enabled=false)
grep -q "AUDIT LOGGING IS OFF" "$WORK/off.log" && echo "server with logging off warned at start: yes"
read -r TOKEN_ON ID_ON < <(prepare "$PORT_ON")
read -r TOKEN_OFF ID_OFF < <(prepare "$PORT_OFF")

java bench/AuditOverhead.java "http://127.0.0.1:$PORT_ON" "$TOKEN_ON" "$ID_ON" \
  "http://127.0.0.1:$PORT_OFF" "$TOKEN_OFF" "$ID_OFF" "$ROUNDS" "$WARMUP"

# what each log holds afterwards: every read on the first, none but the AUDIT_DISABLED entry on the second
for side in "on $PORT_ON $ID_ON" "off $PORT_OFF $ID_OFF"; do
  set -- $side
  views=$(curl -sf -u zhou.tao:demo "http://127.0.0.1:$2/api/v1/audit/entries?subjectType=RECORDING&subjectId=$3&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  disabled=$(curl -sf -u zhou.tao:demo "http://127.0.0.1:$2/api/v1/audit/entries?subjectType=SYSTEM&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  echo "audit $1: entries about the recording: $views; AUDIT_DISABLED entries: $disabled"
done
