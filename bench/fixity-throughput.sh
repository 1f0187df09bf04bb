#!/usr/bin/env bash
# Fixity benchmark (issue 12, ART-15, ART-22(2)): the fixity audit's pass over SIZE of stored originals (default
# 4 GiB, in 1 GiB recordings uploaded through the API), side by side with `openssl dgst -sha256` over the same
# blob files, alternating, several rounds; median ratio of throughputs. Target: the SHA-256 pass >= 0.8x openssl.
# The audit runs as `java -jar target/lawtrace.jar check-fixity` (one run of the real job: claims, reads through the
# throttle, recomputes, records every check) with the read-rate budget lifted; its own timing excludes JVM start-up,
# which is printed apart as wall time with peak RSS (/usr/bin/time -v).
# Two passes are measured: SHA-256 and size (what a check computes in most cycles) and SHA-256 + SM3 (what the first
# check, a repair and each sm3-cycle compute).
# The job checks THREADS copies at once (default 2, the setting's default; the machine has 2 cores): openssl dgst is
# one process on one core, so THREADS=1 compares core for core.
# Usage: [THREADS=2] bench/fixity-throughput.sh [GiB (4)] [rounds (5)]
set -euo pipefail
cd "$(dirname "$0")/.."
GIB=${1:-4}
ROUNDS=${2:-5}
WORK=$(mktemp -d /tmp/lawtrace-fixity-bench.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx1g -jar target/lawtrace.jar --lawtrace.demo=true --server.port="$PORT" --lawtrace.data-dir="$WORK/data" \
  --lawtrace.storage.fixity.enabled=false >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/server.log" && break
  sleep 0.5
done

# 1 GiB of random payload, shared; each recording gets its own MP4 header (made an hour ago), so its own digest
head -c 1073741824 /dev/urandom >"$WORK/payload"
for i in $(seq 1 "$GIB"); do
  python3 - "$WORK/head" "$i" <<'PY'
import struct, sys, time
created = int(time.time()) - 3600 + 2082844800 + int(sys.argv[2])
mvhd = struct.pack('>IIIII', 0, created, created, 1000, 60 * 1000) + struct.pack('>IH', 0x10000, 0x100) \
    + bytes(10) + struct.pack('>9I', 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000) + bytes(24) + struct.pack('>I', 2)
box = lambda t, b: struct.pack('>I', 8 + len(b)) + t + b
head = box(b'ftyp', b'isom' + struct.pack('>I', 512) + b'isomiso2avc1mp41') + box(b'moov', box(b'mvhd', mvhd))
# an mdat box header announcing the 1 GiB payload that follows
open(sys.argv[1], 'wb').write(head + struct.pack('>I', 8 + 1073741824) + b'mdat')
PY
  cat "$WORK/head" "$WORK/payload" >"$WORK/clip.mp4"
  curl -sf -u zhang.wei:demo -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
    -F "file=@$WORK/clip.mp4;type=application/octet-stream" "http://127.0.0.1:$PORT/api/v1/recordings" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print("uploaded", r["id"], r["sha256"])'
done
rm -f "$WORK/clip.mp4" "$WORK/payload"
# SM3 is computed after each commit; the server must have finished before it stops
for _ in $(seq 1 600); do
  pending=$(curl -sf -u zhang.wei:demo "http://127.0.0.1:$PORT/api/v1/recordings?recordedBy=zhang.wei&size=100" \
    | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["items"] if not r.get("sm3")))')
  [ "$pending" = 0 ] && break
  sleep 1
done
kill $SERVER; wait $SERVER 2>/dev/null || true
SERVER=
mapfile -t FILES < <(find "$WORK/data/store/blobs" -type f -size +1000M | sort)
TOTAL=$(du -cb "${FILES[@]}" | tail -1 | cut -f1)
printf 'stored: %d files, %.2f GiB\n' "${#FILES[@]}" "$(echo "$TOTAL / 1073741824" | bc -l)"

# every copy falls due at once (cycle 1 s), no rate limit, no budget limit
COMMON=(--lawtrace.data-dir="$WORK/data" --lawtrace.storage.fixity.cycle=PT1S --lawtrace.storage.fixity.every=PT1H
  --lawtrace.storage.fixity.read-rate=1000GB --budget=9000000000000 --lawtrace.storage.fixity.threads="${THREADS:-2}")
echo "job threads: ${THREADS:-2}; cores: $(nproc); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

openssl_mbs() {
  local start end
  start=$(date +%s.%N)
  openssl dgst -sha256 "${FILES[@]}" >/dev/null
  end=$(date +%s.%N)
  echo "$TOTAL / 1048576 / ($end - $start)" | bc -l
}

job_mbs() { # sm3-cycle -> MiB/s of the job's own run; keeps wall time and peak RSS in $WORK/last
  /usr/bin/time -v -o "$WORK/time.txt" java -Xmx256m -jar target/lawtrace.jar check-fixity "${COMMON[@]}" \
    --lawtrace.storage.fixity.sm3-cycle="$1" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; return 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
  echo "$(grep -E '^(OK|FAILED)' "$WORK/out.txt") | wall $wall incl. JVM start, peak RSS $((rss / 1024)) MiB" >"$WORK/last"
  sed -n 's/.*(\([0-9.]*\) MiB\/s).*/\1/p' "$WORK/out.txt"
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }

# warm the page cache and the first (full) check, which also records SM3 as checked
openssl dgst -sha256 "${FILES[@]}" >/dev/null
echo "first check (SHA-256 + SM3, as every copy's first check): $(job_mbs P180D) MiB/s; $(cat "$WORK/last")"

: >"$WORK/ratios-sha"; : >"$WORK/ratios-full"
for r in $(seq 1 "$ROUNDS"); do
  o=$(openssl_mbs)
  j=$(job_mbs P180D); jl=$(cat "$WORK/last")
  f=$(job_mbs PT0S); fl=$(cat "$WORK/last")
  printf 'round %d: openssl dgst -sha256 %7.1f MiB/s | job SHA-256 %7.1f MiB/s (%.2fx) | job SHA-256+SM3 %6.1f MiB/s (%.2fx)\n' \
    "$r" "$o" "$j" "$(echo "$j / $o" | bc -l)" "$f" "$(echo "$f / $o" | bc -l)"
  echo "         SHA-256 run: $jl"
  echo "         SHA-256+SM3 run: $fl"
  echo "$j / $o" | bc -l >>"$WORK/ratios-sha"
  echo "$f / $o" | bc -l >>"$WORK/ratios-full"
done
printf 'median ratio, job SHA-256 pass / openssl: %.2f (target >= 0.80)\n' "$(median <"$WORK/ratios-sha")"
printf 'median ratio, job SHA-256+SM3 pass / openssl: %.2f\n' "$(median <"$WORK/ratios-full")"
