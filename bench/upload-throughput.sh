#!/usr/bin/env bash
# ART-15 upload benchmark (issue 3): a 1 GiB body-cam-like MP4 uploaded over loopback, side by side with
# `openssl dgst -sha256` and `-sm3` of the same file, and a 4 GiB upload to a server limited to -Xmx256m.
# Usage: [ROUNDS=3] bench/upload-throughput.sh [size-in-MiB (1024)] [big-size-in-MiB (4096); 0 skips the big upload]
# Builds target/lawtrace.jar if it is missing. Prints one line per figure; exits non-zero if an upload fails.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-1024}
BIG_MIB=${2:-4096}
WORK=$(mktemp -d /tmp/lawtrace-bench.XXXXXX)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVER=
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package

# An MP4 header (ftyp + moov/mvhd, made an hour ago, 60 minutes long) followed by random "video" payload.
make_mp4() { python3 bench/make-mp4.py "$1" "$2"; } # file size-MiB

start_server() { # heap
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  rm -rf "$WORK/data"
  java "$1" -jar target/lawtrace.jar --lawtrace.demo=true --server.port="$port" --lawtrace.data-dir="$WORK/data" \
    > "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/server.log" && break
    sleep 0.5
  done
  URL="http://127.0.0.1:$port"
}

upload() { # file -> prints seconds, checks the stored digest
  local out
  out=$(curl -s -o "$WORK/response.json" -w '%{http_code} %{time_total}' -u zhang.wei:demo \
    -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
    -F "file=@$1;type=application/octet-stream" "$URL/api/v1/recordings")
  local code=${out%% *}
  [ "$code" = 201 ] || { echo "upload failed: HTTP $code $(cat "$WORK/response.json")" >&2; exit 1; }
  local stored expected
  stored=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sha256"])' "$WORK/response.json")
  expected=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$stored" = "$expected" ] || { echo "digest mismatch: $stored != $expected" >&2; exit 1; }
  echo "${out#* }"
}

seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1; }
mbps() { python3 -c "print(f'{$1 * 1.048576 / $2:.0f}')"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
BCPROV=$(find ~/.m2/repository/org/bouncycastle/bcprov-jdk18on -name 'bcprov-jdk18on-*.jar' | sort -V | tail -n 1)
# ROUNDS rounds, each on a file of its own (no round uploads bytes the store already holds), each timing openssl, dd
# and the upload back to back: this disk's fsync speed drifts by a factor of several within minutes, so the figure is
# the median of the rounds' ratios, never a ratio of figures taken minutes apart
ROUNDS=${ROUNDS:-3}
start_server -Xmx1g
RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
  make_mp4 "$WORK/one.mp4" "$SIZE_MIB"
  cat "$WORK/one.mp4" > /dev/null   # same page-cache state for every reader
  SHA=$(seconds openssl dgst -sha256 "$WORK/one.mp4")
  SM3=$(seconds openssl dgst -sm3 "$WORK/one.mp4")
  [ "$round" = 1 ] && java -cp "$BCPROV" bench/DigestSpeed.java "$WORK/one.mp4"
  # the disk's ceiling for anything that must be on disk before it is acknowledged, as every upload must (ART-15)
  DD=$(seconds dd if="$WORK/one.mp4" of="$WORK/dd.out" bs=1M conv=fsync)
  rm -f "$WORK/dd.out"
  UP=$(upload "$WORK/one.mp4")
  SLOWER=$(python3 -c "print(max($SHA, $DD))")
  RATIO=$(python3 -c "print(f'{$SLOWER / $UP:.2f}')")
  RATIOS+=("$RATIO")
  echo "round $round: openssl sha256 ${SHA} s ($(mbps "$SIZE_MIB" "$SHA") MB/s), sm3 ${SM3} s ($(mbps "$SIZE_MIB" "$SM3") MB/s), dd conv=fsync ${DD} s ($(mbps "$SIZE_MIB" "$DD") MB/s); upload ${SIZE_MIB} MiB over loopback ${UP} s ($(mbps "$SIZE_MIB" "$UP") MB/s): ${RATIO}x the slower of openssl and dd"
  rm -f "$WORK/one.mp4"
done
kill $SERVER; wait $SERVER 2>/dev/null || true
echo "upload vs the slower of openssl dgst -sha256 and dd conv=fsync, median of ${ROUNDS} rounds: $(printf '%s\n' "${RATIOS[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")x (target >= 0.9x; rounds ${RATIOS[*]})"

if [ "$BIG_MIB" -gt 0 ]; then
  make_mp4 "$WORK/big.mp4" "$BIG_MIB"
  start_server -Xmx256m
  BIG=$(upload "$WORK/big.mp4")
  HWM=$(grep VmHWM /proc/$SERVER/status | awk '{print $2/1024 " MiB"}')
  echo "upload ${BIG_MIB} MiB with -Xmx256m: ${BIG} s ($(mbps "$BIG_MIB" "$BIG") MB/s), server peak RSS ${HWM}"
fi
