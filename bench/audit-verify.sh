#!/usr/bin/env bash
# ART-22 audit verification benchmark (issue 6, "Speed"): a log of N entries (default 1,000,000) with a signed
# checkpoint every 100 (and an anchor outside the database every 100,000), written straight into a fresh H2 database
# as the server writes them, then verified with
# `java -jar target/lawtrace.jar verify-log` (every leaf recomputed, the tree rebuilt, every checkpoint's root and
# SM2 signature checked). Target: under 60 s. Prints the generation time, the verification's wall time (and the
# same command's time on the near-empty log, i.e. start-up alone) and its peak resident memory.
# Usage: bench/audit-verify.sh [entries (1000000)] [heap for verify-log (256m)]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
HEAP=${2:-256m}
WORK=$(mktemp -d /tmp/lawtrace-verify-bench.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package
[ -d target/classes/org/lawtrace/audit ] || ./mvnw -q compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:$(cat "$WORK/cp.txt")"
URL="jdbc:h2:file:$WORK/db/lawtrace;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

# the server makes the schema and the log's SM2 key on its first start
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx512m -jar target/lawtrace.jar --server.port="$PORT" --lawtrace.data-dir="$WORK" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
kill $SERVER; wait $SERVER 2>/dev/null || true
SERVER=

timed() { # label command... : prints wall seconds and peak RSS of the command
  local label=$1; shift
  /usr/bin/time -f "%e %M %U" -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt"; return 1; }
  read -r secs kb user <"$WORK/time.txt"
  printf '%s: %s s wall (%s s CPU in user mode), peak RSS %d MiB\n' "$label" "$secs" "$user" $((kb / 1024))
  grep -E '^(OK|FAILED|generated)' "$WORK/out.txt" || true
}

timed "verify-log on the near-empty log (start-up alone)" java -Xmx"$HEAP" -jar target/lawtrace.jar verify-log --lawtrace.data-dir="$WORK"
# the server made the embedded database's password on its first start and keeps it in the data directory
PASSWORD=$(sed -n 's/^password=//p' "$WORK/db/credentials")
timed "writing $N entries with a signed checkpoint every 100 (an anchor every 100,000)" java -cp "$CP" bench/AuditLogGenerator.java "$URL" sa "$PASSWORD" "$N" "$WORK/keys/audit-signing-key.pem" "$WORK/store/anchors"
du -sh "$WORK/db" | awk '{print "database size: " $1}'
timed "verify-log on $N entries (-Xmx$HEAP)" java -Xmx"$HEAP" -jar target/lawtrace.jar verify-log --lawtrace.data-dir="$WORK"
