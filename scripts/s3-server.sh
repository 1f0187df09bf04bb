#!/usr/bin/env bash
# A real S3 server for tests (issue 16): a single-node Ceph cluster from Debian's packages (one mon, one OSD on
# memstore, RADOS Gateway with the beast frontend on a loopback port) in a directory of its own, with an S3 user.
# Nothing is installed or configured outside <dir>; everything lives in memory and in <dir>, and `stop` ends every
# daemon it started (by the pid files in <dir>) and deletes the directory's cluster.
#
#   scripts/s3-server.sh start  <dir>   builds a fresh cluster in <dir> (which must not hold a running one), waits by
#                                       polling until the gateway answers, and writes <dir>/s3.env:
#                                       S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY, S3_SECRET_KEY, S3_SERVER
#   scripts/s3-server.sh stop   <dir>   stops the gateway, the OSD and the mon (TERM, then KILL after 30 s)
#   scripts/s3-server.sh status <dir>   exit 0 when every daemon runs and the gateway answers
#
# Packages (Debian 12, Ceph 16.2 "Pacific"): ceph-mon ceph-osd radosgw ceph-common. No manager daemon is started:
# the gateway needs none (it would be a fourth daemon, in Python, for nothing tested). The cluster listens on 127.0.0.1 only and exists for the
# length of a test run.
# Ceph daemons authenticate with cephx keys generated into <dir>/keyring (the gateway does not run with auth none).
# Environment: S3_PORT (default: a free port), S3_START_TIMEOUT (seconds, default 120).
set -euo pipefail

usage() { echo "usage: $0 start|stop|status <dir>" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
conf=$dir/ceph.conf
timeout=${S3_START_TIMEOUT:-120}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

ceph_() { ceph -c "$conf" --connect-timeout 5 "$@"; }

# polls "$@" until it succeeds or the deadline passes; never a fixed sleep for a daemon
await() {
  local what=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "s3-server: $what did not come up within ${timeout}s; logs in $dir/log" >&2
      return 1
    fi
    sleep 0.2
  done
}

pids() { cat "$dir"/run/*.pid 2>/dev/null || true; }

running() {
  local pid any=1
  for pid in $(pids); do
    if kill -0 "$pid" 2>/dev/null; then any=0; fi
  done
  return $any
}

gateway_answers() {
  # anonymous ListBuckets: 200 with an empty list from RGW once it serves requests
  [ -f "$dir/s3.env" ] || return 1
  # shellcheck disable=SC1091
  . "$dir/s3.env"
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$S3_ENDPOINT/" | grep -qE '^(200|403)$'
}

stop() {
  local pid deadline
  for name in client.rgw osd.0 mon.a; do
    [ -f "$dir/run/$name.pid" ] || continue
    pid=$(cat "$dir/run/$name.pid")
    kill "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then kill -9 "$pid" 2>/dev/null || true; fi
      sleep 0.1
    done
    rm -f "$dir/run/$name.pid"
  done
  rm -rf "$dir/mon" "$dir/osd" "$dir/run" "$dir/s3.env" "$dir/keyring"
}

start() {
  if running; then
    echo "s3-server: a cluster already runs in $dir; stop it first" >&2
    exit 1
  fi
  for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph ceph-authtool monmaptool curl python3; do
    command -v "$tool" >/dev/null || { echo "s3-server: $tool is missing (apt-get install ceph-mon ceph-osd radosgw ceph-common curl)" >&2; exit 3; }
  done
  rm -rf "$dir/mon" "$dir/osd" "$dir/run" "$dir/log" "$dir/s3.env"
  mkdir -p "$dir/mon" "$dir/osd/ceph-0" "$dir/run" "$dir/log" "$dir/rgw"
  local fsid mon_port s3_port osd_uuid
  fsid=$(python3 -c 'import uuid; print(uuid.uuid4())')
  osd_uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
  mon_port=$(free_port)
  s3_port=${S3_PORT:-$(free_port)}
  cat > "$conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
public addr = 127.0.0.1
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $dir/keyring
run dir = $dir/run
pid file = $dir/run/\$name.pid
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
mon data = $dir/mon/\$cluster-\$id
osd data = $dir/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = 2147483648
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
ms bind ipv6 = false
ms bind msgr1 = false
osd memory target = 939524096
debug ms = 0
debug mon = 0
debug osd = 0
debug rgw = 0

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$s3_port
rgw data = $dir/rgw
rgw thread pool size = 64
rgw enable usage log = false
EOF
  local key
  for entity in mon. client.admin osd.0 client.rgw; do
    key=(--gen-key -n "$entity")
    case $entity in
      mon.) key+=(--cap mon 'allow *') ;;
      client.admin) key+=(--cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *') ;;
      osd.0) key+=(--cap mon 'allow profile osd' --cap osd 'allow *' --cap mgr 'allow profile osd') ;;
      client.rgw) key+=(--cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw') ;;
    esac
    if [ "$entity" = mon. ]; then ceph-authtool --create-keyring "$dir/keyring" "${key[@]}" >/dev/null
    else ceph-authtool "$dir/keyring" "${key[@]}" >/dev/null; fi
  done
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/run/monmap" >/dev/null
  ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/run/monmap" --keyring "$dir/keyring" >>"$dir/log/setup.log" 2>&1
  ceph-mon -c "$conf" -i a >>"$dir/log/setup.log" 2>&1
  await "the monitor" ceph_ mon stat
  ceph_ auth import -i "$dir/keyring" >>"$dir/log/setup.log" 2>&1

  local id
  id=$(ceph_ osd new "$osd_uuid")
  [ "$id" = 0 ] || { echo "s3-server: expected OSD 0, got $id" >&2; exit 1; }
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/setup.log" 2>&1
  ceph-osd -c "$conf" -i 0 >>"$dir/log/setup.log" 2>&1
  await "the OSD" sh -c "ceph -c '$conf' --connect-timeout 5 osd dump | grep -q '^osd.0 up'"

  radosgw -c "$conf" -n client.rgw >>"$dir/log/setup.log" 2>&1
  local access secret
  access=$(python3 -c 'import secrets; print(secrets.token_hex(10).upper())')
  secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')
  # the gateway creates its pools as it starts; the user is written once they exist
  await "the gateway's pools" timeout 30 radosgw-admin -c "$conf" user create --uid=lawtrace --display-name=LawTrace \
    --access-key="$access" --secret-key="$secret"
  cat > "$dir/s3.env" <<EOF
S3_ENDPOINT=http://127.0.0.1:$s3_port
S3_REGION=us-east-1
S3_ACCESS_KEY=$access
S3_SECRET_KEY=$secret
S3_SERVER="Ceph RGW $(ceph --version | awk '{print $3}')"
EOF
  await "the gateway" gateway_answers
}

case $action in
  start)
    if ! start; then stop; exit 1; fi
    cat "$dir/s3.env"
    ;;
  stop) stop ;;
  status)
    running && gateway_answers && { cat "$dir/s3.env"; exit 0; }
    exit 1
    ;;
  *) usage ;;
esac
