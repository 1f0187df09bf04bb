#!/usr/bin/env bash
# Page timings (issue 15): every page of the platform, as a role that may open it, on the 100,000-case data set of
# bench/compliance-data.sql (generated straight into PostgreSQL as bench/compliance-evaluation.sh does), each
# requested 3 times to warm up and then 15 times: median, p95 and max per page (bench/page_timings.py). Budget:
# a median under 300 ms server time (loopback, so the time is the server's).
# Usage: bench/page-timings.sh [cases (100000)]
# REUSE=1 keeps an existing database of that name (LAWTRACE_BENCH_DB, default lawtrace_pages) instead of regenerating.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and builds target/lawtrace.jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-100000}
DB=${LAWTRACE_BENCH_DB:-lawtrace_pages}
PSQL="psql -X -q -h 127.0.0.1 -U postgres"
WORK=$(mktemp -d /tmp/lawtrace-pages-bench.XXXXXX)
SERVER=
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
JAR=${LAWTRACE_JAR:-target/lawtrace.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
JDBC="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres"
# the data directory (audit key, store) belongs with the database, so it is kept for REUSE=1
DATA=${TMPDIR:-/tmp}/lawtrace-bench-$DB
JDBC="$JDBC --lawtrace.data-dir=$DATA"
PASSWORD=bench-pages-2026
if [ "${REUSE:-0}" != 1 ] || ! $PSQL -d "$DB" -At -c "select 1 from cases_case limit 1" 2>/dev/null | grep -q 1; then
  $PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
  rm -rf "$DATA"
  java -jar "$JAR" evaluate-compliance $JDBC > /dev/null
  start=$(date +%s.%N)
  $PSQL -d "$DB" -v cases="$CASES" -v per=10 -f bench/compliance-data.sql
  echo "data set generated in $(echo "$(date +%s.%N) - $start" | bc) s"
  # one account per role that signs in through the login form (bcrypt of $PASSWORD)
  $PSQL -d "$DB" <<'SQL'
insert into staff_member (id, username, name, staff_number, unit_id, permanent, enabled, created_at)
select md5(u)::uuid, u, n, 'P' || row_number() over (), md5('unit1')::uuid, true, true, now()
from (values ('bench.custodian', '档案员'), ('bench.legal', '法制员'), ('bench.discipline', '纪检员'),
             ('bench.admin', '管理员')) v(u, n);
insert into staff_role (staff_id, role)
values (md5('bench.custodian')::uuid, 'CUSTODIAN'), (md5('bench.legal')::uuid, 'LEGAL_AFFAIRS'),
       (md5('bench.discipline')::uuid, 'DISCIPLINE'), (md5('bench.admin')::uuid, 'ADMIN');
update staff_member set password_hash = '{bcrypt}$2b$12$NjGBYTfJKj7ft1Ava748k.LE2DmVRxddDgHreOGqhsvfcFk8QCncC'
where username in ('bench.director', 'bench.custodian', 'bench.legal', 'bench.discipline', 'bench.admin', 'bench1');
SQL
  java -jar "$JAR" evaluate-compliance $JDBC
fi
echo "data set: $($PSQL -d "$DB" -At -c "select (select count(*) from cases_case) || ' cases, '
  || (select count(*) from recordings_recording) || ' recordings, ' || (select count(*) from documents_document)
  || ' documents'")"
case_id=$($PSQL -d "$DB" -At -c "select md5('case77')::uuid")
recording=$($PSQL -d "$DB" -At -c "select recording_id from recordings_revision where case_id = '$case_id' and current limit 1")
document=$($PSQL -d "$DB" -At -c "select id from documents_document where case_id = '$case_id' limit 1")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# the generated recordings have no bytes in the store: the start-up reconciliation and the fixity audit, which would
# report a million missing blobs in the background while the pages are timed, are left off
java -jar "$JAR" $JDBC --server.port="$port" --server.address=127.0.0.1 --lawtrace.storage.reconcile-at-start=false \
  --lawtrace.storage.fixity.enabled=false > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done
# a device in the ledger and an access request, made through the API as their owners would (the generated data set has
# neither): the device page and the request page are timed with them
api() { # user method path json -> the created record's id
  curl -fsS -u "$1:$PASSWORD" -X "$2" -H 'Content-Type: application/json' -d "$4" "http://127.0.0.1:$port$3" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
device=$(api bench.custodian POST /api/v1/devices "{\"serialNumber\":\"BENCH-$(date +%s)\",\"kind\":\"BODY_CAMERA\",
  \"model\":\"DSJ-V9\",\"unitId\":\"$($PSQL -d "$DB" -At -c "select md5('unit1')::uuid")\"}") || device=
request=$(api bench.legal POST /api/v1/access-requests "{\"caseId\":\"$case_id\",\"scope\":\"CASE\",
  \"purpose\":\"向法院提供证据材料\",\"days\":7}") || request=
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
python3 bench/page_timings.py "http://127.0.0.1:$port" "$PASSWORD" case="$case_id" recording="$recording" \
  document="$document" staff=bench1 device="$device" request="$request" || status=$?
# the server's errors, if any page answered 500
grep -B2 -A12 ' ERROR ' "$WORK/server.log" > /tmp/lawtrace-pages-errors.log && echo "server errors: /tmp/lawtrace-pages-errors.log"
exit $status
