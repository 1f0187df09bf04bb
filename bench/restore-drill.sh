#!/usr/bin/env bash
# ART-15.3 restore drill (issue 12): a server with a filesystem off-site replica takes a 1 GiB body-cam-like MP4 and
# exports its records into the replica; then the primary is thrown away (data directory and database) and
# `java -jar lawtrace.jar restore` rebuilds it into an empty data directory: every blob copied back, read back and
# checked (SHA-256, SM3, size), the newest export checked and loaded. Prints restore's report, its time and peak memory,
# and checks the restored file byte for byte and that verify-log passes on the restored database.
# Usage: bench/restore-drill.sh [size-in-MiB (1024)]
# Builds target/lawtrace.jar if it is missing. Embedded H2 (the default a newcomer runs).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-1024}
WORK=$(mktemp -d /tmp/lawtrace-restore-drill.XXXXXX)
SERVER=
trap 'kill $SERVER 2>/dev/null || true; wait 2>/dev/null; chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package

python3 - "$WORK/one.mp4" "$SIZE_MIB" <<'PY'
import os, struct, sys, time
path, mib = sys.argv[1], int(sys.argv[2])
created = int(time.time()) - 3600 + 2082844800
mvhd = struct.pack('>IIIII', 0, created, created, 1000, 3600 * 1000) + struct.pack('>IH', 0x10000, 0x100) \
    + bytes(10) + struct.pack('>9I', 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000) + bytes(24) + struct.pack('>I', 2)
box = lambda t, b: struct.pack('>I', 8 + len(b)) + t + b
head = box(b'ftyp', b'isom' + struct.pack('>I', 512) + b'isomiso2avc1mp41') + box(b'moov', box(b'mvhd', mvhd))
payload = mib * 1024 * 1024 - len(head) - 8
with open(path, 'wb') as f:
    f.write(head + struct.pack('>I', 8 + payload) + b'mdat')
    chunk = os.urandom(16 * 1024 * 1024)
    while payload > 0:
        n = min(payload, len(chunk)); f.write(chunk[:n]); payload -= n
PY
REPLICA=(--lawtrace.storage.replica.type=filesystem --lawtrace.storage.replica.root="$WORK/replica")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx1g -jar target/lawtrace.jar --lawtrace.demo=true --server.port="$port" --lawtrace.data-dir="$WORK/lost" \
  "${REPLICA[@]}" --lawtrace.storage.replica.poll-every=PT0.5S --lawtrace.storage.replica.settle=PT45S \
  "--lawtrace.storage.replica.metadata-export=*/5 * * * * *" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/server.log" && break
  sleep 0.5
done
URL="http://127.0.0.1:$port"
code=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -u zhang.wei:demo \
  -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
  -F "file=@$WORK/one.mp4;type=application/octet-stream" "$URL/api/v1/recordings")
[ "$code" = 201 ] || { echo "upload failed: HTTP $code $(cat "$WORK/response.json")" >&2; exit 1; }
sha=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sha256"])' "$WORK/response.json")
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/response.json")
for _ in $(seq 1 1200); do grep -q "Replicated blob $sha" "$WORK/server.log" && break; sleep 0.25; done
grep "Replicated blob $sha" "$WORK/server.log" | sed 's/.*Replicated/replicated:/'
# an export begun after the copy was verified (and the recording's SM3 recorded)
before=$(grep -c "Exported the database" "$WORK/server.log" || true)
for _ in $(seq 1 240); do
  now=$(grep -c "Exported the database" "$WORK/server.log" || true)
  [ "$now" -ge $((before + 2)) ] && break
  sleep 0.5
done
kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
echo "primary lost: $(du -sh "$WORK/lost" | cut -f1) thrown away"
rm -rf "$WORK/lost"

/usr/bin/time -v java -Xmx512m -jar target/lawtrace.jar restore --lawtrace.data-dir="$WORK/rebuilt" "${REPLICA[@]}" \
  > "$WORK/restore.out" 2> "$WORK/restore.time" && RC=0 || RC=$?
cat "$WORK/restore.out"
grep -v "^	" "$WORK/restore.time" | grep -v "^$" | head -5 || true
echo "restore exit code: $RC"
echo "restore wall time: $(grep 'Elapsed (wall clock)' "$WORK/restore.time" | awk '{print $NF}'), peak RSS: $(grep 'Maximum resident' "$WORK/restore.time" | awk '{print $NF/1024 " MiB"}')"
restored="$WORK/rebuilt/store/blobs/sha256/${sha:0:2}/${sha:2:2}/$sha"
cmp "$WORK/one.mp4" "$restored" && echo "restored blob is byte-identical to the uploaded file"
java -Xmx256m -jar target/lawtrace.jar verify-log --lawtrace.data-dir="$WORK/rebuilt" | tail -n 3 || true
[ "$RC" = 0 ]
