#!/usr/bin/env bash
# ART-15.1 crash test (issue 12): an acknowledged upload must survive a kill. N times: start target/lawtrace.jar on a
# data directory (and database) that persists between runs, check the record acknowledged in the previous round
# (row via the API, its UPLOAD or DOCUMENT_REGISTERED audit entry as the custodian reads it, its bytes), upload a new
# file and `kill -9` the server the moment the 201 arrives. At the end prints how many acknowledged uploads were kept
# and lost.
# Usage: bench/crash-durability.sh [h2|postgres] [N (50)] [recordings|documents (recordings)]
# documents: a document (a scanned page as PNG) registered into a case opened in the first round.
# PostgreSQL: 127.0.0.1:${PGPORT:-5432}, user postgres (PGPASSWORD if needed); a fresh database is created and dropped.
# JAVA_OPTS (default: C1 only, which starts the server faster on a busy machine) go to every start of the server.
# Power cut: a kill -9 leaves unsynced writes in the kernel's page cache, where the restarted server still finds them.
# To drop them as a power cut would, put the data directory on a filesystem that can discard unsynced writes on
# command (LazyFS, https://github.com/dsrhaslab/lazyfs) with DATA_PARENT=<its mount point>, and give the discard
# command as POWER_CUT, e.g. POWER_CUT='echo lazyfs::clear-cache > /tmp/faults.fifo'; it runs after every kill.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}
N=${2:-50}
KIND=${3:-recordings}
WORK=$(mktemp -d /tmp/lawtrace-crash.XXXXXX)
SERVER=
PGDB=lawtrace_crash_$$
cleanup() {
  [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null || true
  if [ "$DB" = postgres ]; then psql -q -h 127.0.0.1 -p "${PGPORT:-5432}" -U postgres -d postgres -c "drop database if exists $PGDB" >/dev/null 2>&1 || true; fi
  rm -rf "$DATA" "$WORK"
}
trap cleanup EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
DATA=$(mktemp -d "${DATA_PARENT:-$WORK}/data.XXXXXX")
ARGS=(--lawtrace.demo=true --server.port="$PORT" --lawtrace.data-dir="$DATA")
if [ "$DB" = postgres ]; then
  psql -q -h 127.0.0.1 -p "${PGPORT:-5432}" -U postgres -d postgres -c "create database $PGDB" >/dev/null
  ARGS+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$PGDB" --spring.datasource.username=postgres
         --spring.datasource.password="${PGPASSWORD:-}")
fi

start_server() {
  java -Xmx512m ${JAVA_OPTS:--XX:TieredStopAtLevel=1} -jar target/lawtrace.jar "${ARGS[@]}" >> "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do
    curl -fs "$URL/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { echo "server exited; log tail:" >&2; tail -n 30 "$WORK/server.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "server did not become healthy" >&2; exit 1
}

make_mp4() { python3 bench/make-mp4.py "$1" 2 10; } # file: a new 2 MiB MP4, 10 minutes long

make_png() { # file: a scanned page as PNG as far as LawTrace looks (its signature), with a random body
  { printf '\x89PNG\r\n\x1a\n'; head -c $((256 * 1024)) /dev/urandom; } > "$1"
}

open_case() {
  curl -fs -u zhang.wei:demo -H 'Content-Type: application/json' "$URL/api/v1/cases" -d '{"caseNumber":"东市监处〔2026〕'$$'号",
    "kind":"ADMINISTRATIVE_PENALTY","procedure":"GENERAL","title":"崩溃测试案","major":false,"handlers":["zhang.wei","li.na"],
    "parties":[{"kind":"ORGANIZATION","name":"东阳市示例食品有限公司","idNumber":"91330783MA2HX7Q5PJ"}]}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

if [ "$KIND" = documents ]; then
  RECORDS=documents; SUBJECT=DOCUMENT; ACTION=DOCUMENT_REGISTERED
else
  RECORDS=recordings; SUBJECT=RECORDING; ACTION=UPLOAD
fi

KEPT=0; LOST=0; LOST_ROW=0; LOST_ENTRY=0; LOST_BYTES=0; PREV_ID=; PREV_SHA=
check_previous() {
  [ -n "$PREV_ID" ] || return 0
  local row entry bytes ok=1
  row=$(curl -s -o "$WORK/rec.json" -w '%{http_code}' -u zhang.wei:demo "$URL/api/v1/$RECORDS/$PREV_ID")
  [ "$row" = 200 ] || { ok=0; LOST_ROW=$((LOST_ROW + 1)); }
  curl -s -u zhao.min:demo "$URL/api/v1/audit/entries?subjectType=$SUBJECT&subjectId=$PREV_ID" > "$WORK/entries.json"
  entry=$(cat "$WORK/entries.json" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(1 for e in d["items"] if e["action"]==sys.argv[1]) if "items" in d else "error: " + json.dumps(d, ensure_ascii=False)[:300])' "$ACTION")
  [ "$entry" = 1 ] || { ok=0; LOST_ENTRY=$((LOST_ENTRY + 1)); }
  bytes=$(curl -s -u zhang.wei:demo "$URL/api/v1/$RECORDS/$PREV_ID/content" | sha256sum | cut -d' ' -f1)
  [ "$bytes" = "$PREV_SHA" ] || { ok=0; LOST_BYTES=$((LOST_BYTES + 1)); }
  if [ $ok = 1 ]; then KEPT=$((KEPT + 1)); echo "round $ROUND: kept $PREV_ID"; else LOST=$((LOST + 1)); echo "round $ROUND: LOST $PREV_ID (row $row, $ACTION entries $entry)"; fi
}

T0=$(date +%s)
for ROUND in $(seq 0 "$N"); do
  start_server
  check_previous
  [ "$ROUND" -lt "$N" ] || break
  if [ "$KIND" = documents ]; then
    [ -n "${CASE_ID:-}" ] || CASE_ID=$(open_case)
    make_png "$WORK/one.png"
    PREV_SHA=$(sha256sum "$WORK/one.png" | cut -d' ' -f1)
    code=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -u zhang.wei:demo \
      -F "metadata={\"kind\":\"ADVANCE_NOTICE\",\"caseId\":\"$CASE_ID\",\"title\":\"告知书 $ROUND\"};type=application/json" \
      -F "file=@$WORK/one.png;type=image/png" "$URL/api/v1/documents")
  else
    make_mp4 "$WORK/one.mp4"
    PREV_SHA=$(sha256sum "$WORK/one.mp4" | cut -d' ' -f1)
    code=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -u zhang.wei:demo \
      -F 'metadata={"recordedBy":"zhang.wei"};type=application/json' \
      -F "file=@$WORK/one.mp4;type=video/mp4" "$URL/api/v1/recordings")
  fi
  kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  if [ -n "${POWER_CUT:-}" ]; then sh -c "$POWER_CUT"; fi
  [ "$code" = 201 ] || { echo "round $ROUND: upload answered $code: $(cat "$WORK/response.json")" >&2; exit 1; }
  PREV_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/response.json")
done
kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=
echo "crash-durability $DB $KIND: $N kill -9${POWER_CUT:+ and power cut} right after 201: kept $KEPT, lost $LOST (row $LOST_ROW, audit entry $LOST_ENTRY, bytes $LOST_BYTES) in $(( $(date +%s) - T0 )) s"
[ "$LOST" = 0 ]
