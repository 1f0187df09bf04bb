#!/usr/bin/env bash
# Installs or upgrades LawTrace for deploy/lawtrace@.service in the form that starts fastest (issue 16; measured by
# bench/startup.sh): Spring Boot's extracted layout (the application jar beside lib/, no nested jars to open) plus a
# cache of what a start loads, made by a training run that builds the whole context on a throw-away embedded database
# in a temporary directory and exits (no production database or data directory is touched):
# - on a JDK of 25 or later, its ahead-of-time cache (JEP 483/514/515: classes already loaded and linked, and the
#   training run's method profiles), the fastest start measured;
# - on an older JDK (17), a class-data-sharing archive.
# The JDK is LAWTRACE_JAVA (a java binary) if set, else the newest JDK of 25 or later under /usr/lib/jvm, else the
# `java` on the PATH. The service runs that same JDK: $DEST/app/java links to it, and $DEST/app/start.env names the
# cache. The cache belongs to this JDK and these jars at this path: run this again after every upgrade of the jar or
# the JDK. A JVM that finds the cache stale starts without it (slower, never wrong).
# Usage (as root): deploy/install.sh path/to/lawtrace.jar [/opt/lawtrace]
#   then restart the instances one after the other: systemctl restart lawtrace@a; ... lawtrace@b
set -euo pipefail
JAR=$(readlink -f "${1:?usage: deploy/install.sh path/to/lawtrace.jar [/opt/lawtrace]}")
DEST=${2:-/opt/lawtrace}

feature() { # java binary -> its feature version (17, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
JAVA=${LAWTRACE_JAVA:-}
if [ -z "$JAVA" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V -r); do
    if [ "$(feature "$candidate")" -ge 25 ] 2>/dev/null; then JAVA=$candidate; break; fi
  done
fi
JAVA=$(readlink -f "${JAVA:-$(command -v java)}")
VERSION=$(feature "$JAVA")

mkdir -p "$DEST"
NEW="$DEST/app.new"
rm -rf "$NEW"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$NEW" > /dev/null
[ -f "$NEW/lawtrace.jar" ] || mv "$NEW/$(basename "$JAR")" "$NEW/lawtrace.jar"
ln -s "$JAVA" "$NEW/java"
# the cache records the jars' paths: the new layout takes its final place first (running instances keep the files
# they opened), then the training run makes the cache there
rm -rf "$DEST/app.old"
[ -d "$DEST/app" ] && mv "$DEST/app" "$DEST/app.old"
mv "$NEW" "$DEST/app"
TRAIN=$(mktemp -d /tmp/lawtrace-cache.XXXXXX)
trap 'rm -rf "$TRAIN"' EXIT
# the bean definitions Spring AOT made when the jar was built (ADR 0031): no configuration classes parsed at start
SPRING_AOT="-Dspring.aot.enabled=true"
if [ "$VERSION" -ge 25 ] 2>/dev/null; then
  CACHE="$DEST/app/lawtrace.aot"
  TRAINING=(-XX:AOTCacheOutput="$CACHE")
  START="$SPRING_AOT -XX:AOTCache=$CACHE -Xlog:aot=off -Xlog:cds=off"
  WHAT="ahead-of-time cache (JDK $VERSION)"
else
  CACHE="$DEST/app/lawtrace.jsa"
  TRAINING=(-XX:ArchiveClassesAtExit="$CACHE")
  START="$SPRING_AOT -XX:SharedArchiveFile=$CACHE -Xshare:auto"
  WHAT="class-data-sharing archive (JDK $VERSION)"
fi
# quoted: systemd (EnvironmentFile) and a shell that sources the file read it the same way
echo "LAWTRACE_START_OPTS=\"$START\"" > "$DEST/app/start.env"
# the training run starts as in service, asks itself for its first answers once ready, and stops (TrainingRun)
if ! timeout 600 "$JAVA" "${TRAINING[@]}" "$SPRING_AOT" -jar "$DEST/app/lawtrace.jar" --lawtrace.training-run=true \
    --lawtrace.data-dir="$TRAIN/data" --server.port=0 --server.address=127.0.0.1 --lawtrace.instance=training \
    > "$TRAIN/training.log" 2>&1 || [ ! -f "$CACHE" ]; then
  tail -n 30 "$TRAIN/training.log" >&2
  echo "LAWTRACE_START_OPTS=" > "$DEST/app/start.env"
  echo "the training run failed: $DEST/app is installed without a cache (it starts, only slower)" >&2
  exit 1
fi
chmod -R a+rX "$DEST/app"
echo "installed $JAR in $DEST/app ($(du -sh "$CACHE" | cut -f1) $WHAT); restart the instances one after the other"
