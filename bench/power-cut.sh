#!/usr/bin/env bash
# ART-15.1 power-cut test (issue 12): an acknowledged upload must survive a power cut, not only a kill -9.
# Puts the LawTrace data directory (blob store, key file, anchors, embedded H2) and, for postgres, a PostgreSQL cluster
# of its own on LazyFS (https://github.com/dsrhaslab/lazyfs), a FUSE file system that keeps every write not yet
# fsynced in its own cache and throws that cache away on command, as a power cut would. Then runs
# bench/crash-durability.sh with a "power cut" after every kill -9: LawTrace is killed the moment its 201 arrives,
# PostgreSQL is killed with -9 as well, LazyFS drops what was not fsynced, PostgreSQL restarts and recovers.
# Before the rounds it proves the cut is real: a file written without fsync must come back empty.
#
# Usage: LAZYFS=<path to the lazyfs binary> bench/power-cut.sh [h2|postgres] [N (50)] [recordings|documents]
# Needs root (it opens /dev/fuse to the postgres user and runs PostgreSQL's initdb/pg_ctl as postgres), fuse3, and for
# postgres the PostgreSQL server binaries (Debian postgresql). LazyFS is built from source: its CMake files fetch
# toml11 v3.7.1 and spdlog v1.10.0 from GitHub; Debian bookworm has both (libtoml11-dev, libspdlog-dev, with
# libfuse3-dev, cmake, g++), so replace the two FetchContent blocks in libs/libpcache/CMakeLists.txt with
# find_package(toml11)/find_package(spdlog)/find_package(fmt), link spdlog::spdlog fmt::fmt, and drop the _deps paths in
# lazyfs/CMakeLists.txt; then libs/libpcache/build.sh and lazyfs/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}
N=${2:-50}
KIND=${3:-recordings}
: "${LAZYFS:?set LAZYFS to the lazyfs binary}"
PGBIN=${PGBIN:-/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)/bin}
PORT=${PGPORT_CUT:-5433}
LZ=$(mktemp -d /tmp/lawtrace-powercut.XXXXXX)
MNT=$LZ/mnt
export LZ MNT PGBIN PORT

pg() { su postgres -s /bin/sh -c "$*"; }
cleanup() {
  if [ "$DB" = postgres ]; then pg "$PGBIN/pg_ctl -D $MNT/pgdata -m immediate stop" >/dev/null 2>&1 || true; fi
  fusermount3 -u "$MNT" 2>/dev/null || true
  rm -rf "$LZ"
}
trap cleanup EXIT

mkdir -p "$LZ/root" "$MNT"
cat > "$LZ/lazyfs.toml" <<TOML
[faults]
fifo_path="$LZ/faults.fifo"
[cache]
apply_eviction=false
[cache.simple]
custom_size="2gb"
blocks_per_page=1
[filesystem]
log_all_operations=false
logfile=""
TOML
chown -R postgres:postgres "$LZ"
chmod o+rw /dev/fuse
grep -q '^user_allow_other' /etc/fuse.conf 2>/dev/null || echo user_allow_other >> /etc/fuse.conf
# LazyFS runs as postgres so the files PostgreSQL creates through it are its own; LawTrace (root) reaches them too.
pg "$LAZYFS $MNT --config-path $LZ/lazyfs.toml -o allow_other -o modules=subdir -o subdir=$LZ/root > $LZ/lazyfs.log 2>&1 &"
for _ in $(seq 1 300); do grep -q " $MNT fuse" /proc/mounts && [ -p "$LZ/faults.fifo" ] && break; sleep 0.2; done
grep -q " $MNT fuse" /proc/mounts || { echo "LazyFS did not mount; its log:" >&2; cat "$LZ/lazyfs.log" >&2; exit 1; }

cut_power() { echo "lazyfs::clear-cache" > "$LZ/faults.fifo"; sleep 0.5; }
# the cut is real: unsynced bytes are lost, synced bytes kept
printf 'not synced' > "$MNT/unsynced.txt"
python3 -c 'import os,sys; f=os.open(sys.argv[1], os.O_CREAT|os.O_WRONLY, 0o644); os.write(f, b"synced"); os.fsync(f); os.close(f)' "$MNT/synced.txt"
cut_power
[ ! -s "$MNT/unsynced.txt" ] && [ "$(cat "$MNT/synced.txt")" = synced ] \
  || { echo "LazyFS did not drop unsynced writes; the test would prove nothing" >&2; exit 1; }
echo "power cut check: unsynced write lost, fsynced write kept"
rm -f "$MNT/unsynced.txt" "$MNT/synced.txt"

if [ "$DB" = postgres ]; then
  pg "$PGBIN/initdb -D $MNT/pgdata -A trust -U postgres" > "$LZ/initdb.log"
  start_pg() { pg "$PGBIN/pg_ctl -D $MNT/pgdata -o '-p $PORT -k $LZ -c listen_addresses=127.0.0.1' -l $LZ/pg.log start -w" > /dev/null; }
  start_pg
  cat > "$LZ/cut.sh" <<CUT
#!/bin/sh
# kill -9 PostgreSQL (every backend), drop what was not fsynced, restart: crash recovery from the WAL
# only this cluster: its postmaster frozen first so it forks nothing more, then its children, then itself
PID=\$(head -n 1 $MNT/pgdata/postmaster.pid)
kill -STOP "\$PID"; pkill -9 -P "\$PID" || true; kill -9 "\$PID" || true
for _ in \$(seq 1 100); do kill -0 "\$PID" 2>/dev/null || break; sleep 0.1; done
rm -f $MNT/pgdata/postmaster.pid
echo "lazyfs::clear-cache" > "$LZ/faults.fifo"; sleep 0.5
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $MNT/pgdata -o '-p $PORT -k $LZ -c listen_addresses=127.0.0.1' -l $LZ/pg.log start -w" > /dev/null
CUT
  chmod +x "$LZ/cut.sh"
  PGPORT=$PORT DATA_PARENT=$MNT POWER_CUT="$LZ/cut.sh" bench/crash-durability.sh postgres "$N" "$KIND"
else
  DATA_PARENT=$MNT POWER_CUT="echo lazyfs::clear-cache > $LZ/faults.fifo; sleep 0.5" bench/crash-durability.sh h2 "$N" "$KIND"
fi
