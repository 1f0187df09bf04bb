#!/usr/bin/env bash
# ART-19 evidence package of a large original (issue 6): a server limited to -Xmx256m stores one N MiB MP4, packs
# it (POST /api/v1/evidence-packages: streamed into the write-once store through a pipe, digested on the way), and
# hands it out; then `verify-package` (-Xmx256m) checks the downloaded zip offline. Prints each step's time and the
# server's peak resident memory, which stays flat however large the file.
# Usage: bench/package-large.sh [MiB (1024)]
set -euo pipefail
cd "$(dirname "$0")/.."
MIB=${1:-1024}
WORK=$(mktemp -d /tmp/lawtrace-package-bench.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
java -Xmx256m -jar target/lawtrace.jar --lawtrace.demo=true --server.port="$PORT" --lawtrace.data-dir="$WORK/data" \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/server.log" && break
  sleep 0.5
done

python3 - "$WORK/big.mp4" "$MIB" <<'PY'
import os, struct, sys, time
path, mib = sys.argv[1], int(sys.argv[2])
created = int(time.time()) - 3600 + 2082844800
mvhd = struct.pack('>IIIII', 0, created, created, 1000, 3000 * 1000) + struct.pack('>IH', 0x10000, 0x100) \
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

step() { local label=$1; shift; local t0; t0=$(date +%s.%N); "$@"; printf '%s: %.1f s\n' "$label" "$(echo "$(date +%s.%N) - $t0" | bc)"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

CASE=$(curl -sf -u zhang.wei:demo -H 'Content-Type: application/json' "$BASE/api/v1/cases" -d '{"caseNumber":"东市监处〔2026〕9001号",
  "kind":"ADMINISTRATIVE_PENALTY","procedure":"GENERAL","title":"基准测试案","major":false,"handlers":["zhang.wei","li.na"],
  "parties":[{"kind":"ORGANIZATION","name":"东阳市示例食品有限公司","idNumber":"91330783MA2HX7Q5PJ"}]}' | json '["id"]')
upload() {
  curl -sf -u zhang.wei:demo -F "metadata={\"recordedBy\":\"zhang.wei\",\"caseId\":\"$CASE\"};type=application/json" \
    -F "file=@$WORK/big.mp4;type=application/octet-stream" "$BASE/api/v1/recordings" >/dev/null
}
pack() {
  curl -sf -u chen.jing:demo -H 'Content-Type: application/json' "$BASE/api/v1/evidence-packages" \
    -d "{\"recipientKind\":\"COURT\",\"recipient\":\"东阳市人民法院\",\"purpose\":\"基准测试\",\"caseId\":\"$CASE\"}" >"$WORK/package.json"
}
fetch() { curl -sf -u chen.jing:demo -o "$WORK/package.zip" "$BASE$(json '["content"]' <"$WORK/package.json")"; }
step "upload of $MIB MiB" upload
sleep 2
step "package made and stored" pack
step "package downloaded" fetch
ls -l "$WORK/package.zip" | awk '{printf "package size: %d bytes\n", $5}'
grep VmHWM /proc/$SERVER/status | awk '{printf "server peak RSS (-Xmx256m): %d MiB\n", $2 / 1024}'
/usr/bin/time -f "%e %M" -o "$WORK/time.txt" java -Xmx256m -jar target/lawtrace.jar verify-package "$WORK/package.zip" \
  | tail -1
read -r secs kb <"$WORK/time.txt"
printf 'verify-package: %s s wall, peak RSS %d MiB\n' "$secs" $((kb / 1024))
