#!/usr/bin/env bash
# Start-up (issue 16): time from launching the JVM to a ready instance (/actuator/health/readiness answers UP: the
# database and the store reachable), for a non-demo start, in several ways: the fat jar as it is, Spring Boot's extracted
# layout, and the extracted layout with a class-data-sharing archive (made once by a training run that starts as in
# service, asks itself for its readiness once ready, and stops: --lawtrace.training-run=true). Each way starts on an
# empty database (migrations run) and then restarts on it, as a service restart would. Target: <= 5 s to ready on an
# idle machine. Each line also gives the CPU seconds the JVM used until
# ready (wall time on a shared machine mostly measures the neighbours) and the load average before and after.
# The CDS way also uses the bean definitions Spring AOT made when the jar was built (-Dspring.aot.enabled=true, ADR
# 0031), as deploy/install.sh starts the jar.
# With a JDK of 25 or later (AOT_JAVA, default the newest under /usr/lib/jvm) three more ways: the extracted layout on
# that JDK; with its ahead-of-time cache (JEP 483/514/515: classes loaded and linked, and method profiles, from a
# training run made the same way as the CDS one) alone, as deploy/install.sh started the jar before ADR 0031; and
# with that cache and Spring AOT's bean definitions, as deploy/install.sh starts it now when the JDK allows it.
# WAYS="fat extracted cds jdk25 aot-cache aot" picks the ways (default all six; the last three only with such a JDK).
# JVM_OPTS (e.g. -XX:+UseParallelGC) are added to every start and training run.
# Usage: bench/startup.sh [jar (target/lawtrace.jar)] [restarts per way (3)]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/lawtrace.jar}
RUNS=${2:-3}
# a jar without the readiness group (before issue 16) is measured with READY_PATH=/actuator/health
READY_PATH=${READY_PATH:-/actuator/health/readiness}
[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package
WORK=$(mktemp -d /tmp/lawtrace-startup.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
SPRING_AOT=-Dspring.aot.enabled=true
JVM_OPTS=${JVM_OPTS:-}
WAYS=${WAYS:-fat extracted cds jdk25 aot-cache aot}
wants() { [[ " $WAYS " == *" $1 "* ]]; }
# a training run: the server starts (every bean made, migrations applied), answers its first requests and stops; the
# JVM writes the cache its options name as it exits. Only the ways chosen get one.
train() { # key java java-options...
  local key=$1 java=$2; shift 2
  # shellcheck disable=SC2086 # JVM_OPTS holds several options
  timeout 600 "$java" $JVM_OPTS "$@" -jar "$APP_JAR" --lawtrace.training-run=true \
    --lawtrace.data-dir="$WORK/train-$key" --server.port=0 > "$WORK/train-$key.log" 2>&1 \
    || { tail -20 "$WORK/train-$key.log" >&2; exit 1; }
}
if wants cds; then train cds java -XX:ArchiveClassesAtExit="$WORK/app.jsa" $SPRING_AOT; fi

# a JDK of 25 or later for the ahead-of-time cache ways, if there is one
AOT_JAVA=${AOT_JAVA:-}
if [ -z "$AOT_JAVA" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V -r); do
    feature=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${feature:-0}" -ge 25 ] 2>/dev/null; then AOT_JAVA=$candidate; break; fi
  done
fi
if [ -n "$AOT_JAVA" ]; then
  echo "ahead-of-time cache ways on $("$AOT_JAVA" -version 2>&1 | head -n 1)"
  if wants aot-cache; then train aot-cache "$AOT_JAVA" -XX:AOTCacheOutput="$WORK/app.aot"; fi
  if wants aot; then train aot "$AOT_JAVA" -XX:AOTCacheOutput="$WORK/spring.aot" $SPRING_AOT; fi
fi

cpu_seconds() { # pid -> CPU seconds the process (and the children it waited for) used so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$1/stat"
}

ready_after() { # label data-dir java-args... -> prints "seconds-to-ready cpu-seconds-to-ready", or fails
  local label=$1 data=$2; shift 2
  local port start
  port=$(free_port)
  start=$(date +%s.%N)
  "${JAVA_CMD:-java}" $JVM_OPTS "$@" --server.port="$port" --lawtrace.data-dir="$data" > "$WORK/$label.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 3600); do
    if curl -fs "http://127.0.0.1:$port$READY_PATH" > /dev/null 2>&1; then
      local cpu
      cpu=$(cpu_seconds "$SERVER")
      python3 -c "import time; print(f'{time.time() - $start:.2f} $cpu')"
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
      return 0
    fi
    kill -0 "$SERVER" 2>/dev/null || { echo "$label: the server exited" >&2; tail -20 "$WORK/$label.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "$label: not ready after 180 s" >&2; exit 1
}

# The ways take turns, restart by restart: this machine's speed drifts within minutes, and a way measured all at once
# after another would be judged on a different machine. Each way's figure is the median of its restarts.
LABELS=(); declare -A COMMAND JAVA_OF RESTARTS CPUS FIRST
way() { # key label java command args...
  local key=$1 label=$2 java=$3; shift 3
  wants "$key" || return 0
  LABELS+=("$label"); JAVA_OF[$label]=$java; COMMAND[$label]="$*"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
key_of() { echo "$1" | tr -c 'a-zA-Z0-9\n' '-'; }

way fat "fat jar" java -jar "$JAR"
way extracted "extracted" java -jar "$APP_JAR"
way cds "extracted + CDS + Spring AOT" java -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:class+path=off \
  $SPRING_AOT -jar "$APP_JAR"
if [ -n "$AOT_JAVA" ]; then
  way jdk25 "extracted, JDK 25" "$AOT_JAVA" -jar "$APP_JAR"
  way aot-cache "extracted + AOT cache" "$AOT_JAVA" -XX:AOTCache="$WORK/app.aot" -Xlog:aot=off -Xlog:cds=off -jar "$APP_JAR"
  way aot "AOT cache + Spring AOT" "$AOT_JAVA" -XX:AOTCache="$WORK/spring.aot" -Xlog:aot=off -Xlog:cds=off $SPRING_AOT \
    -jar "$APP_JAR"
fi
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
for label in "${LABELS[@]}"; do
  key=$(key_of "$label")
  # shellcheck disable=SC2086 # the command's words were joined by way()
  FIRST[$label]=$(JAVA_CMD=${JAVA_OF[$label]} ready_after "$key-empty" "$WORK/data-$key" ${COMMAND[$label]} | cut -d' ' -f1)
done
for i in $(seq 1 "$RUNS"); do
  for label in "${LABELS[@]}"; do
    key=$(key_of "$label")
    # shellcheck disable=SC2086
    result=$(JAVA_CMD=${JAVA_OF[$label]} ready_after "$key-$i" "$WORK/data-$key" ${COMMAND[$label]})
    RESTARTS[$label]="${RESTARTS[$label]:-} ${result% *}"; CPUS[$label]="${CPUS[$label]:-} ${result#* }"
  done
done
for label in "${LABELS[@]}"; do
  key=$(key_of "$label")
  started=$(grep -o 'Started LawTraceApplication in [0-9.]* seconds' "$WORK/$key-1.log" | grep -o '[0-9.]* seconds' || echo "?")
  # shellcheck disable=SC2086
  printf '%-30s empty database %6s s; restarts%s s: median %s s, best %s s; CPU%s s: median %s s; Spring says started in %s\n' \
    "$label" "${FIRST[$label]}" "${RESTARTS[$label]}" "$(median ${RESTARTS[$label]})" \
    "$(printf '%s\n' ${RESTARTS[$label]} | sort -n | head -n 1)" "${CPUS[$label]}" "$(median ${CPUS[$label]})" "$started"
done
echo "load average ${LOAD_BEFORE} before, $(cut -d' ' -f1 /proc/loadavg) after"
echo "time to ready = JVM launch to /actuator/health/readiness UP (database and store reachable); non-demo"
echo "CPU = user + system seconds the JVM (and the tools it ran) used until then: less swayed than wall time by a shared machine's load"
