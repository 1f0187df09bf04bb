#!/usr/bin/env bash
# Start-up (issue 16): time from launching the JVM to a ready instance (/actuator/health/readiness answers UP: the
# database and the store reachable), for a non-demo start, three ways: the fat jar as it is, Spring Boot's extracted
# layout, and the extracted layout with a class-data-sharing archive (made once by a training run that stops after
# the context refresh). Each way starts on an empty database (migrations run) and then restarts on it, as a service
# restart would. Target: <= 5 s to ready on an idle machine. Each line also gives the CPU seconds the JVM used until
# ready (wall time on a shared machine mostly measures the neighbours) and the load average before and after.
# With a JDK of 25 or later (AOT_JAVA, default the newest under /usr/lib/jvm) two more ways: the extracted layout on
# that JDK, and with its ahead-of-time cache (JEP 483/514/515: classes loaded and linked, and method profiles, from a
# training run made the same way as the CDS one), which deploy/install.sh uses when the JDK allows it.
# WAYS="fat extracted cds jdk25 aot" picks the ways (default all five; the last two only when such a JDK is there).
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
# the training run: the context refreshes (every bean made, migrations applied) and the JVM exits, writing the archive
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
  --lawtrace.data-dir="$WORK/train" --server.port=0 > "$WORK/train.log" 2>&1 || { tail -20 "$WORK/train.log" >&2; exit 1; }

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
  "$AOT_JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --lawtrace.data-dir="$WORK/train-aot" --server.port=0 > "$WORK/train-aot.log" 2>&1 \
    || { tail -20 "$WORK/train-aot.log" >&2; exit 1; }
fi

cpu_seconds() { # pid -> CPU seconds the process (and the children it waited for) used so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$1/stat"
}

ready_after() { # label data-dir java-args... -> prints "seconds-to-ready cpu-seconds-to-ready", or fails
  local label=$1 data=$2; shift 2
  local port start
  port=$(free_port)
  start=$(date +%s.%N)
  ${JAVA_CMD:-java} "$@" --server.port="$port" --lawtrace.data-dir="$data" > "$WORK/$label.log" 2>&1 &
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

measure() { # label java-args...
  local label=$1; shift
  local first restarts=() cpus=() started result load
  load=$(cut -d' ' -f1 /proc/loadavg)
  first=$(ready_after "$label-empty" "$WORK/data-$label" "$@" | cut -d' ' -f1)
  for i in $(seq 1 "$RUNS"); do
    result=$(ready_after "$label-$i" "$WORK/data-$label" "$@")
    restarts+=("${result% *}"); cpus+=("${result#* }")
  done
  started=$(grep -o 'Started LawTraceApplication in [0-9.]* seconds' "$WORK/$label-1.log" | grep -o '[0-9.]* seconds' || echo "?")
  printf '%-22s empty database %6s s; restarts %s s (best %s s), CPU %s s (best %s s); Spring says started in %s; load %s..%s\n' \
    "$label" "$first" "${restarts[*]}" "$(printf '%s\n' "${restarts[@]}" | sort -n | head -n 1)" "${cpus[*]}" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | head -n 1)" "$started" "$load" "$(cut -d' ' -f1 /proc/loadavg)"
}

WAYS=${WAYS:-fat extracted cds jdk25 aot}
[[ " $WAYS " == *" fat "* ]] && measure "fat jar" -jar "$JAR"
[[ " $WAYS " == *" extracted "* ]] && measure "extracted" -jar "$APP_JAR"
[[ " $WAYS " == *" cds "* ]] && measure "extracted + CDS" -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:class+path=off -jar "$APP_JAR"
if [ -n "$AOT_JAVA" ]; then
  [[ " $WAYS " == *" jdk25 "* ]] && JAVA_CMD=$AOT_JAVA measure "extracted, JDK 25" -jar "$APP_JAR"
  [[ " $WAYS " == *" aot "* ]] && JAVA_CMD=$AOT_JAVA measure "extracted + AOT cache" -XX:AOTCache="$WORK/app.aot" \
    -Xlog:aot=off -Xlog:cds=off -jar "$APP_JAR"
fi
echo "time to ready = JVM launch to /actuator/health/readiness UP (database and store reachable); non-demo"
echo "CPU = user + system seconds the JVM (and the tools it ran) used until then: less swayed than wall time by a shared machine's load"
