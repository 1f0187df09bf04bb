#!/usr/bin/env bash
# ART-22 records-against-the-log benchmark (issue 12, finding 5): N recordings (default 100,000) with their rows and
# audit entries (UPLOAD, SM3_RECORDED, a REVISION for one in ten, two VIEWs each: about 4.1 entries per recording)
# written straight into a fresh H2 database, then `java -jar target/lawtrace.jar verify-records` with a small heap:
# every recording's digests, size, recorder and case links recomputed from the log, page by page. Then one row is
# moved to another case by SQL and the check is run again, which must name it. Prints wall time and peak RSS.
# Usage: bench/records-verify.sh [recordings (100000)] [heap (256m)]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
HEAP=${2:-256m}
WORK=$(mktemp -d /tmp/lawtrace-records-bench.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f target/lawtrace.jar ] || ./mvnw -q -DskipTests package
[ -d target/classes/org/lawtrace/audit ] || ./mvnw -q compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:$(cat "$WORK/cp.txt")"
URL="jdbc:h2:file:$WORK/db/lawtrace;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

# the server makes the schema on its first start
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx512m -jar target/lawtrace.jar --server.port="$PORT" --lawtrace.data-dir="$WORK" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
kill $SERVER; wait $SERVER 2>/dev/null || true
SERVER=

timed() { # label command... : prints wall seconds and peak RSS of the command
  local label=$1; shift
  /usr/bin/time -f "%e %M %U" -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1 || true
  read -r secs kb user <"$WORK/time.txt"
  printf '%s: %s s wall (%s s CPU in user mode), peak RSS %d MiB\n' "$label" "$secs" "$user" $((kb / 1024))
  grep -E '^(OK|FAILED|generated|RECORDING)' "$WORK/out.txt" | head -5 || true
}

timed "verify-records on the empty database (start-up alone)" java -Xmx"$HEAP" -jar target/lawtrace.jar verify-records --lawtrace.data-dir="$WORK"
PASSWORD=$(sed -n 's/^password=//p' "$WORK/db/credentials")
timed "writing $N recordings with their entries" java -cp "$CP" bench/RecordsGenerator.java "$URL" sa "$PASSWORD" "$N"
du -sh "$WORK/db" | awk '{print "database size: " $1}'
timed "verify-records on $N recordings (-Xmx$HEAP)" java -Xmx"$HEAP" -jar target/lawtrace.jar verify-records --lawtrace.data-dir="$WORK"
cat > "$WORK/Move.java" <<'JAVA'
public class Move {
  public static void main(String[] a) throws Exception {
    try (var db = java.sql.DriverManager.getConnection(a[0], a[1], a[2])) {
      db.createStatement().executeUpdate("update recordings_revision set case_id = '00000000-0000-0000-0000-000000000042' "
          + "where id = (select min(id) from recordings_revision where current and case_id is not null)");
    }
  }
}
JAVA
java -cp "$CP" "$WORK/Move.java" "$URL" sa "$PASSWORD"
timed "verify-records after one recording was moved to another case by SQL" java -Xmx"$HEAP" -jar target/lawtrace.jar verify-records --lawtrace.data-dir="$WORK"
