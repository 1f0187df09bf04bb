#!/usr/bin/env bash
# Installs or upgrades LawTrace for deploy/lawtrace@.service in the form that starts fastest (issue 16; measured by
# bench/startup.sh): Spring Boot's extracted layout (the application jar beside lib/, no nested jars to open) plus a
# class-data-sharing archive of the classes a start loads, made by a training run that builds the whole context on a
# throw-away embedded database in a temporary directory and exits (no production database or data directory is
# touched). The archive belongs to this JVM and these jars at this path: run this again after every upgrade of the
# jar or the JDK. A JVM that finds the archive stale starts without it (slower, never wrong).
# Usage (as root): deploy/install.sh path/to/lawtrace.jar [/opt/lawtrace]
#   then restart the instances one after the other: systemctl restart lawtrace@a; ... lawtrace@b
set -euo pipefail
JAR=$(readlink -f "${1:?usage: deploy/install.sh path/to/lawtrace.jar [/opt/lawtrace]}")
DEST=${2:-/opt/lawtrace}
mkdir -p "$DEST"
NEW="$DEST/app.new"
rm -rf "$NEW"
java -Djarmode=tools -jar "$JAR" extract --destination "$NEW" > /dev/null
[ -f "$NEW/lawtrace.jar" ] || mv "$NEW/$(basename "$JAR")" "$NEW/lawtrace.jar"
# the archive records the jars' paths: the new layout takes its final place first (running instances keep the files
# they opened), then the training run makes the archive there
rm -rf "$DEST/app.old"
[ -d "$DEST/app" ] && mv "$DEST/app" "$DEST/app.old"
mv "$NEW" "$DEST/app"
TRAIN=$(mktemp -d /tmp/lawtrace-cds.XXXXXX)
trap 'rm -rf "$TRAIN"' EXIT
if ! java -XX:ArchiveClassesAtExit="$DEST/app/lawtrace.jsa" -Dspring.context.exit=onRefresh \
    -jar "$DEST/app/lawtrace.jar" --lawtrace.data-dir="$TRAIN/data" --server.port=0 --lawtrace.instance=training \
    > "$TRAIN/training.log" 2>&1; then
  tail -n 30 "$TRAIN/training.log" >&2
  echo "the training run failed: $DEST/app is installed without an archive (it starts, only slower)" >&2
  exit 1
fi
chmod -R a+rX "$DEST/app"
echo "installed $JAR in $DEST/app ($(du -sh "$DEST/app/lawtrace.jsa" | cut -f1) class-data archive); restart the instances one after the other"
