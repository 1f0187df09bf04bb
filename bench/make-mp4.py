#!/usr/bin/env python3
"""Writes an MP4 the store accepts: an ftyp + moov/mvhd header (made an hour ago, MINUTES long) followed by random
"video" payload, SIZE MiB in all (or SIZE as a fraction such as 0.5). Random payload makes every file new to the
store. Usage: bench/make-mp4.py FILE SIZE-MiB [MINUTES (60)]"""
import os, struct, sys, time

path, mib = sys.argv[1], float(sys.argv[2])
minutes = int(sys.argv[3]) if len(sys.argv) > 3 else 60
created = int(time.time()) - 3600 + 2082844800
mvhd = struct.pack('>IIIII', 0, created, created, 1000, minutes * 60 * 1000) + struct.pack('>IH', 0x10000, 0x100) \
    + bytes(10) + struct.pack('>9I', 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000) + bytes(24) + struct.pack('>I', 2)
box = lambda t, b: struct.pack('>I', 8 + len(b)) + t + b
head = box(b'ftyp', b'isom' + struct.pack('>I', 512) + b'isomiso2avc1mp41') + box(b'moov', box(b'mvhd', mvhd))
payload = int(mib * 1024 * 1024) - len(head) - 8
with open(path, 'wb') as f:
    f.write(head + struct.pack('>I', 8 + payload) + b'mdat')
    chunk = os.urandom(min(payload, 16 * 1024 * 1024))
    while payload > 0:
        n = min(payload, len(chunk)); f.write(chunk[:n]); payload -= n
