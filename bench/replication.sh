#!/usr/bin/env bash
# ART-15.3 replication benchmark (issue 12): a 1 GiB body-cam-like MP4 uploaded to a server whose off-site replica is
# a second filesystem store, and the time its replication took (from the server's log: claim, copy, read back,
# SHA-256 + size checked, and SM3 too with READ_BACK=sha256-sm3, row verified), side by side with `cp` + `sync` of the
# same file to the same disk, and with a copy checked by hand with the same digests (`cp` + `sync` + `openssl dgst
# -sha256`, and `openssl dgst -sm3` with READ_BACK=sha256-sm3; openssl's SHA-256 uses the CPU's SHA instructions,
# coreutils' sha256sum on Debian 12 does not and takes several times as long). Several runs, each a fresh file; prints each run and the median ratio
# cp+sync / replication (target >= 0.8).
# Each run also times `openssl dgst -sm3` alone over the copy: no replication that reads the copy back through SM3 can
# be faster than that, so cp+sync / (openssl sm3 alone) is the most the ratio could reach with READ_BACK=sha256-sm3
# (ADR 0032: why the default reads back SHA-256 and size and leaves the copy's SM3 to its first fixity check).
# A new blob waits 40 s (not the default 2 minutes) before it is copied: time enough for the upload's own SM3 to be on
# record, as it is when the default settle has passed, and for the anchors to run first.
# Usage: [READ_BACK=sha256|sha256-sm3] bench/replication.sh [size-in-MiB (1024)] [runs (3)]
# Builds target/lawtrace.jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-1024}
RUNS=${2:-3}
READ_BACK=${READ_BACK:-sha256}
case "$READ_BACK" in sha256 | sha256-sm3) ;; *) echo "READ_BACK must be sha256 or sha256-sm3, not $READ_BACK" >&2; exit 2 ;; esac
WORK=$(mktemp -d /tmp/lawtrace-replication-bench.XXXXXX)
SERVER=
trap 'kill $SERVER 2>/dev/null || true; wait 2>/dev/null; chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package

make_mp4() { python3 bench/make-mp4.py "$1" "$2"; } # file size-MiB

seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); read-back: $READ_BACK"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx1g -jar target/lawtrace.jar --lawtrace.demo=true --server.port="$port" --lawtrace.data-dir="$WORK/data" \
  --lawtrace.storage.replica.type=filesystem --lawtrace.storage.replica.root="$WORK/replica" \
  --lawtrace.storage.replica.poll-every=PT0.2S --lawtrace.storage.replica.metadata-export=- \
  --lawtrace.storage.replica.read-back="$READ_BACK" --lawtrace.storage.replica.settle=PT40S \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && grep -q 'password "demo"' "$WORK/server.log" && break
  sleep 0.5
done
URL="http://127.0.0.1:$port"
mkdir -p "$WORK/cp"

RATIOS=()
for run in $(seq 1 "$RUNS"); do
  file="$WORK/run$run.mp4"
  make_mp4 "$file" "$SIZE_MIB"
  sync
  code=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -u zhang.wei:demo \
    -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
    -F "file=@$file;type=application/octet-stream" "$URL/api/v1/recordings")
  [ "$code" = 201 ] || { echo "upload failed: HTTP $code $(cat "$WORK/response.json")" >&2; exit 1; }
  sha=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sha256"])' "$WORK/response.json")
  # the anchors run while the blob settles (the upload's own SM3 takes a few seconds first), so the disk is in the
  # same state for them as for the replication that follows; cp+sync runs once more right after it, and the ratio
  # takes the mean of the two (this disk's sync speed drifts from minute to minute)
  sleep 8
  CP=$(seconds sh -c "cp '$file' '$WORK/cp/run$run' && sync '$WORK/cp/run$run'")
  if [ "$READ_BACK" = sha256 ]; then BYHAND="openssl sha256"; else BYHAND="openssl sha256+openssl sm3"; fi
  CPCHECK=$(seconds sh -c "cp '$file' '$WORK/cp/check$run' && sync '$WORK/cp/check$run' \
    && openssl dgst -sha256 '$WORK/cp/check$run' \
    && if [ '$READ_BACK' = sha256-sm3 ]; then openssl dgst -sm3 '$WORK/cp/check$run'; fi")
  # the floor of any check that reads the copy back with SM3: openssl's SM3 alone over the copy (in the page cache)
  SM3ALONE=$(seconds openssl dgst -sm3 "$WORK/cp/check$run")
  rm -f "$WORK/cp/run$run" "$WORK/cp/check$run"
  grep -q "Replicat.*blob $sha" "$WORK/server.log" && { echo "the replication began before the anchors ended" >&2; exit 1; }
  for _ in $(seq 1 1200); do
    grep -q "Replicated blob $sha" "$WORK/server.log" && break
    grep -q "Replicating blob $sha failed" "$WORK/server.log" && { echo "replication failed:" >&2; grep "$sha" "$WORK/server.log" >&2; exit 1; }
    sleep 0.25
  done
  line=$(grep "Replicated blob $sha" "$WORK/server.log")
  ms=$(echo "$line" | sed -E 's/.*\) in ([0-9]+) ms; read back.*/\1/')
  REP=$(python3 -c "print(f'{$ms / 1000:.2f}')")
  # between two filesystem stores the copy is read back as it is written; otherwise it is read back once placed
  COPY=$(echo "$line" | sed -E 's/.*copied durably (and read back as it was written )?in ([0-9]+) ms.*/\2/')
  CHECK=$(echo "$line" | sed -E 's/.*(read back and checked|checked and placed) in ([0-9]+) ms.*/\2/')
  STEPS=$(echo "$line" | sed -E 's/.*\((copied durably[^)]*)\)$/\1/')
  CPAFTER=$(seconds sh -c "cp '$file' '$WORK/cp/after$run' && sync '$WORK/cp/after$run'")
  rm -f "$WORK/cp/after$run"
  CPMEAN=$(python3 -c "print(f'{($CP + $CPAFTER) / 2:.2f}')")
  replica_file="$WORK/replica/blobs/sha256/${sha:0:2}/${sha:2:2}/$sha"
  cmp -s "$file" "$replica_file" || { echo "the replica's copy differs from the file" >&2; exit 1; }
  RATIO=$(python3 -c "print(f'{$CPMEAN / $REP:.2f}')")
  RATIOS+=("$RATIO")
  echo "run $run: cp+sync ${CP} s before, ${CPAFTER} s after, mean ${CPMEAN} s | cp+sync+${BYHAND} ${CPCHECK} s | openssl sm3 alone ${SM3ALONE} s" \
    "| LawTrace replication (copy, read back, $READ_BACK verified) ${REP} s: ${STEPS}" \
    "[$(python3 -c "print(f'{$COPY / 1000:.2f} s + {$CHECK / 1000:.2f} s')")] | ratio cp+sync/replication ${RATIO}" \
    "| like for like, cp+sync+${BYHAND} / replication $(python3 -c "print(f'{$CPCHECK / $REP:.2f}')")" \
    "| SM3 read-back's floor, cp+sync / openssl sm3 alone $(python3 -c "print(f'{$CP / $SM3ALONE:.2f}')")"
  rm -f "$file"
done
MEDIAN=$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median ratio (cp+sync / replication, read-back $READ_BACK) over $RUNS runs of ${SIZE_MIB} MiB: ${MEDIAN} (target >= 0.8)"
