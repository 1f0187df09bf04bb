#!/usr/bin/env bash
# ART-13/14 archiving of a case with large audio-visual records (issue 13): a server limited to -Xmx256m stores N
# MP4 files of M MiB each (default 4 x 1024 MiB = 4 GiB) in a general-procedure penalty case, the case is closed, and
# the custodian archives it (POST /api/v1/archives): every original streams once through the BagIt writer, ffprobe
# and the digests into the write-once store. Side by side: `cp` of the same stored files (+ sync), one run each.
# Prints time and peak resident memory of both (the server's peak is reset just before archiving, so the figure is
# archiving's own), and the data directory's peak size while archiving: originals + one package, no third copy.
# The machine is shared: figures from one run on a loaded machine are indicative only.
# Usage: bench/archiving.sh [files (4)] [MiB each (1024)]
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-4}
MIB=${2:-1024}
WORK=$(mktemp -d /tmp/lawtrace-archiving-bench.XXXXXX)
SERVER=
SAMPLER=
trap '[ -n "$SAMPLER" ] && kill $SAMPLER 2>/dev/null; [ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
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

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
CASE=$(curl -sf -u zhang.wei:demo -H 'Content-Type: application/json' "$BASE/api/v1/cases" -d '{"caseNumber":"东市监处〔2026〕9101号",
  "kind":"ADMINISTRATIVE_PENALTY","procedure":"GENERAL","title":"归档基准测试案","major":false,"handlers":["zhang.wei","li.na"],
  "parties":[{"kind":"ORGANIZATION","name":"东阳市示例食品有限公司","idNumber":"91330783MA2HX7Q5PJ"}]}' | json '["id"]')

# N different MP4s (ftyp, moov with mvhd, then mdat of random bytes), each uploaded into the case and deleted
for i in $(seq 1 "$FILES"); do
  python3 - "$WORK/av.mp4" "$MIB" "$i" <<'PY'
import os, struct, sys, time
path, mib, i = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
created = int(time.time()) - 7200 + i * 60 + 2082844800
mvhd = struct.pack('>IIIII', 0, created, created, 1000, 30 * 1000) + struct.pack('>IH', 0x10000, 0x100) \
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
  curl -sf -u zhang.wei:demo -F "metadata={\"recordedBy\":\"zhang.wei\",\"caseId\":\"$CASE\"};type=application/json" \
    -F "file=@$WORK/av.mp4;type=application/octet-stream" "$BASE/api/v1/recordings" >/dev/null
  rm -f "$WORK/av.mp4"
done
curl -sf -u zhang.wei:demo -X POST "$BASE/api/v1/cases/$CASE/close" >/dev/null
sleep 3

STORE="$WORK/data/store"
mapfile -t BLOBS < <(find "$STORE" -type f -size +$((MIB - 1))M)
echo "stored: ${#BLOBS[@]} originals of $MIB MiB ($(du -sm "$STORE" | cut -f1) MiB in the store)"

# the data directory's size, sampled while archiving runs
( peak=0; while :; do s=$(du -sb "$WORK/data" 2>/dev/null | cut -f1); [ "${s:-0}" -gt "$peak" ] && peak=$s && echo "$peak" >"$WORK/peak"; sleep 1; done ) &
SAMPLER=$!
echo 5 >/proc/$SERVER/clear_refs 2>/dev/null || echo "(cannot reset the server's peak RSS; the figure includes the uploads)"
t0=$(date +%s.%N)
code=$(curl -s -o "$WORK/archive.json" -w '%{http_code}' -u zhao.min:demo -H 'Content-Type: application/json' \
  "$BASE/api/v1/archives" -d "{\"caseId\":\"$CASE\"}")
how="by the custodian"
if [ "$code" = 422 ]; then
  # the bench case has no documents: the integrity check fails, so the director archives it with a reason
  code=$(curl -s -o "$WORK/archive.json" -w '%{http_code}' -u sun.li:demo -H 'Content-Type: application/json' \
    "$BASE/api/v1/archives" -d "{\"caseId\":\"$CASE\",\"overrideReason\":\"基准测试：案件无文书\"}")
  how="by the director's override (the bench case has no documents)"
fi
t1=$(date +%s.%N)
kill $SAMPLER; SAMPLER=
[ "$code" = 201 ] || { echo "archiving failed: $code"; cat "$WORK/archive.json"; exit 1; }
rss=$(grep VmHWM /proc/$SERVER/status | awk '{print int($2 / 1024)}')
size=$(json '["versions"][0]["sizeBytes"]' <"$WORK/archive.json")
opened=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["versions"][0]["report"]; print(", ".join(sorted({i["openedWith"] for i in r["items"]})))' "$WORK/archive.json")
printf 'archiving %d MiB of AV (%s): %.1f s, package %d MiB, server peak RSS (-Xmx256m) %d MiB, items opened with: %s\n' \
  $(( FILES * MIB )) "$how" "$(echo "$t1 - $t0" | bc)" $((size / 1048576)) "$rss" "$opened"
printf 'data directory peak while archiving: %d MiB (originals %d MiB + package %d MiB)\n' \
  $(( $(cat "$WORK/peak") / 1048576 )) $(( FILES * MIB )) $((size / 1048576))

mkdir -p "$WORK/cp"
/usr/bin/time -v -o "$WORK/cp.time" sh -c "cp ${BLOBS[*]} '$WORK/cp/' && sync"
printf 'cp + sync of the same %d files: %s s, peak RSS %d MiB\n' "${#BLOBS[@]}" \
  "$(grep 'Elapsed (wall clock)' "$WORK/cp.time" | awk '{print $NF}')" \
  $(( $(grep 'Maximum resident' "$WORK/cp.time" | awk '{print $NF}') / 1024 ))
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (a shared machine: one run, indicative only)"
