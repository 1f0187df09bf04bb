#!/usr/bin/env bash
# Cluster test (issue 16; ADR 0020, 0021): two LawTrace instances (A, B) on one PostgreSQL database
# (`lawtrace_cluster` on the machine's PostgreSQL, 127.0.0.1:5432, user postgres) and one shared data directory, with
# haproxy (Debian's package, deploy/haproxy.cfg) in front. Steps, each printed PASS or FAIL:
#   1. signed in on A's login form, the session is served by B (and through haproxy), and signed out on B it ends on A
#   2. an access request approved on B (ART-20) is enforced on A
#   3. a rule pack put in force on B is in force on A within seconds
#   4. a tus upload begun on A finishes through haproxy on B after A is killed with -9 (ART-15.1)
#   5. both instances' audit entries verify as one log (`verify-log`, ART-22)
#   6. a scheduled job (the fixity audit, every 10 s on both) ran once per period in the cluster
# STORE=s3 keeps the blobs in a real S3 server instead of the shared directory: a single-node Ceph cluster with its
# RADOS Gateway (scripts/s3-server.sh, Debian's ceph-mon ceph-osd radosgw ceph-common), a bucket made with Object Lock
# on, both instances storing into it (the tus staging and the audit key stay on the shared directory), and step 7
# checks the tus upload's object is in the bucket, retained in COMPLIANCE mode.
# Everything it starts is stopped on exit; the database is dropped. Mostly the two start-ups: 9 minutes on a shared
# 2-core machine under load (load average over 20), a few minutes on an idle one.
# Usage: bench/cluster.sh            (builds target/lawtrace.jar if missing; REBUILD=1 to rebuild it)
set -uo pipefail
cd "$(dirname "$0")/.."
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
DB=lawtrace_cluster
WORK=$(mktemp -d /tmp/lawtrace-cluster.XXXXXX)
PID_A= PID_B= PID_H=
FAILED=0
STORE_ARGS=()

stop() {
  for pid in $PID_H $PID_B $PID_A; do kill "$pid" 2>/dev/null || true; done
  for pid in $PID_H $PID_B $PID_A; do wait "$pid" 2>/dev/null || true; done
  [ "${STORE:-filesystem}" = s3 ] && scripts/s3-server.sh stop "$WORK/s3" >/dev/null 2>&1
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1
  if [ "$FAILED" = 0 ]; then chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap stop EXIT

step() { # name, then a command that succeeds for PASS
  local name=$1; shift
  if "$@"; then echo "PASS  $name"; else echo "FAIL  $name"; FAILED=1; fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sql() { psql -qtA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -c "$1"; }

command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)"; exit 2; }
pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || { echo "PostgreSQL is not up at $PG_HOST:$PG_PORT"; exit 2; }
if [ ! -f target/lawtrace.jar ] || [ "${REBUILD:-0}" = 1 ]; then ./mvnw -q -o -DskipTests package || exit 2; fi

cp target/lawtrace.jar "$WORK/lawtrace.jar"
JAR="$WORK/lawtrace.jar"
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "create database $DB" >/dev/null
PORT_A=$(free_port); PORT_B=$(free_port); PORT_H=$(free_port)
A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"; H="http://127.0.0.1:$PORT_H"
COMMON=(--lawtrace.demo=true --lawtrace.data-dir="$WORK/data"
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username="$PG_USER"
  --spring.datasource.password= --lawtrace.storage.fixity.every=PT10S --lawtrace.compliance.rule-pack-refresh=PT1S)
s3() { # method path [curl args...]: a request to the S3 server, signed (SigV4) with its user's keys
  local method=$1 path=$2; shift 2
  # curl 7.88 signs no payload digest of its own: RGW wants the header, and UNSIGNED-PAYLOAD is signed as given
  curl -fsS -X "$method" --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@" "$S3_ENDPOINT/$path"
}
if [ "${STORE:-filesystem}" = s3 ]; then
  scripts/s3-server.sh start "$WORK/s3" > "$WORK/s3-start.log" 2>&1 || { tail -n 20 "$WORK/s3-start.log"; exit 2; }
  # shellcheck disable=SC1091
  . "$WORK/s3/s3.env"
  BUCKET=lawtrace-cluster
  s3 PUT "$BUCKET" -H "x-amz-bucket-object-lock-enabled: true" -o /dev/null || { echo "no bucket made"; exit 2; }
  echo "S3: $S3_SERVER at $S3_ENDPOINT, bucket $BUCKET with Object Lock"
  STORE_ARGS=(--lawtrace.storage.type=s3 --lawtrace.storage.s3.endpoint="$S3_ENDPOINT"
    --lawtrace.storage.s3.region="$S3_REGION" --lawtrace.storage.s3.bucket="$BUCKET"
    --lawtrace.storage.s3.access-key="$S3_ACCESS_KEY" --lawtrace.storage.s3.secret-key="$S3_SECRET_KEY")
  COMMON+=("${STORE_ARGS[@]}")
fi

healthy() { # url, log, [a line the log must show: the demo seeded or found seeded]; up to 10 minutes on a busy machine
  for _ in $(seq 1 1200); do
    curl -fs "$1/actuator/health" >/dev/null 2>&1 && { [ -z "${3:-}" ] || grep -q "$3" "$2"; } && return 0
    sleep 0.5
  done
  echo "no health from $1; its log:"; tail -n 30 "$2"; return 1
}

echo "machine: $(nproc) cores; PostgreSQL $(psql -qtA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'show server_version'); $(haproxy -v | head -n 1)"
START=$(date +%s)
java -Xmx700m -jar "$JAR" "${COMMON[@]}" --server.port="$PORT_A" --lawtrace.instance=a > "$WORK/a.log" 2>&1 &
PID_A=$!
healthy "$A" "$WORK/a.log" "Demo bureau" || exit 1
# B starts on the migrated, seeded database, as a second node does
java -Xmx700m -jar "$JAR" "${COMMON[@]}" --server.port="$PORT_B" --lawtrace.instance=b > "$WORK/b.log" 2>&1 &
PID_B=$!
healthy "$B" "$WORK/b.log" "Demo bureau" || exit 1
sed -e "s/127.0.0.1:8080/127.0.0.1:$PORT_H/" -e "s/127.0.0.1:8081/127.0.0.1:$PORT_A/" \
  -e "s/127.0.0.1:8082/127.0.0.1:$PORT_B/" deploy/haproxy.cfg > "$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PID_H=$!
healthy "$H" "$WORK/haproxy.log" || exit 1
echo "A: pid $PID_A port $PORT_A; B: pid $PID_B port $PORT_B; haproxy: pid $PID_H port $PORT_H; both up after $(( $(date +%s) - START )) s"

# 1. sessions
session_across() {
  local jar="$WORK/cookies" token page
  token=$(curl -s -c "$jar" -b "$jar" "$A/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=zhang.wei" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$token" "$A/login"
  local b_home h_home
  b_home=$(curl -s -o "$WORK/b-home.html" -w '%{http_code}' -b "$jar" -H 'Accept: text/html' "$B/")
  h_home=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'Accept: text/html' "$H/")
  echo "      signed in on A; B answers / with $b_home, haproxy with $h_home"
  [ "$b_home" = 200 ] && [ "$h_home" = 200 ] || return 1
  token=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/b-home.html" | head -n1 | sed 's/.*value="//; s/"$//')
  local out after
  out=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -H 'Accept: text/html' \
    --data-urlencode "_csrf=$token" "$B/logout")
  after=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -H 'Accept: text/html' "$A/")
  echo "      signed out on B: $out; then A answers / with: $after"
  # signed out on B (a redirect to the login page, or 204 to a client that is no browser), A no longer knows the session
  [[ "$out" == 302*logout* || "$out" == 204* ]] && [[ "$after" == 302*login* ]]
}
step "1 signed in through A, served and signed out through B" session_across

# 2. an approval on B enforced on A
make_mp4() { python3 bench/make-mp4.py "$1" 3 10; } # file: 3 MiB, 10 minutes long
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
approval_across() {
  local number="东市监处〔2026〕$(( RANDOM % 90000 + 10000 ))号" case_id rec_id req_id before after
  case_id=$(curl -s -u zhang.wei:demo -H 'Content-Type: application/json' "$A/api/v1/cases" -d '{"caseNumber":"'"$number"'",
    "kind":"ADMINISTRATIVE_PENALTY","procedure":"GENERAL","title":"东阳市示例食品有限公司销售过期食品案","major":false,
    "handlers":["zhang.wei","li.na"],"parties":[{"kind":"ORGANIZATION","name":"东阳市示例食品有限公司","idNumber":"91330783MA2HX7Q5PJ"}]}' | json id)
  make_mp4 "$WORK/evidence.mp4"
  rec_id=$(curl -s -u zhang.wei:demo -F 'metadata={"recordedBy":"zhang.wei","caseId":"'"$case_id"'"};type=application/json' \
    -F "file=@$WORK/evidence.mp4;type=application/octet-stream" "$A/api/v1/recordings" | json id)
  before=$(curl -s -o /dev/null -w '%{http_code}' -u chen.jing:demo "$A/api/v1/recordings/$rec_id/content")
  req_id=$(curl -s -u chen.jing:demo -H 'Content-Type: application/json' "$A/api/v1/access-requests" \
    -d '{"caseId":"'"$case_id"'","scope":"CASE","purpose":"向法院提供证据材料","days":7}' | json id)
  local approved
  approved=$(curl -s -o /dev/null -w '%{http_code}' -u liu.yang:demo -H 'Content-Type: application/json' \
    "$B/api/v1/access-requests/$req_id/approval" -d '{"opinion":"同意"}')
  after=$(curl -s -o "$WORK/fetched.mp4" -w '%{http_code}' -u chen.jing:demo "$A/api/v1/recordings/$rec_id/content")
  echo "      legal affairs opens the case's recording on A: $before before; approval on B: $approved; on A after: $after"
  # refused before (404: a record one may not see is not shown to exist, or 403), served after
  { [ "$before" = 403 ] || [ "$before" = 404 ]; } && [ "$approved" = 200 ] && [ "$after" = 200 ] && cmp -s "$WORK/evidence.mp4" "$WORK/fetched.mp4"
}
step "2 an access approval on B is enforced on A (ART-20)" approval_across

# 3. a rule pack put in force on B is in force on A
rule_pack_across() {
  mkdir -p "$WORK/data/compliance"
  unzip -p "$JAR" BOOT-INF/classes/compliance/rules.yaml \
    | sed 's/^version: .*/version: dongyang-cluster-check/' > "$WORK/data/compliance/rules.yaml"
  local put seen=""
  put=$(curl -s -u admin:demo -X POST "$B/api/v1/compliance/rule-pack/reload" | json version)
  for _ in $(seq 1 20); do
    seen=$(curl -s -u admin:demo "$A/api/v1/compliance/rule-pack" | json version)
    [ "$seen" = dongyang-cluster-check ] && break
    sleep 0.5
  done
  echo "      put in force on B: $put; in force on A: $seen"
  [ "$put" = dongyang-cluster-check ] && [ "$seen" = dongyang-cluster-check ]
}
step "3 a rule pack put in force on B is in force on A" rule_pack_across

# 4. tus: begun on A, A killed -9, finished through haproxy (on B)
tus_across() {
  make_mp4 "$WORK/tus.mp4"
  local size half location offset status rec sha
  size=$(stat -c %s "$WORK/tus.mp4"); half=$(( size / 2 ))
  location=$(curl -s -D - -o /dev/null -u zhang.wei:demo -X POST -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $size" \
    -H "Upload-Metadata: filename $(printf tus.mp4 | base64),recordedBy $(printf zhang.wei | base64)" \
    "$A/api/v1/uploads" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
  head -c "$half" "$WORK/tus.mp4" > "$WORK/tus.first"
  tail -c +$(( half + 1 )) "$WORK/tus.mp4" > "$WORK/tus.rest"
  local path
  path=$(printf '%s' "$location" | sed -E 's#^https?://[^/]+##')
  curl -s -o /dev/null -u zhang.wei:demo -X PATCH -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
    -H 'Content-Type: application/offset+octet-stream' --data-binary "@$WORK/tus.first" "$A$path"
  kill -9 "$PID_A"; wait "$PID_A" 2>/dev/null; PID_A=
  offset=$(curl -s -D - -o /dev/null -u zhang.wei:demo -I -H 'Tus-Resumable: 1.0.0' "$H$path" | tr -d '\r' \
    | awk 'tolower($1)=="upload-offset:" {print $2}')
  status=$(curl -s -D "$WORK/tus.headers" -o /dev/null -w '%{http_code}' -u zhang.wei:demo -X PATCH \
    -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $offset" -H 'Content-Type: application/offset+octet-stream' \
    --data-binary "@$WORK/tus.rest" "$H$path")
  rec=$(tr -d '\r' < "$WORK/tus.headers" | awk 'tolower($1)=="recording-id:" {print $2}')
  sha=$(tr -d '\r' < "$WORK/tus.headers" | awk 'tolower($1)=="recording-sha256:" {print $2}')
  echo "      upload $path: $half of $size bytes sent to A; A killed -9; haproxy (B) says offset $offset;"\
    "last PATCH $status, recording ${rec:-none}"
  [ "$offset" = "$half" ] && [ "$status" = 204 ] && [ -n "$rec" ] \
    && [ "$sha" = "$(sha256sum "$WORK/tus.mp4" | cut -d' ' -f1)" ]
}
step "4 a tus upload begun on A finishes on B after A is killed -9 (ART-15.1)" tus_across

# 5. one audit log: a checkpoint on B, then verify-log over the database both wrote
one_log() {
  curl -s -o /dev/null -u zhao.min:demo -X POST "$B/api/v1/audit/checkpoints"
  local entries
  entries=$(sql "select count(*) || ' entries, numbered ' || min(seq) || '..' || max(seq) from audit_entry")
  # the anchors are objects in the store: verify-log reads the store the instances write
  java -Xmx256m -jar "$JAR" verify-log --lawtrace.data-dir="$WORK/data" ${STORE_ARGS[@]+"${STORE_ARGS[@]}"} \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username="$PG_USER" \
    --spring.datasource.password= > "$WORK/verify.txt" 2>&1
  local rc=$?
  echo "      $entries; verify-log exit $rc: $(head -n 3 "$WORK/verify.txt" | tr '\n' ' ' | cut -c1-200)"
  [ "$rc" = 0 ] && [ "$(sql 'select count(*) = max(seq) + 1 from audit_entry')" = t ] \
    && ! grep -q ' 0 anchors outside the database' "$WORK/verify.txt"
}
step "5 both instances' audit entries verify as one log (ART-22)" one_log

# 6. the fixity audit, timed every 10 s on both instances, ran once per period
job_once() {
  local runs close
  runs=$(sql "select count(*) from storage_fixity_run")
  # two runs of one period would start less than the period apart
  close=$(sql "select count(*) from (select started_at - lag(started_at) over (order by started_at) as gap
    from storage_fixity_run) g where gap < interval '9 seconds'")
  echo "      $runs fixity runs in $(( $(date +%s) - START )) s with both instances timing one every 10 s;" \
    "runs by: $(sql "select string_agg(n || ' by ' || i, ', ') from (select instance i, count(*) n from storage_fixity_run group by instance) x");" \
    "runs closer than a period apart: $close"
  [ "$runs" -ge 2 ] && [ "$close" = 0 ]
}
step "6 a scheduled job ran once per period in the cluster" job_once

# 7. with STORE=s3: the tus upload's bytes are an object in the bucket, under Object Lock
in_bucket() {
  local sha retention
  sha=$(sha256sum "$WORK/tus.mp4" | cut -d' ' -f1)
  s3 GET "$BUCKET/blobs/sha256/$sha" -o "$WORK/from-s3" || return 1
  retention=$(s3 GET "$BUCKET/blobs/sha256/$sha?retention=" | tr -d '\n')
  echo "      object blobs/sha256/$sha: $(stat -c %s "$WORK/from-s3") bytes, sha256 $(sha256sum "$WORK/from-s3" | cut -c1-16)…;" \
    "retention: $(echo "$retention" | grep -o '<Mode>[A-Z]*</Mode><RetainUntilDate>[^<]*' | sed 's/<[^>]*>/ /g')"
  cmp -s "$WORK/tus.mp4" "$WORK/from-s3" && echo "$retention" | grep -q '<Mode>COMPLIANCE</Mode>'
}
[ "${STORE:-filesystem}" = s3 ] && step "7 the upload is an object in the S3 bucket, retained in COMPLIANCE mode" in_bucket

echo "took $(( $(date +%s) - START )) s"
if [ "$FAILED" = 0 ]; then echo "cluster: PASS"; else echo "cluster: FAIL"; fi
exit "$FAILED"
