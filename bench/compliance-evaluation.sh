#!/usr/bin/env bash
# Compliance benchmark (issue 7): a full re-evaluation of CASES cases with 10 recordings and 2 documents each,
# generated straight into PostgreSQL with generate_series (bench/compliance-data.sql), timed as the
# evaluate-compliance command (first run: every finding new; second run: steady state), side by side with one plain
# SQL pass that reads the same rows (psql \copy to /dev/null); then the case page's compliance view
# (GET /api/v1/cases/{id}/compliance) timed over 50 requests on a running server.
# Usage: bench/compliance-evaluation.sh [cases (100000)] [recordings per case (10)]
# LAWTRACE_JAR=path/to/other/lawtrace.jar times another build (e.g. an older commit's) the same way, for before/after.
# LAWTRACE_BENCH_DB names the database it (re)creates (lawtrace_bench), so two people can run it at once.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and builds target/lawtrace.jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-100000}
PER=${2:-10}
DB=${LAWTRACE_BENCH_DB:-lawtrace_bench}
PSQL="psql -X -q -h 127.0.0.1 -U postgres"
WORK=$(mktemp -d /tmp/lawtrace-compliance-bench.XXXXXX)
SERVER=
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
JAR=${LAWTRACE_JAR:-target/lawtrace.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
JDBC="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres"
JDBC="$JDBC --lawtrace.data-dir=$WORK/data"

$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
# creates the schema and the document kinds; there are no cases yet
java -jar "$JAR" evaluate-compliance $JDBC > /dev/null
start=$(date +%s.%N)
$PSQL -d $DB -v cases="$CASES" -v per="$PER" -f bench/compliance-data.sql
echo "data set generated in $(echo "$(date +%s.%N) - $start" | bc) s: $($PSQL -d $DB -At -c "select
  (select count(*) from cases_case) || ' cases, ' || (select count(*) from cases_stage) || ' stages, '
  || (select count(*) from recordings_recording) || ' recordings, ' || (select count(*) from documents_document)
  || ' documents, ' || (select count(*) from compliance_bookmark) || ' bookmarks'")"

# one plain SQL pass reading the rows the evaluation reads (the same joins, all cases at once, to the client)
start=$(date +%s.%N)
$PSQL -d $DB <<'SQL' > /dev/null
\copy (select c.id, c.kind, c.handling_unit_id, c.opened_at, (select count(*) from cases_party p where p.case_id = c.id) from cases_case c) to '/dev/null'
\copy (select case_id, staff_id from cases_handler) to '/dev/null'
\copy (select sp.stage_id, sp.staff_id from cases_stage_present sp join cases_stage s on s.id = sp.stage_id) to '/dev/null'
\copy (select id, case_id, kind, started_at, ended_at from cases_stage) to '/dev/null'
\copy (select rs.revision_id, rs.stage_id from recordings_revision_stage rs join recordings_revision r on r.id = rs.revision_id where r.current) to '/dev/null'
\copy (select r.id, r.recording_id, r.case_id, r.recorded_by, r.device_serial, r.started_at, r.ended_at, r.device_finding, rec.kind, rec.uploaded_at from recordings_revision r join recordings_recording rec on rec.id = r.recording_id where r.current) to '/dev/null'
\copy (select distinct b.recording_id, b.kind from compliance_bookmark b) to '/dev/null'
\copy (select d.*, v.* from documents_document d join documents_version v on v.document_id = d.id) to '/dev/null'
\copy (select * from documents_confirmation) to '/dev/null'
\copy (select * from documents_service) to '/dev/null'
SQL
sql=$(echo "$(date +%s.%N) - $start" | bc)
echo "plain SQL pass over the same rows: $sql s"

for run in first second; do
  start=$(date +%s.%N)
  out=$(java -jar "$JAR" evaluate-compliance $JDBC)
  echo "$run full re-evaluation: $out; $(echo "$(date +%s.%N) - $start" | bc) s with JVM start"
done
echo "findings: $($PSQL -d $DB -At -c "select string_agg(light || ' ' || n, ', ') from (select light, count(*) n from compliance_case group by light order by light) x"), $($PSQL -d $DB -At -c "select count(*) from compliance_finding") finding rows"

# the case page's view, on a running server, as the bench director's token
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$JAR" $JDBC --server.port="$port" --server.address=127.0.0.1 > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break
  sleep 1
done
case_id=$($PSQL -d $DB -At -c "select case_id from compliance_case where light = 'RED' order by case_id limit 1 offset 77")
url="http://127.0.0.1:$port/api/v1/cases/$case_id/compliance"
curl -sf -H "Authorization: Bearer lt_bench_director" "$url" > "$WORK/view.json"
for _ in $(seq 1 10); do curl -sf -o /dev/null -H "Authorization: Bearer lt_bench_director" "$url"; done
times=$(for _ in $(seq 1 50); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer lt_bench_director" "$url"
done | sort -n)
echo "case compliance view ($(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["light"], sum(len(s["open"]) for s in d["stages"]) + len(d["caseFindings"]), "findings")' "$WORK/view.json")), 50 requests: median $(echo "$times" | sed -n 25p) s, p95 $(echo "$times" | sed -n 48p) s, max $(echo "$times" | tail -1) s"
